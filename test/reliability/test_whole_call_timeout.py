"""One number as a timeout is the whole call's limit, retries included; a pair is (connect, read).

``_request_timeout=3`` (the generator's convention: one number is the request's total timeout)
and a single-number ``Configuration.timeout`` both cap the call like a deadline: a server that
drips a byte every fraction of a second, so that no single read ever times out, cannot hold the
call longer. A ``(connect, read)`` pair keeps its meaning: each phase, the deadline bounding the whole.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Dict, Iterator

import pytest
from urllib3.util.timeout import Timeout

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID

from ._servers import Handler, RawServer, dripping

LIMIT = 1.0
SLACK = 0.6  # the watchdog's 0.1 s, a loaded machine


@pytest.fixture
def stop() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def _dripping(stop: threading.Event, bytes_per_attempt: int) -> Handler:
    """Headers promising a long body, then one byte every 0.2 s; after ``bytes_per_attempt``
    bytes the connection is closed (a broken, retryable GET)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    return dripping(stop, head, b" ", 0.2, bytes_per_attempt)


def _preferences(api_client: kalshi.ApiClient, **options: Any) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


@pytest.mark.parametrize(
    ("settings", "options"),
    [
        ({}, {"_request_timeout": LIMIT}),
        ({}, {"_request_timeout": int(LIMIT)}),
        ({}, {"_request_timeout": Timeout(total=LIMIT)}),
        ({"timeout": LIMIT}, {}),
        ({"timeout": Timeout(total=LIMIT)}, {}),
    ],
    ids=["per-call-float", "per-call-int", "per-call-urllib3-total", "configuration", "configuration-urllib3-total"],
)
def test_one_number_caps_a_dripping_call(
    new_client: Callable[..., kalshi.ApiClient],
    stop: threading.Event,
    settings: Dict[str, Any],
    options: Dict[str, Any],
) -> None:
    with RawServer(_dripping(stop, 300)) as server:
        api_client = new_client(server.host, api_key="k", **settings)  # default deadline: 60 s
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            _preferences(api_client, **options)
        elapsed = time.monotonic() - started
    assert LIMIT - 0.05 <= elapsed < LIMIT + SLACK, elapsed
    assert caught.value.budget == "deadline"
    assert f"of {LIMIT:g} s" in str(caught.value)
    assert server.request_count == 1


def test_one_number_caps_the_retries_too(new_client: Callable[..., kalshi.ApiClient], stop: threading.Event) -> None:
    # Each attempt breaks after 0.6 s and is retried (a GET, retries=10): without the cap the call
    # would run 11 attempts, about 7 s.
    with RawServer(_dripping(stop, 3)) as server:
        api_client = new_client(server.host, api_key="k", retries=10)
        started = time.monotonic()
        with pytest.raises(kalshi.ApiConnectionError):
            _preferences(api_client, _request_timeout=LIMIT)
        elapsed = time.monotonic() - started
    assert elapsed < LIMIT + SLACK, elapsed
    assert server.request_count <= 2


def test_the_smaller_of_deadline_and_one_number_wins(
    new_client: Callable[..., kalshi.ApiClient], stop: threading.Event
) -> None:
    with RawServer(_dripping(stop, 300)) as server:
        api_client = new_client(server.host, api_key="k", timeout=30)
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError):
            _preferences(api_client, _deadline=LIMIT)
        assert time.monotonic() - started < LIMIT + SLACK


@pytest.mark.parametrize("where", ["configuration", "per-call"])
def test_a_pair_keeps_its_meaning_each_phase_not_the_whole(
    new_client: Callable[..., kalshi.ApiClient], stop: threading.Event, where: str
) -> None:
    # (1, 1): no read waits a second, so only the deadline (1.5 s here) ends the call.
    with RawServer(_dripping(stop, 300)) as server:
        if where == "configuration":
            api_client = new_client(server.host, api_key="k", timeout=(LIMIT, LIMIT), deadline=1.5)
            options: Dict[str, Any] = {}
        else:
            api_client = new_client(server.host, api_key="k", deadline=1.5)
            options = {"_request_timeout": (LIMIT, LIMIT)}
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            _preferences(api_client, **options)
        elapsed = time.monotonic() - started
    assert 1.45 <= elapsed < 1.5 + SLACK, elapsed
    assert "of 1.5 s" in str(caught.value)
