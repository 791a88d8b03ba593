"""Exit codes 1 (API error) and 2 (usage error), with the message on stderr and nothing on stdout."""

from __future__ import annotations

from typing import List

import pytest

from kalshi.testing import FakeKalshiServer

from .cli_support import Runner


def test_wrong_password_exits_1(kalshi_cli: Runner) -> None:
    result = kalshi_cli("login", KALSHI_PASSWORD="not-the-password")  # noqa: S106 - a wrong one on purpose

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "error: log-in failed: (401) Unauthorized: invalid email or password\n"


def test_unknown_notification_exits_1_with_the_servers_message(
    kalshi_cli: Runner, cli_server: FakeKalshiServer
) -> None:
    result = kalshi_cli("mark-read", "00000000-0000-4000-8000-000000000000")  # a whole id is sent as given

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "error: (404) Not Found: notification not found\n"
    # The session was still closed after the failed call.
    assert cli_server.requests[-1].raw_path == "/v1/log_out"


def test_too_short_and_wrong_passwords_fail_alike(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    short = kalshi_cli("login", KALSHI_PASSWORD="abc")  # noqa: S106 - too short for LoginRequest: never sent
    wrong = kalshi_cli("login", KALSHI_PASSWORD="not-the-password")  # noqa: S106 - a wrong one on purpose

    assert short.returncode == wrong.returncode == 1
    assert short.stderr.startswith("error: log-in failed: ") and short.stderr.count("\n") == 1
    assert "password" in short.stderr and "abc" not in short.stderr
    assert wrong.stderr.startswith("error: log-in failed: ")
    assert [r.raw_path for r in cli_server.requests] == ["/v1/log_in"]  # the wrong one only


def test_server_error_status_exits_1(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    cli_server.fail_next(1, 403, path_contains="preferences")

    result = kalshi_cli("preferences")

    assert result.returncode == 1
    assert result.stderr.startswith("error: (403) Forbidden: ")


def test_missing_password_without_a_terminal_exits_2(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    result = kalshi_cli("preferences", KALSHI_PASSWORD=None)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "KALSHI_PASSWORD" in result.stderr
    assert cli_server.requests == []  # nothing was sent


def test_missing_email_exits_2(kalshi_cli: Runner) -> None:
    result = kalshi_cli("login", KALSHI_EMAIL=None)

    assert result.returncode == 2
    assert "KALSHI_EMAIL" in result.stderr


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["no-such-command"], "invalid choice"),
        ([], "required: COMMAND"),
        (["notifications", "--page-size", "51"], "--page-size: must be at most 50"),
        (["notifications", "--page", "0"], "--page: must be at least 1"),
        (["subscribe", "weekly"], "invalid choice"),
        (["--host", "trading-api.example", "login"], "--host: host must be an http:// or https:// URL"),
        (["--timeout", "-1", "login"], "--timeout: must be a positive number of seconds"),
    ],
    ids=["bad-subcommand", "no-subcommand", "page-size-51", "page-0", "bad-level", "bad-host", "bad-timeout"],
)
def test_usage_errors_exit_2(kalshi_cli: Runner, cli_server: FakeKalshiServer, args: List[str], complaint: str) -> None:
    result = kalshi_cli(*args)

    assert result.returncode == 2
    assert result.stdout == ""
    assert complaint in result.stderr
    assert cli_server.requests == []


def test_password_option_is_refused_without_echoing_it(kalshi_cli: Runner) -> None:
    result = kalshi_cli("login", "--password", "hunter2-secret")

    assert result.returncode == 2
    assert "KALSHI_PASSWORD" in result.stderr
    assert "hunter2-secret" not in result.stderr + result.stdout
