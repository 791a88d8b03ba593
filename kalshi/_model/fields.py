"""Field kinds: for each declared type, what it accepts and how it goes to and from the wire.

One rule per kind, in one place: its code for the usual value (``usual``: a test, and lines that
finish the value) and a converter for every other value (``rest``). From these two the model layer
compiles every path: a kind's own converter (keyword construction, ``from_dict`` and assignment call
``from_python``) and each model's wire converter, which writes the kind's usual code inline and
calls its ``rest`` for the others. Where the paths differ (an integer format's range, a nested
model read by python names) the kind says so itself, by ``Mode``.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import (
    Annotated,
    Any,
    Dict,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Union,
    get_args,
    get_origin,
)

from kalshi._common.timestamps import format_datetime, fromisoformat, parse_datetime
from kalshi._model.annotations import resolve
from kalshi._model.source import MISSING, PYTHON, Converter, FieldError, Mode, Source, Usual, cached, indent, later

__all__ = [
    "INT32",
    "INT64",
    "MISSING",
    "Field",
    "FieldError",
    "FieldSpec",
    "IntRange",
    "Kind",
    "field",
    "int_range",
    "kind_of",
    "split_unit",
]

_NoneType = type(None)
# Before 3.11 fromisoformat reads no "Z": the usual UTC text gets its offset spelled out inline
# (what kalshi._common.timestamps does first too) rather than through a Python call per timestamp.
_SPELL_OUT_Z = sys.version_info < (3, 11)
# Items taken off an owned list at once: their models (a few GC-tracked objects each) stay well
# under the 700 allocations that start a young-generation collection.
_CONSUME_BATCH = 100


class Kind:
    """What one declared type accepts: its usual value's code, and a converter for the rest."""

    label = "value"
    model: Any = None  # the class of a nested model
    item_model: Any = None  # the class of the items, for a list of models

    def __init__(self) -> None:
        self._converters: Dict[Mode, Converter] = {}

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        """Code for the usual value in variable ``v`` (``rest`` names the converter of the others)."""
        return None

    def rest(self, mode: Mode) -> Converter:
        """Every value the usual code does not take: its final form, or ``FieldError``."""
        return self._refuse

    def _refuse(self, value: Any) -> Any:
        raise FieldError(value, self.label)

    def converter(self, mode: Mode) -> Converter:
        """This kind's whole rule as one compiled function (built on first use)."""
        return cached(self._converters, mode, self._compile)

    def _compile(self, mode: Mode) -> Converter:
        return Source(mode).converter(self)

    def from_python(self, value: Any) -> Any:
        """Construction, ``from_dict`` and assignment: a present, non-null value in final form."""
        # The cache first: this runs for every field of every model built or assigned in Python.
        convert = self._converters.get(PYTHON) or self.converter(PYTHON)
        return convert(value)

    def in_range(self, value: Any) -> bool:
        """Whether a value read as sent keeps the limits of the spec a request must keep."""
        return True

    def to_wire(self, value: Any) -> Any:
        return value

    def to_py(self, value: Any) -> Any:
        return value


class ScalarKind(Kind):
    """str, int, float and bool, as JSON has them: no bool for int, an int is a whole float."""

    def __init__(self, tp: type) -> None:
        super().__init__()
        self.tp = tp
        self.label = tp.__name__

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        return Usual(f"{v}.__class__ is {self.tp.__name__}")

    def rest(self, mode: Mode) -> Converter:
        return self._scalar

    def _scalar(self, value: Any) -> Any:
        tp = self.tp
        if isinstance(value, tp) and (tp is bool or not isinstance(value, bool)):
            return value
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        raise FieldError(value, self.label)


class IntRange:
    """``Annotated`` metadata naming an integer format of the spec and its bounds (``Int32``, ``Int64``)."""

    __slots__ = ("bits", "high", "low", "name")

    def __init__(self, bits: int) -> None:
        self.bits = bits
        self.name = f"int{bits}"
        self.low = -(1 << (bits - 1))
        self.high = (1 << (bits - 1)) - 1

    def __repr__(self) -> str:
        return self.name


INT32 = IntRange(32)
INT64 = IntRange(64)


