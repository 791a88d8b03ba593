"""Credentials never cross the network in clear text: no password, session token, API key or
cookie is sent to an ``http://`` host that is not loopback, unless the user allows it.

The "remote" hosts here are never reached: every configuration routes its requests through a
recording proxy on 127.0.0.1 that answers them itself, so a request the SDK wrongly sends shows up
in its log instead of on the internet.
"""

from __future__ import annotations

import json
import os
import socket
from typing import Callable, Iterator
from unittest import mock

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.api.exchange_api import ExchangeApi
from kalshi.model.login_request import LoginRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from ._servers import RawServer, Request, response

REMOTE = "http://trading-api.kalshi.com/v1"  # "https" with one letter missing
LOGIN_ANSWER = json.dumps({"user_id": DEMO_USER_ID, "token": "t0ken-from-the-proxy", "access_level": "full"}).encode()
PREFERENCES = b'{"preferences": {"subscription_level": "basic"}}'
VARIABLE = "KALSHI_ALLOW_INSECURE_HTTP"


@pytest.fixture
def proxy() -> Iterator[RawServer]:
    """Answers every request itself (a log-in, preferences, exchange status), forwarding nothing."""

    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        if request.target.endswith("/log_in"):
            conn.sendall(response(200, LOGIN_ANSWER))
        elif request.target.endswith("/exchange/status"):
            conn.sendall(response(200, b"", headers={"trading_active": "true", "exchange_active": "true"}))
        else:
            conn.sendall(response(200, PREFERENCES))
        return True

    with RawServer(handler) as server:
        yield server


def _remote_client(proxy: RawServer, **settings: object) -> kalshi.ApiClient:
    configuration = kalshi.Configuration(host=REMOTE, proxy=f"http://127.0.0.1:{proxy.port}", retries=0, **settings)  # type: ignore[arg-type]
    return kalshi.ApiClient(configuration)


def _assert_refusal(error: kalshi.ApiValueError) -> None:
    text = str(error)
    assert "trading-api.kalshi.com" in text
    assert "allow_insecure_http=True" in text
    assert VARIABLE in text
    assert DEMO_PASSWORD not in text


@pytest.mark.parametrize("style", ["api_client.login", "AuthApi.login"])
def test_a_password_is_never_sent_to_a_plain_http_host(proxy: RawServer, style: str) -> None:
    with _remote_client(proxy) as api_client:
        with pytest.raises(kalshi.ApiValueError) as caught:
            if style == "api_client.login":
                api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
            else:
                AuthApi(api_client).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD))
    _assert_refusal(caught.value)
    assert proxy.request_count == 0


def test_an_api_key_is_never_sent_to_a_plain_http_host(proxy: RawServer) -> None:
    with _remote_client(proxy) as api_client:
        api_client.configuration.api_key["cookie"] = "static-api-key"
        with pytest.raises(kalshi.ApiValueError) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    _assert_refusal(caught.value)
    assert "static-api-key" not in str(caught.value)
    assert proxy.request_count == 0


def test_a_cookie_is_never_sent_to_a_plain_http_host(proxy: RawServer) -> None:
    with _remote_client(proxy) as api_client:
        api_client.cookie = "session=c00kie"
        with pytest.raises(kalshi.ApiValueError):
            ExchangeApi(api_client).get_exchange_status()
    assert proxy.request_count == 0


def test_a_session_token_is_not_sent_after_the_host_turns_to_plain_http(
    fake: FakeKalshiServer, proxy: RawServer
) -> None:
    configuration = kalshi.Configuration(host=fake.host, retries=0)
    with kalshi.ApiClient(configuration) as api_client:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)  # loopback http: allowed without the option
        assert AccountApi(api_client).get_notification_preferences(DEMO_USER_ID).preferences
        configuration.proxy = f"http://127.0.0.1:{proxy.port}"
        configuration.host = REMOTE
        with pytest.raises(kalshi.ApiValueError) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
        # Per call, through another route to the same host: refused as well.
        configuration.host = fake.host
        configuration.servers = [{"url": REMOTE, "description": "typo"}]
        with pytest.raises(kalshi.ApiValueError):
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, _host_index=0)
        with pytest.raises(kalshi.ApiValueError):
            api_client.call_api(
                f"/users/{DEMO_USER_ID}/notifications/preferences", "GET", auth_settings=["cookie"], _host=REMOTE
            )
    _assert_refusal(caught.value)
    assert proxy.request_count == 0


def test_a_call_without_credentials_may_use_plain_http(proxy: RawServer) -> None:
    with _remote_client(proxy) as api_client:
        status = ExchangeApi(api_client).get_exchange_status()
    assert status.trading_active is True
    assert proxy.request_count == 1
    assert "authorization" not in proxy.requests[0].headers


