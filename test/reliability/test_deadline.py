"""The total deadline: no call runs longer than its budget, whatever the server does."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any, Callable, Optional

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

from ._servers import Handler, RawServer, Request, dripping, response

PREFERENCES = b'{"preferences": {"subscription_level": "basic"}}'


def _preferences(api_client: kalshi.ApiClient, **options: Any) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


def _drip(stop: threading.Event) -> Handler:
    """Headers promising a body, then one byte every half second: each read is quick, the whole never ends."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    return dripping(stop, head, b" ", 0.5, 120)  # at most a minute: bounded even if the client never gives up


@pytest.fixture
def stop() -> Any:
    event = threading.Event()
    yield event
    event.set()


@pytest.mark.parametrize("where", ["configuration", "per-call"])
def test_a_slow_drip_ends_at_the_deadline(
    new_client: Callable[..., kalshi.ApiClient], stop: threading.Event, where: str
) -> None:
    with RawServer(_drip(stop)) as server:
        if where == "configuration":
            api_client = new_client(server.host, api_key="k", deadline=2.0, timeout=(1, 1))
            options: dict = {}
        else:
            api_client = new_client(server.host, api_key="k", timeout=(1, 1))
            options = {"_deadline": 2.0}
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            _preferences(api_client, **options)
        elapsed = time.monotonic() - started
    assert 1.9 <= elapsed < 2.6, elapsed
    assert caught.value.budget == "deadline"
    assert "deadline of 2 s" in str(caught.value)
    assert server.request_count == 1  # the deadline is spent: nothing is retried


def test_a_read_timeout_names_the_read_budget(new_client: Callable[..., kalshi.ApiClient]) -> None:
    gate = threading.Event()

    def silent(conn: socket.socket, request: Request, index: int) -> bool:
        gate.wait(5)
        return False

    with RawServer(silent) as server:
        api_client = new_client(server.host, api_key="k", retries=0, timeout=(1, 0.3))
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            _preferences(api_client)
        gate.set()
    assert caught.value.budget == "read"


def test_retries_of_timeouts_stop_at_the_deadline(new_client: Callable[..., kalshi.ApiClient]) -> None:
    gate = threading.Event()

    def silent(conn: socket.socket, request: Request, index: int) -> bool:
        gate.wait(5)
        return False

    with RawServer(silent) as server:
        api_client = new_client(server.host, api_key="k", retries=10, timeout=(1, 0.5), deadline=1.2)
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            _preferences(api_client)
        elapsed = time.monotonic() - started
        gate.set()
    assert 1.1 <= elapsed < 1.8, elapsed
    assert caught.value.budget == "deadline"
    assert server.request_count == 3  # 0.5 + 0.5 + what is left: never the 11 attempts retries=10 allows


def test_a_retry_after_longer_than_the_budget_is_not_waited_for(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, deadline=2.0)
    fake.fail_next(5, 503, retry_after="5")
    started = time.monotonic()
    with pytest.raises(kalshi.ServiceException) as caught:
        _preferences(api_client)
    assert time.monotonic() - started < 0.5
    assert caught.value.status == 503
    assert fake.request_count == 1


def test_a_retry_that_fits_the_budget_is_made(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, deadline=3.0)
    fake.fail_next(1, 503, retry_after="1")
    started = time.monotonic()
    assert _preferences(api_client).preferences.subscription_level
    assert 0.9 <= time.monotonic() - started < 2.5
    assert fake.request_count == 2


def test_a_changed_deadline_applies_to_the_next_call(
    new_client: Callable[..., kalshi.ApiClient], stop: threading.Event
) -> None:
    calls = []

    def handler(conn: socket.socket, request: Request, index: int) -> Optional[bool]:
        calls.append(index)
        if index == 0:
            conn.sendall(response(200, PREFERENCES))
            return True
        return _drip(stop)(conn, request, index)

    with RawServer(handler) as server:
        api_client = new_client(server.host, api_key="k", timeout=(1, 1))
        assert _preferences(api_client).preferences.subscription_level == "basic"
        api_client.configuration.deadline = 1.0
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError):
            _preferences(api_client)
        assert 0.9 <= time.monotonic() - started < 1.6


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "2", True])
def test_a_bad_per_call_deadline_is_refused_before_sending(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, bad: Any
) -> None:
    with pytest.raises(kalshi.ApiValueError, match="_deadline"):
        _preferences(keyed_client, _deadline=bad)
    assert fake.request_count == 0


def test_a_server_dripping_its_headers_ends_at_the_deadline(
    new_client: Callable[..., kalshi.ApiClient], stop: threading.Event
) -> None:
    # One header byte every 0.2 s: each read is quick, the headers never end.
    drip_headers = dripping(stop, b"HTTP/1.1 200 OK\r\n", b"X", 0.2, 120)

    with RawServer(drip_headers) as server:
        api_client = new_client(server.host, api_key="k", deadline=1.5, timeout=(1, 1))
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            _preferences(api_client)
        elapsed = time.monotonic() - started
        assert 1.4 <= elapsed < 2.0, elapsed
        assert caught.value.budget == "deadline"
        assert server.request_count == 1
