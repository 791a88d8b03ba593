"""The ``--table`` view of each command that has its own (the others print ``key  value`` lines, see ``output``).

JSON output keeps every field in integer cents; these tables pick a few fields per type (see ``grid``).
"""

from __future__ import annotations

from typing import Any, List, Mapping, Optional, Sequence

from kalshi.cli.account_views import HISTORY_ROW, NOTIFICATION_ROW
from kalshi.cli.grid import Column, Record, View, field, grid, id_cell, int_text, market_cell, pairs, side_cell, when
from kalshi.cli.money import contracts, dollars, price
from kalshi.cli.names import Names

__all__ = ["TABLES"]


# --------------------------------------------------------------------------- markets and books


def _last_price(record: Record, names: Names) -> str:
    # A market that never traded has no last price (the exchange sends 0).
    return price(record.get("last_price")) if record.get("volume") else "-"


_MARKET_ROW = [
    Column("ticker", field("ticker_name")),
    Column("status", field("status")),
    Column("bid", field("yes_bid", price), right=True),
    Column("ask", field("yes_ask", price), right=True),
    Column("last", _last_price, right=True),
    Column("volume", field("volume", int_text), right=True),
    Column("closes", field("close_date", when)),
    Column("title", field("title")),
]

_MARKET_FIELDS = [
    Column("ticker", field("ticker_name")),
    Column("title", field("title")),
    Column("id", field("id")),  # where a market's whole id is looked up
    Column("status", field("status")),
    Column("result", field("result")),
    Column("yes bid", field("yes_bid", price)),
    Column("yes ask", field("yes_ask", price)),
    Column("last price", _last_price),
    Column("volume", field("volume", contracts)),
    Column("open interest", field("open_interest", contracts)),
    Column("closes", field("close_date", when)),
]


def _book(data: Any, names: Names) -> str:
    rows: List[Record] = []
    for side, other in (("yes", "no"), ("no", "yes")):
        # A bid for one side at p is an offer of the other side at 100 - p.
        for p, n in data[side]:
            rows.append({"side": side, "price": p, "count": n, "offer": f"sells {other} at {price(100 - p)}"})
    columns = [
        Column("bid for", field("side")),
        Column("price", field("price", price), right=True),
        Column("contracts", field("count", int_text), right=True),
        Column("that is", field("offer")),
    ]
    return grid(rows, columns, names)


# --------------------------------------------------------------------------- orders

_ORDER_ROW = [
    Column("order", id_cell("order_id")),
    Column("market", market_cell),
    Column("side", side_cell),
    Column("price", field("price", price), right=True),
    Column("placed", field("place_count", int_text), right=True),
    Column("resting", field("remaining_count", int_text), right=True),
    Column("status", field("status")),
    Column("created", field("create_ts", when)),
]


def _filled(record: Record, names: Names) -> str:
    taker = record.get("taker_fill_count") or 0
    maker = record.get("maker_fill_count") or 0
    return contracts(taker + maker)


_ORDER_FIELDS = [
    Column("order", id_cell("order_id")),
    Column("market", market_cell),
    Column("side", side_cell),
    Column("price", field("price", price)),
    Column("status", field("status")),
    Column("placed", field("place_count", contracts)),
    Column("filled", _filled),
    Column("resting", field("remaining_count", contracts)),
    Column("fill cost", field("taker_fill_cost", dollars)),
    Column("fees", field("taker_fees", dollars)),
    Column("expires", field("expiration_ts", when)),
]


def _order(data: Any, names: Names) -> str:
    # ``order`` answers {"order", "status"}; ``cancel`` and ``decrease`` answer {"order", "reduced_by"}.
    if "reduced_by" not in data:
        return pairs(data["order"], _ORDER_FIELDS, names)
    reduced = Column("reduced by", field("reduced_by", contracts))
    return pairs({**data["order"], "reduced_by": data["reduced_by"]}, [*_ORDER_FIELDS, reduced], names)


# --------------------------------------------------------------------------- the account


def _holding(record: Record, names: Names) -> str:
    position: Optional[int] = record.get("position")
    if position is None:
        return ""
    if position == 0:
        return "none"
    return f"{abs(position)} {'yes' if position > 0 else 'no'}"


def _role(record: Record, names: Names) -> str:
    is_taker = record.get("is_taker")
    return "" if is_taker is None else ("taker" if is_taker else "maker")


_POSITION_ROW = [
    Column("market", market_cell),
    Column("position", _holding, right=True),
    Column("cost", field("position_cost", dollars), right=True),
    Column("realized P&L", field("realized_pnl", dollars), right=True),
    Column("fees", field("fees_paid", dollars), right=True),
    Column("volume", field("volume", int_text), right=True),
    Column("resting orders", field("resting_orders_count", int_text), right=True),
]

_FILL_ROW = [
    Column("time", field("create_date", when)),
    Column("market", market_cell),
    Column("side", side_cell),
    Column("price", field("price", price), right=True),
    Column("contracts", field("count", int_text), right=True),
    Column("role", _role),
    Column("order", id_cell("order_id")),
]

_PORTFOLIO_ROW = [
    Column("time", field("ts", when)),
    Column("available", field("a", dollars), right=True),
    Column("value", field("v", dollars), right=True),
    Column("change", field("balance_change", dollars), right=True),
    Column("reason", field("reason")),
]


def _rows(columns: Sequence[Column]) -> View:
    return lambda data, names: grid(data, columns, names)


def _fields(columns: Sequence[Column]) -> View:
    return lambda data, names: pairs(data, columns, names)


TABLES: Mapping[str, View] = {
    "history": _rows(HISTORY_ROW),
    "notifications": _rows(NOTIFICATION_ROW),
    "markets": _rows(_MARKET_ROW),
    "market": _fields(_MARKET_FIELDS),
    "book": _book,
    "order": _order,
    "cancel": _order,
    "decrease": _order,
    "orders": _rows(_ORDER_ROW),
    "positions": _rows(_POSITION_ROW),
    "balance": _fields([Column("balance", field("balance", dollars))]),
    "fills": _rows(_FILL_ROW),
    "portfolio": _rows(_PORTFOLIO_ROW),
}