class BoundedIntKind(ScalarKind):
    """An int of a format of the spec: what a caller gives (keywords, ``from_dict``, assignment) must
    be within the format's range (``10**400`` is refused).

    A response's integers are read as the server sent them, like any int: a range test per integer
    would cost the tuned converter about a tenth of its time. A request body is checked again
    before it is sent (``Model.check_limits``), so no out-of-range value leaves the SDK.
    """

    def __init__(self, bounds: IntRange) -> None:
        super().__init__(int)
        self.bounds = bounds
        self.label = f"{bounds.name} ({bounds.low} to {bounds.high})"

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        if src.mode.wire:
            return Usual(f"{v}.__class__ is int")
        return Usual(f"{v}.__class__ is int and {self.bounds.low} <= {v} <= {self.bounds.high}")

    def rest(self, mode: Mode) -> Converter:
        return self._scalar if mode.wire else self._bounded

    def _bounded(self, value: Any) -> Any:
        value = self._scalar(value)
        if self.in_range(value):
            return value
        raise FieldError(value, self.label)

    def in_range(self, value: Any) -> bool:
        return not isinstance(value, int) or self.bounds.low <= value <= self.bounds.high


class LiteralKind(Kind):
    """One of a few strings (``Literal["yes", "no"]``, a request's side): any other value is refused."""

    def __init__(self, values: Sequence[Any]) -> None:
        super().__init__()
        self.values = frozenset(values)
        self.label = " or ".join(repr(v) for v in values)

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        return Usual(f"{v}.__class__ is str and {v} in {src.bind('values', self.values)}")


class DateTimeKind(Kind):
    """RFC 3339 text or a datetime; always an aware datetime (no offset means UTC)."""

    label = "RFC 3339 date-time"

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        if _SPELL_OUT_Z:
            src.env["fromiso_c"] = datetime.fromisoformat
            test = f"{v}.__class__ is str and {v}[-1:] == 'Z'"
            spelled = (f"    {v} = fromiso_c({v}[:-1] + '+00:00')",)
            return Usual(test, ("try:", *spelled, "except ValueError:", f"    {v} = {rest}({v})"))
        # fromisoformat in C reads the API's RFC 3339 text; ``rest`` takes every other value.
        src.env.update(fromiso=fromisoformat, UTC=timezone.utc)
        body = ("try:", f"    {v} = fromiso({v})", "except ValueError:", f"    {v} = {rest}({v})", "else:")
        aware = (f"    if {v}.tzinfo is None:", f"        {v} = {v}.replace(tzinfo=UTC)")
        return Usual(f"{v}.__class__ is str", body + aware)

    def rest(self, mode: Mode) -> Converter:
        return self._datetime

    def _datetime(self, value: Any) -> Any:
        if isinstance(value, datetime):
            return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        if isinstance(value, str):
            try:
                return parse_datetime(value)
            except (ValueError, OverflowError):
                raise FieldError(value, self.label) from None
        raise FieldError(value, self.label)

    def to_wire(self, value: Any) -> Any:
        # Anything else was kept as received by unchecked parsing, and goes back as it came.
        return format_datetime(value) if isinstance(value, datetime) else value


class ObjectKind(Kind):
    """A free-form JSON object (``Dict[str, Any]``): a caller's mapping is copied, decoded JSON kept."""

    label = "object"

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        return Usual(f"{v}.__class__ is dict") if src.mode.wire else None

    def rest(self, mode: Mode) -> Converter:
        return self._object

    def _object(self, value: Any) -> Any:
        if isinstance(value, Mapping):
            return dict(value)
        raise FieldError(value, self.label)