def test_allow_insecure_http_lets_credentials_through(proxy: RawServer) -> None:
    with _remote_client(proxy, allow_insecure_http=True) as api_client:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    assert [r.target for r in proxy.requests] == [
        f"{REMOTE}/log_in",
        f"{REMOTE}/users/{DEMO_USER_ID}/notifications/preferences",
    ]
    assert proxy.requests[1].headers["authorization"] == f"{DEMO_USER_ID} t0ken-from-the-proxy"


@pytest.mark.parametrize("value", ["1", "true", "YES", "on"])
def test_the_environment_variable_allows_it_too(proxy: RawServer, value: str) -> None:
    with mock.patch.dict(os.environ, {VARIABLE: value}):
        with _remote_client(proxy) as api_client:
            assert api_client.configuration.allow_insecure_http is True
            api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert proxy.request_count == 1


@pytest.mark.parametrize(
    ("value", "settings"),
    [("0", {}), ("false", {}), ("1", {"trust_env": False}), ("1", {"allow_insecure_http": False})],
    ids=["zero", "false", "trust_env-off", "argument-wins"],
)
def test_the_environment_variable_is_read_like_every_other(proxy: RawServer, value: str, settings: dict) -> None:
    with mock.patch.dict(os.environ, {VARIABLE: value}):
        with _remote_client(proxy, **settings) as api_client:
            assert api_client.configuration.allow_insecure_http is False
            with pytest.raises(kalshi.ApiValueError):
                api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert proxy.request_count == 0


def test_an_unreadable_environment_variable_is_refused_by_name() -> None:
    with mock.patch.dict(os.environ, {VARIABLE: "maybe"}):
        with pytest.raises(kalshi.ApiValueError, match=VARIABLE):
            kalshi.Configuration()


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_allow_insecure_http_takes_a_bool(bad: object) -> None:
    configuration = kalshi.Configuration()
    with pytest.raises(kalshi.ApiTypeError):
        configuration.allow_insecure_http = bad  # type: ignore[assignment]


@pytest.mark.parametrize(
    "host", ["http://127.0.0.1:{port}/v1", "http://localhost:{port}/v1", "http://LocalHost:{port}/v1"]
)
def test_loopback_http_needs_no_option(fake: FakeKalshiServer, host: str) -> None:
    configuration = kalshi.Configuration(host=host.format(port=fake.port), retries=0)
    with kalshi.ApiClient(configuration) as api_client:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        assert AccountApi(api_client).get_notification_preferences(DEMO_USER_ID).preferences
    assert fake.login_count == 1


@pytest.mark.parametrize("host", ["http://127.9.8.7:{port}/v1", "http://[::1]:{port}/v1"])
def test_all_of_127_0_0_0_slash_8_and_ipv6_loopback_are_loopback(closed_port: int, host: str) -> None:
    # Nothing listens there: the kernel refuses the connection, which shows the SDK let it go.
    configuration = kalshi.Configuration(host=host.format(port=closed_port), retries=0)
    with kalshi.ApiClient(configuration) as api_client:
        with pytest.raises(kalshi.ApiConnectionError):
            api_client.login(DEMO_EMAIL, DEMO_PASSWORD)


@pytest.mark.parametrize(
    "host",
    [
        "http://localhost.example.com/v1",
        "http://127.0.0.1.example.com/v1",
        "http://10.0.0.1/v1",
        "http://[fe80::1]/v1",
    ],
)
def test_names_that_only_look_like_loopback_are_refused(proxy: RawServer, host: str) -> None:
    configuration = kalshi.Configuration(host=host, proxy=f"http://127.0.0.1:{proxy.port}", retries=0)
    with kalshi.ApiClient(configuration) as api_client:
        with pytest.raises(kalshi.ApiValueError):
            api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert proxy.request_count == 0


def test_a_redirect_is_never_followed(new_client: Callable[..., kalshi.ApiClient]) -> None:
    # https -> http included: no redirect of any kind is followed, so none can downgrade a call.
    def preferences(conn: socket.socket, request: Request, index: int) -> bool:
        conn.sendall(response(200, PREFERENCES))
        return True

    with RawServer(preferences) as target:
        location = f"http://127.0.0.1:{target.port}/v1/users/{DEMO_USER_ID}/notifications/preferences"

        def redirect(conn: socket.socket, request: Request, index: int) -> bool:
            conn.sendall(response(302, b"", "Found", {"Location": location}))
            return True

        with RawServer(redirect) as server:
            api_client = new_client(server.host, api_key="k")
            with pytest.raises(kalshi.ApiException) as caught:
                AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
        assert caught.value.status == 302
        assert target.request_count == 0
