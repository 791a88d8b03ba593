"""Rendering results: pretty JSON (the default) or aligned text tables (``--table``)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Callable, Mapping, Optional, Sequence, TextIO

from kalshi.model_utils import ListModel, Model, format_datetime

__all__ = ["MAX_CELL", "render", "render_json", "render_table", "to_jsonable", "write"]

# A cell longer than this (a notification's ``content``) is cut, ending in "...".
MAX_CELL = 60
_GAP = "  "


def to_jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: models as dicts, datetimes as RFC 3339 strings."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Model):
        return to_jsonable(value.to_dict())
    if isinstance(value, (ListModel, list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def render_json(data: Any, *, ascii_only: bool = False) -> str:
    """Pretty JSON (indent 2), keys in the order the models declare them, ending in a newline."""
    return json.dumps(to_jsonable(data), indent=2, ensure_ascii=ascii_only) + "\n"


# --------------------------------------------------------------------------- tables


def _compact(mapping: Mapping[str, Any]) -> str:
    parts = []
    for key, value in mapping.items():
        shown = value if isinstance(value, str) else json.dumps(to_jsonable(value), separators=(",", ":"))
        parts.append(f"{key}={shown}")
    return ", ".join(parts)


def _cell(value: Any, limit: int = MAX_CELL) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, Mapping):
        text = _compact(value)
    elif isinstance(value, (list, tuple)):
        text = json.dumps(to_jsonable(value), separators=(",", ":"))
    else:
        text = str(value)
    text = " ".join(text.split())  # one line, whatever the value holds
    if limit and len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _records_table(records: Sequence[Mapping[str, Any]]) -> str:
    if not records:
        return "(no rows)\n"
    columns: list[str] = []
    for record in records:
        columns += [k for k in record if k not in columns]
    # Nested objects (a notification's content) read best at the end of the line.
    nested = [c for c in columns if any(isinstance(r.get(c), (Mapping, list)) for r in records)]
    columns = [c for c in columns if c not in nested] + nested
    cells = [[_cell(r.get(c)) for c in columns] for r in records]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    numeric = [
        all(_is_number(r.get(c)) or r.get(c) is None for r in records) and any(_is_number(r.get(c)) for r in records)
        for c in columns
    ]

    def line(values: Sequence[str]) -> str:
        padded = (v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric))
        return _GAP.join(padded).rstrip() + "\n"

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "".join(out)


def _key_value_table(obj: Mapping[str, Any]) -> str:
    if not obj:
        return "(empty)\n"
    width = max(len(str(k)) for k in obj)
    return "".join(f"{str(k).ljust(width)}{_GAP}{_cell(v, limit=0)}".rstrip() + "\n" for k, v in obj.items())


def render_table(data: Any) -> str:
    """Aligned columns under a header row for a list of records; ``key  value`` lines for one object."""
    data = data.to_dict() if isinstance(data, Model) else data
    if isinstance(data, Mapping):
        return _key_value_table(data)
    if isinstance(data, (list, tuple, ListModel)):
        rows = [r.to_dict() if isinstance(r, Model) else r for r in data]
        if all(isinstance(r, Mapping) for r in rows):
            return _records_table(rows)
        return "".join(_cell(r, limit=0) + "\n" for r in rows)
    return _cell(data, limit=0) + "\n"


def render(data: Any, table: bool, view: Optional[Callable[[Any], str]] = None) -> str:
    """JSON, or with ``table`` the command's own ``view`` (the generic table when it has none)."""
    if not table:
        return render_json(data)
    return view(data) if view is not None else render_table(data)


def write(stream: TextIO, data: Any, table: bool, view: Optional[Callable[[Any], str]] = None) -> None:
    """Write ``data`` to ``stream``; characters the stream cannot encode are escaped, not fatal."""
    try:
        stream.write(render(data, table, view))
    except UnicodeEncodeError:
        # A terminal in a legacy encoding (a "¢" or a title it cannot show): JSON falls back to
        # \\u escapes (still valid JSON), a table to backslash escapes.
        text = render(data, table, view) if table else render_json(data, ascii_only=True)
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()
