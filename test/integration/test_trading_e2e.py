"""End-to-end trading scripts through the SDK only, against the simulated exchange (issue 11).

Two users log in to a FakeKalshiServer of the test's own and trade through the SDK's API classes:
Alice rests a yes bid, Bob sells into it with a crossing no order. Every consequence is then read
back through the SDK (fills, positions, balances, the book, public trades, orders, portfolio and
account history, notifications, settlement) and compared with the numbers the exchange's rules
give and with the server's own inspection API. The server's set-up API is used only to arrange
(users, a market, settlement, exchange status), never to read what a test asserts about the SDK
unless the point is to compare the two.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, Iterator, List, Literal

import pandas as pd
import pytest

import kalshi
from kalshi.apis import (
    AccountApi,
    AuthApi,
    DefaultApi,
    ExchangeApi,
    MarketApi,
    PortfolioApi,
    UserApi,
)
from kalshi.exceptions import ApiPagingError, BadRequestException, NotFoundException
from kalshi.model_utils import ListResponse
from kalshi.models import (
    ConfirmPasswordResetRequest,
    Order,
    PriceLevel,
    ResetPasswordRequest,
    UserChangePasswordRequest,
    UserGetPortfolioHistoryRequest,
    UserOrderCreateRequest,
    UserOrderDecreaseRequest,
)
from kalshi.testing import FakeKalshiServer, taker_fee

TICKER = "E2E-FED"
ALICE = ("alice@example.com", "alice-password-1")
BOB = ("bob@example.com", "bob-password-1")
WRONG_PASSWORD = "wrong-password-0"  # noqa: S105 - test accounts
NEW_PASSWORD = "alice-new-pw-2"  # noqa: S105
RESET_PASSWORD = "bob-reset-pw-3"  # noqa: S105
OPENING = 100_000  # cents each user starts with


@dataclass
class Desk:
    server: FakeKalshiServer
    market_id: str
    alice_id: str
    bob_id: str
    alice: kalshi.ApiClient
    bob: kalshi.ApiClient


def _client(server: FakeKalshiServer, email: str, password: str) -> kalshi.ApiClient:
    client = kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0, timeout=(2, 10)))
    client.login(email, password)
    return client


@pytest.fixture
def desk() -> Iterator[Desk]:
    with FakeKalshiServer(seed=5) as server:
        market_id = server.add_market(ticker=TICKER, title="Will the Fed raise rates?", category="Economics")
        alice_id = server.add_user(*ALICE, balance=OPENING, history=[], notifications=[])
        bob_id = server.add_user(*BOB, balance=OPENING, history=[], notifications=[])
        alice, bob = _client(server, *ALICE), _client(server, *BOB)
        try:
            yield Desk(server, market_id, alice_id, bob_id, alice, bob)
        finally:
            alice.close()
            bob.close()
        assert server.errors == []


def _tz(column: "pd.Series[Any]") -> str:
    """The time zone of a datetime column."""
    dtype = column.dtype
    assert isinstance(dtype, pd.DatetimeTZDtype)
    return str(dtype.tz)


def _order(
    client: kalshi.ApiClient, market_id: str, side: Literal["yes", "no"], price: int, count: int, **extra: Any
) -> Order:
    request = UserOrderCreateRequest(market_id=market_id, side=side, price=price, count=count, **extra)
    return UserApi(client).user_order_create(user_order_create_request=request).order


def _trade(desk: Desk) -> Dict[str, Order]:
    """Alice bids 40 for 10 yes; Bob's no at 65 crosses (40 + 65 >= 100) and takes 6 at 60."""
    resting = _order(desk.alice, desk.market_id, "yes", 40, 10)
    taken = _order(desk.bob, desk.market_id, "no", 65, 6)
    return {"alice": resting, "bob": taken}


FEE = taker_fee(6, 60)  # Bob's taker fee; the maker (Alice) pays none


# --------------------------------------------------------------------------- the trade and its consequences


