"""Fixtures of the CLI tests: one fake exchange per test module, and a runner of ``python -m kalshi``."""

from __future__ import annotations

import subprocess
from typing import Iterator, Optional

import pytest

from kalshi.testing import FakeKalshiServer

from .cli_support import Runner, cli_env, run_kalshi


@pytest.fixture(scope="module")
def cli_server() -> Iterator[FakeKalshiServer]:
    """A fake exchange for the whole module (state-changing tests compare before and after)."""
    with FakeKalshiServer() as server:
        yield server
        assert server.errors == []


@pytest.fixture
def kalshi_cli(cli_server: FakeKalshiServer) -> Runner:
    """``kalshi_cli(*args, **env_changes)``: run ``python -m kalshi`` against ``cli_server``.

    The request log is cleared first, so ``cli_server.requests`` holds this test's requests only.
    """
    cli_server.clear_requests()

    def run(*args: str, **env_changes: Optional[str]) -> "subprocess.CompletedProcess[str]":
        return run_kalshi(args, cli_env(cli_server, **env_changes))

    return run
