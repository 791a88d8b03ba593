# mypy: disallow-any-expr
"""A trader's script written only from docs/Kalshi.md, as a user would write it.

``main(host, email, password, counterparty_email, counterparty_password)`` trades on the exchange at
``host``: it lists the markets, reads a book by ticker, places a crossing order and a resting one,
has a second user cross the resting one, waits for it to fill, checks fills, positions and balance,
and cancels an order it no longer wants. It returns what it saw, for the test that runs it against
the simulated exchange; test_trader_typing.py checks it with ``mypy --strict`` (no ``Any`` from the
SDK: ``disallow-any-expr``) and pyright in strict mode, as a user's own file.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Dict, List

import kalshi
from kalshi import Kalshi
from kalshi.models import Market, Order, OrderBook, UserTrade

TICKER = "FED-21DEC-HIKE"


def best_no_bid(book: OrderBook) -> int:
    """The best bid for no in cents (0 when nobody bids): yes can be bought at 100 minus it."""
    return book.no[0].price if book.no else 0


def main(host: str, email: str, password: str, counterparty_email: str, counterparty_password: str) -> Dict[str, int]:
    seen: Dict[str, int] = {}
    with Kalshi(email, password, host=host, timeout=(5, 20)) as me, Kalshi(
        counterparty_email, counterparty_password, host=host
    ) as counterparty:
        markets: List[Market] = list(me.markets.list())
        tickers = [m.ticker_name for m in markets if m.status == "active"]
        assert TICKER in tickers, tickers
        seen["markets"] = len(markets)

        # The counterparty bids 38 for no: yes is offered at 62.
        counterparty.orders.create(TICKER, side="no", count=5, price=38)
        book = me.markets.book(TICKER)
        seen["yes_offered_at"] = 100 - best_no_bid(book)

        # A crossing order: willing to pay 65, it fills at once at the offer.
        crossing: Order = me.orders.create(TICKER, side="yes", count=5, price=seen["yes_offered_at"] + 3)
        seen["crossing_filled"] = crossing.taker_fill_count or 0

        # A resting bid at 40, which the counterparty then crosses by bidding 60 for no.
        resting = me.orders.create(TICKER, side="yes", count=4, price=40, expires=timedelta(hours=2))
        assert resting.status == "resting", resting
        counterparty.orders.create(TICKER, side="no", count=4, price=60)
        try:
            done = me.orders.wait(resting, timeout=10, poll=0.05)
        except kalshi.ApiTimeoutError:
            seen["resting_filled"] = 0
        else:
            seen["resting_filled"] = done.maker_fill_count or 0

        fills: List[UserTrade] = list(me.fills.list(TICKER))
        seen["fills"] = len(fills)
        seen["filled_contracts"] = sum(f.count or 0 for f in fills)
        seen["position"] = me.positions.get(TICKER).position or 0
        seen["positions"] = len(list(me.positions.list()))
        seen["balance"] = me.balance()

        # An order no longer wanted: cancel it, and see that nothing of it rests.
        unwanted = me.orders.create(TICKER, side="yes", count=2, price=10)
        canceled = me.orders.cancel(unwanted)
        seen["canceled_remaining"] = canceled.remaining_count or 0
        seen["resting_orders"] = len(list(me.orders.list(TICKER, status="resting")))
    return seen
