"""``kalshi demo``: a whole paper trade, fast, and only over 127.0.0.1 (checked in a subprocess of its own)."""

from __future__ import annotations

import subprocess
import sys
import time

from kalshi.testing import FakeKalshiServer

from .cli_support import REPO, TIMEOUT, cli_env, run_kalshi

# Run the demo with every socket connection and name look-up checked: anything that is not
# loopback fails loudly (and the demo with it), and each address used is printed to stderr.
_GUARDED_DEMO = """
import runpy, socket, sys

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_connect, _getaddrinfo = socket.socket.connect, socket.getaddrinfo

def connect(self, address):
    if address[0] not in LOOPBACK:
        raise SystemExit("demo tried to connect to %r" % (address,))
    sys.stderr.write("connect %s\\n" % (address[0],))
    return _connect(self, address)

def getaddrinfo(host, *args, **kwargs):
    if host not in LOOPBACK:
        raise SystemExit("demo tried to resolve %r" % (host,))
    return _getaddrinfo(host, *args, **kwargs)

socket.socket.connect = connect
socket.getaddrinfo = getaddrinfo
sys.argv = ["kalshi", "demo"]
runpy.run_module("kalshi", run_name="__main__")
"""


def _run_demo(env: "dict[str, str]") -> "tuple[subprocess.CompletedProcess[str], float]":
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed script
        [sys.executable, "-c", _GUARDED_DEMO],
        env=env,
        cwd=str(REPO),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    return result, time.perf_counter() - started


def test_demo_trades_to_settlement_offline_and_fast(cli_server: FakeKalshiServer) -> None:
    # No credentials, and KALSHI_HOST aimed at the real exchange: the demo must ignore both.
    env = cli_env(cli_server, KALSHI_EMAIL=None, KALSHI_PASSWORD=None, KALSHI_HOST="https://trading-api.kalshi.com/v1")

    result, seconds = _run_demo(env)

    assert result.returncode == 0, result.stderr
    # The tour itself runs in ~0.1 s (~0.25 s with interpreter start-up); the bound is generous
    # for a loaded CI machine but still catches a demo that waits on a timeout.
    assert seconds < 5, f"the demo took {seconds:.2f} s"
    connects = [line for line in result.stderr.splitlines() if line.startswith("connect ")]
    assert connects and set(connects) == {"connect 127.0.0.1"}
    out = result.stdout
    for step in ("markets.list()", "order book", "Buy 10 contracts yes", "Position:", "Balance:", "Fills: 1",
                 "settles", "Account history", "Notifications"):  # fmt: skip
        assert step in out, step
    assert "executed, filled 10 contracts at 62¢" in out
    assert "Balance: $9,993.63 (was $10,000.00)" in out  # 10 at 62¢ and a 17¢ taker fee
    assert "is settled, result 'yes'" in out
    assert "Settlement       $3.80 profit" in out
    assert "market_settled  result yes, profit $3.80" in out
    assert "order_filled    10 contracts yes at 62¢" in out
    assert out.rstrip().endswith("on 127.0.0.1.")


def test_demo_output_is_the_same_every_run(cli_server: FakeKalshiServer) -> None:
    env = cli_env(cli_server)

    first = run_kalshi(["demo"], env)
    second = run_kalshi(["demo"], env)

    def without_port(text: str) -> str:
        return "\n".join(line for line in text.splitlines() if "127.0.0.1:" not in line)

    assert first.returncode == second.returncode == 0
    assert without_port(first.stdout) == without_port(second.stdout)


def test_demo_on_an_ascii_terminal_shows_cents_as_c(cli_server: FakeKalshiServer) -> None:
    result = run_kalshi(["demo"], cli_env(cli_server, PYTHONIOENCODING="ascii"))

    assert result.returncode == 0, result.stderr
    assert "filled 10 contracts at 62c" in result.stdout
