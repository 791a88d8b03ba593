"""The model base classes: typed slots declared once, wire names, unknown fields kept.

A model declares each field once, as an annotated class attribute::

    class AccountHistoryEntryData(Model):
        deposit: Optional[DepositHistory] = field(wire="Deposit", default=None)

``ModelMeta`` turns those declarations into ``__slots__`` and a field table (``kalshi._kinds``).
From that table ``kalshi._converter`` compiles, per class and on first use, the function that
builds the model from decoded JSON: the hot path of a 5,000-entry account history.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Generic,
    Iterable,
    Iterator,
    Mapping,
    Optional,
    Sequence,
    TypeVar,
    Union,
    get_origin,
    overload,
)

from kalshi._converter import _index_of_failure, _raise_bad, _WrongType, compile_converter, run_converter
from kalshi._kinds import MISSING, Field, _FieldSpec, _ModelKind, field, kind_of
from kalshi._pretty import Redacted, pformat
from kalshi._timestamps import format_datetime, parse_datetime
from kalshi.exceptions import ApiTypeError, ApiValueError, PathItem

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


__all__ = ["Field", "ListModel", "Model", "ModelMeta", "field", "format_datetime", "parse_datetime"]




@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
class ModelMeta(type):
    """Builds ``__slots__`` and the field table from a model's annotations."""

    def __new__(mcs, name: str, bases: tuple[type, ...], ns: dict[str, Any], **kw: Any) -> Any:
        if not any(isinstance(b, ModelMeta) for b in bases):
            return super().__new__(mcs, name, bases, ns, **kw)
        # A first class object evaluates the annotations the same way on every Python version.
        draft = super().__new__(mcs, name, bases, dict(ns), **kw)
        annotations = {
            k: v for k, v in draft.__dict__.get("__annotations__", {}).items() if get_origin(v) is not ClassVar
        }
        fields = []
        body = dict(ns)
        for attr, tp in annotations.items():
            spec = body.pop(attr, MISSING)
            if not isinstance(spec, _FieldSpec):
                spec = _FieldSpec(None, spec, False)
            required = spec.default is MISSING
            default = None if required else spec.default
            fields.append(
                Field(attr, spec.wire or attr, kind_of(tp), required, default, spec.secret, spec.min_length)
            )
        body["__slots__"] = tuple(annotations)
        cls: Any = super().__new__(mcs, name, bases, body, **kw)
        cls._fields = tuple(fields)
        cls._by_name = {f.name: f for f in fields}
        cls._by_wire = {f.wire: f for f in fields}
        cls.attribute_map = {f.name: f.wire for f in fields}
        cls._converters = {}
        return cls