class ListKind(Kind):
    """A JSON array of one kind of item (a tuple is read as a list)."""

    def __init__(self, item: Kind) -> None:
        super().__init__()
        self.item = item
        self.label = f"list of {item.label}"
        self.item_model = item.model

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        return Usual(f"{v}.__class__ is list", tuple(self.each(src, v)), inner=True)

    def each(self, src: Source, v: str) -> list[str]:
        """Lines that replace the list in ``v`` by a list of its items converted, each by the item's code.

        A refused item's index is the count of items already built.
        """
        items, add, x = src.fresh("items"), src.fresh("add"), src.fresh("x")
        item_rest = src.rest(self.item)
        usual = self.item.usual(src, x, item_rest)
        other = f"{add}({item_rest}({x}))"
        if usual is None:
            step = [other]
        else:
            step = [f"if {usual.test}:", *indent(usual.body), f"    {add}({x})", "else:", f"    {other}"]
        if src.mode.consume:
            # Take the items off the (owned) list a batch at a time: each batch's dicts are freed
            # when the next is taken, so allocations minus deallocations stay under the GC's
            # threshold instead of growing with the list. Batches come off the end of the reversed
            # list: taking them off the front would move all the rest each time.
            batch = src.fresh("batch")
            loop = [f"{v}.reverse()", f"while {v}:", f"    {batch} = {v}[-{_CONSUME_BATCH}:]"]
            loop += [f"    del {v}[-{_CONSUME_BATCH}:]", f"    {batch}.reverse()", f"    for {x} in {batch}:"]
            loop += indent(step, 8)
        else:
            loop = [f"for {x} in {v}:", *indent(step)]
        if src.check:
            loop = ["try:", *indent(loop), "except FieldError as e:", f"    e.path.append(len({items}))", "    raise"]
        return [f"{items} = []", f"{add} = {items}.append", *loop, f"{v} = {items}"]

    def rest(self, mode: Mode) -> Converter:
        def as_list(value: Any) -> Any:
            if isinstance(value, tuple):
                return self.converter(mode)(list(value))
            raise FieldError(value, "list")

        return as_list

    def to_wire(self, value: Any) -> Any:
        if not isinstance(value, list):
            return value  # kept as received by unchecked parsing
        return [None if v is None else self.item.to_wire(v) for v in value]

    def to_py(self, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [None if v is None else self.item.to_py(v) for v in value]


class NestedKind(Kind):
    """A nested ``Model`` (JSON object) or ``ListModel`` (JSON array).

    From the wire a plain dict is read inline where the model converter has room; python code may
    give a model or a mapping of python (or wire) names.
    """

    def __init__(self, cls: Any) -> None:
        super().__init__()
        self.cls = self.model = cls
        self.label = cls.__name__
        self.item_model = getattr(cls, "item_type", None)

    def usual(self, src: Source, v: str, rest: str) -> Optional[Usual]:
        lines = src.inline_model(self.cls, v) if src.mode.wire else None
        return None if lines is None else Usual(f"{v}.__class__ is dict", tuple(lines), inner=True)

    def rest(self, mode: Mode) -> Converter:
        if not mode.wire:
            from_python: Converter = self.cls._from_python
            return from_python
        return later(lambda: self.cls._converter(mode.check))

    def converter(self, mode: Mode) -> Converter:
        if not mode.wire:
            return self.rest(mode)
        converter: Converter = self.cls._converter(mode.check)
        return converter

    def to_wire(self, value: Any) -> Any:
        return value.to_wire() if isinstance(value, self.cls) else value  # else kept as received

    def to_py(self, value: Any) -> Any:
        return value._to_py() if isinstance(value, self.cls) else value


class TupleKind(Kind):
    """A fixed-length JSON array read into a ``NamedTuple`` (e.g. a ``PriceLevel`` ``[price, count]``)."""

    def __init__(self, cls: Any, items: Sequence[Kind]) -> None:
        super().__init__()
        self.cls = cls
        self.items = tuple(items)
        self.label = f"{cls.__name__} (an array of {len(self.items)})"

    def rest(self, mode: Mode) -> Converter:
        # A part refused refuses the whole tuple, whatever the mode: it is kept or refused as one.
        parts = [kind.converter(mode._replace(check=True)) for kind in self.items]

        def convert(value: Any) -> Any:
            if value.__class__ is self.cls:
                return value
            if not isinstance(value, (list, tuple)) or len(value) != len(parts):
                raise FieldError(value, self.label)
            out = []
            for i, (part, item) in enumerate(zip(parts, value)):
                try:
                    out.append(part(item))
                except FieldError as err:
                    err.path.append(i)
                    raise
            return self.cls(*out)

        return convert

    def to_wire(self, value: Any) -> Any:
        return list(value) if isinstance(value, self.cls) else value  # else kept as received

    def to_py(self, value: Any) -> Any:
        return list(value) if isinstance(value, self.cls) else value


_SCALARS: Dict[Any, Kind] = {t: ScalarKind(t) for t in (str, int, float, bool)}
_SCALARS[datetime] = DateTimeKind()
_BOUNDED: Dict[int, Kind] = {r.bits: BoundedIntKind(r) for r in (INT32, INT64)}


def strip_optional(tp: Any) -> Any:
    """``Optional[X]`` -> ``X``; anything else unchanged."""
    if get_origin(tp) is Union:
        args = [a for a in get_args(tp) if a is not _NoneType]
        if len(args) == 1:
            return args[0]
    return tp


def int_range(tp: Any) -> Optional[IntRange]:
    """The ``IntRange`` in ``Annotated[int, ...]`` metadata, if any."""
    if get_origin(tp) is not Annotated:
        return None
    return next((m for m in tp.__metadata__ if isinstance(m, IntRange)), None)


def split_unit(tp: Any) -> tuple[Any, Optional[str]]:
    """``Annotated[int, "cents"]`` -> ``(int, "cents")``: the type and the unit its metadata names, if any."""
    if get_origin(tp) is not Annotated:
        return tp, None
    units = [m for m in tp.__metadata__ if isinstance(m, str)]
    return tp.__origin__, (units[0] if units else None)


def kind_of(tp: Any, namespace: Mapping[str, Any]) -> Kind:
    """The kind of a declared type (``Optional`` already stripped), once per class."""
    tp = resolve(tp, namespace)
    bounds = int_range(tp)
    tp, _unit = split_unit(tp)
    if bounds is not None and tp is int:
        return _BOUNDED[bounds.bits]
    origin = get_origin(tp)
    if origin in (list, List):
        (item,) = get_args(tp) or (None,)
        if item is None:
            raise TypeError(f"unsupported field type {tp!r}: give the item type, e.g. List[str]")
        return ListKind(kind_of(strip_optional(resolve(item, namespace)), namespace))
    if origin is Literal:
        return LiteralKind(get_args(tp))
    if origin in (dict, Dict) or tp is dict:
        return ObjectKind()
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and hasattr(tp, "_from_python") and hasattr(tp, "_converter"):
        return NestedKind(tp)
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):
        hints = getattr(tp, "__annotations__", {})
        return TupleKind(tp, [kind_of(hints[name], namespace) for name in tp._fields])
    raise TypeError(f"unsupported field type {tp!r}")


