"""Field kinds: for each declared type, what it accepts and how it goes to and from the wire.

One rule per kind, used by every path: keyword construction and ``from_dict`` call ``from_python``,
the compiled wire converter calls ``wire_converter`` (and inlines ``fast_test``, a check for values
that are already in final form). A value the rule refuses raises ``FieldError``, whose path grows
as it unwinds; the caller turns it into the public error of its path.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import (
    Annotated,
    Any,
    Callable,
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

from kalshi._common.timestamps import format_datetime, parse_datetime
from kalshi._model.annotations import resolve

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
# Tells "not given" from None, in field defaults and in the converters.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__slots__": ()})()

Converter = Callable[[Any], Any]


class FieldError(Exception):
    """A value a field refuses; ``path`` is built innermost first while the error unwinds."""

    def __init__(self, value: Any, expected: str, key: Optional[Union[str, int]] = None) -> None:
        super().__init__(expected)
        self.value = value
        self.expected = expected
        self.path: list[Union[str, int]] = [] if key is None else [key]

    def describe(self) -> str:
        """What went wrong, without the place (the caller renders the path)."""
        if self.value is MISSING:
            return "is required but missing"
        if self.value is None:
            return "is required but null"
        return f"is {type(self.value).__name__}, expected {self.expected}"


class Kind:
    """What one declared type accepts; subclasses define the rule in ``convert``."""

    label = "value"
    # Python source testing ``v`` for a value that ``convert`` would return unchanged (or "").
    fast_test = ""

    def convert(self, value: Any) -> Any:
        """The rule: a present, non-null value in its final form, or ``FieldError``."""
        raise NotImplementedError

    def from_python(self, value: Any) -> Any:
        """Construction and ``from_dict``: the same rule (nested models read python names too)."""
        return self.convert(value)

    def wire_converter(self, check: bool) -> Converter:
        """The converter the compiled wire code calls; ``check=False`` keeps refused values."""
        return self.convert

    def to_wire(self, value: Any) -> Any:
        return value

    def to_py(self, value: Any) -> Any:
        return value


class ScalarKind(Kind):
    """str, int, float and bool, as JSON has them: no bool for int, an int is a whole float."""

    def __init__(self, tp: type) -> None:
        self.tp = tp
        self.label = tp.__name__
        self.fast_test = f"v.__class__ is {tp.__name__}"

    def convert(self, value: Any) -> Any:
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

    def in_range(self, value: Any) -> bool:
        return not isinstance(value, int) or self.bounds.low <= value <= self.bounds.high

    def convert(self, value: Any) -> Any:
        value = super().convert(value)
        if self.bounds.low <= value <= self.bounds.high:
            return value
        raise FieldError(value, self.label)

    def wire_converter(self, check: bool) -> Converter:
        return super().convert


class LiteralKind(Kind):
    """One of a few strings (``Literal["yes", "no"]``, a request's side): any other value is refused."""

    def __init__(self, values: Sequence[Any]) -> None:
        self.values = frozenset(values)
        self.label = " or ".join(repr(v) for v in values)

    def convert(self, value: Any) -> Any:
        if value.__class__ is str and value in self.values:
            return value
        raise FieldError(value, self.label)


class DateTimeKind(Kind):
    """RFC 3339 text or a datetime; always an aware datetime (no offset means UTC)."""

    label = "RFC 3339 date-time"

    def convert(self, value: Any) -> Any:
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
    """A free-form JSON object (``Dict[str, Any]``)."""

    label = "object"
    fast_test = "v.__class__ is dict"

    def convert(self, value: Any) -> Any:
        if isinstance(value, Mapping):
            return dict(value)
        raise FieldError(value, self.label)


class ListKind(Kind):
    """A JSON array of one kind of item."""

    def __init__(self, item: Kind) -> None:
        self.item = item
        self.label = f"list of {item.label}"

    def convert(self, value: Any) -> Any:
        return self._each(value, self.item.convert)

    def from_python(self, value: Any) -> Any:
        return self._each(value, self.item.from_python)

    def _each(self, value: Any, convert: Converter) -> list[Any]:
        if not isinstance(value, (list, tuple)):
            raise FieldError(value, "list")
        try:
            return [convert(x) for x in value]
        except FieldError as err:
            err.path.append(_index_of_failure(value, convert))
            raise

    def wire_converter(self, check: bool) -> Converter:
        item = self.item.wire_converter(check)
        if not check:
            item = _keeping(item)
        each = self._each

        def convert(value: Any) -> Any:
            return each(value, item)

        return convert

    def to_wire(self, value: Any) -> Any:
        if not isinstance(value, list):
            return value  # kept as received by unchecked parsing
        return [None if v is None else self.item.to_wire(v) for v in value]

    def to_py(self, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [None if v is None else self.item.to_py(v) for v in value]


class NestedKind(Kind):
    """A nested ``Model`` (JSON object) or ``ListModel`` (JSON array)."""

    def __init__(self, cls: Any) -> None:
        self.cls = cls
        self.label = cls.__name__

    def convert(self, value: Any) -> Any:
        return self.cls._converter(True)(value)

    def from_python(self, value: Any) -> Any:
        return self.cls._from_python(value)

    def wire_converter(self, check: bool) -> Converter:
        converter: Converter = self.cls._converter(check)
        return converter

    def to_wire(self, value: Any) -> Any:
        return value.to_wire() if isinstance(value, self.cls) else value  # else kept as received

    def to_py(self, value: Any) -> Any:
        return value._to_py() if isinstance(value, self.cls) else value


class TupleKind(Kind):
    """A fixed-length JSON array read into a ``NamedTuple`` (e.g. a ``PriceLevel`` ``[price, count]``)."""

    def __init__(self, cls: Any, items: Sequence[Kind]) -> None:
        self.cls = cls
        self.items = tuple(items)
        self.label = f"{cls.__name__} (an array of {len(self.items)})"

    def convert(self, value: Any) -> Any:
        if value.__class__ is self.cls:
            return value
        if not isinstance(value, (list, tuple)) or len(value) != len(self.items):
            raise FieldError(value, self.label)
        parts = []
        for i, (kind, part) in enumerate(zip(self.items, value)):
            try:
                parts.append(kind.convert(part))
            except FieldError as err:
                err.path.append(i)
                raise
        return self.cls(*parts)

    def to_wire(self, value: Any) -> Any:
        return list(value) if isinstance(value, self.cls) else value  # else kept as received

    def to_py(self, value: Any) -> Any:
        return list(value) if isinstance(value, self.cls) else value


def _keeping(convert: Converter) -> Converter:
    # With _check_return_type=False a refused value is kept as the server sent it.
    def keep(value: Any) -> Any:
        try:
            return convert(value)
        except FieldError:
            return value

    return keep


def _index_of_failure(items: Sequence[Any], convert: Converter) -> int:
    # Only on the error path: find which item failed so the message can name it.
    for i, item in enumerate(items):
        try:
            convert(item)
        except FieldError:
            return i
    return -1


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
