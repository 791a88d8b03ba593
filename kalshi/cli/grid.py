"""Tables a person reads: aligned rows (``grid``) or ``label  value`` lines (``pairs``), and their cells.

Cells show markets by ticker, ids by their first 8 characters, amounts as ``$12.34``, prices as
``37¢``, times as ``2021-11-03 10:30 UTC`` and booleans as words. A table fits 100 columns: the
last, free-text column (a title, a summary) is cut to fit; ``--wide`` shows ids and texts whole.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Mapping, NamedTuple, Optional, Sequence

from kalshi.cli.names import Names

__all__ = [
    "Cell", "Column", "Record", "View", "field", "grid", "id_cell", "int_text", "market_cell", "pairs", "side_cell",
    "text", "when", "yes_no",
]  # fmt: skip

_GAP = "  "
_MIN_CUT = 12  # a free-text column is never cut narrower than this

Record = Mapping[str, Any]
View = Callable[[Any, Names], str]
Cell = Callable[[Record, Names], str]


class Column(NamedTuple):
    header: str
    cell: Cell
    right: bool = False  # numbers and money read best right-aligned


def yes_no(value: Any) -> str:
    """A boolean as a word: ``yes``, ``no``, or ``""`` for None."""
    return "" if value is None else ("yes" if value else "no")


def text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def when(value: Any) -> str:
    """A datetime or unix seconds, in UTC to the minute: ``2021-11-03 10:30 UTC``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = datetime.fromtimestamp(value, tz=timezone.utc)
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return text(value)


def int_text(value: Any) -> str:
    return "" if value is None else str(value)


def _cut(value: str, width: Optional[int]) -> str:
    if width is None or len(value) <= width:
        return value
    return value[: max(width - 3, 0)] + "..."


def field(name: str, show: Callable[[Any], str] = text) -> Cell:
    return lambda record, names: show(record.get(name))


def id_cell(name: str) -> Cell:
    return lambda record, names: names.id(record.get(name))


def market_cell(record: Record, names: Names) -> str:
    return names.market(record.get("market_id"), record.get("ticker"))  # positions carry their ticker


def side_cell(record: Record, names: Names) -> str:
    return yes_no(record.get("is_yes"))


def grid(records: Sequence[Record], columns: Sequence[Column], names: Names) -> str:
    """A header row, a rule, and one aligned row per record, the last column cut to fit the width."""
    if not records:
        return "(no rows)\n"
    rows = [[c.cell(r, names) for c in columns] for r in records]
    widths = [max([len(c.header)] + [len(row[i]) for row in rows]) for i, c in enumerate(columns)]
    if names.max_width is not None:
        room = names.max_width - sum(widths[:-1]) - len(_GAP) * (len(columns) - 1)
        if room < widths[-1]:
            widths[-1] = max(room, _MIN_CUT, len(columns[-1].header))
            rows = [[*row[:-1], _cut(row[-1], widths[-1])] for row in rows]

    def line(values: Sequence[str]) -> str:
        padded = (v.rjust(w) if c.right else v.ljust(w) for v, w, c in zip(values, widths, columns))
        return _GAP.join(padded).rstrip() + "\n"

    return "".join([line([c.header for c in columns]), line(["-" * w for w in widths])] + [line(r) for r in rows])


def pairs(record: Record, fields: Sequence[Column], names: Names) -> str:
    """One ``label  value`` line per field, each value cut to fit the width."""
    width = max(len(f.header) for f in fields)
    room = None if names.max_width is None else names.max_width - width - len(_GAP)
    return "".join(
        f"{f.header.ljust(width)}{_GAP}{_cut(f.cell(record, names), room)}".rstrip() + "\n" for f in fields
    )
