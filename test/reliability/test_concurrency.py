"""One ApiClient shared by threads, a small pool, a server restart under a kept-alive pool, fork()."""

from __future__ import annotations

import os
import signal
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, List

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

THREADS = 8
CALLS_PER_THREAD = 40  # 320 calls in all


def _run_in_threads(work: Callable[[int], List[str]]) -> List[str]:
    """Run ``work(thread_index)`` on THREADS threads; return every problem any of them found."""
    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(work, range(THREADS), timeout=30))
    return [problem for problems in outcomes for problem in problems]


def test_threads_sharing_one_client_get_correct_results(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(fake, login=True)
    api = AccountApi(api_client)
    fake.clear_requests()
    history = UserGetAccountHistoryResponse.from_wire({"entries": fake.history_of(DEMO_USER_ID)}).entries
    trades = [e for e in history if e.type == "Trade"]
    notification_ids = [n["id"] for n in fake.notifications_of(DEMO_USER_ID)]
    level = fake.subscription_level_of(DEMO_USER_ID)

    def work(index: int) -> List[str]:
        problems: List[str] = []
        # One write per thread, each to a notification of its own.
        api.notification_mark_read(DEMO_USER_ID, notification_ids[index])
        for k in range(CALLS_PER_THREAD - 1):
            op = (index + k) % 4
            if op == 0:
                limit = k % 7 + 1
                got: Any = list(api.user_get_account_history(DEMO_USER_ID, limit=limit).entries)
                want: Any = history[:limit]
            elif op == 1:
                got = list(api.user_get_account_history(DEMO_USER_ID, should_return_trades=True).entries)
                want = trades
            elif op == 2:
                size, number = k % 5 + 1, k % 3 + 1
                page = api.user_get_notifications(DEMO_USER_ID, page_size=size, page_number=number)
                got = [n.id for n in page.notifications]
                want = notification_ids[(number - 1) * size : number * size]
            else:
                got = api.get_notification_preferences(DEMO_USER_ID).preferences.subscription_level
                want = level
            if got != want:
                problems.append(f"thread {index} call {k} op {op}: {got!r} != {want!r}")
        return problems

    started = time.monotonic()
    assert _run_in_threads(work) == []
    assert time.monotonic() - started < 20
    assert fake.request_count == THREADS * CALLS_PER_THREAD
    read = {n["id"] for n in fake.notifications_of(DEMO_USER_ID) if n["is_read"]}
    assert set(notification_ids[:THREADS]) <= read


def test_a_pool_smaller_than_the_thread_count_still_serves_everyone(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, connection_pool_maxsize=2)
    api = AccountApi(api_client)
    level = fake.subscription_level_of(DEMO_USER_ID)

    def work(index: int) -> List[str]:
        levels = [api.get_notification_preferences(DEMO_USER_ID).preferences.subscription_level for _ in range(20)]
        return [f"thread {index}: {levels}"] if levels != [level] * 20 else []

    assert _run_in_threads(work) == []
    assert fake.request_count == THREADS * 20
    pool = api_client.rest_client._plan.pools.manager(fake.host).connection_from_url(fake.host)
    assert pool.pool is not None
    assert pool.pool.maxsize == 2
    assert sum(conn is not None for conn in list(pool.pool.queue)) <= 2


def test_a_kept_alive_connection_closed_by_a_restarted_server_is_replaced(
    new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    first = FakeKalshiServer()
    with first:
        first.authorize(demo_key, DEMO_USER_ID)
        api_client = new_client(first, api_key=demo_key)
        api = AccountApi(api_client)
        assert api.get_notification_preferences(DEMO_USER_ID).preferences.subscription_level == "all"
    with FakeKalshiServer(port=first.port) as second:
        second.authorize(demo_key, DEMO_USER_ID)
        result = api.get_notification_preferences(DEMO_USER_ID)
        assert result.preferences.subscription_level == second.subscription_level_of(DEMO_USER_ID)
        assert [r.raw_path for r in second.requests] == [f"/v1/users/{DEMO_USER_ID}/notifications/preferences"]


def _fork() -> int:
    with warnings.catch_warnings():
        # Python 3.12+ warns that fork() in a process with threads (the fake's) may deadlock.
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def _wait(pid: int, timeout: float) -> int:
    """The child's exit code; kill it and report -1 if it runs longer than ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return -1


def test_a_forked_child_gets_a_fresh_connection_pool(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key)
    api = AccountApi(api_client)
    api.get_notification_preferences(DEMO_USER_ID)
    parent_pool = api_client.rest_client._plan.pools.manager(fake.host)
    fake.clear_requests()

    pid = _fork()
    if pid == 0:  # the child: never return into pytest
        code = 3
        try:
            level = api.get_notification_preferences(DEMO_USER_ID).preferences.subscription_level
            fresh = api_client.rest_client._plan.pools.manager(fake.host) is not parent_pool
            code = 0 if level == "all" and fresh else 1
        finally:
            os._exit(code)

    assert _wait(pid, timeout=10) == 0
    assert fake.request_count == 1  # the child's call reached the server
    # The parent's pool is untouched and still works.
    assert api_client.rest_client._plan.pools.manager(fake.host) is parent_pool
    assert api.get_notification_preferences(DEMO_USER_ID).preferences.subscription_level == "all"
