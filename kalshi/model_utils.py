"""The model base classes and the one converter between wire JSON and typed models.

A model declares each field once, as an annotated class attribute::

    class AccountHistoryEntryData(Model):
        deposit: Optional[DepositHistory] = field(wire="Deposit", default=None)

``ModelMeta`` turns those declarations into ``__slots__`` and a field table. From that table it
compiles, per class and on first use, the function that builds the model from decoded JSON: one
pass, ``v.__class__ is int``-style checks, no per-value introspection and no copies. That is the
hot path of a 5,000-entry account history.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Generic,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    TypeVar,
    Union,
    get_args,
    get_origin,
    overload,
)

from kalshi.exceptions import ApiTypeError, ApiValueError, PathItem, render_path

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


__all__ = ["ListModel", "Model", "ModelMeta", "field", "format_datetime", "parse_datetime"]

_NoneType = type(None)
_MISSING: Any = object()
_PY311 = sys.version_info >= (3, 11)
_REDACTED = "<redacted>"
_WIDTH = 88


# --------------------------------------------------------------------------- timestamps


def _fromisoformat_legacy(text: str) -> datetime:
    """``fromisoformat`` before 3.11: it reads neither ``Z`` nor fractions other than 3 or 6 digits."""
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(_six_digit_fraction(text))


def _six_digit_fraction(text: str) -> str:
    # Go (the server) trims trailing zeros, so 1 to 9 fraction digits are normal: pad or cut to 6.
    dot = text.find(".", 19)
    if dot == -1:
        return text
    # The fraction runs to the "+HH:MM" / "-HH:MM" offset, or to the end when there is none.
    end = len(text) - 6 if len(text) - dot > 7 and text[-6] in "+-" else len(text)
    return text[: dot + 1] + (text[dot + 1 : end] + "000000")[:6] + text[end:]


_fromisoformat = datetime.fromisoformat if _PY311 else _fromisoformat_legacy


def parse_datetime(text: str) -> datetime:
    """Parse an RFC 3339 timestamp into an aware datetime; no offset means UTC."""
    try:
        value = _fromisoformat(text)
    except ValueError:
        from dateutil.parser import isoparse  # only for the rare shapes fromisoformat refuses

        value = isoparse(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def format_datetime(value: datetime) -> str:
    """RFC 3339 text for a datetime, with ``Z`` for UTC as the API writes it."""
    text = value.isoformat()
    if value.microsecond:
        # Trim trailing zeros of the fraction, as Go's RFC 3339 output (the server's) does.
        head, dot, rest = text.partition(".")
        digits, offset = rest[:6].rstrip("0"), rest[6:]
        text = f"{head}.{digits}{offset}"
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# --------------------------------------------------------------------------- type errors


class _WrongType(Exception):
    """Raised inside the converter; the path grows (innermost first) as it unwinds."""

    def __init__(self, key: Optional[PathItem], value: Any, expected: str) -> None:
        super().__init__()
        self.path: list[PathItem] = [] if key is None else [key]
        self.value = value
        self.expected = expected

    def to_api_error(self, root: str) -> ApiTypeError:
        path = list(reversed(self.path))
        where = render_path(path)
        if self.value is _MISSING:
            what = f"{root}: required field '{where}' is missing from the response"
        elif where:
            what = f"{root}: field '{where}' is {type(self.value).__name__}, expected {self.expected}"
        else:
            what = f"{root}: response is {type(self.value).__name__}, expected {self.expected}"
        return ApiTypeError(what, path_to_item=path)


def _raise_bad(value: Any, key: Optional[PathItem], expected: str) -> Any:
    raise _WrongType(key, value, expected)


def _keep_bad(value: Any, key: Optional[PathItem], expected: str) -> Any:
    # With _check_return_type=False a value of the wrong type is kept as the server sent it.
    return None if value is _MISSING else value


# --------------------------------------------------------------------------- field kinds


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
    def __init__(self, cls: type[Model]) -> None:
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
        return value.to_wire() if isinstance(value, (Model, ListModel)) else value

    def to_py(self, value: Any) -> Any:
        return value.to_dict() if isinstance(value, Model) else value


class _ListModelKind(_ModelKind):
    def __init__(self, cls: type[ListModel[Any]]) -> None:
        self.cls = cls  # type: ignore[assignment]
        self.label = cls.__name__

    def coerce(self, value: Any, path: list[PathItem]) -> Any:
        if isinstance(value, self.cls):
            return value
        if isinstance(value, (list, tuple)):
            return self.cls(value)  # type: ignore[call-arg]
        raise ApiTypeError(
            f"expected {self.label} or list, got {type(value).__name__}",
            path_to_item=path,
            valid_classes=(self.cls,),
        )

    def to_py(self, value: Any) -> Any:
        return value.to_list() if isinstance(value, ListModel) else value


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


def _kind_of(tp: Any) -> _Kind:
    """Translate a field's annotation into its kind, once per class."""
    origin = get_origin(tp)
    if origin is Union:
        args = [a for a in get_args(tp) if a is not _NoneType]
        if len(args) == 1:
            return _kind_of(args[0])
        return _Kind()
    if origin in (list, List):
        (item,) = get_args(tp) or (Any,)
        return _ListKind(_kind_of(item))
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
    *, wire: Optional[str] = None, default: Any = _MISSING, secret: bool = False, min_length: Optional[int] = None
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


