# mypy: disallow-any-expr
"""A trader's script written against ``kalshi.Kalshi`` only, as the issue's "done when" describes.

test_trader_typing.py checks it with ``mypy --strict`` (no ``Any`` may come back from the SDK) and
pyright in strict mode, and runs it against the fake exchange: two traders, one market. It lists
markets, reads a book by ticker, places a resting order and a crossing one, waits for the resting
one to fill once the second trader crosses it, checks fills, positions and balance, and cancels.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator, List, Optional

import kalshi
from kalshi.models import Market, MarketPosition, Order, OrderBook, PriceLevel, UserTrade


def main(host: str, ticker: str, alice: tuple[str, str], bob: tuple[str, str]) -> List[str]:
    """Run the session; return what it printed, line by line."""
    out: List[str] = []
    with kalshi.Kalshi(alice[0], alice[1], host=host, timeout=5, retries=0) as me, kalshi.Kalshi(
        bob[0], bob[1], host=host
    ) as other:
        markets: List[Market] = me.markets.list()
        titles = [f"{m.ticker_name}: {m.title}" for m in markets if m.ticker_name == ticker]
        out.extend(titles)

        book: OrderBook = me.markets.book(ticker)
        best: Optional[PriceLevel] = book.yes[0] if book.yes else None
        out.append(f"best yes bid: {best.price if best else '-'}")

        resting: Order = me.orders.create(ticker, side="yes", count=10, price=40, expires=timedelta(hours=1))
        crossing: Order = me.orders.create(ticker, side="no", count=2, price=45)  # rests: 40 + 45 < 100
        out.append(f"placed {resting.status} and {crossing.status}")

        taker: Order = other.orders.create(ticker, side="no", count=10, price=60)  # crosses the yes bid
        out.append(f"the other side: {taker.status}, {taker.taker_fill_count} filled")
        filled: Order = me.orders.wait(resting, timeout=5, poll=0.2)
        out.append(f"resting order: {filled.status}")

        fills: Iterator[UserTrade] = me.fills.list(ticker, order=filled)
        counts: List[int] = [f.count or 0 for f in fills]
        out.append(f"filled {sum(counts)} contracts")
        position: MarketPosition = me.positions.get(ticker)
        out.append(f"position {position.position} at cost {position.position_cost}")
        balance: int = me.balance()
        out.append(f"balance {balance}")

        canceled: Order = me.orders.cancel(crossing)
        out.append(f"canceled: {canceled.status}")
        try:
            me.orders.create(ticker, side="yes", count=1, price=100)
        except kalshi.ApiValueError as err:
            out.append(f"refused: {err}")
        try:
            me.orders.create(ticker, side="yes", count=1, price=10)
        except kalshi.OrderOutcomeUnknownError as err:
            again: Optional[Order] = me.orders.reconcile(err)
            out.append(f"reconciled: {again.order_id if again else None}")
    return out