def test_a_crossing_order_fills_at_the_makers_price(desk: Desk) -> None:
    orders = _trade(desk)

    assert (orders["alice"].status, orders["alice"].remaining_count) == ("resting", 10)
    bob_order = orders["bob"]
    assert bob_order.status == "executed" and bob_order.remaining_count == 0
    # Bob was willing to pay 65 for no; the yes bid at 40 sells no at 60: he keeps 5 cents a contract.
    assert (bob_order.taker_fill_count, bob_order.taker_fill_cost, bob_order.taker_fees) == (6, 360, FEE)
    assert FEE > 0

    alice_fills = UserApi(desk.alice).user_trades_get(market_id=desk.market_id).trades
    bob_fills = UserApi(desk.bob).user_trades_get(market_id=desk.market_id).trades
    assert [(f.count, f.price, f.is_yes, f.is_taker) for f in alice_fills] == [(6, 40, True, False)]
    assert [(f.count, f.price, f.is_yes, f.is_taker) for f in bob_fills] == [(6, 60, False, True)]
    assert alice_fills[0].order_id == orders["alice"].order_id
    assert bob_fills[0].order_id == bob_order.order_id


def test_positions_balances_and_book_move_with_the_trade(desk: Desk) -> None:
    orders = _trade(desk)
    alice_api, bob_api = UserApi(desk.alice), UserApi(desk.bob)

    (alice_position,) = alice_api.user_get_market_positions().market_positions
    assert (alice_position.position, alice_position.position_cost, alice_position.fees_paid) == (6, 240, 0)
    assert alice_position.resting_orders_count == 1
    bob_position = bob_api.user_get_market_position(market_id=desk.market_id).market_position
    assert (bob_position.position, bob_position.position_cost, bob_position.fees_paid) == (-6, 360, FEE)
    assert bob_position.resting_orders_count == 0
    assert alice_position.to_dict() == desk.server.positions_of(desk.alice_id)[desk.market_id]
    assert bob_position.to_dict() == desk.server.positions_of(desk.bob_id)[desk.market_id]

    # Alice: 6 x 40 became position cost and 4 x 40 stay reserved by the rest of her bid.
    alice_balance = alice_api.user_get_balance().balance
    assert alice_balance == OPENING - 400 == desk.server.balance_of(desk.alice_id)
    bob_balance = bob_api.user_get_balance().balance
    assert bob_balance == OPENING - 360 - FEE == desk.server.balance_of(desk.bob_id)

    book = MarketApi(desk.bob).get_market_order_book_cached(desk.market_id).order_book
    assert [type(level) for level in book.yes] == [PriceLevel]
    assert [(level.price, level.count) for level in book.yes] == [(40, 4)]
    assert list(book.no) == []
    assert desk.server.book_of(desk.market_id) == {"yes": [[40, 4]], "no": []}

    market = MarketApi(desk.bob).get_market(desk.market_id).market
    assert (market.last_price, market.volume, market.open_interest, market.yes_bid) == (40, 6, 6, 40)
    assert orders["alice"].market_id == desk.market_id


def test_public_trades_and_their_iterator(desk: Desk) -> None:
    _trade(desk)
    api = DefaultApi(desk.alice)

    (trade,) = api.get_trades().trades
    assert (trade.market_id, trade.count, trade.price) == (desk.market_id, 6, 40)  # the yes price
    assert trade.create_date is not None and trade.create_date.tzinfo is not None
    assert [t.to_dict() for t in api.iter_trades(page_size=1)] == [trade.to_dict()]


