"""``--help`` of the top level and of every subcommand, ``--version``, and the offline ``demo``."""

from __future__ import annotations

import pytest

from kalshi import __version__
from kalshi.testing import FakeKalshiServer

from .cli_support import Runner, cli_env, run_kalshi

SUBCOMMANDS = (
    "login", "logout", "history", "notifications", "mark-read", "preferences", "subscribe",
    "markets", "market", "book", "order", "cancel", "decrease", "orders", "positions", "balance", "fills", "portfolio",
    "demo",
)  # fmt: skip


def test_top_level_help_lists_every_subcommand(kalshi_cli: Runner) -> None:
    result = kalshi_cli("--help")

    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: kalshi ")
    for name in SUBCOMMANDS:
        assert f"\n    {name} " in result.stdout
    for variable in ("KALSHI_EMAIL", "KALSHI_PASSWORD", "KALSHI_HOST"):
        assert variable in result.stdout
    assert "examples:" in result.stdout


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_subcommand_help_names_it_and_shows_examples(kalshi_cli: Runner, name: str) -> None:
    result = kalshi_cli(name, "--help")

    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"usage: kalshi {name} ")
    description = result.stdout.split("\n\n")[1]
    assert len(description.splitlines()) == 1  # a one-line description
    examples = result.stdout.split("examples:\n", 1)[1]
    assert f"  kalshi {name}" in examples or f"  kalshi --demo {name}" in examples
    # The global options a command uses are accepted after it too; the demo uses only -v.
    assert "-v, --verbose" in result.stdout
    assert ("--host URL" in result.stdout) == (name != "demo")


def test_version(kalshi_cli: Runner) -> None:
    result = kalshi_cli("--version")

    assert result.returncode == 0
    assert result.stdout == f"kalshi {__version__}\n"


def test_demo_needs_no_credentials(cli_server: FakeKalshiServer) -> None:
    env = cli_env(cli_server, KALSHI_EMAIL=None, KALSHI_PASSWORD=None, KALSHI_HOST=None)

    result = run_kalshi(["demo"], env)

    assert result.returncode == 0, result.stderr
    assert "A simulated exchange is running at http://127.0.0.1:" in result.stdout
    assert "Logged out." in result.stdout


def test_order_help_says_creates_are_never_retried(kalshi_cli: Runner) -> None:
    result = kalshi_cli("order", "--help")

    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "never retried" in text
    assert "After a connection error you cannot know whether it landed: run `kalshi orders" in text
    for option in ("--yes", "--no", "--price CENTS", "--count N", "--max-cost CENTS", "--expires UNIX_TS"):
        assert option in text
    assert "--sell-position-capped" in text
