"""Every one of the spec's 36 operations, driven through the SDK's API classes over real sockets.

Each test gets a simulated exchange of its own (``exchange`` below): a fresh FakeKalshiServer with
a market of its own, a maker who rests a no bid there, and a logged-in trader who bought 4 yes
contracts from the maker and rests a yes bid. The test clears the request log, makes exactly one
call, and checks the one request the server recorded (method, path, query wire names, JSON body,
Authorization exactly when the spec secures the operation, Accept and Content-Type) and the
model the SDK returned. What the spec says is read from test/spec/kalshi-v1.json, not from the SDK.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

import kalshi
from kalshi.apis import (
    AccountApi,
    AuthApi,
    DefaultApi,
    ExchangeApi,
    MarketApi,
    PortfolioApi,
    RangedMarketApi,
    RangedMarketsApi,
    UserApi,
)
from kalshi.exchange_status import ExchangeStatus
from kalshi.models import (
    ChangeSubscriptionRequest,
    ConfirmPasswordResetRequest,
    GetMarketHistoryResponse,
    GetMarketOrderBookResponse,
    GetNotificationPreferencesResponse,
    GetRangedMarketByTickerResponse,
    GetRangedMarketResponse,
    LoginRequest,
    LoginResponse,
    Market,
    MarketPosition,
    Order,
    PriceLevel,
    PublicTrade,
    ResetPasswordRequest,
    TradesGetResponse,
    UserChangePasswordRequest,
    UserGetAccountHistoryResponse,
    UserGetBalanceResponse,
    UserGetMarketPositionResponse,
    UserGetMarketPositionsResponse,
    UserGetMarketResponse,
    UserGetMarketsResponse,
    UserGetNotificationsResponse,
    UserGetPortfolioHistoryRequest,
    UserGetPortfolioHistoryResponse,
    UserGetProfileResponse,
    UserGetWatchlistResponse,
    UserOrderCreateRequest,
    UserOrderCreateResponse,
    UserOrderDecreaseRequest,
    UserOrderDecreaseResponse,
    UserOrdersGetResponse,
    UserTrade,
    UserTradesGetResponse,
)
from kalshi.testing import FakeKalshiServer, RecordedRequest, taker_fee

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
TICKER = "E2E-RAIN"
TRADER_EMAIL, TRADER_PASSWORD = "trader@example.com", "trader-password-1"
MAKER_EMAIL, MAKER_PASSWORD = "maker@example.com", "maker-password-1"
RESET_PASSWORD = "reset-password-2"  # noqa: S105 - test accounts
CHANGED_PASSWORD = "changed-password-3"  # noqa: S105
SINCE = datetime(2021, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
UNTIL = datetime(2031, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _spec_operations() -> Dict[str, Dict[str, Any]]:
    """operationId -> {method, path, secured, json_success} as the spec declares them."""
    responses = SPEC["components"]["responses"]
    found = {}
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            success = [r for status, r in operation["responses"].items() if status.startswith("2")]
            resolved = [responses[r["$ref"].rsplit("/", 1)[1]] if "$ref" in r else r for r in success]
            found[operation["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "secured": bool(operation.get("security", SPEC.get("security"))),
                "json_success": any("application/json" in r.get("content", {}) for r in resolved),
            }
    return found


SPEC_OPERATIONS = _spec_operations()


# --------------------------------------------------------------------------- the exchange of each test


@dataclass
class Exchange:
    server: FakeKalshiServer
    client: kalshi.ApiClient  # logged in as the trader
    trader: str
    maker: str
    market_id: str
    filled_order: Order  # the trader's yes order that took 4 of the maker's no bid
    resting_order: Order  # the trader's yes bid at 30 for 5, still resting
    values: Dict[str, str] = field(default_factory=dict)  # path values a case prepares


@pytest.fixture
def exchange() -> Iterator[Exchange]:
    with FakeKalshiServer(seed=11) as server:
        market_id = server.add_market(ticker=TICKER, title="Will it rain in the e2e test?")
        maker = server.add_user(MAKER_EMAIL, MAKER_PASSWORD, balance=100_000, history=[], notifications=[])
        trader = server.add_user(TRADER_EMAIL, TRADER_PASSWORD, balance=50_000, history=[], notifications=[])
        with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0, timeout=(2, 10))) as maker_client:
            maker_client.login(MAKER_EMAIL, MAKER_PASSWORD)
            UserApi(maker_client).user_order_create(
                user_order_create_request=UserOrderCreateRequest(market_id=market_id, side="no", price=38, count=10)
            )
        with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0, timeout=(2, 10))) as client:
            client.login(TRADER_EMAIL, TRADER_PASSWORD)
            user = UserApi(client)
            filled = user.user_order_create(
                user_order_create_request=UserOrderCreateRequest(market_id=market_id, side="yes", price=65, count=4)
            ).order
            resting = user.user_order_create(
                user_order_create_request=UserOrderCreateRequest(market_id=market_id, side="yes", price=30, count=5)
            ).order
            yield Exchange(server, client, trader, maker, market_id, filled, resting)
        assert server.errors == []


# --------------------------------------------------------------------------- one case per operation


@dataclass
class Case:
    call: Callable[[Exchange], Any]
    path: Callable[[Exchange], str]  # the raw path the server must see, without /v1
    check: Callable[[Exchange, Any], None]
    query: Callable[[Exchange], Dict[str, List[Any]]] = lambda ex: {}  # values as _assert_query takes them
    body: Callable[[Exchange], Optional[Dict[str, Any]]] = lambda ex: None
    prepare: Optional[Callable[[Exchange], None]] = None


def _market(api: MarketApi, ex: Exchange) -> Market:
    return api.get_market(ex.market_id).market


def _check_market(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetMarketResponse)
    assert isinstance(result.market, Market)
    assert (result.market.id, result.market.ticker_name) == (ex.market_id, TICKER)
    assert result.market.last_price == 62 and result.market.volume == 4
    assert (result.market.yes_bid, result.market.yes_ask) == (30, 62)


def _check_markets(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetMarketsResponse)
    assert all(isinstance(m, Market) for m in result.markets)
    ours = [m for m in result.markets if m.id == ex.market_id]
    assert len(ours) == 1 and ours[0].ticker_name == TICKER and ours[0].volume == 4
    assert len(result.markets) == len(ex.server.market_ids)


def _id(order: Order) -> str:
    """An order's id, which the exchange always sends (the spec makes every field optional)."""
    assert order.order_id is not None
    return order.order_id