def test_orders_list_filter_and_iterate(desk: Desk) -> None:
    orders = _trade(desk)
    alice_api, bob_api = UserApi(desk.alice), UserApi(desk.bob)
    extra = _order(desk.alice, desk.market_id, "no", 20, 3)  # 40 + 20 < 100: rests

    listed = alice_api.user_orders_get().orders
    assert [o.order_id for o in listed] == [extra.order_id, orders["alice"].order_id]  # newest first
    assert [o.order_id for o in alice_api.user_orders_get(is_yes=True).orders] == [orders["alice"].order_id]
    assert [o.order_id for o in alice_api.user_orders_get(min_price=30).orders] == [orders["alice"].order_id]
    assert alice_api.user_orders_get(status="executed").orders == []
    assert [o.order_id for o in bob_api.user_orders_get(status="executed").orders] == [orders["bob"].order_id]
    queued = alice_api.user_orders_get(market_id=desk.market_id, get_queue_position=True, is_yes=False).orders
    assert [(o.order_id, o.queue_position) for o in queued] == [(extra.order_id, 0)]

    assert [o.order_id for o in alice_api.iter_orders(page_size=1)] == [o.order_id for o in listed]
    assert [o.order_id for o in alice_api.iter_orders(page_size=1, max_pages=1)] == [extra.order_id]


def test_decrease_then_cancel_release_the_reservation(desk: Desk) -> None:
    orders = _trade(desk)
    api = UserApi(desk.alice)
    order_id = orders["alice"].order_id
    assert order_id is not None

    one = UserOrderDecreaseRequest(count=1)
    decreased = api.user_order_decrease(order_id=order_id, user_order_decrease_request=one)
    assert (decreased.reduced_by, decreased.order.remaining_count, decreased.order.status) == (1, 3, "resting")
    assert api.user_get_balance().balance == OPENING - 240 - 120

    canceled = api.user_order_cancel(order_id=order_id)
    assert (canceled.reduced_by, canceled.order.remaining_count, canceled.order.status) == (3, 0, "canceled")
    assert api.user_get_balance().balance == OPENING - 240 == desk.server.balance_of(desk.alice_id)
    assert MarketApi(desk.alice).get_market_order_book_cached(desk.market_id).order_book.yes == []

    with pytest.raises(BadRequestException):
        api.user_order_cancel(order_id=order_id)  # no longer resting
    with pytest.raises(NotFoundException):
        UserApi(desk.bob).user_order_cancel(order_id=order_id)  # not Bob's order


def test_portfolio_history_is_a_get_with_a_json_body(desk: Desk) -> None:
    _trade(desk)
    api = PortfolioApi(desk.alice)
    desk.server.clear_requests()

    everything = api.user_get_portfolio_history()
    bounded = api.user_get_portfolio_history(
        user_get_portfolio_history_request=UserGetPortfolioHistoryRequest(min_ts=int(desk.server.now) + 1)
    )

    assert everything.values is not None
    assert [m.reason for m in everything.values] == ["deposit", "order"]
    assert everything.values[-1].a == desk.server.balance_of(desk.alice_id) == OPENING - 400
    assert everything.values[-1].v == OPENING  # 4 x 40 reserved + 6 yes at last price 40 = 400
    assert bounded.values == []
    first, second = desk.server.requests
    assert (first.method, first.body) == ("GET", b"")
    assert second.method == "GET" and json.loads(second.body) == {"min_ts": int(desk.server.now) + 1}
    assert second.headers["content-type"] == "application/json"


def test_account_history_and_notifications_move(desk: Desk) -> None:
    account = AccountApi(desk.alice)
    assert account.user_get_account_history(desk.alice_id).entries == []
    assert account.user_get_notifications(desk.alice_id, 10, 1).notifications == []

    _trade(desk)

    entries = account.user_get_account_history(desk.alice_id, should_return_trades=True, should_return_orders=True)
    assert [e.type for e in entries.entries] == ["Trade", "Order"]
    trades_only = account.user_get_account_history(desk.alice_id, should_return_trades=True).entries
    assert [e.type for e in trades_only] == ["Trade"]
    notifications = list(account.iter_notifications(desk.alice_id, page_size=10))
    assert [n.type for n in notifications] == ["order_filled"]
    assert not notifications[0].is_read
    assert notifications[0].id is not None
    account.notification_mark_read(desk.alice_id, notifications[0].id)
    assert account.user_get_notifications(desk.alice_id, 10, 1).notifications[0].is_read


