"""Every request is bounded in time: defaults, per-call and per-configuration timeouts."""

from __future__ import annotations

import socket
import time
from typing import Any, Callable, Iterator, List

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.model.login_request import LoginRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

ACCOUNT_CALLS = (
    "user_get_account_history",
    "user_get_notifications",
    "get_notification_preferences",
    "notification_mark_read",
    "change_subscription",
)
DELAY = 1.0  # the server's stall; every timeout below is much shorter


def _preferences(api_client: kalshi.ApiClient, **options: Any) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


def test_default_timeout_is_10s_connect_30s_read() -> None:
    configuration = kalshi.Configuration()
    assert configuration.timeout == (10.0, 30.0)
    with kalshi.ApiClient(configuration) as api_client:
        timeout = api_client.rest_client.timeout
        assert (timeout.connect_timeout, timeout.read_timeout) == (10.0, 30.0)


@pytest.mark.parametrize("request_timeout", [0.2, (0.5, 0.2)], ids=["seconds", "connect-read-pair"])
def test_per_call_read_timeout_raises_without_waiting_for_the_server(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, request_timeout: Any
) -> None:
    api_client = new_client(fake, api_key=demo_key, retries=0)
    fake.delay_next(1, DELAY)
    started = time.monotonic()
    with pytest.raises(kalshi.ApiTimeoutError) as caught:
        _preferences(api_client, _request_timeout=request_timeout)
    elapsed = time.monotonic() - started
    assert elapsed < DELAY
    error = caught.value
    assert isinstance(error, kalshi.ApiConnectionError)
    assert error.host == f"127.0.0.1:{fake.port}"
    assert error.method == "GET"
    assert error.url == f"{fake.host}/users/{DEMO_USER_ID}/notifications/preferences"
    assert error.__cause__ is not None
    assert fake.request_count == 1


def test_a_timed_out_post_is_not_sent_again(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(fake)  # default retries: a POST read timeout must still not repeat
    fake.delay_next(1, DELAY, path_contains="/log_in")
    started = time.monotonic()
    with pytest.raises(kalshi.ApiTimeoutError) as caught:
        AuthApi(api_client).login(
            login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD), _request_timeout=0.2
        )
    assert time.monotonic() - started < DELAY
    assert caught.value.method == "POST"
    assert fake.request_count == 1


@pytest.mark.parametrize("call", ["login", "logout", *ACCOUNT_CALLS])
def test_configuration_timeout_applies_to_every_call(
    fake: FakeKalshiServer,
    new_client: Callable[..., kalshi.ApiClient],
    demo_key: str,
    call_account: Callable[..., Any],
    notification_id: str,
    call: str,
) -> None:
    api_client = new_client(fake, api_key=demo_key, retries=0, timeout=0.2)
    fake.delay_next(1, DELAY)
    started = time.monotonic()
    with pytest.raises(kalshi.ApiTimeoutError):
        if call == "login":
            AuthApi(api_client).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD))
        elif call == "logout":
            AuthApi(api_client).logout()
        else:
            call_account(api_client, call, DEMO_USER_ID, notification_id)
    assert time.monotonic() - started < DELAY
    assert fake.request_count == 1


def test_get_read_timeout_is_retried_and_heals(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key)
    fake.delay_next(1, DELAY)
    started = time.monotonic()
    # A (connect, read) pair: one number would be the whole call's limit, leaving no time to retry.
    result = _preferences(api_client, _request_timeout=(1, 0.2))
    assert time.monotonic() - started < DELAY
    assert result.preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.request_count == 2


def test_get_read_timeouts_are_retried_per_policy_then_raise(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key)
    fake.delay_next(10, DELAY)
    started = time.monotonic()
    with pytest.raises(kalshi.ApiTimeoutError):
        _preferences(api_client, _request_timeout=(1, 0.2))
    elapsed = time.monotonic() - started
    assert fake.request_count == 4  # the first attempt and 3 retries
    assert 0.7 < elapsed < 2.5  # four 0.2 s waits, never the server's 1 s stalls


@pytest.fixture
def full_backlog() -> Iterator[int]:
    """A listening port whose accept queue is full: the kernel drops new SYNs, connect() hangs."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    fillers: List[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(3):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            fillers.append(filler)
            try:
                filler.connect(("127.0.0.1", port))
            except BlockingIOError:
                pass
        time.sleep(0.05)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def test_connect_timeout_raises_api_timeout_error(
    full_backlog: int, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(f"http://127.0.0.1:{full_backlog}/v1", api_key="k", retries=0)
    started = time.monotonic()
    with pytest.raises(kalshi.ApiTimeoutError) as caught:
        _preferences(api_client, _request_timeout=(0.3, 5.0))
    assert time.monotonic() - started < 2.0
    assert caught.value.host == f"127.0.0.1:{full_backlog}"
    assert "connecting" in str(caught.value)
