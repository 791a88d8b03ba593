"""One value as an HTML fragment for the Jupyter display: ¢ and dollars, UTC seconds, short ids, nested tables.

Every piece of text is escaped here, attributes included: values come from the server. Models are
duck-typed (``_fields``, ``_extra``, each field's ``secret`` and ``unit``), so this sits below the
model classes. Loaded on first display only.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Any, Iterator, Optional, Sequence

from kalshi._common.ids import is_uuid
from kalshi._model.fields import split_unit
from kalshi._model.text import Redacted, flat_text
from kalshi._model.units import CENTS, DOLLARS, PRICE, unit_of

__all__ = [
    "CELL",
    "ID_PREFIX",
    "LIST_ITEMS",
    "MAX_DEPTH",
    "NESTED_ROWS",
    "TEXT_WIDTH",
    "cell_style",
    "is_empty",
    "is_model",
    "key_value_html",
    "model_items",
    "money",
    "pairs_html",
    "price",
    "timestamp",
    "value_html",
]

# A long id shows about this many characters, then "…"; selecting and copying it gives the whole id.
ID_PREFIX = 8
# Longer text is cut to this width, the whole text in the tooltip.
TEXT_WIDTH = 60
# A list of scalars inside a cell shows this many items, then says how many it left out.
LIST_ITEMS = 20
# A list of models inside a cell is a nested table of at most this many rows.
NESTED_ROWS = 10
# Deeper values (free-form JSON can nest without end) show as cut text instead of more tables.
MAX_DEPTH = 4

CELL = "border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top;white-space:nowrap"
_NUMBER = CELL + ";text-align:right;font-variant-numeric:tabular-nums"
_TEXT = CELL.replace("white-space:nowrap", "white-space:normal")
_NESTED = "border-collapse:collapse;font-size:inherit;margin:0"
_KEY = "color:#555;font-weight:normal;padding:0 6px 0 0;text-align:left;vertical-align:top;white-space:nowrap"
_VALUE = "padding:0;text-align:left;vertical-align:top"

# The whole id is in the page, cut only on screen: copying it copies all of it.
_SHORT_ID = (
    f"display:inline-block;max-width:{ID_PREFIX + 1}ch;overflow:hidden;text-overflow:ellipsis;"
    "white-space:nowrap;vertical-align:bottom"
)



def money(cents: int) -> str:
    """``115400`` -> ``$1,154.00``; ``-320`` -> ``-$3.20``."""
    dollars, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}${dollars:,}.{rest:02d}"


def price(cents: int) -> str:
    """A contract price: ``62`` -> ``62¢``."""
    return f"{cents:,}¢"


def timestamp(value: datetime) -> str:
    """To the second, in UTC: ``2026-11-26 16:40:05 UTC`` (a naive datetime is taken as UTC)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def is_model(value: Any) -> bool:
    return hasattr(value, "_fields") and hasattr(value, "_extra")


def is_empty(value: Any) -> bool:
    """None, and empty text, lists and mappings: left out of the display."""
    return value is None or (isinstance(value, (str, list, tuple, dict)) and len(value) == 0)


def model_items(model: Any) -> Iterator[tuple[str, Any, Optional[str]]]:
    """(name, value, unit) of a model's non-empty fields, secrets redacted, unknown fields last.

    An item that unchecked parsing kept as received, not a model, has none.
    """
    if not is_model(model):
        return
    for f in model._fields:
        value = getattr(model, f.name)
        if not is_empty(value):
            yield f.name, (Redacted() if f.secret else value), f.unit
    for key, value in (model._extra or {}).items():
        if not is_empty(value):
            yield str(key), value, None


