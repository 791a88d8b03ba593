"""Fixtures of the CLI tests: one fake exchange per test module, and a runner of the ``kalshi`` command.

The runner calls ``kalshi.cli.main`` in the test's process (``cli_support.run_kalshi``); only the
tests of the entry point, of a pipe the reader closes and of a terminal start ``python -m kalshi``.
"""

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
    """``kalshi_cli(*args, **env_changes)``: run ``kalshi ARGS`` in-process against ``cli_server``.

    ``env_changes`` are applied to the environment of the run (None removes a variable), as for
    ``python -m kalshi``; the result is a ``CompletedProcess`` with the exit code and the output.

    The request log is cleared first, so ``cli_server.requests`` holds this test's requests only.
    """
    cli_server.clear_requests()

    def run(*args: str, **env_changes: Optional[str]) -> "subprocess.CompletedProcess[str]":
        return run_kalshi(args, cli_env(cli_server, **env_changes))

    return run
