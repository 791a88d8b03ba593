"""The compiled wire converter: decoded JSON to a model in one straight-line function per class.

Each field's value is fetched (by subscript when the dict has exactly the declared keys, in a list
with the first item's own key strings; else with ``get``; a dict of optional sub-objects, one-of
style, by walking its own keys), then checked once: the usual case first (already final per the
kind's ``fast_test``, a dict for a model, text for a time), then missing and null, anything else
handed to the kind's converter. Nested models and lists of models are written inline, up to a
bound on the fields per function, so a list of same-shaped objects is one loop with no Python call
per item; the globals and builtins the body reads are unpacked into locals once per call. Each
model is filled as its plain twin class, then given its own class: the stores skip the checked
assignment of models. The source is registered with ``linecache`` so tracebacks and debuggers
show it. Success pays nothing for error reporting: a ``FieldError`` collects its path as it
unwinds (a list's index is the count of items already built).

With ``consume`` (decoded JSON the SDK owns, never a caller's) lists of models are emptied as they
are read, so each item's dicts are freed while the models are built: allocations minus
deallocations stay low, and the cyclic GC runs about as often as for ``json.loads`` alone.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter
from datetime import datetime, timezone
from typing import Any, Callable, Optional

from kalshi._common.timestamps import fromisoformat
from kalshi._model.fields import MISSING, DateTimeKind, Field, FieldError, Kind, ListKind, NestedKind

__all__ = ["compile_converter", "compile_list_converter", "unchecked_twin"]

_serial = itertools.count()
# Before 3.11 fromisoformat reads no "Z": the usual UTC text gets its offset spelled out inline
# (what kalshi._common.timestamps does first too) rather than through a Python call per timestamp.
_SPELL_OUT_Z = sys.version_info < (3, 11)
# Fields written inline into one function, nested ones included: beyond this, nested models are
# called, which keeps a generated function readable.
_INLINE_FIELDS = 64
# Items taken off an owned list at once: their models (a few GC-tracked objects each) stay well
# under the 700 allocations that start a young-generation collection.
_CONSUME_BATCH = 100


class _Source:
    """The lines and globals of one generated function."""

    def __init__(self, check: bool, consume: bool) -> None:
        self.check = check
        self.consume = consume
        self.lines: list[str] = []
        self.env: dict[str, Any] = {
            "new": object.__new__,
            "M": MISSING,
            "FieldError": FieldError,
            "fromiso": fromisoformat,
            "fromiso_c": datetime.fromisoformat,
            "UTC": timezone.utc,
            "_keep": _keep,
            "_own_keys": _own_keys,
        }
        self.budget = _INLINE_FIELDS
        self.loops = 0  # list loops around the lines being written
        self._counts: Counter[str] = Counter()

    def fresh(self, stem: str) -> str:
        n = self._counts[stem]
        self._counts[stem] += 1
        return f"{stem}{n}"

    def bind(self, stem: str, value: Any) -> str:
        name = self.fresh(stem)
        self.env[name] = value
        return name

    def emit(self, indent: int, *lines: str) -> None:
        self.lines += [" " * indent + line for line in lines]

    def fallback(self, kind: Kind, v: str) -> str:
        """The expression converting ``v`` with the kind's own converter (compiled when first needed)."""
        conv = self.bind("conv", _later(kind, self.check))
        return f"{conv}({v})" if self.check else f"_keep({conv}, {v})"

    def inlinable(self, cls: Any, outer: tuple[Any, ...]) -> bool:
        # A plain model (not a list model), not already being written (recursive schemas), and
        # small enough for what is left of the budget.
        fields: Optional[tuple[Field, ...]] = getattr(cls, "_fields", None)
        if fields is None or hasattr(cls, "item_type") or cls in outer or len(fields) > self.budget:
            return False
        self.budget -= len(fields)
        return True