def test_settlement_pays_the_winners_and_is_recorded(desk: Desk) -> None:
    _trade(desk)
    _order(desk.bob, desk.market_id, "no", 30, 2)  # resting at settlement: canceled and released

    desk.server.settle(desk.market_id, "yes")

    market = MarketApi(desk.alice).get_market(desk.market_id).market
    assert (market.status, market.result, market.open_interest) == ("settled", "yes", 0)
    # Alice bought 6 yes at 40 (240) and released the rest of her bid: 6 x 100 comes back.
    assert UserApi(desk.alice).user_get_balance().balance == OPENING - 240 + 600
    assert UserApi(desk.bob).user_get_balance().balance == OPENING - 360 - FEE
    position = UserApi(desk.alice).user_get_market_position(market_id=desk.market_id).market_position
    assert position.realized_pnl == 360 and position.final_position == 6
    assert [o.status for o in UserApi(desk.bob).user_orders_get().orders] == ["canceled", "executed"]
    for client, user_id in ((desk.alice, desk.alice_id), (desk.bob, desk.bob_id)):
        history = AccountApi(client).user_get_account_history(user_id, should_return_settlements=True).entries
        assert [e.type for e in history] == ["Settlement"]
        notes = AccountApi(client).user_get_notifications(user_id, 10, 1).notifications
        assert "market_settled" in [n.type for n in notes]
    with pytest.raises(BadRequestException):
        _order(desk.alice, desk.market_id, "yes", 50, 1)  # a settled market refuses orders


# --------------------------------------------------------------------------- the account corner, for real


def test_watchlist_add_get_remove(desk: Desk) -> None:
    api = UserApi(desk.alice)
    assert api.user_add_watchlist(market_id=desk.market_id) is None
    assert api.user_get_watchlist().watchlist.market_ids == [desk.market_id]
    assert api.user_get_profile().user.watchlist == [desk.market_id]
    assert api.user_remove_watchlist(market_id=desk.market_id) is None
    assert api.user_get_watchlist().watchlist.market_ids == []
    with pytest.raises(NotFoundException):
        api.user_remove_watchlist(market_id=desk.market_id)


def test_profile_and_password_change(desk: Desk) -> None:
    api = UserApi(desk.alice)
    user = api.user_get_profile().user
    assert (user.user_id, user.email) == (desk.alice_id, ALICE[0])

    with pytest.raises(BadRequestException):
        api.user_change_password(
            user_change_password_request=UserChangePasswordRequest(
                old_password=WRONG_PASSWORD, new_password=NEW_PASSWORD
            )
        )
    api.user_change_password(
        user_change_password_request=UserChangePasswordRequest(old_password=ALICE[1], new_password=NEW_PASSWORD)
    )
    with kalshi.ApiClient(kalshi.Configuration(host=desk.server.host, retries=0)) as again:
        assert again.login(ALICE[0], NEW_PASSWORD).user_id == desk.alice_id
        with pytest.raises(kalshi.ApiException):
            again.login(*ALICE)


def test_reset_password_and_confirm(desk: Desk) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=desk.server.host, retries=0)) as anonymous:
        auth = AuthApi(anonymous)
        assert auth.reset_password(reset_password_request=ResetPasswordRequest(email=BOB[0])) is None
        code = desk.server.reset_code_of(BOB[0])
        assert code is not None
        confirm = ConfirmPasswordResetRequest(user_id=desk.bob_id, password=RESET_PASSWORD)
        assert auth.reset_password_confirm(code, confirm_password_reset_request=confirm) is None
        with pytest.raises(BadRequestException):
            auth.reset_password_confirm(code, confirm_password_reset_request=confirm)  # a code works once
        assert anonymous.login(BOB[0], RESET_PASSWORD).user_id == desk.bob_id


