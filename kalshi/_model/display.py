"""Rich display of models in Jupyter/IPython: HTML tables, never a secret (duck-typed, below the models)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Sequence

__all__ = ["MAX_ROWS", "key_value_table", "records_table"]


def escape(text: str) -> str:
    # html on first display only: it imports re and html.entities, ~2 ms of `import kalshi`.
    from html import escape as html_escape

    return html_escape(text)

# Like pandas: a long table shows its head and says how many rows it left out.
MAX_ROWS = 60

_STYLE = "border-collapse:collapse;font-family:monospace;font-size:12px"
_CELL = "border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"


def _cell(value: Any) -> str:
    if value is None:
        text = ""
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ")
    else:
        text = str(value) if not hasattr(value, "_repr_items") else repr(value)
    return f'<td style="{_CELL}">{escape(text)}</td>'


def key_value_table(title: str, items: Sequence[tuple[str, Any]]) -> str:
    """One model as a two-column table under its class name."""
    rows = "".join(f'<tr><th style="{_CELL}">{escape(k)}</th>{_cell(v)}</tr>' for k, v in items)
    return f'<table style="{_STYLE}"><caption style="text-align:left"><b>{escape(title)}</b></caption>{rows}</table>'


def records_table(title: str, records: Sequence[dict[str, Any]]) -> str:
    """A list of flat records as one compact table with a row per record."""
    columns: list[str] = []
    for r in records[:MAX_ROWS]:
        columns += [k for k in r if k not in columns]
    head = "".join(f'<th style="{_CELL}">{escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(_cell(r.get(c)) for c in columns) + "</tr>" for r in records[:MAX_ROWS]
    )
    more = len(records) - MAX_ROWS
    foot = f"<p>… {more} more rows</p>" if more > 0 else ""
    caption = f"{title} ({len(records)} rows)"
    return (
        f'<table style="{_STYLE}"><caption style="text-align:left"><b>{escape(caption)}</b></caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{foot}"
    )