def compile_converter(cls: Any, check: bool, consume: bool = False) -> Callable[[Any], Any]:
    """Build ``wire dict -> cls``; ``check=False`` keeps values the fields refuse."""
    src = _Source(check, consume)
    src.env["CLS"] = cls
    src.env["coerce_mapping"] = _mapping_or_instance(cls)
    src.budget -= len(cls._fields)
    src.emit(0, "def convert(d):")
    src.emit(4, "if d.__class__ is not dict:", "    d = coerce_mapping(d)")
    src.emit(8, "if d.__class__ is CLS:", "    return d")
    _model_block(src, cls, "CLS", "d", "self", 4, (cls,))
    src.emit(4, "return self")
    return _compile(src, f"{cls.__module__}.{cls.__qualname__}")


def compile_list_converter(cls: Any, item_cls: Any, check: bool, consume: bool = False) -> Callable[[Any], Any]:
    """Build ``wire list -> cls`` for a list-shaped model of ``item_cls`` items."""
    src = _Source(check, consume)
    src.env["CLS"] = cls
    src.emit(0, "def convert(d):")
    src.emit(
        4,
        "if d.__class__ is not list:",
        "    if d.__class__ is CLS:",
        "        return d",
        "    if not isinstance(d, (list, tuple)):",
        f"        raise FieldError(d, {cls.__name__ + ' (a JSON array)'!r})",
        "    d = list(d)",
        "self = new(CLS)",
    )
    _list_loop(src, NestedKind(item_cls), "d", 4, (cls,))
    src.emit(4, "self.value = d", "return self")
    return _compile(src, f"{cls.__module__}.{cls.__qualname__}")


def _model_block(src: _Source, cls: Any, cls_name: str, d: str, out: str, ind: int, outer: tuple[Any, ...]) -> None:
    """Lines that build ``out``, a ``cls``, from the dict in variable ``d``."""
    fields: tuple[Field, ...] = cls._fields
    n = len(fields)
    names = [src.fresh("v") for _ in fields]
    # Filled as its store-as-is twin, then made a ``cls``: the model's checked assignment is for users.
    src.emit(ind, f"{out} = new({src.bind(cls.__name__ + '_raw', unchecked_twin(cls))})")
    if n > 1 and all(not f.required and isinstance(f.kind, NestedKind) for f in fields):
        _one_of_block(src, fields, names, d, out, ind, outer)
        src.emit(ind, f"{out}.__class__ = {cls_name}")
        return
    known = src.bind("KNOWN", frozenset(f.wire for f in fields))
    # Unknown keys are kept; only a dict that is not exactly the declared keys can have any.
    extra = f"None if {known}.issuperset({d}) else {{k: x for k, x in {d}.items() if k not in {known}}}"
    if n:
        _exact_reads(src, fields, names, d, out, ind, extra)
    else:
        src.emit(ind, f"{out}._extra = {extra}")
    for v, f in zip(names, fields):
        _field(src, f, v, ind, outer)
        src.emit(ind, f"{out}.{f.name} = {v}")
    src.emit(ind, f"{out}.__class__ = {cls_name}")


def _exact_reads(
    src: _Source, fields: tuple[Field, ...], names: list[str], d: str, out: str, ind: int, extra: str
) -> None:
    """Lines that read the fields of the dict in ``d`` into ``names``, its unknown keys into ``out._extra``.

    Usually the dict has exactly the declared keys: they are read by subscript, and a missing one
    (so some other key is unknown) starts the general reads over. In a list of same-shaped dicts
    the subscripts use the first dict's own key strings: the JSON decoder makes one string per key
    name in a document, so the later lookups match by identity instead of comparing text.
    """
    gets = [f"{v} = {d}.get({f.wire!r}, M)" for v, f in zip(names, fields)]
    keys = [repr(f.wire) for f in fields]
    src.emit(ind, f"if len({d}) == {len(fields)}:")
    if src.loops:
        learn = src.bind("learn", True)
        keys = [src.bind("K", f.wire) for f in fields]
        wires = tuple(f.wire for f in fields)
        src.emit(
            ind + 4, f"if {learn}:", f"    {learn} = False", f"    ({', '.join(keys)},) = _own_keys({d}, {wires!r})"
        )
    src.emit(ind + 4, "try:")
    src.emit(ind + 8, *(f"{v} = {d}[{k}]" for v, k in zip(names, keys)), f"{out}._extra = None")
    src.emit(ind + 4, "except KeyError:")
    src.emit(ind + 8, *gets, f"{out}._extra = {extra}")
    src.emit(ind, "else:")
    src.emit(ind + 4, *gets, f"{out}._extra = {extra}")