class Model(metaclass=ModelMeta):
    """Base of every schema object: typed slots, wire names, kept unknown fields."""

    __slots__ = ("_extra",)

    _fields: ClassVar[tuple[Field, ...]] = ()
    _by_name: ClassVar[dict[str, Field]] = {}
    _by_wire: ClassVar[dict[str, Field]] = {}
    _converters: ClassVar[dict[bool, Callable[[Any], Any]]] = {}
    attribute_map: ClassVar[dict[str, str]] = {}

    def __init__(self, **kwargs: Any) -> None:
        cls = type(self)
        for f in cls._fields:
            value = kwargs.pop(f.name, MISSING)
            if value is MISSING:
                if f.required:
                    raise TypeError(f"{cls.__name__}() missing required keyword argument: '{f.name}'")
                value = f.default
            elif value is None:
                if f.required:
                    raise ApiTypeError(f"{cls.__name__}.{f.name} is required and may not be None")
            else:
                value = f.kind.coerce(value, [cls.__name__, f.name])
            object.__setattr__(self, f.name, value)
        if kwargs:
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument '{next(iter(kwargs))}'")
        self._extra: Optional[dict[str, Any]] = None

    # ---- conversion

    @classmethod
    def _converter(cls, check: bool) -> Callable[[Any], Any]:
        fn = cls._converters.get(check)
        if fn is None:
            fn = cls._converters[check] = compile_converter(cls, check)
        return fn

    @classmethod
    def from_wire(cls, data: Any, *, check: bool = True) -> Self:
        """Build from decoded JSON (wire names); a field of the wrong type raises ``ApiTypeError``."""
        result: Self = run_converter(cls, data, check)
        return result

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build from a dict keyed by python names (``to_dict()``'s output) or by wire names."""
        return cls._from_mapping(data, [cls.__name__])

    @classmethod
    def _from_mapping(cls, data: Mapping[str, Any], path: list[PathItem]) -> Self:
        if not isinstance(data, Mapping):
            raise ApiTypeError(f"expected a mapping, got {type(data).__name__}", path_to_item=path)
        self = object.__new__(cls)
        used = set()
        for f in cls._fields:
            key = f.name if f.name in data else f.wire
            value = data.get(key)
            if key in data:
                used.add(key)
            if value is None:
                if f.required and key not in data:
                    raise TypeError(f"{cls.__name__}.from_dict(): missing required field '{f.name}'")
            else:
                value = f.kind.coerce(value, [*path, f.name])
            object.__setattr__(self, f.name, value)
        extra = {k: v for k, v in data.items() if k not in used}
        self._extra = extra or None
        return self

    def to_wire(self) -> dict[str, Any]:
        """The JSON-ready form with the API's names; unknown fields come back as received."""
        out: dict[str, Any] = {}
        for f in self._fields:
            value = getattr(self, f.name)
            if value is not None:
                out[f.wire] = f.kind.to_wire(value)
        if self._extra:
            out.update(self._extra)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain nested dicts and lists keyed by python names (unknown fields included)."""
        out = {f.name: f.kind.to_py(getattr(self, f.name)) for f in self._fields}
        if self._extra:
            out.update(self._extra)
        return out

    def check_limits(self) -> None:
        """Raise ``ApiValueError`` if a field breaks a limit of the spec (e.g. ``minLength``)."""
        for f in self._fields:
            value = getattr(self, f.name)
            if f.min_length is not None and isinstance(value, str) and len(value) < f.min_length:
                shown = "" if f.secret else f", got {len(value)}"
                raise ApiValueError(
                    f"{type(self).__name__}.{f.name} must be at least {f.min_length} characters{shown}",
                    path_to_item=[f.name],
                )

    def to_str(self) -> str:
        return repr(self)

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Fields the server sent that this SDK version does not know (kept, never dropped)."""
        return dict(self._extra or {})

    # ---- python protocol

    def __getitem__(self, name: str) -> Any:
        f = self._by_name.get(name) or self._by_wire.get(name)
        if f is not None:
            return getattr(self, f.name)
        if self._extra and name in self._extra:
            return self._extra[name]
        raise KeyError(name)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in self._fields) and (
            (self._extra or None) == (other._extra or None)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return pformat(self)

    def _repr_html_(self) -> str:
        """Jupyter display: a key/value table (secrets shown as <redacted>)."""
        from kalshi._display import key_value_table

        return key_value_table(type(self).__name__, self._repr_items())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython display: the same readable, multi-line text as ``repr``."""
        printer.text(f"{type(self).__name__}(...)" if cycle else repr(self))

    def _repr_items(self) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = []
        for f in self._fields:
            value = getattr(self, f.name)
            if value is None:
                continue
            items.append((f.name, Redacted() if f.secret else value))
        if self._extra:
            items.append(("additional_properties", self._extra))
        return items


T = TypeVar("T", bound=Model)


class ListModel(Sequence[T], Generic[T]):
    """A schema that is a JSON array of models; behaves as a list, keeps ``.value``."""

    __slots__ = ("value",)
    item_type: ClassVar[type[Model]]

    def __init__(self, value: Optional[Iterable[Union[T, Mapping[str, Any]]]] = None) -> None:
        kind = _ModelKind(self.item_type)
        name = type(self).__name__
        self.value: list[T] = [kind.coerce(v, [name, i]) for i, v in enumerate(value or ())]

    @classmethod
    def _converter(cls, check: bool) -> Callable[[Any], Any]:
        item = cls.item_type._converter(check)
        new = object.__new__

        def convert(data: Any) -> Any:
            if data.__class__ is not list:
                return _raise_bad(data, None, "list") if check else data
            self = new(cls)
            try:
                self.value = [item(x) for x in data]
            except _WrongType as e:
                e.path.append(_index_of_failure(data, item))
                raise
            return self

        return convert

    @classmethod
    def from_wire(cls, data: Any, *, check: bool = True) -> Self:
        """Build from a decoded JSON array; an item of the wrong type raises ``ApiTypeError``."""
        result: Self = run_converter(cls, data, check)
        return result

    def to_wire(self) -> list[Any]:
        return [v.to_wire() for v in self.value]

    def to_list(self) -> list[dict[str, Any]]:
        """Plain dicts keyed by python names, one per item."""
        return [v.to_dict() for v in self.value]

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per item (python names; datetimes stay datetimes)."""
        from kalshi._records import model_record

        return [model_record(v) for v in self.value]

    def _repr_html_(self) -> str:
        from kalshi._display import records_table

        return records_table(type(self).__name__, self.to_records())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(f"{type(self).__name__}(...)" if cycle else repr(self))

    def __len__(self) -> int:
        return len(self.value)

    def __iter__(self) -> Iterator[T]:
        return iter(self.value)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[T, list[T]]:
        return self.value[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ListModel):
            return other.__class__ is self.__class__ and self.value == other.value
        if isinstance(other, list):
            return self.value == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return pformat(self)


