"""The compiled wire converter: decoded JSON to a model in one straight-line function per class.

Each field's value is fetched (by subscript when the dict has exactly the declared keys, else with
``get``; a dict of optional sub-objects, one-of style, by walking its own keys), then its kind's
code decides: the kind's usual case first (``Kind.usual``, written inline), anything else (missing
and null included) in one call of the field's slow path, which ends in the kind's ``rest``. The
converter knows no kind: nested models and lists of them are inlined because their kinds ask for
it (``inline_model``), up to a bound on the fields per function, so a list of same-shaped objects
is one loop with no Python call per item; the globals and builtins the body reads are unpacked into
locals once per call. Each model is filled as its plain twin class, then given its own class: the
stores skip the checked assignment of models. The source is registered with ``linecache`` so
tracebacks and debuggers show it. Success pays nothing for error reporting: a ``FieldError``
collects its path as it unwinds.

With ``consume`` (decoded JSON the SDK owns, never a caller's) lists of models are emptied as they
are read, so each item's dicts are freed while the models are built: allocations minus
deallocations stay low, and the cyclic GC runs about as often as for ``json.loads`` alone.
"""

from __future__ import annotations

from typing import Any, Optional

from kalshi._model.fields import Field
from kalshi._model.source import INLINE_FIELDS, MISSING, Converter, FieldError, Mode, Source, indent

__all__ = ["compile_converter", "compile_list_converter", "unchecked_twin"]


class _ModelSource(Source):
    """The source of one model's wire converter: nested models are written inline while they fit."""

    def __init__(self, mode: Mode, top: Any) -> None:
        super().__init__(mode)
        self.budget = INLINE_FIELDS - len(getattr(top, "_fields", ()))
        self.outer: tuple[Any, ...] = (top,)  # the models being written (recursive schemas stop here)

    def inline_model(self, cls: Any, v: str) -> Optional[list[str]]:
        # A plain model (not a list model), not already being written, and small enough for what
        # is left of the budget.
        fields: Optional[tuple[Field, ...]] = getattr(cls, "_fields", None)
        if fields is None or hasattr(cls, "item_type") or cls in self.outer or len(fields) > self.budget:
            return None
        self.budget -= len(fields)
        built = self.fresh("m")
        self.outer += (cls,)
        lines = _model_block(self, cls, self.bind(cls.__name__ + "_", cls), v, built)
        self.outer = self.outer[:-1]
        return [f"# {cls.__name__}, inline", *lines, f"{v} = {built}"]


def compile_converter(cls: Any, mode: Mode) -> Converter:
    """Build ``wire dict -> cls``; an unchecked mode keeps values the fields refuse."""
    src = _ModelSource(mode, cls)
    src.env["CLS"] = cls
    src.env["coerce_mapping"] = _mapping_or_instance(cls)
    head = ["if d.__class__ is not dict:", "    d = coerce_mapping(d)"]
    head += ["    if d.__class__ is CLS:", "        return d"]
    body = [*head, *_model_block(src, cls, "CLS", "d", "self"), "return self"]
    return src.compile(["def convert(d):", *indent(body)], f"{cls.__module__}.{cls.__qualname__}")


def compile_list_converter(cls: Any, mode: Mode) -> Converter:
    """Build ``wire list -> cls`` for a list-shaped model: its items are its list kind's."""
    src = _ModelSource(mode, cls)
    src.env["CLS"] = cls
    head = [
        "if d.__class__ is not list:",
        "    if d.__class__ is CLS:",
        "        return d",
        "    if not isinstance(d, (list, tuple)):",
        f"        raise FieldError(d, {cls.__name__ + ' (a JSON array)'!r})",
        "    d = list(d)",
        "self = new(CLS)",
    ]
    body = [*head, *cls._list_kind.each(src, "d"), "self.value = d", "return self"]
    return src.compile(["def convert(d):", *indent(body)], f"{cls.__module__}.{cls.__qualname__}")


def _model_block(src: _ModelSource, cls: Any, cls_name: str, d: str, out: str) -> list[str]:
    """Lines that build ``out``, a ``cls``, from the dict in variable ``d``."""
    fields: tuple[Field, ...] = cls._fields
    names = [src.fresh("v") for _ in fields]
    # Filled as its store-as-is twin, then made a ``cls``: the model's checked assignment is for users.
    lines = [f"{out} = {src.bind(cls.__name__ + '_raw', unchecked_twin(cls))}()"]
    if len(fields) > 1 and all(not f.required and f.kind.model is not None for f in fields):
        lines += _one_of_block(src, fields, names, d, out)
        return [*lines, f"{out}.__class__ = {cls_name}"]
    known = src.bind("KNOWN", frozenset(f.wire for f in fields))
    # Unknown keys are kept; only a dict that is not exactly the declared keys can have any.
    extra = f"None if {known}.issuperset({d}) else {{k: x for k, x in {d}.items() if k not in {known}}}"
    if fields:
        lines += _exact_reads(fields, names, d, out, extra)
    else:
        lines.append(f"{out}._extra = {extra}")
    for v, f in zip(names, fields):
        lines += _field(src, f, v)
        lines.append(f"{out}.{f.name} = {v}")
    return [*lines, f"{out}.__class__ = {cls_name}"]