def _one_of_block(
    src: _Source, fields: tuple[Field, ...], names: list[str], d: str, out: str, ind: int, outer: tuple[Any, ...]
) -> None:
    """Optional sub-objects of which a dict holds a few (one, for a history entry's data): walk its keys.

    Probing every declared key costs more than visiting the present ones; the absent stay None.
    """
    k, x, extra = src.fresh("k"), src.fresh("x"), src.fresh("extra")
    src.emit(ind, " = ".join([*(f"{out}.{f.name}" for f in fields), "None"]), f"{extra} = None")
    src.emit(ind, f"for {k}, {x} in {d}.items():")
    for j, (v, f) in enumerate(zip(names, fields)):
        src.emit(ind + 4, f"{'if' if j == 0 else 'elif'} {k} == {f.wire!r}:", f"    {v} = {x}")
        _field(src, f, v, ind + 8, outer, present=True)
        src.emit(ind + 8, f"{out}.{f.name} = {v}")
    src.emit(ind + 4, "else:", f"    if {extra} is None:", f"        {extra} = {{}}", f"    {extra}[{k}] = {x}")
    src.emit(ind, f"{out}._extra = {extra}")


def _field(src: _Source, f: Field, v: str, ind: int, outer: tuple[Any, ...], present: bool = False) -> None:
    """Check and convert one fetched value: the field's kind decides, nothing else.

    The usual case is tested first (already final, a dict for a model, a string for a time);
    then missing and null; anything else goes to the kind's own converter.
    """
    kind = f.kind
    if kind.fast_test or isinstance(kind, DateTimeKind):
        _leaf_field(src, f, v, ind, present)
        return
    # A refusal here or deeper down learns this field's name on the way out (free on success).
    i = ind + 4 if src.check else ind
    if src.check:
        src.emit(ind, "try:")
    head = "elif"
    if isinstance(kind, NestedKind) and src.inlinable(kind.cls, outer):
        cls_name = src.bind(kind.cls.__name__ + "_", kind.cls)
        built = src.fresh("m")
        src.emit(i, f"if {v}.__class__ is dict:", f"    # {f.name}: {kind.cls.__name__}, inline")
        _model_block(src, kind.cls, cls_name, v, built, i + 4, (*outer, kind.cls))
        src.emit(i, f"    {v} = {built}")
    elif isinstance(kind, ListKind) and isinstance(kind.item, NestedKind):
        src.emit(i, f"if {v}.__class__ is list:")
        _list_loop(src, kind.item, v, i + 4, outer)
    else:
        head = "if"  # no usual case to test first
    if present:  # read from the dict's own items: never missing
        src.emit(i, f"{head} {v} is None:", "    pass")
    elif f.required and src.check:
        src.emit(i, f"{head} {v} is M:", "    raise FieldError(M, 'present')")
        src.emit(i, f"elif {v} is None:", "    raise FieldError(None, 'not null')")
    else:
        src.emit(i, f"{head} {v} is M:", f"    {v} = None", f"elif {v} is None:", "    pass")
    src.emit(i, "else:", f"    {v} = {src.fallback(kind, v)}")
    if src.check:
        src.emit(ind, "except FieldError as e:", f"    e.path.append({f.wire!r})", "    raise")


