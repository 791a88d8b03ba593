"""The ``--table`` rows of ``history`` and ``notifications``: when, what kind, which market, and what happened.

An entry's fields depend on its kind, so the last column says what happened in words, leading with
side, count, price and amount, and leaving out counters that are zero.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from kalshi.cli.grid import Column, Record, field, id_cell, market_cell, text, when, yes_no
from kalshi.cli.money import contracts, dollars, price
from kalshi.cli.names import Names

__all__ = ["HISTORY_ROW", "NOTIFICATION_ROW"]

_MARKET_LINK = "/markets/"


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _order(r: Record) -> str:
    canceled = sum(r.get(k) or 0 for k in ("canceled_count", "close_cancel_count", "fcc_canceled_count"))
    counters = [("filled", r.get("filled_count")), ("resting", r.get("remaining_count")), ("canceled", canceled)]
    done = _joined(*(f"{n} {label}" for label, n in counters if n))
    head = f"{r.get('original_count')} {yes_no(r.get('is_yes'))} at {price(r.get('price'))}"
    return f"{head}: {done}" if done else head


def _trade(r: Record) -> str:
    fee = r.get("fee")
    return f"{yes_no(r.get('is_yes'))} at {price(r.get('price'))}: " + _joined(
        dollars(r.get("amount")), f"fee {dollars(fee)}" if fee else ""
    )


def _settlement(r: Record) -> str:
    held = _joined(*(f"{r.get(k)} {side}" for side, k in (("yes", "yes_count"), ("no", "no_count")) if r.get(k)))
    return _joined(f"result {r.get('market_result')}", held, f"profit {dollars(r.get('profit'))}")


def _cash(r: Record) -> str:
    fee, returned = r.get("fee"), r.get("returned_amount")
    return _joined(
        " ".join(p for p in (dollars(r.get("amount")), text(r.get("deposit_type"))) if p),
        text(r.get("status")),
        f"fee {dollars(fee)}" if fee else "",
        f"returned {dollars(returned)}" if returned and returned != r.get("amount") else "",
    )


_HISTORY: Mapping[str, Callable[[Record], str]] = {
    "Order": _order,
    "Trade": _trade,
    "Settlement": _settlement,
    "Deposit": _cash,
    "Withdrawal": _cash,
}


def _what(record: Record, names: Names) -> str:
    describe = _HISTORY.get(str(record.get("type")))
    return describe(record) if describe is not None else ""


def _history_time(record: Record, names: Names) -> str:
    # A settlement has no created_at: it happened when the market settled.
    return when(record.get("created_at") or record.get("settled_time"))


HISTORY_ROW = [
    Column("time", _history_time),
    Column("type", field("type")),
    Column("market", market_cell),
    Column("what", _what),
]


# --------------------------------------------------------------------------- notifications

# How a content field reads; the trade's own (count, side, price) lead, as one phrase.
_TRADE_KEYS = ("count", "is_yes", "price")
_SHOWN: Mapping[str, Callable[[Any], str]] = {
    "count": contracts,
    "is_yes": yes_no,
    "price": lambda v: f"at {price(v)}",
    "market_result": lambda v: f"result {v}",
    "amount": dollars,
    "profit": lambda v: f"profit {dollars(v)}",
}


def _content_part(key: str, value: Any) -> str:
    show = _SHOWN.get(key)
    return show(value) if show is not None else f"{key}={text(value)}"


def _content(record: Record, names: Names) -> str:
    content = record.get("content")
    if not isinstance(content, Mapping):
        return text(content)
    given = {k: v for k, v in content.items() if v is not None}
    # The market column names the market when the link does: its title is then left out here.
    if _linked_market(record):
        given.pop("market_title", None)
    trade = " ".join(_content_part(k, given[k]) for k in _TRADE_KEYS if k in given)
    rest = [_content_part(k, v) for k, v in given.items() if k not in _TRADE_KEYS and k != "market_title"]
    return _joined(trade, *rest, text(given.get("market_title")))


def _linked_market(record: Record) -> str:
    link = str(record.get("link") or "")
    return link[len(_MARKET_LINK) :].split("/")[0] if link.startswith(_MARKET_LINK) else ""


def _notification_market(record: Record, names: Names) -> str:
    return names.market(_linked_market(record))


NOTIFICATION_ROW = [
    Column("id", id_cell("id")),
    Column("time", field("created_ts", when)),
    Column("type", field("type")),
    Column("read", field("is_read", yes_no)),
    Column("market", _notification_market),
    Column("what", _content),
]
