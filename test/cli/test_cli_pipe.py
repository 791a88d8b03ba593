"""A reader that closes the pipe early (``kalshi ... | head -1``): a quiet exit 0, as ``git log | head``."""

from __future__ import annotations

import subprocess
import sys
from typing import Dict, Iterator, List

import pytest

from kalshi.testing import FakeKalshiServer

from .cli_support import REPO, TIMEOUT, cli_env, fill_many

# Output this long cannot fit in a pipe (64 KiB on Linux) plus the reader's one buffered read
# (8 KiB): the CLI is still writing when the reader closes, so it must meet the closed pipe.
_MORE_THAN_A_PIPE_HOLDS = 96 * 1024


def _read_one_line_then_close(args: List[str], env: Dict[str, str]) -> "tuple[int, bytes, str]":
    """``python -m kalshi ARGS | head -1``: the exit code, the line read, and stderr."""
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module, fixed arguments
        [sys.executable, "-m", "kalshi", *args],
        env=env,
        cwd=str(REPO),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    try:
        line = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=TIMEOUT)
    finally:
        process.kill()
        process.stderr.close()
    return code, line, stderr


@pytest.fixture(scope="module")
def busy_server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        fill_many(server, 400)
        yield server


def test_demo_into_a_reader_that_stops_after_one_line(busy_server: FakeKalshiServer) -> None:
    # Unbuffered, the demo writes each line as it goes: the later lines meet the closed pipe.
    env = cli_env(busy_server, PYTHONUNBUFFERED="1")

    code, line, stderr = _read_one_line_then_close(["demo"], env)

    assert line.startswith(b"A simulated exchange is running at http://127.0.0.1:")
    assert (code, stderr) == (0, "")


def test_long_output_into_a_reader_that_stops_after_one_line(busy_server: FakeKalshiServer) -> None:
    # Buffered, as stdout into a pipe normally is: the result goes out in one blocking write.
    env = cli_env(busy_server, PYTHONUNBUFFERED=None)
    whole = subprocess.run(  # noqa: S603 - our own interpreter and module, fixed arguments
        [sys.executable, "-m", "kalshi", "fills"], env=env, cwd=str(REPO), capture_output=True, timeout=TIMEOUT
    )
    assert whole.returncode == 0 and len(whole.stdout) > _MORE_THAN_A_PIPE_HOLDS

    code, line, stderr = _read_one_line_then_close(["fills"], env)

    assert line == b"[\n"
    assert (code, stderr) == (0, "")
    # The session was still closed: the pipe broke after the command had logged out.
    assert busy_server.requests[-1].raw_path == "/v1/log_out"