def _leaf_field(src: _Source, f: Field, v: str, ind: int, present: bool) -> None:
    """A scalar or a time: the usual value passes one test; all else goes to one slow-path call.

    No ``try`` around it: the slow path names the field in its own refusals, so the usual case
    runs the fewest instructions (a ``try`` costs two more per field before 3.11).
    """
    kind = f.kind
    slow = src.bind("slow", _slow_path(f, src.check))
    strict = f.required and src.check and not present  # missing and null are refused, in the slow path
    rest = f"{v} = {slow}({v})" if strict else f"{v} = None if {v} is M else {slow}({v})"
    other = "" if strict else f" and {v} is not None"
    if kind.fast_test:
        test = re.sub(r"\bv\b", v, kind.fast_test)
        src.emit(ind, f"if not ({test}){other}:", f"    {rest}")
        return
    if _SPELL_OUT_Z:
        src.emit(ind, f"if {v}.__class__ is str and {v}[-1:] == 'Z':", "    try:")
        src.emit(ind + 8, f"{v} = fromiso_c({v}[:-1] + '+00:00')")
        src.emit(ind + 4, "except ValueError:", f"    {v} = {slow}({v})")
    else:
        # fromisoformat in C reads the API's RFC 3339 text; the kind's converter (the same rule)
        # handles every other value and the errors.
        src.emit(ind, f"if {v}.__class__ is str:", "    try:", f"        {v} = fromiso({v})")
        src.emit(ind + 4, "except ValueError:", f"    {v} = {slow}({v})")
        src.emit(ind + 4, "else:", f"    if {v}.tzinfo is None:", f"        {v} = {v}.replace(tzinfo=UTC)")
    src.emit(ind, f"elif {v} is not None:" if other else "else:", f"    {rest}")


def _slow_path(f: Field, check: bool) -> Callable[[Any], Any]:
    """A leaf field's value that is not the usual one: missing, null, or for the kind's converter."""
    convert = _later(f.kind, check)
    wire, required = f.wire, f.required and check

    def slow(value: Any) -> Any:
        if value is MISSING or value is None:
            if required:
                raise FieldError(value, "present" if value is MISSING else "not null", wire)
            return None
        if not check:
            return _keep(convert, value)
        try:
            return convert(value)
        except FieldError as err:
            err.path.append(wire)
            raise

    return slow


def _list_loop(src: _Source, item: NestedKind, v: str, ind: int, outer: tuple[Any, ...]) -> None:
    """Lines that replace the list in ``v`` by a list of ``item`` models, items inline when they fit."""
    items, add, x = src.fresh("items"), src.fresh("add"), src.fresh("x")
    src.emit(ind, f"{items} = []", f"{add} = {items}.append")
    i = ind + 4 if src.check else ind
    if src.check:
        src.emit(ind, "try:")
    if src.consume:
        # Take the items off the (owned) list a batch at a time: each batch's dicts are freed
        # when the next is taken, so allocations minus deallocations stay under the GC's
        # threshold instead of growing with the list. Batches come off the end of the reversed
        # list: taking them off the front would move all the rest each time.
        batch = src.fresh("batch")
        src.emit(i, f"{v}.reverse()", f"while {v}:", f"    {batch} = {v}[-{_CONSUME_BATCH}:]")
        src.emit(i + 4, f"del {v}[-{_CONSUME_BATCH}:]", f"{batch}.reverse()")
        i += 4
        src.emit(i, f"for {x} in {batch}:")
    else:
        src.emit(i, f"for {x} in {v}:")
    fallback = f"{add}({src.fallback(item, x)})"
    if src.inlinable(item.cls, outer):
        cls_name = src.bind(item.cls.__name__ + "_", item.cls)
        built = src.fresh("m")
        src.emit(i + 4, f"if {x}.__class__ is dict:")
        src.loops += 1
        _model_block(src, item.cls, cls_name, x, built, i + 8, (*outer, item.cls))
        src.loops -= 1
        src.emit(i + 4, f"    {add}({built})", "else:", f"    {fallback}")
    else:
        src.emit(i + 4, fallback)
    if src.check:
        src.emit(ind, "except FieldError as e:", f"    e.path.append(len({items}))", "    raise")
    src.emit(ind, f"{v} = {items}")


