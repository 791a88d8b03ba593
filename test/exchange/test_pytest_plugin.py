"""The pytest plugin: its fixtures work in a user's test suite, and setup.py registers it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]

USER_TESTS = '''
from kalshi.testing import DEMO_BALANCE, DEMO_USER_ID, FakeKalshiServer


def test_server_is_running_and_fresh(kalshi_server):
    assert isinstance(kalshi_server, FakeKalshiServer)
    assert kalshi_server.balance_of(DEMO_USER_ID) == DEMO_BALANCE
    assert kalshi_server.request_count == 0


def test_client_is_logged_in_and_trades(kalshi_client, kalshi_server):
    assert kalshi_client.user_id == DEMO_USER_ID
    market_id = kalshi_server.market_ids[0]
    body = {"market_id": market_id, "side": "yes", "price": 30, "count": 10}
    created = kalshi_client.call_api(
        "/users/{user_id}/orders", "POST", path_params={"user_id": DEMO_USER_ID},
        body=body, response_type=dict, auth_settings=["cookie"],
    )
    assert created["order"]["status"] == "resting"
    balance = kalshi_client.call_api(
        "/users/{user_id}/balance", "GET", path_params={"user_id": DEMO_USER_ID},
        response_type=dict, auth_settings=["cookie"],
    )
    assert balance == {"balance": DEMO_BALANCE - 300}
    assert kalshi_server.book_of(market_id) == {"yes": [[30, 10]], "no": []}


def test_each_test_gets_its_own_exchange(kalshi_server):
    assert all(kalshi_server.book_of(m) == {"yes": [], "no": []} for m in kalshi_server.market_ids)
'''


# Whether the entry point is visible depends on how the SDK was installed, so the inner runs turn
# entry-point plugins off and load this one by name; the last test checks the registration.
ARGS = ("-p", "kalshi.pytest_plugin", "-p", "no:cacheprovider")


@pytest.fixture(autouse=True)
def _no_autoload(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")


def test_fixtures_in_a_user_suite(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_subprocess(*ARGS, "-W", "error", timeout=60)
    result.assert_outcomes(passed=3)


def test_a_broken_fake_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_broken="""
def test_breaks_the_fake(kalshi_server):
    kalshi_server._note_error("Traceback: boom")
"""
    )
    result = pytester.runpytest_subprocess(*ARGS, timeout=60)
    result.assert_outcomes(passed=1, errors=1)  # the test body passes, its teardown fails
    result.stdout.fnmatch_lines(["*the fake exchange hit an internal error*", "*Traceback: boom*"])


def test_fixtures_are_listed(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess(*ARGS, "--fixtures", timeout=60)
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*kalshi_server*", "*kalshi_client*"])


def test_the_installed_distribution_registers_the_plugin() -> None:
    # What pytest itself reads: the pytest11 entry points of the installed distributions.
    from importlib.metadata import entry_points

    if sys.version_info >= (3, 10):
        group = entry_points(group="pytest11")
    else:
        group = entry_points().get("pytest11", [])
    # A legacy editable install (setuptools before 64) can list the distribution twice.
    assert {ep.value for ep in group if ep.name == "kalshi"} == {"kalshi.pytest_plugin"}