class FieldSpec:
    """What ``field()`` returns in a class body; replaced by a ``Field`` when the class is made."""

    __slots__ = ("default", "min_length", "secret", "wire")

    def __init__(self, wire: Optional[str], default: Any, secret: bool, min_length: Optional[int]) -> None:
        self.wire: Optional[str] = wire
        self.default: Any = default
        self.secret: bool = secret
        self.min_length: Optional[int] = min_length


def field(
    *, wire: Optional[str] = None, default: Any = MISSING, secret: bool = False, min_length: Optional[int] = None
) -> Any:
    """Declare a field whose wire name differs, that is secret (hidden from repr) or has a limit."""
    return FieldSpec(wire, default, secret, min_length)


class Field:
    """One row of a model's field table."""

    __slots__ = ("annotation", "default", "kind", "min_length", "name", "required", "secret", "unit", "wire")

    def __init__(
        self,
        name: str,
        annotation: Any,
        kind: Kind,
        spec: FieldSpec,
    ) -> None:
        self.name: str = name
        self.wire: str = spec.wire or name
        # A unit (``Cent`` is ``Annotated[int, "cents"]``) is kept apart: it only changes how the value displays.
        self.annotation: Any
        self.unit: Optional[str]
        self.annotation, self.unit = split_unit(annotation)
        self.kind: Kind = kind
        self.required: bool = spec.default is MISSING
        self.default: Any = None if self.required else spec.default
        self.secret: bool = spec.secret
        self.min_length: Optional[int] = spec.min_length

    def __repr__(self) -> str:
        return f"Field({self.name!r}, wire={self.wire!r}, kind={self.kind.label}, required={self.required})"

