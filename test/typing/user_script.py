# mypy: disallow-any-expr
"""A user's script that calls every public method of every API class, as a user would.

test_user_typing.py type-checks it with ``mypy --strict`` (plus the ``disallow-any-expr`` above,
so any ``Any`` the SDK hands back is an error) against the installed package, and runs it for real
against the embedded fake exchange. When an API gains a method or a new API class appears in
``kalshi.apis``, call it here: a test fails until every public method is called in this file.
Each API class has one ``use_<class>`` function; the typed assignments are the point.

The flow is a small paper-trading session: look at the markets, bid, take the other side (the
simulated exchange lets one user's orders meet, netting the pair), read fills, positions, balance
and history, tidy up the orders and the watchlist, then the account corner and log out.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import List, Optional

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
    Notification,
    Order,
    PortfolioMeasurement,
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


def log_in(auth: AuthApi, email: str, password: str) -> str:
    """Log in by hand (AuthApi.login) and send "<user_id> <token>" from now on; return the user_id."""
    response: LoginResponse = auth.login(login_request=LoginRequest(email=email, password=password))
    configuration = auth.api_client.configuration
    configuration.api_key["cookie"] = response.token
    configuration.api_key_prefix["cookie"] = response.user_id
    return response.user_id


def use_exchange_api(api: ExchangeApi) -> bool:
    """Trade only while the exchange is open and trading is on."""
    status: kalshi.ExchangeStatus = api.get_exchange_status()
    active: bool = status.exchange_active and status.trading_active
    print("exchange open:", status.exchange_active, "trading:", status.trading_active)
    return active


def use_market_api(api: MarketApi) -> Market:
    """Pick the first active market, look it up every way the API offers and read its book."""
    markets: UserGetMarketsResponse = api.get_markets()
    cached: UserGetMarketsResponse = api.get_markets_cached()
    assert len(cached.markets) == len(markets.markets)
    market: Market = next(m for m in markets.markets if m.status == "active" and m.id is not None)
    market_id: str = market.id or ""
    ticker: str = market.ticker_name or ""

    by_id: UserGetMarketResponse = api.get_market(market_id)
    by_id_cached: UserGetMarketResponse = api.get_market_cached(market_id)
    by_ticker: UserGetMarketResponse = api.get_market_by_ticker(ticker)
    by_ticker_cached: UserGetMarketResponse = api.get_market_by_ticker_cached(ticker)
    assert by_id.market.id == by_id_cached.market.id == by_ticker.market.id == by_ticker_cached.market.id

    history: GetMarketHistoryResponse = api.get_market_history(market_id, last_seen_ts=0)
    recent: GetMarketHistoryResponse = api.get_market_history_cached(market_id, last_seen_ts=0)
    last_ts: Optional[int] = history.market_stats_points[-1].ts if history.market_stats_points else None
    print(ticker, "stats points:", len(history.market_stats_points), len(recent.market_stats_points), last_ts)

    book: GetMarketOrderBookResponse = api.get_market_order_book_cached(market_id)
    best_yes: Optional[PriceLevel] = book.order_book.yes[0] if book.order_book.yes else None
    if best_yes is not None:
        print("best yes bid", best_yes.price, "for", best_yes.count)
    return by_id.market


def use_ranged_markets(ranged: RangedMarketApi, by_ticker_api: RangedMarketsApi, ticker: str) -> None:
    by_ticker: GetRangedMarketByTickerResponse = by_ticker_api.get_ranged_market_by_ticker(ticker)
    ranged_id: Optional[str] = by_ticker.ranged_markets.id
    if ranged_id is not None:
        detail: GetRangedMarketResponse = ranged.get_ranged_market(ranged_id)
        title: Optional[str] = detail.ranged_market.title
        print("ranged market:", title)


def use_user_api(api: UserApi, user_id: str, market_id: str) -> None:
    """Bid, take the other side, read the fills and the position, then tidy up."""
    profile: UserGetProfileResponse = api.user_get_profile(user_id)
    print("trading as", profile.user.email)
    before: UserGetBalanceResponse = api.user_get_balance(user_id)

    bid: UserOrderCreateResponse = api.user_order_create(
        user_id, user_order_create_request=UserOrderCreateRequest(market_id=market_id, side="yes", price=35, count=10)
    )
    resting: Order = bid.order
    # Selling 4 into the bid: a no at 70 crosses the yes bid at 35 (35 + 70 >= 100).
    take: UserOrderCreateResponse = api.user_order_create(
        user_id,
        user_order_create_request=UserOrderCreateRequest(
            market_id=market_id, side="no", price=70, count=4, max_cost_cents=1_000, sell_position_capped=False
        ),
    )
    taker_fees: Optional[int] = take.order.taker_fees
    print("taker status", take.order.status, "fees", taker_fees)

    fills: UserTradesGetResponse = api.user_trades_get(
        user_id, market_id=market_id, min_count=1, page_size=50, page_number=1
    )
    fill_prices: List[int] = [fill.price for fill in fills.trades if fill.price is not None]
    every_fill: List[UserTrade] = list(api.iter_user_trades(user_id, market_id=market_id, page_size=2, max_pages=10))
    print("fills", fill_prices, len(every_fill))

    positions: UserGetMarketPositionsResponse = api.user_get_market_positions(user_id)
    held: List[MarketPosition] = list(positions.market_positions)
    one: UserGetMarketPositionResponse = api.user_get_market_position(user_id, market_id=market_id)
    print("positions", len(held), "here:", one.market_position.position, "pnl", one.market_position.realized_pnl)

    since = datetime.now(timezone.utc) - timedelta(days=365 * 10)
    mine: UserOrdersGetResponse = api.user_orders_get(user_id, market_id=market_id, status="resting", min_date=since)
    open_ids: List[str] = [order.order_id for order in mine.orders if order.order_id is not None]
    all_orders: List[Order] = list(api.iter_orders(user_id, page_size=5, max_pages=4))
    print("resting", open_ids, "of", len(all_orders))

    if resting.order_id is not None:
        smaller: UserOrderDecreaseResponse = api.user_order_decrease(
            user_id, order_id=resting.order_id, user_order_decrease_request=UserOrderDecreaseRequest(count=2)
        )
        print("reduced by", smaller.reduced_by)
        gone: UserOrderDecreaseResponse = api.user_order_cancel(user_id, order_id=resting.order_id)
        print("canceled", gone.reduced_by, gone.order.status)
    after: UserGetBalanceResponse = api.user_get_balance(user_id)
    print("balance change (cents):", after.balance - before.balance)

    api.user_add_watchlist(user_id, market_id=market_id)
    watched: UserGetWatchlistResponse = api.user_get_watchlist(user_id)
    market_ids: Optional[List[str]] = watched.watchlist.market_ids
    print("watching", market_ids)
    api.user_remove_watchlist(user_id, market_id=market_id)


def use_user_api_password(api: UserApi, user_id: str, password: str) -> None:
    """Rotate the password and put it back, so the script can run again."""
    rotated = password + "-rotated"
    api.user_change_password(
        user_id, user_change_password_request=UserChangePasswordRequest(old_password=password, new_password=rotated)
    )
    api.user_change_password(
        user_id, user_change_password_request=UserChangePasswordRequest(old_password=rotated, new_password=password)
    )


def use_default_api(api: DefaultApi) -> None:
    page: TradesGetResponse = api.get_trades(page_size=20, page_number=1)
    trades: List[PublicTrade] = list(page.trades)
    latest: Optional[datetime] = trades[0].create_date if trades else None
    if latest is not None:
        day = latest.astimezone(timezone.utc).strftime("%Y-%m-%d")
        that_day: List[PublicTrade] = list(api.iter_trades(trades_date=day, page_size=20, max_pages=5))
        print("public trades:", len(trades), "on", day, ":", len(that_day))


def use_portfolio_api(api: PortfolioApi, user_id: str) -> None:
    history: UserGetPortfolioHistoryResponse = api.user_get_portfolio_history(
        user_id, user_get_portfolio_history_request=UserGetPortfolioHistoryRequest(min_ts=0)
    )
    points: List[PortfolioMeasurement] = list(history.values or [])
    if points:
        latest: PortfolioMeasurement = points[-1]
        print("portfolio value (cents):", latest.v, "available:", latest.a)


def use_account_api(api: AccountApi, user_id: str) -> None:
    history: UserGetAccountHistoryResponse = api.user_get_account_history(
        user_id, should_return_trades=True, should_return_deposits=True, limit=10
    )
    for entry in history.entries:
        kind: str = entry.type
        data = entry.data
        if data is not None and data.deposit is not None:
            amount: Optional[int] = data.deposit.amount
            created: Optional[datetime] = data.deposit.created_at
            print(kind, amount, created)

    page: UserGetNotificationsResponse = api.user_get_notifications(user_id, page_size=5, page_number=1)
    first_page: List[Notification] = list(page.notifications)
    for notification in first_page:
        if notification.id is not None and not notification.is_read:
            api.notification_mark_read(user_id, notification.id)

    unread = [n.id for n in api.iter_notifications(user_id, page_size=5) if not n.is_read]
    print(len(unread), "unread")

    api.change_subscription(user_id, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic"))
    pending = api.get_notification_preferences(user_id, async_req=True, _request_timeout=(2, 10))
    preferences: GetNotificationPreferencesResponse = pending.get()
    level: Optional[str] = preferences.preferences.subscription_level
    print("subscription:", level)


def use_auth_api_reset(auth: AuthApi, email: str, user_id: str) -> None:
    """Ask for a reset e-mail; a code typed wrong is refused with a 400 and changes nothing."""
    auth.reset_password(reset_password_request=ResetPasswordRequest(email=email))
    try:
        auth.reset_password_confirm(
            "not-the-emailed-code",
            confirm_password_reset_request=ConfirmPasswordResetRequest(user_id=user_id, password=email + "-unused"),
        )
    except Exception as error:  # noqa: BLE001 - naming kalshi.BadRequestException here fails disallow-any-expr
        print("reset refused:", type(error).__name__)


def use_auth_api_logout(auth: AuthApi) -> None:
    auth.logout()
    auth.api_client.configuration.api_key.pop("cookie", None)


def main(host: str, email: str, password: str) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=host, timeout=(2, 10), retries=0)) as api_client:
        auth = AuthApi(api_client)
        user_id = log_in(auth, email, password)
        if use_exchange_api(ExchangeApi(api_client)):
            market = use_market_api(MarketApi(api_client))
            use_user_api(UserApi(api_client), user_id, market.id or "")
        use_ranged_markets(RangedMarketApi(api_client), RangedMarketsApi(api_client), "GAS-21NOV")
        use_default_api(DefaultApi(api_client))
        use_portfolio_api(PortfolioApi(api_client), user_id)
        use_account_api(AccountApi(api_client), user_id)
        use_user_api_password(UserApi(api_client), user_id, password)
        use_auth_api_reset(auth, email, user_id)
        use_auth_api_logout(auth)


if __name__ == "__main__":
    from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

    with FakeKalshiServer() as server:
        main(server.host, DEMO_EMAIL, DEMO_PASSWORD)
