"""Rendering results: pretty JSON (the default) or aligned text tables (``--table``)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Mapping, Optional, TextIO

from kalshi.cli.grid import View, text, when, yes_no
from kalshi.cli.names import Names
from kalshi.model_utils import ListModel, Model, format_datetime

__all__ = ["render", "render_json", "render_table", "to_jsonable", "write"]

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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime):
        return when(value)
    return text(to_jsonable(value))  # one line, whatever the value holds


def render_table(data: Mapping[str, Any]) -> str:
    """``key  value`` lines for one object (the commands with no view of their own return one)."""
    if not data:
        return "(empty)\n"
    width = max(len(str(k)) for k in data)
    return "".join(f"{str(k).ljust(width)}{_GAP}{_cell(v)}".rstrip() + "\n" for k, v in data.items())


def render(data: Any, table: bool, view: Optional[View], names: Names) -> str:
    """JSON, or with ``table`` the command's own ``view`` (``key  value`` lines when it has none)."""
    if not table:
        return render_json(data)
    if view is not None:
        return view(data, names)
    return render_table(data)


def write(stream: TextIO, data: Any, table: bool, view: Optional[View], names: Names) -> None:
    """Write ``data`` to ``stream``; characters the stream cannot encode are escaped, not fatal."""
    text = render(data, table, view, names)
    try:
        stream.write(text)
    except UnicodeEncodeError:
        # A terminal in a legacy encoding (a "¢" or a title it cannot show): JSON falls back to
        # \\u escapes (still valid JSON), a table to backslash escapes.
        text = text if table else render_json(data, ascii_only=True)
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()
