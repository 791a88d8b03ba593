"""The ``--table`` view of each trading command: a few columns a trader reads, money with units.

JSON output keeps every field in integer cents; these tables pick 5 to 8 fields per type and show
amounts as ``$12.34``, prices as ``37¢`` and times in UTC to the minute.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, List, Mapping, NamedTuple, Optional, Sequence

from kalshi.cli.money import contracts, dollars, price

__all__ = ["TABLES", "View"]

_GAP = "  "

Record = Mapping[str, Any]
View = Callable[[Any], str]


class Column(NamedTuple):
    header: str
    cell: Callable[[Record], str]
    right: bool = False  # numbers and money read best right-aligned


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _when(value: Any) -> str:
    """A datetime or unix seconds, in UTC to the minute."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = datetime.fromtimestamp(value, tz=timezone.utc)
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")
    return _text(value)


def _side(record: Record) -> str:
    is_yes = record.get("is_yes")
    return "" if is_yes is None else ("yes" if is_yes else "no")


def _field(name: str, show: Callable[[Any], str] = _text) -> Callable[[Record], str]:
    return lambda record: show(record.get(name))


def _int(value: Any) -> str:
    return "" if value is None else str(value)


def grid(records: Sequence[Record], columns: Sequence[Column]) -> str:
    """A header row, a rule, and one aligned row per record."""
    if not records:
        return "(no rows)\n"
    rows = [[c.cell(r) for c in columns] for r in records]
    widths = [max([len(c.header)] + [len(row[i]) for row in rows]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        padded = (v.rjust(w) if c.right else v.ljust(w) for v, w, c in zip(values, widths, columns))
        return _GAP.join(padded).rstrip() + "\n"

    return "".join([line([c.header for c in columns]), line(["-" * w for w in widths])] + [line(r) for r in rows])


def pairs(record: Record, fields: Sequence[Column]) -> str:
    """One ``label  value`` line per field."""
    width = max(len(f.header) for f in fields)
    return "".join(f"{f.header.ljust(width)}{_GAP}{f.cell(record)}".rstrip() + "\n" for f in fields)


# --------------------------------------------------------------------------- markets and books

_MARKET_ROW = [
    Column("ticker", _field("ticker_name")),
    Column("status", _field("status")),
    Column("yes bid", _field("yes_bid", price), right=True),
    Column("yes ask", _field("yes_ask", price), right=True),
    Column("last", _field("last_price", price), right=True),
    Column("volume", _field("volume", _int), right=True),
    Column("closes", _field("close_date", _when)),
    Column("title", _field("title")),
]

_MARKET_FIELDS = [
    Column("ticker", _field("ticker_name")),
    Column("title", _field("title")),
    Column("id", _field("id")),
    Column("status", _field("status")),
    Column("result", _field("result")),
    Column("yes bid", _field("yes_bid", price)),
    Column("yes ask", _field("yes_ask", price)),
    Column("last price", _field("last_price", price)),
    Column("volume", _field("volume", contracts)),
    Column("open interest", _field("open_interest", contracts)),
    Column("closes", _field("close_date", _when)),
]


def _markets(data: Any) -> str:
    return grid(data, _MARKET_ROW)


def _market(data: Any) -> str:
    return pairs(data, _MARKET_FIELDS)


def _book(data: Any) -> str:
    rows: List[Record] = []
    for side, other in (("yes", "no"), ("no", "yes")):
        # A bid for one side at p is an offer of the other side at 100 - p.
        for p, n in data[side]:
            rows.append({"side": side, "price": p, "count": n, "offer": f"sells {other} at {price(100 - p)}"})
    return grid(
        rows,
        [
            Column("bid for", _field("side")),
            Column("price", _field("price", price), right=True),
            Column("contracts", _field("count", _int), right=True),
            Column("that is", _field("offer")),
        ],
    )


# --------------------------------------------------------------------------- orders

_ORDER_ROW = [
    Column("order_id", _field("order_id")),
    Column("market_id", _field("market_id")),
    Column("side", _side),
    Column("price", _field("price", price), right=True),
    Column("placed", _field("place_count", _int), right=True),
    Column("resting", _field("remaining_count", _int), right=True),
    Column("status", _field("status")),
    Column("created", _field("create_ts", _when)),
]


def _filled(record: Record) -> str:
    taker = record.get("taker_fill_count") or 0
    maker = record.get("maker_fill_count") or 0
    return contracts(taker + maker)


_ORDER_FIELDS = [
    Column("order_id", _field("order_id")),
    Column("market_id", _field("market_id")),
    Column("side", _side),
    Column("price", _field("price", price)),
    Column("status", _field("status")),
    Column("placed", _field("place_count", contracts)),
    Column("filled", _filled),
    Column("resting", _field("remaining_count", contracts)),
    Column("fill cost", _field("taker_fill_cost", dollars)),
    Column("fees", _field("taker_fees", dollars)),
    Column("expires", _field("expiration_ts", _when)),
]


def _order(data: Any) -> str:
    # ``order`` answers {"order", "status"}; ``cancel`` and ``decrease`` answer {"order", "reduced_by"}.
    if "reduced_by" not in data:
        return pairs(data["order"], _ORDER_FIELDS)
    reduced = Column("reduced by", _field("reduced_by", contracts))
    return pairs({**data["order"], "reduced_by": data["reduced_by"]}, [*_ORDER_FIELDS, reduced])


def _orders(data: Any) -> str:
    return grid(data, _ORDER_ROW)


# --------------------------------------------------------------------------- the account


def _holding(record: Record) -> str:
    position: Optional[int] = record.get("position")
    if position is None:
        return ""
    if position == 0:
        return "none"
    return f"{abs(position)} {'yes' if position > 0 else 'no'}"


_POSITION_ROW = [
    Column("market_id", _field("market_id")),
    Column("position", _holding, right=True),
    Column("cost", _field("position_cost", dollars), right=True),
    Column("realized P&L", _field("realized_pnl", dollars), right=True),
    Column("fees", _field("fees_paid", dollars), right=True),
    Column("volume", _field("volume", _int), right=True),
    Column("resting orders", _field("resting_orders_count", _int), right=True),
]

_FILL_ROW = [
    Column("time", _field("create_date", _when)),
    Column("market_id", _field("market_id")),
    Column("side", _side),
    Column("price", _field("price", price), right=True),
    Column("contracts", _field("count", _int), right=True),
    Column("role", lambda r: "" if r.get("is_taker") is None else ("taker" if r["is_taker"] else "maker")),
    Column("order_id", _field("order_id")),
]

_PORTFOLIO_ROW = [
    Column("time", _field("ts", _when)),
    Column("available", _field("a", dollars), right=True),
    Column("value", _field("v", dollars), right=True),
    Column("change", _field("balance_change", dollars), right=True),
    Column("reason", _field("reason")),
]


def _positions(data: Any) -> str:
    return grid(data, _POSITION_ROW)


def _balance(data: Any) -> str:
    return pairs(data, [Column("balance", _field("balance", dollars))])


def _fills(data: Any) -> str:
    return grid(data, _FILL_ROW)


def _portfolio(data: Any) -> str:
    return grid(data, _PORTFOLIO_ROW)


# The table of each trading command (the account commands use the generic tables of ``output``).
TABLES: Mapping[str, View] = {
    "markets": _markets,
    "market": _market,
    "book": _book,
    "order": _order,
    "cancel": _order,
    "decrease": _order,
    "orders": _orders,
    "positions": _positions,
    "balance": _balance,
    "fills": _fills,
    "portfolio": _portfolio,
}
