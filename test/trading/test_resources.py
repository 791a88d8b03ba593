"""Every resource of ``kalshi.Kalshi`` against the fake exchange: what it sends and what it returns.

Alice rests a yes bid at 40 for 10; Bob's no at 65 for 6 crosses it and fills at the maker's price.
Results are the SDK's models (their display, records and DataFrames keep working); numbers are
compared with the exchange's own inspection API.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import kalshi
from kalshi.models import (
    GetMarketHistoryResponse,
    Market,
    MarketPosition,
    Notification,
    Order,
    OrderBook,
    PriceLevel,
    PublicTrade,
    UserGetAccountHistoryResponse,
    UserGetPortfolioHistoryResponse,
    UserTrade,
)
from kalshi.testing import taker_fee

from .trading_support import OPENING, TICKER, Desk


def _trade(desk: Desk) -> tuple[Order, Order]:
    resting = desk.alice.orders.create(TICKER, side="yes", count=10, price=40)
    taken = desk.bob.orders.create(TICKER, side="no", count=6, price=65)
    return resting, taken


def test_markets_list_get_book_and_history(desk: Desk) -> None:
    client = desk.alice
    markets = client.markets.list()
    assert isinstance(markets, list) and all(isinstance(m, Market) for m in markets)
    assert client.markets.list(cached=True) == markets
    by_ticker = client.markets.get(TICKER)
    assert by_ticker.id == desk.market_id
    assert client.markets.get(desk.market_id) == by_ticker
    assert client.markets.get(TICKER, cached=True).id == client.markets.get(desk.market_id, cached=True).id
    paths = {r.raw_path for r in desk.server.requests}
    assert {"/v1/markets", "/v1/cached/markets", f"/v1/markets_by_ticker/{TICKER}"} <= paths
    assert {f"/v1/cached/markets_by_ticker/{TICKER}", f"/v1/cached/markets/{desk.market_id}"} <= paths

    _trade(desk)
    book = client.markets.book(TICKER)
    assert isinstance(book, OrderBook)
    assert list(book.yes) == [PriceLevel(40, 4)] and list(book.no) == []
    assert desk.server.book_of(desk.market_id) == {"yes": [[40, 4]], "no": []}

    history = client.markets.history(TICKER)
    assert isinstance(history, GetMarketHistoryResponse)
    last = history.market_stats_points[-1]
    assert (last.price, last.volume) == (40, 6)
    since = int(last.ts or 0) + 1
    assert client.markets.history(TICKER, since=since).market_stats_points == []
    when = datetime.fromtimestamp(since, timezone.utc)
    assert client.markets.history(desk.market_id, since=when, cached=True).market_stats_points == []
    assert any(r.query.get("last_seen_ts") == [str(since)] for r in desk.server.requests)


def test_orders_create_list_decrease_cancel(desk: Desk) -> None:
    resting, taken = _trade(desk)
    assert (resting.status, resting.remaining_count, resting.market_id) == ("resting", 10, desk.market_id)
    assert (taken.status, taken.taker_fill_count, taken.taker_fill_cost) == ("executed", 6, 360)

    extra = desk.alice.orders.create(
        TICKER, side="no", count=3, price=20, expires=timedelta(hours=1), sell_position_capped=False
    )
    (sent,) = [r for r in desk.server.requests if r.method == "POST"][-1:]
    assert b'"expiration_unix_ts"' in sent.body and b"sell_position_capped" not in sent.body
    listed = desk.alice.orders.list()
    assert not isinstance(listed, list)  # lazy: an iterator
    assert [o.order_id for o in listed] == [extra.order_id, resting.order_id]
    assert [o.order_id for o in desk.alice.orders.list(TICKER, side="yes")] == [resting.order_id]
    assert [o.order_id for o in desk.alice.orders.list(status="resting", side="no")] == [extra.order_id]
    assert list(desk.alice.orders.list(status="executed")) == []
    assert [o.order_id for o in desk.bob.orders.list(desk.market_id, status="executed")] == [taken.order_id]

    decreased = desk.alice.orders.decrease(resting, count=1)
    assert isinstance(decreased, Order) and (decreased.remaining_count, decreased.status) == (3, "resting")
    assert decreased.reduced_by == 1  # a ChangedOrder: the exchange's count of contracts taken off
    canceled = desk.alice.orders.cancel(resting.order_id or "")
    assert (canceled.remaining_count, canceled.status, canceled.reduced_by) == (0, "canceled", 3)
    assert canceled.to_dict()["reduced_by"] == 3 and canceled.order_id == resting.order_id
    with pytest.raises(kalshi.BadRequestException):
        desk.alice.orders.cancel(resting)  # no longer resting
    with pytest.raises(kalshi.NotFoundException):
        desk.bob.orders.cancel(extra)  # not Bob's


def test_an_order_with_an_expiry_and_a_cost_cap(desk: Desk) -> None:
    expires = datetime.now(timezone.utc) + timedelta(days=1, seconds=0.5)
    order = desk.alice.orders.create(TICKER, side="yes", count=10, price=50, expires=expires, max_cost=120)
    assert order.place_count == 2  # 120 cents buy two contracts at 50
    body = [r for r in desk.server.requests if r.method == "POST"][-1].body
    assert f'"expiration_unix_ts":{int(expires.timestamp()) + 1}'.encode() in body
    assert b'"max_cost_cents":120' in body


def test_orders_wait_returns_once_filled_and_times_out_with_the_last_order(desk: Desk) -> None:
    resting = desk.alice.orders.create(TICKER, side="yes", count=10, price=40)
    with pytest.raises(kalshi.OrderWaitTimeoutError) as caught:
        desk.alice.orders.wait(resting, timeout=0.3, poll=0.1)
    assert isinstance(caught.value, kalshi.ApiTimeoutError) and caught.value.budget == "wait"
    assert caught.value.order is not None and caught.value.order.order_id == resting.order_id
    assert caught.value.order.status == "resting"

    desk.bob.orders.create(TICKER, side="no", count=10, price=60)  # crosses all of it
    done = desk.alice.orders.wait(resting.order_id or "", timeout=5, poll=0.1)
    assert (done.order_id, done.status, done.remaining_count) == (resting.order_id, "executed", 0)
    with pytest.raises(kalshi.ApiValueError, match="is not one of your orders"):
        desk.bob.orders.wait(resting.order_id or "", timeout=1)


def test_positions_fills_balance(desk: Desk) -> None:
    resting, taken = _trade(desk)
    fee = taker_fee(6, 60)

    (alice_position,) = desk.alice.positions.list()
    assert isinstance(alice_position, MarketPosition) and alice_position.ticker == TICKER
    assert (alice_position.position, alice_position.position_cost, alice_position.fees_paid) == (6, 240, 0)
    expected = desk.server.positions_of(desk.alice_id)[desk.market_id]
    assert {k: v for k, v in alice_position.to_dict().items() if k != "ticker"} == expected
    bob_position = desk.bob.positions.get(TICKER)
    assert (bob_position.ticker, bob_position.position, bob_position.fees_paid) == (TICKER, -6, fee)

    alice_fills = list(desk.alice.fills.list())
    assert [(f.count, f.price, f.is_yes, f.is_taker) for f in alice_fills] == [(6, 40, True, False)]
    assert all(isinstance(f, UserTrade) for f in alice_fills)
    assert [f.order_id for f in desk.bob.fills.list(TICKER, order=taken)] == [taken.order_id]
    assert list(desk.bob.fills.list(order=resting.order_id or "")) == []

    assert desk.alice.balance() == OPENING - 400 == desk.server.balance_of(desk.alice_id)
    assert desk.bob.balance() == OPENING - 360 - fee


def test_a_position_in_a_market_this_client_never_read_gets_its_ticker(desk: Desk) -> None:
    other = desk.server.add_market(ticker="TRD-OTHER", title="Another?")
    desk.bob.orders.create(other, side="yes", count=2, price=30)
    desk.alice.orders.create(other, side="no", count=2, price=70)
    desk.server.clear_requests()

    positions = {p.ticker: p.position for p in desk.alice.positions.list()}

    assert positions == {"TRD-OTHER": -2}
    assert [r.raw_path for r in desk.server.requests if "markets" in r.raw_path] == ["/v1/markets"]


def test_lists_show_as_tables_and_dataframes(desk: Desk) -> None:
    _trade(desk)
    positions = desk.alice.positions.list()
    frame = positions.to_dataframe()
    assert list(frame["ticker"]) == [TICKER] and int(frame["position"][0]) == 6
    assert positions.to_records()[0]["ticker"] == TICKER
    assert "<table" in positions._repr_html_() and TICKER in positions._repr_html_()
    markets = desk.alice.markets.list()
    assert TICKER in list(markets.to_dataframe()["ticker_name"])
    assert "Position" in repr(positions[0]) and "<table" in positions[0]._repr_html_()


def test_trades_tape_account_portfolio_notifications_watchlist_exchange(desk: Desk) -> None:
    _trade(desk)
    client = desk.alice

    (trade,) = client.trades.list()
    assert isinstance(trade, PublicTrade) and (trade.count, trade.price) == (6, 40)
    day = datetime.fromtimestamp(desk.server.now, timezone.utc).date()
    assert [t.trade_id for t in client.trades.list(date=day)] == [trade.trade_id]
    assert list(client.trades.list(date=(day + timedelta(days=1)).isoformat())) == []

    history = client.account.history()
    assert isinstance(history, UserGetAccountHistoryResponse) and len(history.entries) >= 2
    assert len(client.account.history(limit=1).entries) == 1
    trades_only = client.account.history(should_return_trades=True, should_return_orders=False)
    assert {e.type for e in trades_only.entries} == {"Trade"}

    portfolio = client.portfolio.history()
    assert isinstance(portfolio, UserGetPortfolioHistoryResponse) and portfolio.values

    notes = list(client.notifications.list())
    assert notes and all(isinstance(n, Notification) for n in notes)
    client.notifications.mark_read(notes[0])
    client.notifications.mark_read(notes[-1].id or "")
    read = {n["id"] for n in desk.server.notifications_of(desk.alice_id) if n["is_read"]}
    assert {notes[0].id, notes[-1].id} <= read

    assert client.watchlist.list() == []
    client.watchlist.add(TICKER)
    assert client.watchlist.list() == [desk.market_id]
    client.watchlist.remove(desk.market_id)
    assert client.watchlist.list() == []

    status = client.exchange.status()
    assert (status.exchange_active, status.trading_active) == (True, True)
    desk.server.set_exchange_status(trading_active=False)
    assert client.exchange.status().trading_active is False