def value_html(value: Any, unit: Optional[str] = None, name: str = "", depth: int = 0) -> str:
    """The escaped HTML of one value (the inside of a cell)."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, Redacted):
        return escape(str(value))
    if isinstance(value, int):
        unit = unit_of(name, unit)
        if unit == PRICE and (value == 0 or (value == 100 and name.endswith("yes_ask"))):
            # Not a price: 0 is "no trade" or "no bid", a yes ask of 100 "no ask" (prices are 1 to 99).
            return _titled("-", f"{value}: none")
        return escape(_number(value, unit))
    if isinstance(value, datetime):
        return _titled(timestamp(value), value.isoformat())
    if isinstance(value, str):
        return _text_html(value, name)
    if depth >= MAX_DEPTH:
        return _text_html(flat_text(value), "")  # elided below its own depth: never recurses out
    if is_model(value):
        return key_value_html(value, depth + 1)
    if isinstance(value, dict):
        rows = [(str(k), value_html(v, None, str(k), depth + 1)) for k, v in value.items() if not is_empty(v)]
        return _pairs_table(rows)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return _named_tuple_html(value)
    if hasattr(value, "_repr_list") or isinstance(value, (list, tuple)):
        return _list_html(list(value), name, depth)
    return escape(str(value))


def _number(value: int, unit: Optional[str]) -> str:
    if unit == PRICE:
        return price(value)
    if unit == CENTS:
        return money(value)
    if unit == DOLLARS:
        return f"{'-' if value < 0 else ''}${abs(value):,}"  # whole dollars: "$1,234"
    return f"{value:,}"


def cell_style(value: Any) -> str:
    """Numbers right-aligned for scanning a column; prose may wrap, the rest stays on one line."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _NUMBER
    if isinstance(value, str) and " " in value:
        return _TEXT
    return CELL


def key_value_html(model: Any, depth: int = 0) -> str:
    """A model as a borderless two-column table (nested inside a cell)."""
    rows = [(k, value_html(v, unit, k, depth)) for k, v, unit in model_items(model)]
    return _pairs_table(rows)


def _pairs_table(rows: Sequence[tuple[str, str]]) -> str:
    body = "".join(f'<tr><th style="{_KEY}">{escape(k)}</th><td style="{_VALUE}">{v}</td></tr>' for k, v in rows)
    return f'<table style="{_NESTED}">{body}</table>' if body else ""


def _titled(shown: str, full: str) -> str:
    return f'<span title="{escape(full)}">{escape(shown)}</span>'


def _text_html(text: str, name: str) -> str:
    is_id = name == "id" or name.endswith("_id")
    if is_uuid(text) or (is_id and len(text) > ID_PREFIX + 4 and " " not in text):
        return f'<span title="{escape(text)}" style="{_SHORT_ID}">{escape(text)}</span>'
    if len(text) > TEXT_WIDTH:
        return _titled(text[: TEXT_WIDTH - 1] + "…", text)
    return escape(text)


def _named_tuple_html(value: Any) -> str:
    # e.g. a PriceLevel: "price 40¢, count 4"; units come from its annotations (price is a Cent).
    hints = getattr(type(value), "__annotations__", {})
    parts = [f"{escape(k)} {value_html(v, split_unit(hints.get(k))[1], k)}" for k, v in zip(value._fields, value)]
    return ", ".join(parts)


def _list_html(items: list[Any], name: str, depth: int) -> str:
    if items and all(is_model(item) for item in items):
        return _nested_rows(items, depth)
    shown = [value_html(item, None, name, depth + 1) for item in items[:LIST_ITEMS]]
    more = len(items) - LIST_ITEMS
    if more > 0:
        shown.append(f"… {more} more")
    # Scalars on one line; structured items (price levels, objects) one per line.
    flat = all(not isinstance(item, (tuple, list, dict)) for item in items[:LIST_ITEMS])
    return (", " if flat else "<br>").join(shown)


def pairs_html(pairs: Sequence[tuple[str, str]]) -> str:
    """Inline ``name value`` pairs (values already HTML), for a one-line summary cell."""
    return " · ".join(f'<span style="color:#777">{escape(k)}</span> {v}' for k, v in pairs)


def _nested_rows(items: list[Any], depth: int) -> str:
    # A list of models in a cell: one row per model, its fields as key/value pairs.
    rows = [(str(i), key_value_html(item, depth + 1)) for i, item in enumerate(items[:NESTED_ROWS])]
    more = len(items) - NESTED_ROWS
    if more > 0:
        rows.append(("…", escape(f"{more} more")))
    return _pairs_table(rows)
