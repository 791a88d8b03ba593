"""Tickers are resolved once per client (tickers don't change): counted on the exchange's request log."""

from __future__ import annotations

import threading
from typing import List

import pytest

import kalshi

from .trading_support import TICKER, Desk


def _lookups(desk: Desk) -> int:
    return sum(1 for r in desk.server.requests if "markets_by_ticker" in r.raw_path)


def test_a_ticker_is_looked_up_once_per_client(desk: Desk) -> None:
    client = desk.alice
    for _ in range(3):
        assert client.markets.book(TICKER).yes == []
    client.orders.create(TICKER, side="yes", count=1, price=10)
    client.positions.get(TICKER)
    list(client.orders.list(TICKER))
    list(client.fills.list(TICKER))
    client.markets.history(TICKER)
    client.watchlist.add(TICKER)

    assert _lookups(desk) == 1
    paths = [r.raw_path for r in desk.server.requests]
    assert paths.count(f"/v1/markets/{desk.market_id}/order_book") == 3


def test_a_market_id_needs_no_lookup(desk: Desk) -> None:
    desk.alice.markets.book(desk.market_id)
    desk.alice.orders.create(desk.market_id, side="no", count=1, price=10)
    assert _lookups(desk) == 0


def test_markets_list_and_get_fill_the_cache(desk: Desk) -> None:
    desk.alice.markets.list()
    desk.bob.markets.get(TICKER)  # a by-ticker read, which is itself the lookup
    desk.server.clear_requests()

    desk.alice.markets.book(TICKER)
    desk.bob.markets.book(TICKER)

    assert _lookups(desk) == 0


def test_copies_share_the_cache_and_other_clients_do_not(desk: Desk) -> None:
    desk.alice.markets.book(TICKER)
    desk.alice.with_options(timeout=3).markets.book(TICKER)
    assert _lookups(desk) == 1
    desk.bob.markets.book(TICKER)
    assert _lookups(desk) == 2


def test_an_unknown_ticker_is_not_found_and_not_remembered(desk: Desk) -> None:
    for _ in range(2):
        with pytest.raises(kalshi.NotFoundException):
            desk.alice.markets.book("NO-SUCH-TICKER")
    assert _lookups(desk) == 2


def test_threads_resolving_a_ticker_together_agree(desk: Desk) -> None:
    books: List[object] = []
    threads = [threading.Thread(target=lambda: books.append(desk.alice.markets.book(TICKER))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(books) == 6
    assert 1 <= _lookups(desk) <= 6  # at most one each, however they raced
    desk.server.clear_requests()
    desk.alice.markets.book(TICKER)
    assert _lookups(desk) == 0