# --------------------------------------------------------------------------- the compiled converter


def _compile_converter(cls: type[Model], check: bool) -> Callable[[Any], Any]:
    """Build ``wire dict -> cls`` as one straight-line function (the hot path)."""
    env: dict[str, Any] = {
        "CLS": cls,
        "new": object.__new__,
        "M": _MISSING,
        "bad": _raise_bad if check else _keep_bad,
        "WrongType": _WrongType,
        "dt": _wire_datetime_checked if check else _wire_datetime_lenient,
        "fromiso": _fromisoformat,
        "UTC": timezone.utc,
        "dict": dict,
        "list": list,
        "_index_of_failure": _index_of_failure,
        "KNOWN": frozenset(f.wire for f in cls._fields),
    }
    n = len(cls._fields)
    lines = [
        "def convert(d):",
        "    if d.__class__ is not dict:",
        f"        return bad(d, None, {cls.__name__!r})",
        "    self = new(CLS)",
    ]
    # Fast path, the usual case: exactly the declared keys, read by subscript. Any missing key
    # (then some key is unknown) raises KeyError and the general path below starts over.
    fast = []
    for i, f in enumerate(cls._fields):
        fast.append(f"    v = d[{f.wire!r}]")
        fast.append("    if v is M:")  # never true here; keeps the shared check lines below valid
        fast.append("        pass")
        fast.extend(_field_lines(f, i, env))
        fast.append(f"    self.{f.name} = v")
    if n:
        lines.append(f"    if len(d) == {n}:")
        lines.append("        try:")
        lines.extend("        " + line for line in fast)
        lines.append("            self._extra = None")
        lines.append("            return self")
        lines.append("        except KeyError:")
        lines.append("            pass")
    lines.append("    miss = 0")
    for i, f in enumerate(cls._fields):
        w = repr(f.wire)
        lines.append(f"    v = d.get({w}, M)")
        lines.append("    if v is M:")
        lines.append(f"        v = bad(M, {w}, 'present')" if f.required else "        v = None")
        lines.append("        miss += 1")
        lines.extend(_field_lines(f, i, env))
        lines.append(f"    self.{f.name} = v")
    lines.append(f"    if len(d) + miss != {n}:")
    lines.append("        self._extra = {k: x for k, x in d.items() if k not in KNOWN}")
    lines.append("    else:")
    lines.append("        self._extra = None")
    lines.append("    return self")
    exec("\n".join(lines), env)  # noqa: S102 - source built above from the class's own field table
    fn: Callable[[Any], Any] = env["convert"]
    return fn


def _field_lines(f: Field, i: int, env: dict[str, Any]) -> list[str]:
    """The check/convert lines for one present field value ``v``."""
    w = repr(f.wire)
    kind = f.kind
    if isinstance(kind, _Scalar):
        test = {
            str: "v.__class__ is not str",
            int: "v.__class__ is not int",
            bool: "v.__class__ is not bool",
            float: "v.__class__ is not float and v.__class__ is not int",
        }[kind.tp]
        return [f"    elif v is not None and {test}:", f"        v = bad(v, {w}, {kind.label!r})"]
    if isinstance(kind, _DateTime):
        # Inline: fromisoformat (3.11+, or the legacy adapter) reads RFC 3339; dt() is the fallback.
        return [
            "    elif v.__class__ is str:",
            "        try:",
            "            v = fromiso(v)",
            "        except ValueError:",
            f"            v = dt(v, {w})",
            "        else:",
            "            if v.tzinfo is None:",
            "                v = v.replace(tzinfo=UTC)",
            "    elif v is not None:",
            f"        v = dt(v, {w})",
        ]
    if isinstance(kind, _Object):
        return ["    elif v is not None and v.__class__ is not dict:", f"        v = bad(v, {w}, 'object')"]
    check = env["bad"] is _raise_bad
    if isinstance(kind, _ListKind) and isinstance(kind.item, _ModelKind):
        # Nested converters are compiled now and bound directly: models form a tree, not a cycle.
        env[f"sub{i}"] = kind.item.cls._converter(check)
        return [
            "    elif v is not None:",
            "        if v.__class__ is not list:",
            f"            v = bad(v, {w}, 'list')",
            "        else:",
            f"            c = sub{i}",
            "            try:",
            "                v = [c(x) for x in v]",
            "            except WrongType as e:",
            f"                e.path.append(_index_of_failure(v, c)); e.path.append({w}); raise",
        ]
    if isinstance(kind, _ModelKind):
        env[f"sub{i}"] = kind.cls._converter(check)
        return [
            "    elif v is not None:",
            "        try:",
            f"            v = sub{i}(v)",
            "        except WrongType as e:",
            f"            e.path.append({w}); raise",
        ]
    if isinstance(kind, _ListKind):
        env[f"kind{i}"] = kind
        return [
            "    elif v is not None:",
            "        try:",
            f"            v = kind{i}.coerce(v, [])",
            "        except Exception:",
            f"            v = bad(v, {w}, {kind.label!r})",
        ]
    return ["    else:", "        pass"]


