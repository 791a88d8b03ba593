"""Field kinds and the field table: how each declared type is checked, converted and written."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Union, get_args, get_origin

from kalshi._timestamps import format_datetime, parse_datetime
from kalshi.exceptions import ApiTypeError, PathItem

if TYPE_CHECKING:
    pass

__all__ = ["MISSING", "Field", "field", "kind_of"]

_NoneType = type(None)
# Tells "not given" from None, in field defaults and in the converters.
MISSING: Any = object()


class _Kind:
    """How one declared type is checked, converted and written back."""

    label = "any"

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        """Check and convert a value given in python form (constructor, from_dict)."""
        return value

    def to_wire(self, value: Any) -> Any:
        return value

    def to_py(self, value: Any) -> Any:
        return value


class _Scalar(_Kind):
    def __init__(self, tp: type) -> None:
        self.tp = tp
        self.label = tp.__name__

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        ok = isinstance(value, self.tp) and (self.tp is bool or not isinstance(value, bool))
        if not ok and self.tp is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise ApiTypeError(
                f"expected {self.label}, got {type(value).__name__}",
                path_to_item=path,
                valid_classes=(self.tp,),
            )
        return value


class _DateTime(_Kind):
    label = "datetime"

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        if isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return parse_datetime(value)
            except (ValueError, OverflowError) as err:
                raise ApiTypeError(f"not an RFC 3339 timestamp: {value!r}", path_to_item=path) from err
        raise ApiTypeError(
            f"expected datetime, got {type(value).__name__}", path_to_item=path, valid_classes=(datetime,)
        )

    def to_wire(self, value: Any) -> Any:
        return format_datetime(value) if isinstance(value, datetime) else value


class _Object(_Kind):
    label = "object"

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        if not isinstance(value, Mapping):
            raise ApiTypeError(
                f"expected dict, got {type(value).__name__}", path_to_item=path, valid_classes=(dict,)
            )
        return dict(value)


class _ModelKind(_Kind):
    """A nested model (``Model``), or a list-shaped one (``ListModel``, see the subclass)."""

    def __init__(self, cls: Any) -> None:
        self.cls = cls
        self.label = cls.__name__

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        if isinstance(value, self.cls):
            return value
        if isinstance(value, Mapping):
            return self.cls._from_mapping(value, path)
        raise ApiTypeError(
            f"expected {self.label} or dict, got {type(value).__name__}",
            path_to_item=path,
            valid_classes=(self.cls,),
        )

    def to_wire(self, value: Any) -> Any:
        return value.to_wire() if hasattr(value, "to_wire") else value

    def to_py(self, value: Any) -> Any:
        return value.to_dict() if hasattr(value, "to_dict") else value


class _ListModelKind(_ModelKind):
    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        if isinstance(value, self.cls):
            return value
        if isinstance(value, (list, tuple)):
            return self.cls(value)
        raise ApiTypeError(
            f"expected {self.label} or list, got {type(value).__name__}",
            path_to_item=path,
            valid_classes=(self.cls,),
        )

    def to_py(self, value: Any) -> Any:
        return value.to_list() if hasattr(value, "to_list") else value


class _ListKind(_Kind):
    def __init__(self, item: _Kind) -> None:
        self.item = item
        self.label = f"list[{item.label}]"

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        if not isinstance(value, (list, tuple)):
            raise ApiTypeError(
                f"expected list, got {type(value).__name__}", path_to_item=path, valid_classes=(list,)
            )
        return [self.item.coerce(v, [*path, i]) for i, v in enumerate(value)]

    def to_wire(self, value: Any) -> Any:
        return [self.item.to_wire(v) for v in value] if isinstance(value, list) else value

    def to_py(self, value: Any) -> Any:
        return [self.item.to_py(v) for v in value] if isinstance(value, list) else value


_SCALARS: dict[Any, _Kind] = {t: _Scalar(t) for t in (str, int, bool, float)}
_SCALARS[datetime] = _DateTime()
_SCALARS[Any] = _Kind()


def kind_of(tp: Any) -> _Kind:
    """Translate a field's annotation into its kind, once per class."""
    from kalshi.model_utils import ListModel, Model  # the classes exist before any model uses them

    origin = get_origin(tp)
    if origin is Union:
        args = [a for a in get_args(tp) if a is not _NoneType]
        if len(args) == 1:
            return kind_of(args[0])
        return _Kind()
    if origin in (list, List):
        (item,) = get_args(tp) or (Any,)
        return _ListKind(kind_of(item))
    if origin in (dict, Dict) or tp is dict:
        return _Object()
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and issubclass(tp, Model):
        return _ModelKind(tp)
    if isinstance(tp, type) and issubclass(tp, ListModel):
        return _ListModelKind(tp)
    raise TypeError(f"unsupported field type {tp!r}")


# --------------------------------------------------------------------------- fields


class _FieldSpec:
    """What ``field()`` returns in a class body; replaced by a ``Field`` at class creation."""

    __slots__ = ("default", "min_length", "secret", "wire")

    def __init__(self, wire: Optional[str], default: Any, secret: bool, min_length: Optional[int] = None) -> None:
        self.wire = wire
        self.default = default
        self.secret = secret
        self.min_length = min_length


def field(
    *, wire: Optional[str] = None, default: Any = MISSING, secret: bool = False, min_length: Optional[int] = None
) -> Any:
    """Declare a field whose wire name differs, that is secret (hidden from repr) or has a limit."""
    return _FieldSpec(wire, default, secret, min_length)


class Field:
    """One row of a model's field table."""

    __slots__ = ("default", "kind", "min_length", "name", "required", "secret", "wire")

    def __init__(
        self,
        name: str,
        wire: str,
        kind: _Kind,
        required: bool,
        default: Any,
        secret: bool,
        min_length: Optional[int] = None,
    ) -> None:
        self.name = name
        self.wire = wire
        self.kind = kind
        self.required = required
        self.default = default
        self.secret = secret
        self.min_length = min_length

    def __repr__(self) -> str:
        return f"Field({self.name!r}, wire={self.wire!r}, kind={self.kind.label}, required={self.required})"