def _exact_reads(fields: tuple[Field, ...], names: list[str], d: str, out: str, extra: str) -> list[str]:
    """Lines that read the fields of the dict in ``d`` into ``names``, its unknown keys into ``out._extra``.

    Usually the dict has exactly the declared keys: they are read by subscript, and a missing one
    (so some other key is unknown) starts the general reads over.
    """
    gets = [f"{v} = {d}.get({f.wire!r}, M)" for v, f in zip(names, fields)]
    subscripts = [f"{v} = {d}[{f.wire!r}]" for v, f in zip(names, fields)]
    return [
        f"if len({d}) == {len(fields)}:",
        "    try:",
        *indent(subscripts, 8),
        f"        {out}._extra = None",
        "    except KeyError:",
        *indent(gets, 8),
        f"        {out}._extra = {extra}",
        "else:",
        *indent(gets),
        f"    {out}._extra = {extra}",
    ]


def _one_of_block(src: _ModelSource, fields: tuple[Field, ...], names: list[str], d: str, out: str) -> list[str]:
    """Optional sub-objects of which a dict holds a few (one, for a history entry's data): walk its keys.

    Probing every declared key costs more than visiting the present ones; the absent stay None.
    """
    k, x, extra = src.fresh("k"), src.fresh("x"), src.fresh("extra")
    lines = [" = ".join([*(f"{out}.{f.name}" for f in fields), "None"]), f"{extra} = None"]
    lines.append(f"for {k}, {x} in {d}.items():")
    for j, (v, f) in enumerate(zip(names, fields)):
        branch = [f"{v} = {x}", *_field(src, f, v, present=True), f"{out}.{f.name} = {v}"]
        lines += [f"    {'if' if j == 0 else 'elif'} {k} == {f.wire!r}:", *indent(branch, 8)]
    lines += ["    else:", f"        if {extra} is None:", f"            {extra} = {{}}", f"        {extra}[{k}] = {x}"]
    return [*lines, f"{out}._extra = {extra}"]


def _field(src: _ModelSource, f: Field, v: str, present: bool = False) -> list[str]:
    """Check and convert one fetched value: its kind's usual code inline, all else in one slow-path call.

    No ``try`` around a usual case that cannot fail inside (a scalar's, a time's): the slow path
    names the field in its own refusals, so the usual case runs the fewest instructions (a ``try``
    costs two more per field before 3.11).
    """
    slow = src.bind("slow", _slow_path(f, src.env[src.rest(f.kind)], src.check))
    usual = f.kind.usual(src, v, slow)
    strict = f.required and src.check and not present  # missing and null are refused, in the slow path
    rest = f"{v} = {slow}({v})" if strict or present else f"{v} = None if {v} is M else {slow}({v})"
    other = "" if strict else f" and {v} is not None"
    if usual is None:
        return [rest] if strict else [f"if {v} is not None:", f"    {rest}"]
    if not usual.body:
        return [f"if not ({usual.test}){other}:", f"    {rest}"]
    body = list(usual.body)
    if usual.inner and src.check:
        # A refusal deeper down learns this field's name on the way out (free on success).
        body = ["try:", *indent(body), "except FieldError as e:", f"    e.path.append({f.wire!r})", "    raise"]
    return [f"if {usual.test}:", *indent(body), f"elif {v} is not None:" if other else "else:", f"    {rest}"]


def _slow_path(f: Field, rest: Converter, check: bool) -> Converter:
    """A field's value that is not the usual one: missing, null, or for the kind's ``rest``."""
    wire, required = f.wire, f.required and check

    def slow(value: Any) -> Any:
        if value is MISSING or value is None:
            if required:
                raise FieldError(value, "present" if value is MISSING else "not null", wire)
            return None
        try:
            return rest(value)
        except FieldError as err:
            err.path.append(wire)
            raise

    return slow


def unchecked_twin(cls: Any) -> Any:
    """A subclass of ``cls`` with no slots of its own whose attribute stores are the plain ones.

    A model checks every assignment (``Model.__setattr__``); the converter stores values it has
    just checked itself, so it fills an instance of this twin at full speed and then sets its
    ``__class__`` to ``cls`` (allowed: same layout), which costs one store per model. The twin's
    ``__new__`` and ``__init__`` are ``object``'s, so calling it makes an empty instance in C: a
    quarter cheaper than ``object.__new__(twin)``, which builds and slices an argument tuple.
    """
    twin = cls.__dict__.get("_unchecked_twin")
    if twin is None:
        # Both: one type slot serves assignment and deletion, and is the plain one only if both are.
        plain = {"__setattr__": object.__setattr__, "__delattr__": object.__delattr__}
        # Made by calling it: object's constructor, whatever a subclass of a model defines.
        plain.update(__new__=object.__new__, __init__=object.__init__)
        body = {"__slots__": (), **plain, "__module__": cls.__module__}
        # type.__new__ directly: the model metaclass would build a field table the twin inherits anyway.
        twin = type.__new__(type(cls), cls.__name__, (cls,), body)
        type.__setattr__(cls, "_unchecked_twin", twin)
    return twin


def _mapping_or_instance(cls: Any) -> Converter:
    # Not a plain dict: an instance passes as is; another mapping is read as a dict.
    def coerce(d: Any) -> Any:
        if isinstance(d, cls):
            return d
        if hasattr(d, "keys") and hasattr(d, "__getitem__"):
            return dict(d)
        raise FieldError(d, f"{cls.__name__} (a JSON object)")

    return coerce