def _check_history(ex: Exchange, result: Any) -> None:
    assert isinstance(result, GetMarketHistoryResponse)
    points = result.market_stats_points
    assert points and points[-1].price == 62 and points[-1].volume == 4
    assert all(p.ts is not None and p.ts >= 1 for p in points)  # last_seen_ts=1 keeps every point with ts >= 1


def _check_book(ex: Exchange, result: Any) -> None:
    assert isinstance(result, GetMarketOrderBookResponse)
    book = result.order_book
    assert all(isinstance(level, PriceLevel) for level in [*book.yes, *book.no])
    assert [(lv.price, lv.count) for lv in book.yes] == [(30, 5)]
    assert [(lv.price, lv.count) for lv in book.no] == [(38, 6)]
    assert ex.server.book_of(ex.market_id) == {"yes": [[30, 5]], "no": [[38, 6]]}


def _set_reset_code(ex: Exchange) -> None:
    AuthApi(ex.client).reset_password(reset_password_request=ResetPasswordRequest(email=TRADER_EMAIL))
    code = ex.server.reset_code_of(TRADER_EMAIL)
    assert code is not None
    ex.values["code"] = code


def _check_new_password(password: str) -> Callable[[Exchange, Any], None]:
    def check(ex: Exchange, result: Any) -> None:
        assert result is None
        with kalshi.ApiClient(kalshi.Configuration(host=ex.server.host, retries=0)) as other:
            assert other.login(TRADER_EMAIL, password).user_id == ex.trader
            with pytest.raises(kalshi.ApiException):
                other.login(TRADER_EMAIL, TRADER_PASSWORD)

    return check


def _set_notification(ex: Exchange) -> None:
    ex.values["notification_id"] = str(ex.server.notifications_of(ex.trader)[0]["id"])


def _check_read(ex: Exchange, result: Any) -> None:
    assert result is None
    (read,) = [n for n in ex.server.notifications_of(ex.trader) if n["id"] == ex.values["notification_id"]]
    assert read["is_read"] is True