def _run_converter(cls: Any, data: Any, check: bool) -> Any:
    """Run a class's compiled converter, turning a wrong type into ``ApiTypeError`` with its path."""
    try:
        return cls._converter(check)(data)
    except _WrongType as err:
        raise err.to_api_error(cls.__name__) from None


def _index_of_failure(items: list[Any], convert: Callable[[Any], Any]) -> int:
    # Only on the error path: find which item failed so the message can name it.
    for i, item in enumerate(items):
        try:
            convert(item)
        except _WrongType:
            return i
    return -1


def _wire_datetime_checked(value: Any, key: str) -> Any:
    if value.__class__ is not str:
        raise _WrongType(key, value, "date-time string")
    try:
        return parse_datetime(value)
    except (ValueError, OverflowError):
        raise _WrongType(key, value, "RFC 3339 date-time") from None


def _wire_datetime_lenient(value: Any, key: str) -> Any:
    try:
        return parse_datetime(value)
    except Exception:  # noqa: BLE001 - unchecked mode keeps whatever the server sent
        return value


# --------------------------------------------------------------------------- the base classes


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
            spec = body.pop(attr, _MISSING)
            if not isinstance(spec, _FieldSpec):
                spec = _FieldSpec(None, spec, False)
            required = spec.default is _MISSING
            default = None if required else spec.default
            fields.append(
                Field(attr, spec.wire or attr, _kind_of(tp), required, default, spec.secret, spec.min_length)
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
            value = kwargs.pop(f.name, _MISSING)
            if value is _MISSING:
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
            fn = cls._converters[check] = _compile_converter(cls, check)
        return fn

    @classmethod
    def from_wire(cls, data: Any, *, check: bool = True) -> Self:
        """Build from decoded JSON (wire names); a field of the wrong type raises ``ApiTypeError``."""
        result: Self = _run_converter(cls, data, check)
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
        return _pformat(self, 0)

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
            items.append((f.name, _Redacted() if f.secret else value))
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
        result: Self = _run_converter(cls, data, check)
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
        return _pformat(self, 0)


# --------------------------------------------------------------------------- repr


class _Redacted:
    def __repr__(self) -> str:
        return _REDACTED


def _pformat(value: Any, indent: int) -> str:
    """One line when it fits, else one item per line, like pprint does for dataclasses."""
    flat = _flat(value)
    if len(flat) + indent <= _WIDTH or not isinstance(value, (Model, ListModel, list, dict)):
        return flat
    pad = " " * (indent + 4)
    end = " " * indent
    if isinstance(value, Model):
        inner = [f"{pad}{k}={_pformat(v, indent + 4)}," for k, v in value._repr_items()]
        return f"{type(value).__name__}(\n" + "\n".join(inner) + f"\n{end})"
    if isinstance(value, dict):
        inner = [f"{pad}{k!r}: {_pformat(v, indent + 4)}," for k, v in value.items()]
        return "{\n" + "\n".join(inner) + f"\n{end}}}"
    items = value.value if isinstance(value, ListModel) else value
    inner = [f"{pad}{_pformat(v, indent + 4)}," for v in items]
    body = "[\n" + "\n".join(inner) + f"\n{end}]"
    return f"{type(value).__name__}({body})" if isinstance(value, ListModel) else body


def _flat(value: Any) -> str:
    if isinstance(value, Model):
        return f"{type(value).__name__}(" + ", ".join(f"{k}={_flat(v)}" for k, v in value._repr_items()) + ")"
    if isinstance(value, ListModel):
        return f"{type(value).__name__}([" + ", ".join(_flat(v) for v in value.value) + "])"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_flat(v)}" for k, v in value.items()) + "}"
    return repr(value)
