"""The seed documentation's five examples, run verbatim against the fake exchange.

The seed text lost its indentation, so the code is rebuilt by a small re-indenter and checked to be
the seed's lines exactly (only leading spaces added). The one change made before running it is the
``host = "..."`` value, which points at the fake exchange instead of production.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Tuple

import pytest

from kalshi.testing import FakeKalshiServer

SEED = Path(__file__).resolve().parents[1] / "spec" / "seed-account-api.txt"
PRODUCTION = '"https://trading-api.kalshi.com/v1"'
HOST_LINE = f"host = {PRODUCTION}"
EXAMPLE_USER = "user_id_example"
EXAMPLE_KEY = "YOUR_API_KEY"


class Example(NamedTuple):
    method: str  # the AccountApi method the example demonstrates
    lines: List[str]  # the seed's lines, as they are in the seed


def seed_examples() -> List[Example]:
    """Each example runs from the line ``import time`` to the line before the parameter table."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    examples = []
    for start, line in enumerate(lines):
        if line != "import time":
            continue
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("Name | Type | Description | Notes |"))
        body = lines[start:end]
        method = next(part.split("(")[0] for part in (line.partition("api_instance.")[2] for line in body) if part)
        examples.append(Example(method, body))
    return examples


def reindent(lines: List[str]) -> str:
    """Rebuild the indentation the seed lost.

    Lines after ``with kalshi.ApiClient(configuration) as api_client:`` are in the with-block;
    ``try:`` opens a block that runs until its ``except ...:`` line (back at the try's level);
    the one line after ``except ...:`` is inside the except-block.
    """
    out = []
    level = 0
    after_except = False
    for line in lines:
        if after_except:
            out.append(" " * (level + 4) + line)
            after_except = False
            continue
        if line.startswith("except ") and line.endswith(":"):
            level -= 4
            out.append(" " * level + line)
            after_except = True
            continue
        out.append(" " * level + line)
        if line == "with kalshi.ApiClient(configuration) as api_client:":
            level += 4
        elif line == "try:":
            level += 4
    return "\n".join(out) + "\n"


def point_at(code: str, host: str) -> str:
    """Replace the production host on the ``host = ...`` line, and nothing else."""
    lines = code.splitlines()
    targets = [i for i, line in enumerate(lines) if line.strip() == HOST_LINE]
    assert len(targets) == 1, targets
    lines[targets[0]] = lines[targets[0]].replace(PRODUCTION, repr(host))
    return "\n".join(lines) + "\n"


EXAMPLES = seed_examples()
BY_METHOD = {example.method: example for example in EXAMPLES}


def run_example(example: Example, server: FakeKalshiServer) -> Tuple[str, Dict[str, Any]]:
    server.authorize(EXAMPLE_KEY, EXAMPLE_USER)
    server.clear_requests()
    code = compile(point_at(reindent(example.lines), server.host), f"<seed example {example.method}>", "exec")
    namespace: Dict[str, Any] = {"__name__": "seed_example"}
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        exec(code, namespace)  # noqa: S102 - the seed's own example code
    return stdout.getvalue(), namespace


def _sent(server: FakeKalshiServer) -> List[Tuple[str, str, str]]:
    return [(r.method, r.raw_path, r.raw_query) for r in server.requests]


# --------------------------------------------------------------------------- the extraction itself


def test_the_seed_has_five_examples_one_per_method() -> None:
    assert [e.method for e in EXAMPLES] == [
        "change_subscription",
        "get_notification_preferences",
        "notification_mark_read",
        "user_get_account_history",
        "user_get_notifications",
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.method)
def test_rebuilt_code_is_the_seed_verbatim(example: Example) -> None:
    rebuilt = reindent(example.lines)

    assert [line.strip() for line in rebuilt.splitlines()] == example.lines
    compile(rebuilt, example.method, "exec")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.method)
def test_only_the_host_value_changes(example: Example) -> None:
    original = reindent(example.lines).splitlines()
    changed = point_at(reindent(example.lines), "http://127.0.0.1:1/v1").splitlines()

    differing = [(a, b) for a, b in zip(original, changed) if a != b]
    assert differing == [(HOST_LINE, "host = 'http://127.0.0.1:1/v1'")]
    # The comment naming the default host is left alone.
    assert any("defaults to https://trading-api.kalshi.com/v1" in line for line in changed)


# --------------------------------------------------------------------------- running them


def test_change_subscription_example(server: FakeKalshiServer) -> None:
    out, _ = run_example(BY_METHOD["change_subscription"], server)

    failures = [line for line in out.splitlines() if line.startswith("Exception when calling")]
    # Without a body there is nothing to change (204); "subscription_level_example" is no level (400).
    assert len(failures) == 1
    assert failures[0].startswith("Exception when calling AccountApi->change_subscription: (400) Bad Request")
    assert "subscription_level must be one of" in failures[0]
    assert _sent(server) == [("PUT", "/v1/users/user_id_example/subscribe", "")] * 2
    without_body, with_body = server.requests
    assert without_body.body == b""
    assert json.loads(with_body.body) == {"subscription_level": "subscription_level_example"}
    assert server.subscription_level_of(EXAMPLE_USER) == "all"


def test_get_notification_preferences_example(server: FakeKalshiServer) -> None:
    out, namespace = run_example(BY_METHOD["get_notification_preferences"], server)

    assert "Exception when calling" not in out
    assert "GetNotificationPreferencesResponse(" in out
    assert "subscription_level='all'" in out
    assert namespace["api_response"].preferences.subscription_level == "all"
    assert _sent(server) == [("GET", "/v1/users/user_id_example/notifications/preferences", "")]


def test_notification_mark_read_example(server: FakeKalshiServer) -> None:
    out, _ = run_example(BY_METHOD["notification_mark_read"], server)

    # The fake exchange has no notification with the id "notification_id_example".
    assert out.startswith("Exception when calling AccountApi->notification_mark_read: (404) Not Found")
    assert _sent(server) == [("PUT", "/v1/users/user_id_example/notifications/notification_id_example/read", "")]


def test_user_get_account_history_example(server: FakeKalshiServer) -> None:
    out, namespace = run_example(BY_METHOD["user_get_account_history"], server)

    assert "Exception when calling" not in out
    assert out.count("UserGetAccountHistoryResponse(") == 2
    assert len(namespace["api_response"].entries) == 1  # the second call passes limit = 1
    flags = "&".join(
        f"{name}=true"
        for name in (
            "ShouldReturnDeposits",
            "ShouldReturnWithdrawals",
            "ShouldReturnOrders",
            "ShouldReturnSettlements",
            "ShouldReturnTrades",
        )
    )
    assert _sent(server) == [
        ("GET", "/v1/users/user_id_example/account/history", ""),
        ("GET", "/v1/users/user_id_example/account/history", flags + "&Limit=1"),
    ]


def test_user_get_notifications_example(server: FakeKalshiServer) -> None:
    out, namespace = run_example(BY_METHOD["user_get_notifications"], server)

    assert "Exception when calling" not in out
    assert "UserGetNotificationsResponse(" in out
    assert len(namespace["api_response"].notifications) == 1
    assert _sent(server) == [("GET", "/v1/users/user_id_example/notifications", "page_size=1&page_number=1")]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.method)
def test_examples_authenticate_with_the_documented_key(example: Example, server: FakeKalshiServer) -> None:
    run_example(example, server)

    assert server.requests
    assert {r.headers.get("authorization") for r in server.requests} == {EXAMPLE_KEY}