def _check_order_create(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserOrderCreateResponse)
    order = result.order
    assert isinstance(order, Order)
    # A no bid at 60 meets nothing (the best yes bid is 30, and 30 + 60 < 100): it rests whole.
    assert (order.is_yes, order.price, order.place_count, order.remaining_count) == (False, 60, 2, 2)
    assert order.status == "resting" and order.user_id == ex.trader
    assert ex.server.book_of(ex.market_id)["no"] == [[60, 2], [38, 6]]


def _check_decrease(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserOrderDecreaseResponse)
    assert result.reduced_by == 2 and isinstance(result.order, Order)
    assert (result.order.order_id, result.order.remaining_count, result.order.status) == (
        ex.resting_order.order_id,
        3,
        "resting",
    )


def _check_cancel(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserOrderDecreaseResponse)
    assert result.reduced_by == 5 and isinstance(result.order, Order)
    assert (result.order.order_id, result.order.remaining_count, result.order.status) == (
        ex.resting_order.order_id,
        0,
        "canceled",
    )
    assert ex.server.book_of(ex.market_id)["yes"] == []


def _check_orders(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserOrdersGetResponse)
    assert [type(o) for o in result.orders] == [Order]
    (order,) = result.orders
    assert (order.order_id, order.status, order.queue_position) == (ex.resting_order.order_id, "resting", 0)


def _check_trades(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserTradesGetResponse)
    (fill,) = result.trades
    assert isinstance(fill, UserTrade)
    assert (fill.order_id, fill.count, fill.price, fill.is_yes, fill.is_taker) == (
        ex.filled_order.order_id,
        4,
        62,
        True,
        True,
    )


def _check_public_trades(ex: Exchange, result: Any) -> None:
    assert isinstance(result, TradesGetResponse)
    (trade,) = result.trades
    assert isinstance(trade, PublicTrade)
    assert (trade.market_id, trade.count, trade.price) == (ex.market_id, 4, 62)


def _check_positions(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetMarketPositionsResponse)
    (position,) = result.market_positions
    assert isinstance(position, MarketPosition)
    assert (position.market_id, position.position, position.position_cost) == (ex.market_id, 4, 248)
    assert position.fees_paid == taker_fee(4, 62) and position.resting_orders_count == 1


def _check_position(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetMarketPositionResponse)
    position = result.market_position
    assert isinstance(position, MarketPosition)
    assert position.to_dict() == ex.server.positions_of(ex.trader)[ex.market_id]


def _check_balance(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetBalanceResponse)
    # 50,000 - 4 x 62 - the fee - 5 x 30 reserved by the resting bid
    assert result.balance == 50_000 - 248 - taker_fee(4, 62) - 150 == ex.server.balance_of(ex.trader)


def _check_portfolio(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetPortfolioHistoryResponse)
    assert result.values is not None
    reasons = [m.reason for m in result.values]
    assert reasons == ["deposit", "trade", "order"], reasons
    assert result.values[-1].a == ex.server.balance_of(ex.trader)


def _check_watchlist_added(ex: Exchange, result: Any) -> None:
    assert result is None
    assert UserApi(ex.client).user_get_watchlist().watchlist.market_ids == [ex.market_id]


def _add_to_watchlist(ex: Exchange) -> None:
    UserApi(ex.client).user_add_watchlist(market_id=ex.market_id)


def _check_removed(ex: Exchange, result: Any) -> None:
    assert result is None
    assert UserApi(ex.client).user_get_watchlist().watchlist.market_ids == []


def _check_watchlist(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetWatchlistResponse)
    assert result.watchlist.market_ids == [ex.market_id]


def _check_profile(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetProfileResponse)
    assert (result.user.user_id, result.user.email) == (ex.trader, TRADER_EMAIL)


def _check_account_history(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetAccountHistoryResponse)
    assert [e.type for e in result.entries] == [e["type"] for e in ex.server.history_of(ex.trader)][:10]
    assert {e.type for e in result.entries} == {"Order", "Trade"}


def _check_notifications(ex: Exchange, result: Any) -> None:
    assert isinstance(result, UserGetNotificationsResponse)
    assert [n.id for n in result.notifications] == [n["id"] for n in ex.server.notifications_of(ex.trader)][:5]
    assert any(n.type == "order_filled" for n in result.notifications)


