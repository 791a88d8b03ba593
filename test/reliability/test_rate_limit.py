"""The optional client-side rate limiter: one token bucket for all threads; a 429 pauses them all."""

from __future__ import annotations

import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, List

import pytest

import kalshi
from kalshi._transport.ratelimit import TokenBucket
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID

from ._servers import RawServer, Request, response

PREFERENCES = json.dumps({"preferences": {"subscription_level": "basic"}}).encode()
THREADS = 8


def _ok(conn: socket.socket, request: Request, index: int) -> bool:
    conn.sendall(response(200, PREFERENCES))
    return True


def _hammer(api_client: kalshi.ApiClient, calls_per_thread: int) -> List[Any]:
    api = AccountApi(api_client)
    with ThreadPoolExecutor(THREADS) as pool:
        calls = THREADS * calls_per_thread
        futures = [pool.submit(api.get_notification_preferences, DEMO_USER_ID) for _ in range(calls)]
        return [f.result(timeout=30) for f in futures]


def _most_in_window(times: List[float], window: float) -> int:
    times = sorted(times)
    return max(sum(1 for t in times[i:] if t - start < window) for i, start in enumerate(times))


def test_eight_threads_share_one_bucket(new_client: Callable[..., kalshi.ApiClient]) -> None:
    with RawServer(_ok) as server:
        api_client = new_client(server.host, api_key="k", rate_limit=20, rate_limit_burst=2)
        started = time.monotonic()
        results = _hammer(api_client, 5)
        elapsed = time.monotonic() - started
        times = [r.at for r in server.requests]
    assert len(results) == 40 and server.request_count == 40
    assert 1.8 <= elapsed < 6.0, elapsed  # (40 - 2) / 20 = 1.9 s at the least
    assert _most_in_window(times, 0.5) <= 0.5 * 20 + 2 + 1


def test_without_a_rate_limit_nothing_waits(new_client: Callable[..., kalshi.ApiClient]) -> None:
    with RawServer(_ok) as server:
        api_client = new_client(server.host, api_key="k")
        started = time.monotonic()
        _hammer(api_client, 5)
        assert time.monotonic() - started < 1.5


def test_a_429_with_retry_after_pauses_every_thread(new_client: Callable[..., kalshi.ApiClient]) -> None:
    paused_at: List[float] = []
    lock = threading.Lock()

    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        with lock:
            first = not paused_at
            if first:
                paused_at.append(time.monotonic())
        if first:
            conn.sendall(response(429, b'{"code":"rate_limited"}', "Too Many Requests", {"Retry-After": "1"}))
        else:
            conn.sendall(response(200, PREFERENCES))
        return True

    with RawServer(handler) as server:
        api_client = new_client(server.host, api_key="k", rate_limit=100, rate_limit_burst=1)
        results = _hammer(api_client, 3)
        times = sorted(r.at for r in server.requests)
    assert len(results) == 24 and server.request_count == 25  # the 429'd call was retried once
    t0 = paused_at[0]
    during = [t - t0 for t in times if t0 + 0.05 < t < t0 + 0.9]
    assert during == []  # no thread sent anything while the bucket was paused
    assert any(t >= t0 + 0.95 for t in times)


def test_a_slot_beyond_the_deadline_is_a_rate_limit_timeout(new_client: Callable[..., kalshi.ApiClient]) -> None:
    with RawServer(_ok) as server:
        api_client = new_client(server.host, api_key="k", rate_limit=1, rate_limit_burst=1)
        api = AccountApi(api_client)
        api.get_notification_preferences(DEMO_USER_ID)
        started = time.monotonic()
        with pytest.raises(kalshi.ApiTimeoutError) as caught:
            api.get_notification_preferences(DEMO_USER_ID, _deadline=0.3)
        assert time.monotonic() - started < 0.2  # refused at once, not after waiting
        assert caught.value.budget == "rate_limit"
        assert server.request_count == 1


def test_token_bucket_arithmetic() -> None:
    bucket = TokenBucket(rate=10, burst=3)
    waits = [bucket.wait_time(None) for _ in range(5)]
    assert waits[:3] == [0.0, 0.0, 0.0]  # the burst
    assert waits[3] == pytest.approx(0.1, abs=0.02) and waits[4] == pytest.approx(0.2, abs=0.02)
    assert bucket.wait_time(0.05) is None  # over budget: nothing reserved
    bucket.pause(2.0)
    wait = bucket.wait_time(None)
    assert wait is not None and 1.9 <= wait <= 2.1
