"""Contract: every SDK call, with every parameter set, is a valid request by the spec (Prism says so).

``prism mock --errors`` validates each request against the whole spec, test/spec/kalshi-v1.json,
and answers a violation with a 4xx carrying an ``sl-violations`` header. Its answers are generated
from the spec's schemas ("string" ids, ...), so the SDK must also parse whatever the spec allows.
``test_every_operation_follows_the_spec`` drives one request of each of the spec's 36 operations.
Prism is ``$PRISM_BIN`` or the cached npm install (``_prism.py``); where neither exists every test
here skips, naming the command that installs it. No test installs it.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Set, Tuple

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.apis import DefaultApi, ExchangeApi, MarketApi, PortfolioApi, RangedMarketApi, RangedMarketsApi, UserApi
from kalshi.exceptions import ApiResponseTypeError
from kalshi.exchange_status import ExchangeStatus
from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
from kalshi.model.login_request import LoginRequest
from kalshi.model.login_response import LoginResponse
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
from kalshi.model.user_get_notifications_response import UserGetNotificationsResponse
from kalshi.models import (
    ConfirmPasswordResetRequest,
    GetMarketHistoryResponse,
    GetMarketOrderBookResponse,
    GetRangedMarketByTickerResponse,
    GetRangedMarketResponse,
    ResetPasswordRequest,
    TradesGetResponse,
    UserChangePasswordRequest,
    UserGetBalanceResponse,
    UserGetMarketPositionResponse,
    UserGetMarketPositionsResponse,
    UserGetMarketResponse,
    UserGetMarketsResponse,
    UserGetPortfolioHistoryRequest,
    UserGetPortfolioHistoryResponse,
    UserGetProfileResponse,
    UserGetWatchlistResponse,
    UserOrderCreateRequest,
    UserOrderCreateResponse,
    UserOrderDecreaseRequest,
    UserOrderDecreaseResponse,
    UserOrdersGetResponse,
    UserTradesGetResponse,
)

ACCOUNT_CALLS: Dict[str, type] = {
    "user_get_account_history": UserGetAccountHistoryResponse,
    "user_get_notifications": UserGetNotificationsResponse,
    "get_notification_preferences": GetNotificationPreferencesResponse,
    "notification_mark_read": type(None),
    "change_subscription": type(None),
}
# The spec declares user_id and notification_id as format uuid4.
USER_ID = str(uuid.uuid4())
NOTIFICATION_ID = str(uuid.uuid4())


@pytest.fixture
def prism_client(prism: str, response_log: Any) -> Iterator[kalshi.ApiClient]:
    """A client of the Prism mock (no retries: every answer is seen as sent); responses logged."""
    with kalshi.ApiClient(kalshi.Configuration(host=prism, retries=0, timeout=(5, 10))) as api_client:
        response_log.attach(api_client)
        yield api_client


def _assert_all_valid(response_log: Any, expected: int) -> None:
    assert len(response_log.seen) == expected
    for seen in response_log.seen:
        assert "sl-violations" not in seen.headers, f"{seen.method} {seen.url}: {seen.headers['sl-violations']}"
        assert 200 <= seen.status <= 299, f"{seen.method} {seen.url} -> {seen.status}"


def test_log_in_and_log_out_follow_the_spec(prism_client: kalshi.ApiClient, response_log: Any) -> None:
    response = prism_client.login("trader@example.com", "a-long-password")
    assert isinstance(response, LoginResponse)
    assert prism_client.user_id == response.user_id
    prism_client.logout()
    assert prism_client.user_id is None
    _assert_all_valid(response_log, expected=2)
    assert [(s.method, s.url) for s in response_log.seen] == [
        ("POST", prism_client.configuration.host + "/log_in"),
        ("POST", prism_client.configuration.host + "/log_out"),
    ]


def test_auth_api_calls_follow_the_spec(prism_client: kalshi.ApiClient, response_log: Any) -> None:
    auth = AuthApi(prism_client)
    data, status, headers = auth.login(
        login_request=LoginRequest(email="trader@example.com", password=PASSWORD), _return_http_data_only=False
    )
    assert isinstance(data, LoginResponse) and status == 200
    prism_client.configuration.api_key["cookie"] = f"{data.user_id} {data.token}"
    assert auth.logout() is None
    _assert_all_valid(response_log, expected=2)


@pytest.mark.parametrize("name", sorted(ACCOUNT_CALLS))
def test_account_calls_with_every_parameter_follow_the_spec(
    prism_client: kalshi.ApiClient, response_log: Any, call_account: Callable[..., Any], name: str
) -> None:
    prism_client.login("trader@example.com", "a-long-password")
    result = call_account(prism_client, name, USER_ID, NOTIFICATION_ID)
    assert isinstance(result, ACCOUNT_CALLS[name])
    _assert_all_valid(response_log, expected=2)
    method, url = response_log.seen[1].method, response_log.seen[1].url
    assert USER_ID in url
    assert method == ("GET" if ACCOUNT_CALLS[name] is not type(None) else "PUT")


def test_the_harness_catches_a_violation(prism: str, response_log: Any) -> None:
    configuration = kalshi.Configuration(host=prism, retries=0, client_side_validation=False)
    configuration.api_key["cookie"] = f"{USER_ID} token"
    with kalshi.ApiClient(configuration) as api_client:
        response_log.attach(api_client)
        with pytest.raises(kalshi.ApiException) as caught:
            AccountApi(api_client).user_get_notifications(USER_ID, page_size=51, page_number=1)
    assert caught.value.status is not None
    assert 400 <= caught.value.status <= 499
    assert "sl-violations" in {k.lower() for k in caught.value.headers}
    (seen,) = response_log.seen
    assert "page_size" in seen.headers["sl-violations"]


# --------------------------------------------------------------------------- every operation of the spec

SPEC_PATH = Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json"
MARKET_ID, ORDER_ID, RANGED_ID = (str(uuid.uuid4()) for _ in range(3))
SINCE = datetime(2021, 11, 1, 9, 30, tzinfo=timezone.utc)
PASSWORD, NEW_PASSWORD = "a-long-password", "a-longer-password"  # noqa: S105 - test values


def _spec_operation_ids() -> Set[str]:
    spec = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    methods = ("get", "put", "post", "delete", "patch")
    return {op["operationId"] for item in spec["paths"].values() for m, op in item.items() if m in methods}


def _order_request() -> UserOrderCreateRequest:
    return UserOrderCreateRequest(
        market_id=MARKET_ID,
        side="yes",
        price=40,
        count=3,
        expiration_unix_ts=1_900_000_000,
        max_cost_cents=500,
        sell_position_capped=True,
    )


# operationId -> (the call with every parameter set, the type it returns)
EVERY_CALL: Dict[str, Tuple[Callable[[kalshi.ApiClient], Any], type]] = {
    "GetMarkets": (lambda c: MarketApi(c).get_markets(), UserGetMarketsResponse),
    "GetMarketsCached": (lambda c: MarketApi(c).get_markets_cached(), UserGetMarketsResponse),
    "GetMarket": (lambda c: MarketApi(c).get_market(MARKET_ID), UserGetMarketResponse),
    "GetMarketCached": (lambda c: MarketApi(c).get_market_cached(MARKET_ID), UserGetMarketResponse),
    "GetMarketByTicker": (lambda c: MarketApi(c).get_market_by_ticker("FED-21DEC"), UserGetMarketResponse),
    "GetMarketByTickerCached": (
        lambda c: MarketApi(c).get_market_by_ticker_cached("FED-21DEC"),
        UserGetMarketResponse,
    ),
    "GetMarketHistory": (
        lambda c: MarketApi(c).get_market_history(MARKET_ID, last_seen_ts=1_635_000_000),
        GetMarketHistoryResponse,
    ),
    "GetMarketHistoryCached": (
        lambda c: MarketApi(c).get_market_history_cached(MARKET_ID, last_seen_ts=1_635_000_000),
        GetMarketHistoryResponse,
    ),
    "GetMarketOrderBookCached": (
        lambda c: MarketApi(c).get_market_order_book_cached(MARKET_ID),
        GetMarketOrderBookResponse,
    ),
    "GetRangedMarket": (lambda c: RangedMarketApi(c).get_ranged_market(RANGED_ID), GetRangedMarketResponse),
    "GetRangedMarketByTicker": (
        lambda c: RangedMarketsApi(c).get_ranged_market_by_ticker("GAS-21NOV"),
        GetRangedMarketByTickerResponse,
    ),
    "GetTrades": (
        lambda c: DefaultApi(c).get_trades(trades_date="2021-11-03", page_size=10, page_number=2),
        TradesGetResponse,
    ),
    "GetExchangeStatus": (lambda c: ExchangeApi(c).get_exchange_status(), ExchangeStatus),
    "Login": (
        lambda c: AuthApi(c).login(login_request=LoginRequest(email="trader@example.com", password=PASSWORD)),
        LoginResponse,
    ),
    "Logout": (lambda c: AuthApi(c).logout(), type(None)),
    "ResetPassword": (
        lambda c: AuthApi(c).reset_password(reset_password_request=ResetPasswordRequest(email="trader@example.com")),
        type(None),
    ),
    "ResetPasswordConfirm": (
        lambda c: AuthApi(c).reset_password_confirm(
            "emailed-code",
            confirm_password_reset_request=ConfirmPasswordResetRequest(user_id=USER_ID, password=NEW_PASSWORD),
        ),
        type(None),
    ),
    "UserGetProfile": (lambda c: UserApi(c).user_get_profile(USER_ID), UserGetProfileResponse),
    "UserGetBalance": (lambda c: UserApi(c).user_get_balance(USER_ID), UserGetBalanceResponse),
    "UserOrderCreate": (
        lambda c: UserApi(c).user_order_create(USER_ID, user_order_create_request=_order_request()),
        UserOrderCreateResponse,
    ),
    "UserOrderDecrease": (
        lambda c: UserApi(c).user_order_decrease(
            USER_ID, ORDER_ID, user_order_decrease_request=UserOrderDecreaseRequest(count=1)
        ),
        UserOrderDecreaseResponse,
    ),
    "UserOrderCancel": (lambda c: UserApi(c).user_order_cancel(USER_ID, ORDER_ID), UserOrderDecreaseResponse),
    "UserOrdersGet": (
        lambda c: UserApi(c).user_orders_get(
            USER_ID,
            market_id=MARKET_ID,
            is_yes=False,
            min_price=1,
            max_price=99,
            min_place_count=1,
            max_place_count=100,
            min_initial_count=1,
            max_initial_count=100,
            min_remaining_count=0,
            max_remaining_count=100,
            min_date=SINCE,
            max_date=SINCE + timedelta(days=30),
            get_queue_position=True,
            status="resting",
            page_size=10,
            page_number=1,
        ),
        UserOrdersGetResponse,
    ),
    "UserTradesGet": (
        lambda c: UserApi(c).user_trades_get(
            USER_ID,
            market_id=MARKET_ID,
            order_id=ORDER_ID,
            min_price=1,
            max_price=99,
            min_count=1,
            max_count=100,
            min_date=SINCE,
            max_date=SINCE + timedelta(days=30),
            page_size=10,
            page_number=1,
        ),
        UserTradesGetResponse,
    ),
    "UserChangePassword": (
        lambda c: UserApi(c).user_change_password(
            USER_ID,
            user_change_password_request=UserChangePasswordRequest(old_password=PASSWORD, new_password=NEW_PASSWORD),
        ),
        type(None),
    ),
    "UserGetPortfolioHistory": (
        lambda c: PortfolioApi(c).user_get_portfolio_history(
            USER_ID,
            user_get_portfolio_history_request=UserGetPortfolioHistoryRequest(
                min_ts=1_635_000_000, max_ts=1_640_000_000, min_date=SINCE, max_date=SINCE + timedelta(days=30)
            ),
        ),
        UserGetPortfolioHistoryResponse,
    ),
    "UserGetMarketPositions": (
        lambda c: UserApi(c).user_get_market_positions(USER_ID),
        UserGetMarketPositionsResponse,
    ),
    "UserGetMarketPosition": (
        lambda c: UserApi(c).user_get_market_position(USER_ID, MARKET_ID),
        UserGetMarketPositionResponse,
    ),
    "UserGetWatchlist": (lambda c: UserApi(c).user_get_watchlist(USER_ID), UserGetWatchlistResponse),
    "UserAddWatchlist": (lambda c: UserApi(c).user_add_watchlist(USER_ID, MARKET_ID), type(None)),
    "UserRemoveWatchlist": (lambda c: UserApi(c).user_remove_watchlist(USER_ID, MARKET_ID), type(None)),
}


# The account operations, driven by conftest's call_account with every parameter set.
ACCOUNT_OPERATIONS = {
    "UserGetAccountHistory": "user_get_account_history",
    "UserGetNotifications": "user_get_notifications",
    "GetNotificationPreferences": "get_notification_preferences",
    "NotificationMarkRead": "notification_mark_read",
    "ChangeSubscription": "change_subscription",
}
# Answers Prism cannot generate validly, which the SDK rightly refuses with a typed error; the
# request still has to be valid. Prism sends "null" for a header whose schema is boolean (it has no
# example to give), and ExchangeStatus reads its two flags from those headers. PriceLevel is "an
# array of 2 integer values" (price 1-99, count), but the spec says so only in prose, with no
# minItems/maxItems, so Prism answers a one-item level [-2147483648].
UNPARSABLE_ANSWERS = {
    "GetExchangeStatus": "header 'exchange_active' is 'null'",
    "GetMarketOrderBookCached": "expected PriceLevel (an array of 2)",
}


@pytest.mark.parametrize("operation_id", sorted(_spec_operation_ids() | set(EVERY_CALL) | set(ACCOUNT_OPERATIONS)))
def test_every_operation_follows_the_spec(
    prism_client: kalshi.ApiClient, response_log: Any, call_account: Callable[..., Any], operation_id: str
) -> None:
    assert operation_id in _spec_operation_ids(), f"{operation_id} is not an operation of the spec"
    assert operation_id in EVERY_CALL or operation_id in ACCOUNT_OPERATIONS, f"Prism never sees {operation_id}"
    call: Callable[[kalshi.ApiClient], Any]
    if operation_id in ACCOUNT_OPERATIONS:
        name = ACCOUNT_OPERATIONS[operation_id]

        def call_by_name(api_client: kalshi.ApiClient) -> Any:
            return call_account(api_client, name, USER_ID, NOTIFICATION_ID)

        call, returns = call_by_name, ACCOUNT_CALLS[name]
    else:
        call, returns = EVERY_CALL[operation_id]
    prism_client.login("trader@example.com", PASSWORD)

    if operation_id in UNPARSABLE_ANSWERS:
        with pytest.raises(ApiResponseTypeError) as caught:
            call(prism_client)
        assert UNPARSABLE_ANSWERS[operation_id] in str(caught.value)
    else:
        assert isinstance(call(prism_client), returns)

    _assert_all_valid(response_log, expected=2)
