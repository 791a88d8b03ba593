"""One test per wire rule of the spec: names, encodings, headers, empty bodies, error statuses."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any, Callable, Dict, Tuple

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.exceptions import exception_for_status
from kalshi.models import ChangeSubscriptionRequest, LoginRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

UID = DEMO_USER_ID
LEVEL = ChangeSubscriptionRequest(subscription_level="basic")


# --------------------------------------------------------------------------- query names and values


@pytest.mark.parametrize(
    "keyword, value, wire_name, wire_value",
    [
        ("should_return_deposits", True, "ShouldReturnDeposits", "true"),
        ("should_return_withdrawals", True, "ShouldReturnWithdrawals", "true"),
        ("should_return_orders", True, "ShouldReturnOrders", "true"),
        ("should_return_settlements", True, "ShouldReturnSettlements", "true"),
        ("should_return_trades", True, "ShouldReturnTrades", "true"),
        ("limit", 7, "Limit", "7"),
    ],
)
def test_history_query_names(
    account_api: AccountApi, server: FakeKalshiServer, keyword: str, value: Any, wire_name: str, wire_value: str
) -> None:
    account_api.user_get_account_history(UID, **{keyword: value})

    assert server.requests[-1].raw_query == f"{wire_name}={wire_value}"


def test_notification_query_names(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_notifications(UID, page_size=3, page_number=2)

    assert server.requests[-1].query == {"page_size": ["3"], "page_number": ["2"]}


def test_booleans_are_lower_case_true_and_false(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_account_history(UID, should_return_deposits=True, should_return_trades=False)

    raw = server.requests[-1].raw_query
    assert sorted(raw.split("&")) == ["ShouldReturnDeposits=true", "ShouldReturnTrades=false"]


def test_all_history_parameters_at_once(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_account_history(
        UID,
        should_return_deposits=True,
        should_return_withdrawals=False,
        should_return_orders=True,
        should_return_settlements=False,
        should_return_trades=True,
        limit=4,
    )

    assert server.requests[-1].query == {
        "ShouldReturnDeposits": ["true"],
        "ShouldReturnWithdrawals": ["false"],
        "ShouldReturnOrders": ["true"],
        "ShouldReturnSettlements": ["false"],
        "ShouldReturnTrades": ["true"],
        "Limit": ["4"],
    }


def test_none_parameters_are_not_sent(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_account_history(
        UID,
        should_return_deposits=None,
        should_return_withdrawals=None,
        should_return_orders=None,
        should_return_settlements=None,
        should_return_trades=None,
        limit=None,
    )

    assert server.requests[-1].raw_query == ""
    assert "?" not in server.requests[-1].raw_path


def test_limit_zero_is_sent(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_account_history(UID, limit=0)

    assert server.requests[-1].raw_query == "Limit=0"


# --------------------------------------------------------------------------- path segments


@pytest.mark.parametrize(
    "user_id, encoded",
    [
        ("a/../b c?d#e", "a%2F..%2Fb%20c%3Fd%23e"),
        ("50%+&=;", "50%25%2B%26%3D%3B"),
        ("ünï", "%C3%BCn%C3%AF"),
    ],
)
def test_user_id_is_one_percent_encoded_path_segment(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], user_id: str, encoded: str
) -> None:
    key = "key-for-" + encoded
    server.authorize(key, user_id)
    api = AccountApi(make_client(server, login=False, api_key=key, retries=0))

    response = api.get_notification_preferences(user_id)

    request = server.requests[-1]
    assert request.raw_path == f"/v1/users/{encoded}/notifications/preferences"
    assert request.path_segments == ("v1", "users", user_id, "notifications", "preferences")
    assert request.raw_query == ""
    assert response.preferences.subscription_level == "all"


def test_notification_id_is_one_path_segment(static_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    with pytest.raises(kalshi.NotFoundException):
        AccountApi(static_client).notification_mark_read(UID, "x/../../log_out")

    request = server.requests[-1]
    assert request.raw_path == f"/v1/users/{UID}/notifications/x%2F..%2F..%2Flog_out/read"
    assert request.path_segments[-2] == "x/../../log_out"


# --------------------------------------------------------------------------- Authorization


def test_authorization_is_prefix_space_key(server: FakeKalshiServer) -> None:
    server.authorize("Bearer wire-key", UID)
    configuration = kalshi.Configuration(host=server.host)
    configuration.api_key["cookie"] = "wire-key"
    configuration.api_key_prefix["cookie"] = "Bearer"
    with kalshi.ApiClient(configuration) as client:
        AccountApi(client).get_notification_preferences(UID)

    assert server.requests[-1].headers["authorization"] == "Bearer wire-key"


def test_authorization_is_the_key_alone_without_prefix(server: FakeKalshiServer) -> None:
    configuration = kalshi.Configuration(host=server.host)
    configuration.api_key["cookie"] = "wire-key-alone"
    server.authorize("wire-key-alone", UID)
    with kalshi.ApiClient(configuration) as client:
        AccountApi(client).get_notification_preferences(UID)

    assert server.requests[-1].headers["authorization"] == "wire-key-alone"


def test_authorization_is_absent_without_a_key(server: FakeKalshiServer) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0)) as client:
        with pytest.raises(kalshi.UnauthorizedException):
            AccountApi(client).get_notification_preferences(UID)

    assert "authorization" not in server.requests[-1].headers


# --------------------------------------------------------------------------- Accept and Content-Type

# name -> (call, sends a body, returns a body)
CALLS: Dict[str, Tuple[Callable[[kalshi.ApiClient], Any], bool, bool]] = {
    "log_in": (
        lambda c: AuthApi(c).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD)),
        True,
        True,
    ),
    "log_out": (lambda c: AuthApi(c).logout(), False, False),
    "get_notification_preferences": (lambda c: AccountApi(c).get_notification_preferences(UID), False, True),
    "user_get_account_history": (lambda c: AccountApi(c).user_get_account_history(UID, limit=2), False, True),
    "user_get_notifications": (lambda c: AccountApi(c).user_get_notifications(UID, 2, 1), False, True),
    "notification_mark_read": (lambda c: AccountApi(c).notification_mark_read(UID, _unread_id(c)), False, False),
    "change_subscription": (
        lambda c: AccountApi(c).change_subscription(UID, change_subscription_request=LEVEL),
        True,
        False,
    ),
}


def _unread_id(client: kalshi.ApiClient) -> str:
    notifications = AccountApi(client).user_get_notifications(UID, 50, 1).notifications
    unread = next(n.id for n in notifications if not n.is_read)
    assert unread is not None
    return unread


@pytest.fixture
def fresh_client(fresh_server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]) -> kalshi.ApiClient:
    return make_client(fresh_server, retries=0)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_accept_json_only_on_calls_that_return_a_body(
    fresh_client: kalshi.ApiClient, fresh_server: FakeKalshiServer, name: str
) -> None:
    call, _, returns_body = CALLS[name]

    call(fresh_client)

    headers = fresh_server.requests[-1].headers
    if returns_body:
        assert headers["accept"] == "application/json"
    else:
        assert "accept" not in headers


@pytest.mark.parametrize("name", sorted(CALLS))
def test_content_type_json_only_when_a_body_is_sent(
    fresh_client: kalshi.ApiClient, fresh_server: FakeKalshiServer, name: str
) -> None:
    call, sends_body, _ = CALLS[name]

    call(fresh_client)

    request = fresh_server.requests[-1]
    if sends_body:
        assert request.headers["content-type"] == "application/json"
        assert isinstance(json.loads(request.body), dict)
    else:
        assert "content-type" not in request.headers
        assert request.body == b""


def test_change_subscription_without_a_body_sends_no_content_type(
    fresh_client: kalshi.ApiClient, fresh_server: FakeKalshiServer
) -> None:
    AccountApi(fresh_client).change_subscription(UID)

    request = fresh_server.requests[-1]
    assert "content-type" not in request.headers
    assert request.body == b""


def test_json_body_is_compact_utf8(fresh_client: kalshi.ApiClient, fresh_server: FakeKalshiServer) -> None:
    AccountApi(fresh_client).change_subscription(UID, change_subscription_request=LEVEL)

    assert fresh_server.requests[-1].body == b'{"subscription_level":"basic"}'


@pytest.mark.parametrize("name", sorted(CALLS))
def test_user_agent_names_the_sdk_and_its_version(
    fresh_client: kalshi.ApiClient, fresh_server: FakeKalshiServer, name: str
) -> None:
    CALLS[name][0](fresh_client)

    user_agent = fresh_server.requests[-1].headers["user-agent"]
    assert "kalshi" in user_agent
    assert kalshi.__version__ in user_agent


# --------------------------------------------------------------------------- 204


NO_CONTENT_CALLS: Dict[str, Callable[..., Any]] = {
    "log_out": lambda c, **o: AuthApi(c).logout(**o),
    "notification_mark_read": lambda c, **o: AccountApi(c).notification_mark_read(UID, _unread_id(c), **o),
    "change_subscription": lambda c, **o: AccountApi(c).change_subscription(
        UID, change_subscription_request=LEVEL, **o
    ),
    "change_subscription_without_body": lambda c, **o: AccountApi(c).change_subscription(UID, **o),
}


@pytest.mark.parametrize("name", sorted(NO_CONTENT_CALLS))
def test_204_returns_none(fresh_client: kalshi.ApiClient, name: str) -> None:
    assert NO_CONTENT_CALLS[name](fresh_client) is None


@pytest.mark.parametrize("name", sorted(NO_CONTENT_CALLS))
def test_those_calls_really_get_a_204(fresh_client: kalshi.ApiClient, name: str) -> None:
    data, status, _ = NO_CONTENT_CALLS[name](fresh_client, _return_http_data_only=False)

    assert (data, status) == (None, 204)


# --------------------------------------------------------------------------- error statuses

# name -> (call, method, raw path)
STATUS_CALLS: Dict[str, Tuple[Callable[[kalshi.ApiClient], Any], str, str]] = {
    "log_in": (CALLS["log_in"][0], "POST", "/v1/log_in"),
    "log_out": (CALLS["log_out"][0], "POST", "/v1/log_out"),
    "get_notification_preferences": (
        CALLS["get_notification_preferences"][0],
        "GET",
        f"/v1/users/{UID}/notifications/preferences",
    ),
    "user_get_account_history": (CALLS["user_get_account_history"][0], "GET", f"/v1/users/{UID}/account/history"),
    "user_get_notifications": (CALLS["user_get_notifications"][0], "GET", f"/v1/users/{UID}/notifications"),
    "notification_mark_read": (
        lambda c: AccountApi(c).notification_mark_read(UID, "n-1"),
        "PUT",
        f"/v1/users/{UID}/notifications/n-1/read",
    ),
    "change_subscription": (CALLS["change_subscription"][0], "PUT", f"/v1/users/{UID}/subscribe"),
}
EXPECTED_CLASS = {
    400: kalshi.BadRequestException,
    401: kalshi.UnauthorizedException,
    403: kalshi.ForbiddenException,
    404: kalshi.NotFoundException,
    429: kalshi.TooManyRequestsException,
    500: kalshi.ServiceException,
    503: kalshi.ServiceException,
}
FAULT_CODES = {
    400: "invalid_parameters",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    429: "too_many_requests",
    500: "internal_server_error",
    503: "service_unavailable",
}


@pytest.mark.parametrize("status", sorted(EXPECTED_CLASS))
@pytest.mark.parametrize("name", sorted(STATUS_CALLS))
def test_error_status_raises_the_matching_exception(
    static_client: kalshi.ApiClient, server: FakeKalshiServer, name: str, status: int
) -> None:
    call, method, raw_path = STATUS_CALLS[name]
    server.fail_next(status=status, headers={"X-Request-Id": "req-42"})

    with pytest.raises(kalshi.ApiException) as info:
        call(static_client)

    error = info.value
    assert type(error) is EXPECTED_CLASS[status] is exception_for_status(status)
    assert error.status == status
    assert error.reason == HTTPStatus(status).phrase
    assert error.body is not None
    assert json.loads(error.body)["code"] == FAULT_CODES[status]
    assert error.headers["X-Request-Id"] == "req-42"
    assert error.headers["Content-Type"] == "application/json"
    assert (error.code, error.message, error.service) == (
        FAULT_CODES[status],
        HTTPStatus(status).phrase,
        "fake-exchange",
    )
    assert (error.method, error.url) == (method, server.base_url + raw_path + _query_of(name))
    assert [(r.method, r.raw_path) for r in server.requests] == [(method, raw_path)]


def _query_of(name: str) -> str:
    return {"user_get_account_history": "?Limit=2", "user_get_notifications": "?page_size=2&page_number=1"}.get(
        name, ""
    )


def test_429_exposes_retry_after(static_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    server.fail_next(status=429, retry_after="12")

    with pytest.raises(kalshi.TooManyRequestsException) as info:
        AccountApi(static_client).get_notification_preferences(UID)

    assert info.value.retry_after == 12.0


def test_error_fields_come_from_headers_when_the_body_is_not_json(
    static_client: kalshi.ApiClient, server: FakeKalshiServer
) -> None:
    headers = {"code": "maintenance", "message": "back soon", "details": "window 1h", "service": "gateway"}
    server.respond_next(
        status=503, body=b"<html>Service Unavailable</html>", headers={**headers, "Content-Type": "text/html"}
    )

    with pytest.raises(kalshi.ServiceException) as info:
        AccountApi(static_client).get_notification_preferences(UID)

    error = info.value
    assert (error.code, error.message, error.details, error.service) == (
        "maintenance",
        "back soon",
        "window 1h",
        "gateway",
    )
    assert error.body == "<html>Service Unavailable</html>"


def test_unmapped_status_is_a_plain_api_exception(static_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    server.fail_next(status=418)

    with pytest.raises(kalshi.ApiException) as info:
        AccountApi(static_client).get_notification_preferences(UID)

    assert type(info.value) is kalshi.ApiException
    assert info.value.status == 418


def test_invalid_json_in_a_2xx_is_a_decode_error(static_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    server.invalid_json_next()

    with pytest.raises(kalshi.ApiDecodeError) as info:
        AccountApi(static_client).get_notification_preferences(UID)

    assert info.value.status == 200
    assert info.value.body == "{not json"