def _check_preferences(ex: Exchange, result: Any) -> None:
    assert isinstance(result, GetNotificationPreferencesResponse)
    assert result.preferences.subscription_level == ex.server.subscription_level_of(ex.trader)


def _check_subscribed(ex: Exchange, result: Any) -> None:
    assert result is None
    assert ex.server.subscription_level_of(ex.trader) == "basic"


def _check_status(ex: Exchange, result: Any) -> None:
    assert isinstance(result, ExchangeStatus)
    assert (result.exchange_active, result.trading_active) == (True, False)


def _check_login(ex: Exchange, result: Any) -> None:
    assert isinstance(result, LoginResponse)
    assert result.user_id == ex.trader and result.token


def _check_logout(ex: Exchange, result: Any) -> None:
    assert result is None
    with pytest.raises(kalshi.UnauthorizedException):
        ex.server.clear_requests()
        AccountApi(ex.client).get_notification_preferences(ex.trader, _request_timeout=5)


def _ranged_id(ex: Exchange) -> None:
    ranged = RangedMarketsApi(ex.client).get_ranged_market_by_ticker("GAS-21NOV").ranged_markets
    assert ranged.id is not None
    ex.values["ranged_id"] = ranged.id


def _check_ranged(ex: Exchange, result: Any) -> None:
    assert isinstance(result, GetRangedMarketResponse)
    assert (result.ranged_market.id, result.ranged_market.ticker) == (ex.values["ranged_id"], "GAS-21NOV")


def _check_ranged_by_ticker(ex: Exchange, result: Any) -> None:
    assert isinstance(result, GetRangedMarketByTickerResponse)
    assert result.ranged_markets.ticker == "GAS-21NOV" and result.ranged_markets.id


def _today(ex: Exchange) -> str:
    """The simulated clock's UTC date, as trades_date wants it."""
    return datetime.fromtimestamp(ex.server.now, timezone.utc).strftime("%Y-%m-%d")


def _check_reset(ex: Exchange, result: Any) -> None:
    assert result is None
    assert ex.server.reset_code_of(TRADER_EMAIL)


def _users(ex: Exchange, rest: str = "") -> str:
    return f"/users/{ex.trader}{rest}"


