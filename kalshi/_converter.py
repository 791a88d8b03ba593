"""The compiled converter: wire JSON to models in one straight-line function per class.

Each model class gets, on first use, a function built from its field table: a fast path that reads
exactly the declared keys by subscript, a general path for missing and unknown keys, inline
``v.__class__ is int``-style checks and timestamp parsing. A value of the wrong type raises
``_WrongType``, whose path grows as the error unwinds, so success pays nothing for error reporting.
"""

from __future__ import annotations

from datetime import timezone
from typing import TYPE_CHECKING, Any, Callable, Optional

from kalshi._kinds import MISSING, Field, _DateTime, _ListKind, _ModelKind, _Object, _Scalar
from kalshi._timestamps import fromisoformat, parse_datetime
from kalshi.exceptions import ApiTypeError, PathItem, render_path

if TYPE_CHECKING:
    from kalshi.model_utils import Model

__all__ = ["compile_converter", "run_converter"]


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
        if self.value is MISSING:
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
    return None if value is MISSING else value



def compile_converter(cls: type[Model], check: bool) -> Callable[[Any], Any]:
    """Build ``wire dict -> cls`` as one straight-line function (the hot path)."""
    env: dict[str, Any] = {
        "CLS": cls,
        "new": object.__new__,
        "M": MISSING,
        "bad": _raise_bad if check else _keep_bad,
        "WrongType": _WrongType,
        "dt": _wire_datetime_checked if check else _wire_datetime_lenient,
        "fromiso": fromisoformat,
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


def run_converter(cls: Any, data: Any, check: bool) -> Any:
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

