"""Rich display of models in Jupyter/IPython: compact, typed HTML tables, never a secret.

A model is a key/value table under its class name; a list-shaped one is a table with a row per
item. Cells follow the rules of ``html_cells`` (prices in ¢, amounts in dollars, UTC seconds, ids
shortened on screen only, nested tables).
Duck-typed, below the model classes, and imported by their ``_repr_html_`` on first display only.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any, Optional, Sequence

from kalshi._model.html_cells import (
    CELL,
    cell_style,
    is_model,
    model_items,
    pairs_html,
    value_html,
)
from kalshi._model.units import unit_of

__all__ = ["FIELD_NOTES", "MAX_ROWS", "PREFERRED_COLUMNS", "SUMMARY_LEAD", "list_table", "model_table"]

# Like pandas: a long table shows its head and says how many rows it left out.
MAX_ROWS = 60

# Items too wide for one screen show these columns (those that have a value); the rest are named
# under the table and are all in to_records() and to_dataframe().
PREFERRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "Market": (
        "ticker_name",
        "title",
        "status",
        "yes_bid",
        "yes_ask",
        "last_price",
        "volume",
        "open_interest",
        "close_date",
        "result",
        "id",
    ),
    "Order": (
        "order_id",
        "create_ts",
        "market_id",
        "is_yes",
        "price",
        "status",
        "place_count",
        "remaining_count",
        "maker_fill_count",
        "taker_fill_count",
        "taker_fill_cost",
        "taker_fees",
        "expiration_ts",
    ),
}

# Fields whose names say little: a header's tooltip and a note under a list table explain them.
FIELD_NOTES: dict[str, dict[str, str]] = {
    "PortfolioMeasurement": {
        "a": "available: the cash not reserved by resting orders",
        "v": "value: available + reserved + the positions at their last trade price",
    },
}

# A summary cell (an account history entry's ``data``) leads with what happened, in this order;
# the other fields follow in field order, and counters at zero are left out.
SUMMARY_LEAD = ("is_yes", "original_count", "count", "price", "amount", "market_result", "profit")

_TABLE = "border-collapse:collapse;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px"
_HEAD = CELL + ";background:#f4f4f4;font-weight:600"
_CAPTION = "text-align:left;padding:2px 0;font-weight:600"
_DETAILS = CELL.replace("white-space:nowrap", "white-space:normal;min-width:24em")
_NOTE = "margin:2px 0;font-family:system-ui,sans-serif;font-size:12px;color:#555"


def model_table(model: Any) -> str:
    """One model as a key/value table under its class name; nested models as nested tables."""
    notes = FIELD_NOTES.get(type(model).__name__, {})
    rows = "".join(
        f"<tr>{_head(name, notes)}"
        f'<td style="{cell_style(value)}">{value_html(value, unit, name)}</td></tr>'
        for name, value, unit in model_items(model)
    )
    return f'<table style="{_TABLE}">{_caption(type(model).__name__)}{rows}</table>'


def _head(name: str, notes: dict[str, str]) -> str:
    note = notes.get(name)
    title = f' title="{escape(note)}"' if note else ""
    return f'<th style="{_HEAD}"{title}>{escape(name)}</th>'


def list_table(title: str, items: Sequence[Any]) -> str:
    """A list of models as one table, a row per item (the first ``MAX_ROWS``).

    A field holding a nested model (an account history entry's ``data``) becomes one summary cell
    of its populated fields, and its first timestamp gets a ``time`` column of its own.
    """
    shown = items[:MAX_ROWS]
    rows = [_row(item) for item in shown]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    item_type = type(shown[0]).__name__ if shown else ""
    preferred = PREFERRED_COLUMNS.get(item_type)
    names = [c for c in preferred if c in columns] if preferred else list(columns)
    field_notes = FIELD_NOTES.get(item_type, {})
    head = "".join(_head(c, field_notes) for c in names)
    body = "".join(
        "<tr>" + "".join(row[c] if c in row else f'<td style="{CELL}"></td>' for c in names) + "</tr>" for row in rows
    )
    notes = ["; ".join(f"{c} = {field_notes[c]}" for c in names if c in field_notes)] if field_notes else []
    more = len(items) - len(shown)
    if more > 0:
        notes.append(f"… {more} more rows")
    left_out = [c for c in columns if c not in names]
    if left_out:
        notes.append(f"{len(left_out)} more columns in to_records() and to_dataframe(): {', '.join(left_out)}")
    foot = "".join(f'<p style="{_NOTE}">{escape(n)}</p>' for n in notes)
    caption = _caption(f"{title} ({len(items)} {'row' if len(items) == 1 else 'rows'})")
    return f'<table style="{_TABLE}">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{foot}'


def _caption(text: str) -> str:
    return f'<caption style="{_CAPTION}">{escape(text)}</caption>'


def _row(item: Any) -> dict[str, str]:
    """Column name -> ``<td>`` of one item; empty fields have no entry."""
    row: dict[str, str] = {}
    for name, value, unit in model_items(item):
        if not is_model(value):
            row[name] = f'<td style="{cell_style(value)}">{value_html(value, unit, name)}</td>'
            continue
        when, pairs = _summary(_look_through(value))
        if when is not None and "time" not in row:
            row["time"] = f'<td style="{CELL}">{value_html(when)}</td>'
        row[name] = f'<td style="{_DETAILS}">{pairs_html(pairs)}</td>'
    return row


def _summary(record: Any) -> tuple[Optional[datetime], list[tuple[str, str]]]:
    """The first timestamp of a nested model, and its other fields as (name, HTML) pairs:
    ``SUMMARY_LEAD`` first (``is_yes`` as ``side yes``), counters at zero left out."""
    when: Optional[datetime] = None
    items = []
    for name, value, unit in model_items(record):
        if when is None and isinstance(value, datetime):
            when = value
        elif not _zero_counter(name, value, unit):
            items.append((name, value, unit))
    items.sort(key=lambda item: SUMMARY_LEAD.index(item[0]) if item[0] in SUMMARY_LEAD else len(SUMMARY_LEAD))
    pairs = []
    for name, value, unit in items:
        if name == "is_yes" and isinstance(value, bool):
            pairs.append(("side", "yes" if value else "no"))
        else:
            pairs.append((name, value_html(value, unit, name, depth=1)))
    return when, pairs


def _zero_counter(name: str, value: Any, unit: Optional[str]) -> bool:
    counter = (name == "count" or name.endswith("_count")) and unit_of(name, unit) is None
    return counter and isinstance(value, int) and not isinstance(value, bool) and value == 0


def _look_through(model: Any) -> Any:
    # A holder with one populated sub-record (AccountHistoryEntryData) shows that sub-record.
    while True:
        populated = [value for _, value, _ in model_items(model)]
        if len(populated) != 1 or not is_model(populated[0]):
            return model
        model = populated[0]