CASES: Dict[str, Case] = {
    # market
    "GetMarkets": Case(lambda ex: MarketApi(ex.client).get_markets(), lambda ex: "/markets", _check_markets),
    "GetMarketsCached": Case(
        lambda ex: MarketApi(ex.client).get_markets_cached(), lambda ex: "/cached/markets", _check_markets
    ),
    "GetMarket": Case(
        lambda ex: MarketApi(ex.client).get_market(ex.market_id), lambda ex: f"/markets/{ex.market_id}", _check_market
    ),
    "GetMarketCached": Case(
        lambda ex: MarketApi(ex.client).get_market_cached(ex.market_id),
        lambda ex: f"/cached/markets/{ex.market_id}",
        _check_market,
    ),
    "GetMarketByTicker": Case(
        lambda ex: MarketApi(ex.client).get_market_by_ticker(TICKER),
        lambda ex: f"/markets_by_ticker/{TICKER}",
        _check_market,
    ),
    "GetMarketByTickerCached": Case(
        lambda ex: MarketApi(ex.client).get_market_by_ticker_cached(TICKER),
        lambda ex: f"/cached/markets_by_ticker/{TICKER}",
        _check_market,
    ),
    "GetMarketHistory": Case(
        lambda ex: MarketApi(ex.client).get_market_history(ex.market_id, last_seen_ts=1),
        lambda ex: f"/markets/{ex.market_id}/stats_history",
        _check_history,
        query=lambda ex: {"last_seen_ts": ["1"]},
    ),
    "GetMarketHistoryCached": Case(
        lambda ex: MarketApi(ex.client).get_market_history_cached(ex.market_id, last_seen_ts=1),
        lambda ex: f"/cached/markets/{ex.market_id}/stats_history",
        _check_history,
        query=lambda ex: {"last_seen_ts": ["1"]},
    ),
    "GetMarketOrderBookCached": Case(
        lambda ex: MarketApi(ex.client).get_market_order_book_cached(ex.market_id),
        lambda ex: f"/markets/{ex.market_id}/order_book",
        _check_book,
    ),
    # ranged markets
    "GetRangedMarket": Case(
        lambda ex: RangedMarketApi(ex.client).get_ranged_market(ex.values["ranged_id"]),
        lambda ex: f"/ranged_markets/{ex.values['ranged_id']}",
        _check_ranged,
        prepare=_ranged_id,
    ),
    "GetRangedMarketByTicker": Case(
        lambda ex: RangedMarketsApi(ex.client).get_ranged_market_by_ticker("GAS-21NOV"),
        lambda ex: "/ranged_markets_by_ticker/GAS-21NOV",
        _check_ranged_by_ticker,
    ),
    # public trades
    "GetTrades": Case(
        lambda ex: DefaultApi(ex.client).get_trades(
            trades_date=_today(ex),
            page_size=10,
            page_number=1,
        ),
        lambda ex: "/trades",
        _check_public_trades,
        query=lambda ex: {
            "trades_date": [_today(ex)],
            "page_size": ["10"],
            "page_number": ["1"],
        },
    ),
    # exchange
    "GetExchangeStatus": Case(
        lambda ex: ExchangeApi(ex.client).get_exchange_status(),
        lambda ex: "/exchange/status",
        _check_status,
        prepare=lambda ex: ex.server.set_exchange_status(trading_active=False),
    ),
    # auth
    "Login": Case(
        lambda ex: AuthApi(ex.client).login(login_request=LoginRequest(email=TRADER_EMAIL, password=TRADER_PASSWORD)),
        lambda ex: "/log_in",
        _check_login,
        body=lambda ex: {"email": TRADER_EMAIL, "password": TRADER_PASSWORD},
    ),
    "Logout": Case(lambda ex: AuthApi(ex.client).logout(), lambda ex: "/log_out", _check_logout),
    "ResetPassword": Case(
        lambda ex: AuthApi(ex.client).reset_password(reset_password_request=ResetPasswordRequest(email=TRADER_EMAIL)),
        lambda ex: "/passwords/reset",
        _check_reset,
        body=lambda ex: {"email": TRADER_EMAIL},
    ),
    "ResetPasswordConfirm": Case(
        lambda ex: AuthApi(ex.client).reset_password_confirm(
            ex.values["code"],
            confirm_password_reset_request=ConfirmPasswordResetRequest(user_id=ex.trader, password=RESET_PASSWORD),
        ),
        lambda ex: f"/passwords/reset/{ex.values['code']}/confirm",
        _check_new_password(RESET_PASSWORD),
        body=lambda ex: {"user_id": ex.trader, "password": RESET_PASSWORD},
        prepare=_set_reset_code,
    ),
    # account
    "UserGetAccountHistory": Case(
        lambda ex: AccountApi(ex.client).user_get_account_history(
            ex.trader,
            should_return_deposits=True,
            should_return_withdrawals=True,
            should_return_orders=True,
            should_return_settlements=True,
            should_return_trades=True,
            limit=10,
        ),
        lambda ex: _users(ex, "/account/history"),
        _check_account_history,
        query=lambda ex: {
            "ShouldReturnDeposits": ["true"],
            "ShouldReturnWithdrawals": ["true"],
            "ShouldReturnOrders": ["true"],
            "ShouldReturnSettlements": ["true"],
            "ShouldReturnTrades": ["true"],
            "Limit": ["10"],
        },
    ),
    "UserGetNotifications": Case(
        lambda ex: AccountApi(ex.client).user_get_notifications(ex.trader, 5, 1),
        lambda ex: _users(ex, "/notifications"),
        _check_notifications,
        query=lambda ex: {"page_size": ["5"], "page_number": ["1"]},
    ),
    "NotificationMarkRead": Case(
        lambda ex: AccountApi(ex.client).notification_mark_read(ex.trader, ex.values["notification_id"]),
        lambda ex: _users(ex, f"/notifications/{ex.values['notification_id']}/read"),
        _check_read,
        prepare=_set_notification,
    ),
    "GetNotificationPreferences": Case(
        lambda ex: AccountApi(ex.client).get_notification_preferences(ex.trader),
        lambda ex: _users(ex, "/notifications/preferences"),
        _check_preferences,
    ),
    "ChangeSubscription": Case(
        lambda ex: AccountApi(ex.client).change_subscription(
            ex.trader, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic")
        ),
        lambda ex: _users(ex, "/subscribe"),
        _check_subscribed,
        body=lambda ex: {"subscription_level": "basic"},
    ),
    # user
    "UserGetProfile": Case(lambda ex: UserApi(ex.client).user_get_profile(), _users, _check_profile),
    "UserGetBalance": Case(
        lambda ex: UserApi(ex.client).user_get_balance(), lambda ex: _users(ex, "/balance"), _check_balance
    ),
    "UserOrderCreate": Case(
        lambda ex: UserApi(ex.client).user_order_create(
            user_order_create_request=UserOrderCreateRequest(
                market_id=ex.market_id,
                side="no",
                price=60,
                count=2,
                expiration_unix_ts=int(ex.server.now) + 3600,
                max_cost_cents=10_000,
                sell_position_capped=False,
            )
        ),
        lambda ex: _users(ex, "/orders"),
        _check_order_create,
        body=lambda ex: {
            "market_id": ex.market_id,
            "side": "no",
            "price": 60,
            "count": 2,
            "expiration_unix_ts": int(ex.server.now) + 3600,
            "max_cost_cents": 10_000,
            "sell_position_capped": False,
        },
    ),
    "UserOrderDecrease": Case(
        lambda ex: UserApi(ex.client).user_order_decrease(
            order_id=_id(ex.resting_order), user_order_decrease_request=UserOrderDecreaseRequest(count=2)
        ),
        lambda ex: _users(ex, f"/orders/{ex.resting_order.order_id}/decrease"),
        _check_decrease,
        body=lambda ex: {"count": 2},
    ),
    "UserOrderCancel": Case(
        lambda ex: UserApi(ex.client).user_order_cancel(order_id=_id(ex.resting_order)),
        lambda ex: _users(ex, f"/orders/{ex.resting_order.order_id}"),
        _check_cancel,
    ),
    "UserOrdersGet": Case(
        lambda ex: UserApi(ex.client).user_orders_get(
            market_id=ex.market_id,
            is_yes=True,
            min_price=20,
            max_price=40,
            min_place_count=1,
            max_place_count=9,
            min_initial_count=1,
            max_initial_count=9,
            min_remaining_count=1,
            max_remaining_count=9,
            min_date=SINCE,
            max_date=UNTIL,
            get_queue_position=True,
            status="resting",
            page_size=10,
            page_number=1,
        ),
        lambda ex: _users(ex, "/orders"),
        _check_orders,
        query=lambda ex: {
            "market_id": [ex.market_id],
            "is_yes": ["true"],
            "min_price": ["20"],
            "max_price": ["40"],
            "min_place_count": ["1"],
            "max_place_count": ["9"],
            "min_initial_count": ["1"],
            "max_initial_count": ["9"],
            "min_remaining_count": ["1"],
            "max_remaining_count": ["9"],
            "min_date": [SINCE],
            "max_date": [UNTIL],
            "get_queue_position": ["true"],
            "status": ["resting"],
            "page_size": ["10"],
            "page_number": ["1"],
        },
    ),
    "UserTradesGet": Case(
        lambda ex: UserApi(ex.client).user_trades_get(
            market_id=ex.market_id,
            order_id=ex.filled_order.order_id,
            min_price=1,
            max_price=99,
            min_count=1,
            max_count=10,
            min_date=SINCE,
            max_date=UNTIL,
            page_size=10,
            page_number=1,
        ),
        lambda ex: _users(ex, "/trades"),
        _check_trades,
        query=lambda ex: {
            "market_id": [ex.market_id],
            "order_id": [ex.filled_order.order_id],
            "MinPrice": ["1"],
            "MaxPrice": ["99"],
            "MinCount": ["1"],
            "max_count": ["10"],
            "min_date": [SINCE],
            "max_date": [UNTIL],
            "page_size": ["10"],
            "page_number": ["1"],
        },
    ),
    "UserChangePassword": Case(
        lambda ex: UserApi(ex.client).user_change_password(
            user_change_password_request=UserChangePasswordRequest(
                old_password=TRADER_PASSWORD, new_password=CHANGED_PASSWORD
            )
        ),
        lambda ex: _users(ex, "/password"),
        _check_new_password(CHANGED_PASSWORD),
        body=lambda ex: {"old_password": TRADER_PASSWORD, "new_password": CHANGED_PASSWORD},
    ),
    "UserGetPortfolioHistory": Case(
        lambda ex: PortfolioApi(ex.client).user_get_portfolio_history(
            user_get_portfolio_history_request=UserGetPortfolioHistoryRequest(min_ts=0, max_ts=int(ex.server.now) + 1)
        ),
        lambda ex: _users(ex, "/portfolio/history"),
        _check_portfolio,
        body=lambda ex: {"min_ts": 0, "max_ts": int(ex.server.now) + 1},
    ),
    "UserGetMarketPositions": Case(
        lambda ex: UserApi(ex.client).user_get_market_positions(),
        lambda ex: _users(ex, "/positions"),
        _check_positions,
    ),
    "UserGetMarketPosition": Case(
        lambda ex: UserApi(ex.client).user_get_market_position(market_id=ex.market_id),
        lambda ex: _users(ex, f"/positions/{ex.market_id}"),
        _check_position,
    ),
    "UserGetWatchlist": Case(
        lambda ex: UserApi(ex.client).user_get_watchlist(),
        lambda ex: _users(ex, "/watchlist"),
        _check_watchlist,
        prepare=_add_to_watchlist,
    ),
    "UserAddWatchlist": Case(
        lambda ex: UserApi(ex.client).user_add_watchlist(market_id=ex.market_id),
        lambda ex: _users(ex, f"/watchlist/{ex.market_id}"),
        _check_watchlist_added,
    ),
    "UserRemoveWatchlist": Case(
        lambda ex: UserApi(ex.client).user_remove_watchlist(market_id=ex.market_id),
        lambda ex: _users(ex, f"/watchlist/{ex.market_id}"),
        _check_removed,
        prepare=_add_to_watchlist,
    ),
}


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("operation_id", sorted(set(SPEC_OPERATIONS) | set(CASES)))
def test_every_spec_operation_has_a_case(operation_id: str) -> None:
    assert len(SPEC_OPERATIONS) == 36
    assert operation_id in SPEC_OPERATIONS, f"{operation_id} is tested here but not in the spec"
    assert operation_id in CASES, f"{operation_id} is in the spec but has no end-to-end case here"