def test_exchange_status_follows_the_server_and_gates_orders(desk: Desk) -> None:
    api = ExchangeApi(desk.alice)
    status = api.get_exchange_status()
    assert (status.exchange_active, status.trading_active) == (True, True)

    desk.server.set_exchange_status(trading_active=False)
    status = api.get_exchange_status()
    assert (status.exchange_active, status.trading_active) == (True, False)
    with pytest.raises(BadRequestException):
        _order(desk.alice, desk.market_id, "yes", 40, 1)

    desk.server.set_exchange_status(exchange_active=False, trading_active=True)
    assert (api.get_exchange_status().exchange_active, api.get_exchange_status().trading_active) == (False, True)
    desk.server.set_exchange_status(exchange_active=True)
    assert _order(desk.alice, desk.market_id, "yes", 40, 1).status == "resting"


def test_cached_twins_equal_their_live_endpoints(desk: Desk) -> None:
    _trade(desk)
    api = MarketApi(desk.bob)
    assert api.get_markets_cached().to_dict() == api.get_markets().to_dict()
    assert api.get_market_cached(desk.market_id).to_dict() == api.get_market(desk.market_id).to_dict()
    assert api.get_market_by_ticker_cached(TICKER).to_dict() == api.get_market_by_ticker(TICKER).to_dict()
    live_history = api.get_market_history(desk.market_id, last_seen_ts=0)
    assert api.get_market_history_cached(desk.market_id, last_seen_ts=0).to_dict() == live_history.to_dict()
    assert [p.price for p in live_history.market_stats_points] == [0, 40]


# --------------------------------------------------------------------------- tables


def _tables(desk: Desk) -> Dict[str, Callable[[], ListResponse]]:
    return {
        "markets": lambda: MarketApi(desk.alice).get_markets(),
        "orders": lambda: UserApi(desk.alice).user_orders_get(),
        "positions": lambda: UserApi(desk.alice).user_get_market_positions(),
        "user trades": lambda: UserApi(desk.alice).user_trades_get(),
        "public trades": lambda: DefaultApi(desk.alice).get_trades(),
        "portfolio history": lambda: PortfolioApi(desk.alice).user_get_portfolio_history(),
        "market history": lambda: MarketApi(desk.alice).get_market_history(desk.market_id),
    }


def _assert_frame_types(name: str, frame: pd.DataFrame, records: List[Dict[str, Any]]) -> None:
    """Every datetime field is a UTC column; every int field (cents, counts) is Int64."""
    for column in records[0]:
        values = [r[column] for r in records if r[column] is not None]
        if values and all(isinstance(v, datetime) for v in values):
            dtype = frame[column].dtype
            assert isinstance(dtype, pd.DatetimeTZDtype), (name, column)
            assert str(dtype.tz) == "UTC", (name, column)
        elif values and all(type(v) is int for v in values):
            assert str(frame[column].dtype) == "Int64", (name, column, frame[column].dtype)


def test_list_responses_tabulate_with_stable_columns_and_types(desk: Desk) -> None:
    empty = {name: fetch() for name, fetch in _tables(desk).items()}
    _trade(desk)
    full = {name: fetch() for name, fetch in _tables(desk).items()}

    for name, response in full.items():
        assert isinstance(response, ListResponse), name
        records = response.to_records()
        assert records, f"{name}: no rows after a trade"
        frame = response.to_dataframe()
        assert len(frame) == len(records), name
        # Columns are the item's fields, the same with rows and without.
        assert list(frame.columns) == list(empty[name].to_dataframe().columns), name
        assert list(frame.columns)[: len(records[0])] == list(records[0]), name
        _assert_frame_types(name, frame, records)
        html = response._repr_html_()
        assert "<table" in html and "</table>" in html, name
        assert html.count("<tr") >= len(records) + 1, name

    orders = full["orders"].to_dataframe()
    assert str(orders["price"].dtype) == "Int64" and str(orders["taker_fees"].dtype) == "Int64"
    assert isinstance(orders["create_ts"].dtype, pd.DatetimeTZDtype) and str(orders["create_ts"].dtype.tz) == "UTC"
    assert str(orders["is_yes"].dtype) == "boolean"
    fills = full["user trades"].to_dataframe()
    assert fills["price"].tolist() == [40] and str(fills["price"].dtype) == "Int64"
    assert _tz(fills["create_date"]) == "UTC"
    positions = full["positions"].to_dataframe()
    assert positions[["position", "position_cost"]].values.tolist() == [[6, 240]]
    assert str(positions["position_cost"].dtype) == "Int64"
    portfolio = full["portfolio history"].to_dataframe()
    assert str(portfolio["a"].dtype) == "Int64" and portfolio["a"].iloc[-1] == OPENING - 400
    history = full["market history"].to_dataframe()
    assert history["price"].tolist() == [0, 40] and str(history["price"].dtype) == "Int64"
    markets = full["markets"].to_dataframe()
    ours = markets[markets["id"] == desk.market_id]
    assert ours["last_price"].tolist() == [40] and str(markets["last_price"].dtype) == "Int64"
    assert _tz(markets["close_date"]) == "UTC"
    assert TICKER in full["markets"]._repr_html_()


