"""``Model``, ``ListModel`` and ``ListResponse``: typed slots declared once, wire names, kept unknowns.

A model declares each field once, as an annotated class attribute::

    class AccountHistoryEntryData(Model):
        deposit: Optional[DepositHistory] = field(wire="Deposit", default=None)

``ModelMeta`` reads the annotations portably (``annotations``), merges the fields of every base
model, and builds ``__slots__`` and the field table; the table drives construction, ``from_dict``
and the compiled wire converter alike. Required means present and not null, on every path.
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
    overload,
)

from kalshi._model.annotations import declared_names, evaluated_annotations, namespace_of
from kalshi._model.convert import compile_converter, compile_list_converter
from kalshi._model.fields import MISSING, Field, FieldError, FieldSpec, field, kind_of
from kalshi._model.fields import strip_optional as _strip_optional
from kalshi._model.nesting import flatten, unflatten
from kalshi._model.records import columns_of, flat_record, records_to_dataframe
from kalshi._model.source import Converter, Mode, cached, wire_mode
from kalshi._model.text import Redacted, pformat
from kalshi.exceptions import (
    ApiAttributeError,
    ApiResponseTypeError,
    ApiTypeError,
    ApiValueError,
    PathItem,
    render_path,
)

if TYPE_CHECKING:
    import pandas
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


__all__ = ["ListModel", "ListResponse", "Model", "ModelMeta", "model_fields"]


def _merged_fields(bases: tuple[type, ...]) -> dict[str, Field]:
    # Fields of every base model, the nearest base winning, in declaration order.
    fields: dict[str, Field] = {}
    for base in reversed(bases):
        for f in getattr(base, "_fields", ()):
            fields[f.name] = f
    return fields


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
class ModelMeta(type):
    """Builds ``__slots__`` and the field table from a model's annotations and its bases'."""

    def __new__(mcs, name: str, bases: tuple[type, ...], ns: dict[str, Any], **kw: Any) -> Any:
        if not any(isinstance(b, ModelMeta) for b in bases):
            return super().__new__(mcs, name, bases, ns, **kw)
        inherited = _merged_fields(bases)
        body = dict(ns)
        specs: dict[str, FieldSpec] = {}
        for attr in declared_names(ns):
            value = body.pop(attr, MISSING)
            specs[attr] = value if isinstance(value, FieldSpec) else FieldSpec(None, value, False, None)
        body["__slots__"] = tuple(a for a in specs if a not in inherited)
        cls: Any = super().__new__(mcs, name, bases, body, **kw)
        namespace = namespace_of(cls)
        fields = dict(inherited)
        for attr, tp in evaluated_annotations(cls).items():
            declared = _strip_optional(tp)
            spec = specs.get(attr) or FieldSpec(None, MISSING, False, None)
            fields[attr] = Field(attr, declared, kind_of(declared, namespace), spec)
        cls._fields = tuple(fields.values())
        cls._by_name = {f.name: f for f in cls._fields}
        cls._by_wire = {f.wire: f for f in cls._fields}
        cls.attribute_map = {f.name: f.wire for f in cls._fields}
        cls._converters = {}
        return cls


def model_fields(cls: Any) -> tuple[Field, ...]:
    """The field table of a model class: name, wire name, declared type, kind, required, ..."""
    fields: tuple[Field, ...] = cls._fields
    return fields


def _located(err: FieldError, root: Sequence[PathItem]) -> list[PathItem]:
    return [*root, *reversed(err.path)]


def _argument_error(err: FieldError, root: Sequence[PathItem]) -> ApiTypeError:
    path = _located(err, root)
    return ApiTypeError(f"'{render_path(path)}' {err.describe()}", path_to_item=path)


def _response_error(err: FieldError, cls: type) -> ApiResponseTypeError:
    path = list(reversed(err.path))
    where = render_path(path)
    problem = f"{cls.__name__}: field '{where}' {err.describe()}" if where else (
        f"{cls.__name__}: response is {type(err.value).__name__}, expected {err.expected}"
    )
    return ApiResponseTypeError(problem, path)


class Model(metaclass=ModelMeta):
    """Base of every schema object: typed slots, wire names, kept unknown fields."""

    __slots__ = ("_extra",)

    _fields: ClassVar[tuple[Field, ...]] = ()
    _by_name: ClassVar[dict[str, Field]] = {}
    _by_wire: ClassVar[dict[str, Field]] = {}
    _converters: ClassVar[dict[Mode, Converter]] = {}
    attribute_map: ClassVar[dict[str, str]] = {}

    def __init__(self, /, *args: Any, **kwargs: Any) -> None:
        # ``self`` is positional-only, so ``Model(**{"self": 1})`` is an unknown keyword like any other.
        cls = type(self)
        if args:
            raise ApiTypeError(f"{cls.__name__}() takes keyword arguments only, got {len(args)} positional")
        root = [cls.__name__]
        for f in cls._fields:
            value = kwargs.pop(f.name, MISSING)
            try:
                value = _python_value(f, value, f.name)
            except FieldError as err:
                raise _argument_error(err, root) from None
            object.__setattr__(self, f.name, value)
        if kwargs:
            name = next(iter(kwargs))
            raise ApiTypeError(f"{cls.__name__}() got an unexpected keyword argument '{name}'", path_to_item=[name])
        if TYPE_CHECKING:  # declares the attribute; at run time it is stored past the checked assignment
            self._extra: Optional[dict[str, Any]] = None
        object.__setattr__(self, "_extra", None)

    if not TYPE_CHECKING:  # type checkers keep refusing unknown attributes and wrong types themselves

        def __setattr__(self, name: str, value: Any) -> None:
            """Assignment follows the construction rules: a field's own rule, else ``ApiAttributeError``."""
            f = self._by_name.get(name)
            if f is None:
                raise ApiAttributeError(
                    f"{type(self).__name__} has no field {name!r} (unknown fields are kept from the wire only)",
                    path_to_item=[name],
                )
            try:
                value = _python_value(f, value, name)
            except FieldError as err:
                raise _argument_error(err, [type(self).__name__]) from None
            object.__setattr__(self, name, value)

        def __delattr__(self, name: str) -> None:
            what = "cannot be deleted: set an optional field to None" if name in self._by_name else "is not a field"
            raise ApiAttributeError(f"{type(self).__name__}.{name} {what}", path_to_item=[name])

    # ---- conversion

    @classmethod
    def _converter(cls, check: bool, consume: bool = False) -> Converter:
        return cached(cls._converters, wire_mode(check, consume), lambda mode: compile_converter(cls, mode))

    @classmethod
    def from_wire(cls, data: Any, *, check: bool = True) -> Self:
        """Build from decoded JSON (wire names).

        A field that breaks the schema raises ``ApiResponseTypeError`` naming its path; with
        ``check=False`` such values are kept as they are.
        """
        result: Self = _from_wire(cls, data, check, False)
        return result

    @classmethod
    def _from_decoded(cls, data: Any, check: bool) -> Self:
        """``from_wire`` for JSON the SDK decoded itself: its lists are emptied as they are read."""
        result: Self = _from_wire(cls, data, check, True)
        return result

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build from a dict keyed by python names (``to_dict()``'s output) or by wire names."""
        if not isinstance(data, Mapping):
            raise ApiTypeError(
                f"{cls.__name__}.from_dict() needs a mapping, got {type(data).__name__}", path_to_item=[cls.__name__]
            )
        try:
            return cls._from_mapping(data)
        except FieldError as err:
            raise _argument_error(err, [cls.__name__]) from None

    @classmethod
    def _from_python(cls, value: Any) -> Self:
        """A nested value given in python form: an instance, or a mapping of its fields."""
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            return cls._from_mapping(value)
        raise FieldError(value, f"{cls.__name__} or dict")

    @classmethod
    def _from_mapping(cls, data: Mapping[str, Any]) -> Self:
        self = object.__new__(cls)
        used = set()
        for f in cls._fields:
            key = f.name if f.name in data else f.wire
            value = data.get(key, MISSING)
            if value is not MISSING:
                used.add(key)
            object.__setattr__(self, f.name, _python_value(f, value, f.name))
        extra = {k: v for k, v in data.items() if k not in used}
        object.__setattr__(self, "_extra", extra or None)
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
        out = {}
        for f in self._fields:
            value = getattr(self, f.name)
            out[f.name] = None if value is None else f.kind.to_py(value)
        if self._extra:
            out.update(self._extra)
        return out

    _to_py = to_dict

    def check_limits(self) -> None:
        """Raise ``ApiValueError`` if a field breaks a limit of the spec (``minLength``, an integer format's range)."""
        for f in self._fields:
            value = getattr(self, f.name)
            if not f.kind.in_range(value):
                raise ApiValueError(
                    f"{type(self).__name__}.{f.name} is outside the range of {f.kind.label}", path_to_item=[f.name]
                )
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
        extra = getattr(other, "_extra", None)
        return all(getattr(self, f.name) == getattr(other, f.name) for f in self._fields) and (
            (self._extra or None) == (extra or None)
        )

    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # mutable: not hashable

    # ---- copies and pickles: at any depth (a server may nest an unknown field 100,000 levels)

    def _state(self) -> tuple[list[int], list[Any]]:
        values = {f.name: getattr(self, f.name) for f in self._fields}
        return flatten([values, self._extra])

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), *self._state()))

    def __copy__(self) -> Self:
        values = {f.name: getattr(self, f.name) for f in self._fields}
        result: Self = _restored(type(self), values, dict(self._extra) if self._extra else None)
        return result

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        from copy import deepcopy  # on first deep copy only: not a cost of import

        codes, leaves = self._state()
        values, extra = unflatten(codes, leaves, lambda leaf: deepcopy(leaf, memo))
        result: Self = _restored(type(self), values, extra)
        memo[id(self)] = result
        return result

    def __repr__(self) -> str:
        return pformat(self)

    def _repr_html_(self) -> str:
        """Jupyter display: a key/value table, money in dollars, times in UTC (secrets redacted)."""
        from kalshi._model.display import model_table  # on first display only: not a cost of import

        return model_table(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython display: the same readable, multi-line text as ``repr``."""
        printer.text(f"{type(self).__name__}(...)" if cycle else repr(self))

    def _repr_items(self) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = []
        for f in self._fields:
            value = getattr(self, f.name)
            if value is not None:
                items.append((f.name, Redacted() if f.secret else value))
        if self._extra:
            items.append(("additional_properties", self._extra))
        return items


def _restored(cls: Any, values: Mapping[str, Any], extra: Optional[dict[str, Any]]) -> Any:
    # The values were a model's already: stored as they are, like the converter's.
    self = object.__new__(cls)
    for f in cls._fields:
        object.__setattr__(self, f.name, values.get(f.name, f.default))
    object.__setattr__(self, "_extra", extra)
    return self


def _restore(cls: Any, codes: list[int], leaves: list[Any]) -> Any:
    """Unpickle a model (what ``Model.__reduce__`` names)."""
    values, extra = unflatten(codes, leaves)
    return _restored(cls, values, extra)


def _from_wire(cls: Any, data: Any, check: bool, consume: bool) -> Any:
    try:
        return cls._converter(check, consume)(data)
    except FieldError as err:
        # Unchecked parsing keeps wrong values inside; only a wrong top-level shape gets here.
        raise _response_error(err, cls) from None


def _python_value(f: Field, value: Any, key: str) -> Any:
    """The one rule of construction and ``from_dict``: required is present and not null."""
    if value is MISSING:
        if f.required:
            raise FieldError(MISSING, "present", key)
        return f.default
    if value is None:
        if f.required:
            raise FieldError(None, "not null", key)
        return None
    try:
        return f.kind.from_python(value)
    except FieldError as err:
        err.path.append(key)
        raise


T = TypeVar("T", bound=Model)


class _Tabular:
    """``to_records()``, ``to_dataframe()`` and an HTML table, for models that hold a list."""

    __slots__ = ()

    def _items(self) -> Sequence[Any]:
        raise NotImplementedError

    def _item_type(self) -> Any:
        raise NotImplementedError

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per item, python names; nested models merged in, datetimes kept."""
        return [flat_record(item) for item in self._items()]

    def to_dataframe(self) -> pandas.DataFrame:
        """The items as a DataFrame (needs the ``[pandas]`` extra).

        A column per field, stable even when empty: timestamps are timezone-aware UTC, cents and
        counts nullable integers (``Int64``), booleans ``boolean``.
        """
        return records_to_dataframe(self.to_records(), columns_of(self._item_type()))

    def _repr_html_(self) -> str:
        """Jupyter display: a row per item, money in dollars, times in UTC (secrets redacted)."""
        from kalshi._model.display import list_table  # on first display only: not a cost of import

        return list_table(type(self).__name__, self._items())


class ListModel(_Tabular, Sequence[T], Generic[T]):
    """A schema that is a JSON array of models; behaves as a list, keeps ``.value``."""

    __slots__ = ("value",)
    item_type: ClassVar[type[Model]]
    _converters: ClassVar[dict[Mode, Converter]] = {}
    _list_kind: ClassVar[Any]  # the kind of the whole list: a list of ``item_type`` models

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._converters = {}
        item_type = cls.__dict__.get("item_type")
        if item_type is not None:
            cls._list_kind = kind_of(list[item_type], {})  # type: ignore[valid-type]

    def __init__(self, value: Optional[Iterable[Union[T, Mapping[str, Any]]]] = None) -> None:
        try:
            self.value: list[T] = self._build(list(value or ()))
        except FieldError as err:
            raise _argument_error(err, [type(self).__name__]) from None

    @classmethod
    def _build(cls, items: Sequence[Any]) -> list[T]:
        built: list[T] = cls._list_kind.from_python(items)
        return built

    @classmethod
    def _from_python(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, (list, tuple)):
            raise FieldError(value, f"{cls.__name__} or list")
        self = object.__new__(cls)
        self.value = cls._build(value)
        return self

    @classmethod
    def _converter(cls, check: bool, consume: bool = False) -> Converter:
        return cached(cls._converters, wire_mode(check, consume), lambda mode: compile_list_converter(cls, mode))

    @classmethod
    def from_wire(cls, data: Any, *, check: bool = True) -> Self:
        """Build from a decoded JSON array; an item that breaks the schema raises ``ApiResponseTypeError``."""
        result: Self = _from_wire(cls, data, check, False)
        return result

    @classmethod
    def _from_decoded(cls, data: Any, check: bool) -> Self:
        """``from_wire`` for JSON the SDK decoded itself: it is emptied as it is read."""
        result: Self = _from_wire(cls, data, check, True)
        return result

    def to_wire(self) -> list[Any]:
        # An item that is not a model was kept as received by unchecked parsing: it goes back as it came.
        item = self.item_type
        return [v.to_wire() if isinstance(v, item) else v for v in self.value]

    def to_list(self) -> list[dict[str, Any]]:
        """Plain dicts keyed by python names, one per item (an item kept as received stays as it is)."""
        item = self.item_type
        return [v.to_dict() if isinstance(v, item) else v for v in self.value]  # type: ignore[misc]

    _to_py = to_list

    def _items(self) -> Sequence[Any]:
        return self.value

    def _item_type(self) -> Any:
        return self.item_type

    def _repr_list(self) -> list[T]:
        return self.value

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

    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # mutable: not hashable

    def __repr__(self) -> str:
        return pformat(self)


class ListResponse(_Tabular, Model):
    """A response that carries one list of items (markets, orders, history entries, ...).

    Besides its fields it offers ``to_records()``, ``to_dataframe()`` and an HTML table of that list.
    """

    __slots__ = ()

    @classmethod
    def _list_field(cls) -> Field:
        for f in cls._fields:
            if f.kind.item_model is not None:
                return f
        raise TypeError(f"{cls.__name__} has no list of models to tabulate")

    def _items(self) -> Sequence[Any]:
        items = getattr(self, self._list_field().name)
        # Not a list when unchecked parsing kept it as received: no items to tabulate.
        return items if isinstance(items, (list, ListModel)) else ()

    def _item_type(self) -> Any:
        return self._list_field().kind.item_model