def _assert_query(recorded: RecordedRequest, expected: Dict[str, List[Any]]) -> None:
    assert set(recorded.query) == set(expected), recorded.raw_query
    for name, values in expected.items():
        (sent,) = recorded.query[name]
        (wanted,) = values
        if isinstance(wanted, datetime):
            # RFC 3339 on the wire, percent-encoded in the raw query ("+" would read as a space).
            assert "+" not in recorded.raw_query and ":" not in recorded.raw_query, recorded.raw_query
            assert datetime.fromisoformat(sent.replace("Z", "+00:00")) == wanted, sent
        else:
            assert sent == wanted, (name, sent)


@pytest.mark.parametrize("operation_id", sorted(CASES))
def test_operation_over_the_wire(exchange: Exchange, operation_id: str) -> None:
    case, spec = CASES[operation_id], SPEC_OPERATIONS[operation_id]
    if case.prepare is not None:
        case.prepare(exchange)
    exchange.server.clear_requests()

    result = case.call(exchange)

    (recorded,) = exchange.server.requests
    assert recorded.method == spec["method"]
    assert recorded.raw_path == "/v1" + case.path(exchange)
    # The path the server saw is the spec's template with each value as one segment.
    template = spec["path"].strip("/").split("/")
    assert len(recorded.path_segments) == len(template) + 1
    for segment, part in zip(recorded.path_segments[1:], template):
        assert part.startswith("{") or segment == part, (segment, part)
    _assert_query(recorded, case.query(exchange))
    body = case.body(exchange)
    if body is None:
        assert recorded.body == b"" and "content-type" not in recorded.headers
    else:
        assert json.loads(recorded.body) == body
        assert recorded.headers["content-type"] == "application/json"
    assert ("authorization" in recorded.headers) == spec["secured"], sorted(recorded.headers)
    if spec["secured"]:
        assert recorded.headers["authorization"].split(" ")[0] == exchange.trader
    if spec["json_success"]:
        assert recorded.headers["accept"] == "application/json"
    else:
        assert recorded.headers.get("accept") is None, f"{operation_id} answers no body but the SDK sent Accept"

    case.check(exchange, result)