# --------------------------------------------------------------------------- iterators and paging faults


def _five_trades(desk: Desk) -> List[Order]:
    """Alice rests five one-contract yes bids; Bob's no at 99 x 5 takes them all (5 fills)."""
    bids = [_order(desk.alice, desk.market_id, "yes", price, 1) for price in (41, 42, 43, 44, 45)]
    _order(desk.bob, desk.market_id, "no", 99, 5)
    return bids


def test_iterators_page_and_stop_at_max_pages(desk: Desk) -> None:
    bids = _five_trades(desk)
    user, public = UserApi(desk.bob), DefaultApi(desk.bob)

    # Newest first; Bob's no met the best (highest) yes bid first.
    assert [t.price for t in public.iter_trades(page_size=2)] == [41, 42, 43, 44, 45]
    assert len(list(public.iter_trades(page_size=2, max_pages=2))) == 4
    assert len(list(user.iter_user_trades(page_size=2))) == 5
    assert len(list(user.iter_user_trades(page_size=2, max_pages=1))) == 2
    alice_orders = [o.order_id for o in UserApi(desk.alice).iter_orders(page_size=2)]
    assert alice_orders == [b.order_id for b in reversed(bids)]
    assert len(list(UserApi(desk.alice).iter_orders(page_size=2, max_pages=2))) == 4
    assert len(list(UserApi(desk.alice).iter_orders(page_size=2, start_page=3))) == 1


@pytest.mark.parametrize("which", ["iter_trades", "iter_user_trades", "iter_orders"])
def test_a_server_repeating_a_page_ends_the_iterator(desk: Desk, which: str) -> None:
    _five_trades(desk)
    user, public = UserApi(desk.alice), DefaultApi(desk.alice)
    fetch: Dict[str, Callable[[int], Any]] = {
        "iter_trades": lambda n: public.get_trades(page_size=2, page_number=n),
        "iter_user_trades": lambda n: user.user_trades_get(page_size=2, page_number=n),
        "iter_orders": lambda n: user.user_orders_get(page_size=2, page_number=n),
    }
    iterate: Dict[str, Callable[[], Iterator[Any]]] = {
        "iter_trades": lambda: public.iter_trades(page_size=2),
        "iter_user_trades": lambda: user.iter_user_trades(page_size=2),
        "iter_orders": lambda: user.iter_orders(page_size=2),
    }
    first = fetch[which](1)
    path = {"iter_trades": "/trades", "iter_user_trades": "/trades", "iter_orders": "/orders"}[which]
    # Every page from now on answers page 1 again: a server that ignores page_number.
    desk.server.respond_next(20, 200, json.dumps(first.to_wire()).encode(), path_contains=path)
    desk.server.clear_requests()

    seen = []
    with pytest.raises(ApiPagingError) as caught:
        for item in iterate[which]():
            seen.append(item)
    assert caught.value.page == 2
    assert len(seen) == 2 and desk.server.request_count == 2
    desk.server.clear_faults()
