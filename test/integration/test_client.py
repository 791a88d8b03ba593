"""ApiClient: lifecycle, default headers, serialization, sessions, and what it never reveals."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, timezone
from typing import Callable

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.models import (
    AccountHistoryEntry,
    AccountHistoryEntryData,
    ChangeSubscriptionRequest,
    DepositHistory,
    LoginRequest,
    Notification,
    NotificationList,
)
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

UID = DEMO_USER_ID


# --------------------------------------------------------------------------- lifecycle


def test_client_is_a_context_manager(server: FakeKalshiServer, static_key: str) -> None:
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": static_key})
    with kalshi.ApiClient(configuration) as client:
        assert isinstance(client, kalshi.ApiClient)
        AccountApi(client).get_notification_preferences(UID)

    assert len(server.requests) == 1


def test_close_twice_is_fine(server: FakeKalshiServer, static_key: str) -> None:
    client = kalshi.ApiClient(kalshi.Configuration(host=server.host, api_key={"cookie": static_key}))
    AccountApi(client).get_notification_preferences(UID)

    client.close()
    client.close()


def test_close_without_any_call_is_fine() -> None:
    kalshi.ApiClient().close()


def test_default_configuration_targets_production_without_connecting() -> None:
    with kalshi.ApiClient() as client:
        assert client.configuration.host == "https://trading-api.kalshi.com/v1"


def test_api_classes_share_the_client_they_are_given(client: kalshi.ApiClient) -> None:
    assert AccountApi(client).api_client is client
    assert kalshi.AuthApi(client).api_client is client


# --------------------------------------------------------------------------- headers


def test_set_default_header_is_sent(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key)
    client.set_default_header("X-Trace-Id", "trace-1")

    AccountApi(client).get_notification_preferences(UID)

    assert server.requests[-1].headers["x-trace-id"] == "trace-1"


def test_header_name_and_value_arguments_are_sent(server: FakeKalshiServer, static_key: str) -> None:
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": static_key})
    with kalshi.ApiClient(configuration, header_name="X-Desk", header_value="rates") as client:
        AccountApi(client).get_notification_preferences(UID)

    assert server.requests[-1].headers["x-desk"] == "rates"


def test_cookie_argument_is_sent(server: FakeKalshiServer, static_key: str) -> None:
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": static_key})
    with kalshi.ApiClient(configuration, cookie="sessions=abc") as client:
        AccountApi(client).get_notification_preferences(UID)

    assert server.requests[-1].headers["cookie"] == "sessions=abc"


def test_user_agent_is_settable(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key)
    assert "kalshi" in client.user_agent and kalshi.__version__ in client.user_agent

    client.user_agent = "my-bot/2.0"
    AccountApi(client).get_notification_preferences(UID)

    assert client.user_agent == "my-bot/2.0"
    assert server.requests[-1].headers["user-agent"] == "my-bot/2.0"


def test_headers_of_one_call_do_not_stick_to_the_client(client: kalshi.ApiClient) -> None:
    AccountApi(client).change_subscription(
        UID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="all")
    )

    assert {k.lower() for k in client.default_headers} == {"user-agent"}


# --------------------------------------------------------------------------- sanitize_for_serialization


def test_sanitize_a_model_uses_wire_names(client: kalshi.ApiClient) -> None:
    entry = AccountHistoryEntry(type="Deposit", data=AccountHistoryEntryData(deposit=DepositHistory(amount=5)))

    assert client.sanitize_for_serialization(entry) == {"type": "Deposit", "data": {"Deposit": {"amount": 5}}}


def test_sanitize_datetimes_as_rfc3339(client: kalshi.ApiClient) -> None:
    utc = datetime(2021, 11, 2, 14, 3, 7, tzinfo=timezone.utc)
    plus_two = datetime(2021, 11, 2, 14, 3, 7, 250000, tzinfo=timezone(timedelta(hours=2)))

    assert client.sanitize_for_serialization(utc) == "2021-11-02T14:03:07Z"
    assert client.sanitize_for_serialization(plus_two) == "2021-11-02T14:03:07.25+02:00"
    assert client.sanitize_for_serialization(DepositHistory(created_at=utc)) == {"created_at": "2021-11-02T14:03:07Z"}
    assert client.sanitize_for_serialization(date(2021, 11, 2)) == "2021-11-02"


def test_sanitize_lists_tuples_and_dicts(client: kalshi.ApiClient) -> None:
    utc = datetime(2021, 1, 1, tzinfo=timezone.utc)
    value = {"a": [Notification(id="n", is_read=True), (1, "x", None)], "b": {"when": utc}, "c": True}

    assert client.sanitize_for_serialization(value) == {
        "a": [{"id": "n", "is_read": True}, [1, "x", None]],
        "b": {"when": "2021-01-01T00:00:00Z"},
        "c": True,
    }


def test_sanitize_a_notification_list(client: kalshi.ApiClient) -> None:
    assert client.sanitize_for_serialization(NotificationList([Notification(id="n")])) == [{"id": "n"}]


def test_sanitize_an_unknown_object_is_an_api_type_error(client: kalshi.ApiClient) -> None:
    with pytest.raises(kalshi.ApiTypeError):
        client.sanitize_for_serialization(object())


# --------------------------------------------------------------------------- sessions


def test_login_sets_user_id_and_the_next_call_sends_user_id_and_token(
    server: FakeKalshiServer,
) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        assert client.user_id is None

        response = client.login(DEMO_EMAIL, DEMO_PASSWORD)
        AccountApi(client).get_notification_preferences(client.user_id)

    assert client.user_id == response.user_id == DEMO_USER_ID
    assert server.requests[-1].headers["authorization"] == f"{DEMO_USER_ID} {response.token}"


def test_login_session_wins_over_a_configured_key(server: FakeKalshiServer) -> None:
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": "stale-key"})
    with kalshi.ApiClient(configuration) as client:
        response = client.login(DEMO_EMAIL, DEMO_PASSWORD)
        AccountApi(client).get_notification_preferences(UID)

    assert server.requests[-1].headers["authorization"] == f"{UID} {response.token}"


def test_login_does_not_change_the_configuration(server: FakeKalshiServer) -> None:
    configuration = kalshi.Configuration(host=server.host)
    with kalshi.ApiClient(configuration) as client:
        client.login(DEMO_EMAIL, DEMO_PASSWORD)

    assert configuration.api_key == {}


def test_logout_clears_the_session(server: FakeKalshiServer) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0)) as client:
        client.login(DEMO_EMAIL, DEMO_PASSWORD)

        client.logout()

        assert client.user_id is None
        with pytest.raises(kalshi.UnauthorizedException):
            AccountApi(client).get_notification_preferences(UID)
    assert "authorization" not in server.requests[-1].headers
    assert ("POST", "/v1/log_out") in [(r.method, r.raw_path) for r in server.requests]


def test_logout_without_a_session_sends_nothing(server: FakeKalshiServer) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        client.logout()

    assert server.requests == []


def test_failed_login_leaves_the_client_logged_out(server: FakeKalshiServer) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0)) as client:
        with pytest.raises(kalshi.UnauthorizedException):
            client.login(DEMO_EMAIL, "wrong-password")

        assert client.user_id is None


def test_expired_session_is_renewed_by_logging_in_again(
    fresh_server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]
) -> None:
    client = make_client(fresh_server, retries=0)
    first = fresh_server.requests[-1]
    fresh_server.clear_requests()
    fresh_server.expire_sessions()

    response = AccountApi(client).get_notification_preferences(UID)

    assert response.preferences.subscription_level == "all"
    sent = [(r.method, r.raw_path) for r in fresh_server.requests]
    preferences = ("GET", f"/v1/users/{UID}/notifications/preferences")
    assert sent == [preferences, ("POST", "/v1/log_in"), preferences]
    old_auth, new_auth = (fresh_server.requests[i].headers["authorization"] for i in (0, 2))
    assert old_auth != new_auth and new_auth.startswith(UID + " ")
    assert first.raw_path == "/v1/log_in"


# --------------------------------------------------------------------------- secrets


def test_repr_of_the_client_shows_no_secret(server: FakeKalshiServer) -> None:
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": "configured-secret-key"})
    with kalshi.ApiClient(configuration) as client:
        response = client.login(DEMO_EMAIL, DEMO_PASSWORD)
        text = repr(client)

    assert response.token not in text
    assert DEMO_PASSWORD not in text
    assert "configured-secret-key" not in text
    assert DEMO_USER_ID in text and server.host in text


def test_debug_logs_name_the_calls_but_no_secret(server: FakeKalshiServer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="kalshi"):
        with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
            response = client.login(DEMO_EMAIL, DEMO_PASSWORD)
            AccountApi(client).get_notification_preferences(UID)
            kalshi.AuthApi(client).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD))

    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "/notifications/preferences" in text
    assert response.token not in text
    assert DEMO_PASSWORD not in text


@pytest.mark.parametrize("key", ["sk-secret-key\n", "sk-secret-key\r\nX-Injected: 1", "ключ-sk-secret-key"])
def test_an_unsendable_api_key_is_an_sdk_error_that_does_not_show_it(server: FakeKalshiServer, key: str) -> None:
    # A key read from a file often keeps its trailing newline; it must not leak into tracebacks.
    configuration = kalshi.Configuration(host=server.host, retries=0, api_key={"cookie": key})
    with kalshi.ApiClient(configuration) as client:
        with pytest.raises(kalshi.OpenApiException) as info:
            AccountApi(client).get_notification_preferences(UID)

    assert "secret-key" not in str(info.value)
    assert server.requests == []


def test_credentials_in_the_host_are_refused_before_anything_is_sent(server: FakeKalshiServer) -> None:
    # urllib3 would not send them and URLs appear in errors and logs: refused, without echoing them.
    host = server.host.replace("http://", "http://alice:pa55word@")
    with pytest.raises(kalshi.ApiValueError) as info:
        kalshi.Configuration(host=host)
    assert "pa55word" not in str(info.value)
    assert server.requests == []


def test_credentials_cannot_be_put_into_the_host_later() -> None:
    configuration = kalshi.Configuration(host="http://127.0.0.1:9/v1")
    with pytest.raises(kalshi.ApiValueError) as info:
        configuration.host = "http://alice:pa55word@127.0.0.1:9/v1"
    assert "pa55word" not in str(info.value)
    assert configuration.host == "http://127.0.0.1:9/v1"


@pytest.mark.parametrize("status", [200, 201])
def test_an_empty_body_where_a_model_is_due_is_a_decode_error(
    server: FakeKalshiServer, static_key: str, status: int
) -> None:
    server.respond_next(1, status=status, body=b"", headers={"Content-Type": "application/json"})
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": static_key}, retries=0)
    with kalshi.ApiClient(configuration) as client, pytest.raises(kalshi.ApiDecodeError) as info:
        AccountApi(client).get_notification_preferences(UID)
    assert info.value.status == status
    assert info.value.body == ""
    assert info.value.method == "GET"
    assert info.value.url is not None and info.value.url.endswith("/notifications/preferences")