def unchecked_twin(cls: Any) -> Any:
    """A subclass of ``cls`` with no slots of its own whose attribute stores are the plain ones.

    A model checks every assignment (``Model.__setattr__``); the converter stores values it has
    just checked itself, so it fills an instance of this twin at full speed and then sets its
    ``__class__`` to ``cls`` (allowed: same layout), which costs one store per model.
    """
    twin = cls.__dict__.get("_unchecked_twin")
    if twin is None:
        # Both: one type slot serves assignment and deletion, and is the plain one only if both are.
        plain = {"__setattr__": object.__setattr__, "__delattr__": object.__delattr__}
        body = {"__slots__": (), **plain, "__module__": cls.__module__}
        # type.__new__ directly: the model metaclass would build a field table the twin inherits anyway.
        twin = type.__new__(type(cls), cls.__name__, (cls,), body)
        type.__setattr__(cls, "_unchecked_twin", twin)
    return twin


def _own_keys(d: dict[str, Any], wires: tuple[str, ...]) -> tuple[str, ...]:
    """The dict's own string for each wire name it has, else the wire name itself."""
    own = {k: k for k in d}
    return tuple(own.get(w, w) for w in wires)


def _keep(convert: Callable[[Any], Any], value: Any) -> Any:
    try:
        return convert(value)
    except FieldError:
        return value


def _later(kind: Kind, check: bool) -> Callable[[Any], Any]:
    # The kind's own converter, built on first use: an inlined model's is only needed for values
    # that are not plain dicts, and compiling it eagerly would compile every nested class twice.
    built: list[Callable[[Any], Any]] = []

    def convert(value: Any) -> Any:
        if not built:
            built.append(kind.wire_converter(check))
        return built[0](value)

    return convert


def _mapping_or_instance(cls: Any) -> Callable[[Any], Any]:
    # Not a plain dict: an instance passes as is; another mapping is read as a dict.
    def coerce(d: Any) -> Any:
        if isinstance(d, cls):
            return d
        if hasattr(d, "keys") and hasattr(d, "__getitem__"):
            return dict(d)
        raise FieldError(d, f"{cls.__name__} (a JSON object)")

    return coerce


_BUILTINS = (bool, dict, float, int, isinstance, len, list, str, tuple)


def _prologue(names: list[str], width: int = 100) -> list[str]:
    # "(a, b, ...,) = _BOUND", wrapped inside its parentheses to readable lines.
    lines, line = [], "    ("
    for name in names:
        if len(line) + len(name) + 2 > width:
            lines.append(line.rstrip())
            line = " " * 8
        line += name + ", "
    return [*lines, line.rstrip() + ") = _BOUND"]


def _compile(src: _Source, owner: str) -> Callable[[Any], Any]:
    import linecache  # on first conversion only: `import kalshi` stays cheap

    # Every global and builtin the body reads becomes a local, unpacked once per call: a loop over
    # thousands of items then reads them with LOAD_FAST (3.9 and 3.10 cache no globals for a
    # function that runs once per response).
    bound = {name: src.env[name] for name in sorted(src.env)}
    bound.update((b.__name__, b) for b in _BUILTINS)
    src.env["_BOUND"] = tuple(bound.values())
    prologue = _prologue(list(bound))
    source = "\n".join([src.lines[0], *prologue, *src.lines[1:]]) + "\n"
    filename = f"<kalshi converter {owner} #{next(_serial)}>"
    # Tracebacks and pdb read source through linecache; the None mtime keeps checkcache() away.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), src.env)  # noqa: S102 - source built from the class's field table
    fn: Callable[[Any], Any] = src.env["convert"]
    return fn
