"""``kalshi serve``: a FakeKalshiServer in the foreground, to paper-trade from the shell or a bot.

Besides the seeded markets it lists ``MOVING_TICKER``, a market whose fair price wanders, with a
market maker and a noise trader trading it as the clock moves (set up once: a state file keeps
it, and them). It prints the API root on the first line of stdout and the demo credentials after it, then
serves until SIGINT or SIGTERM, after which it stops cleanly (a state file gets its final
snapshot) and returns 0. With a speed, a loop moves the simulated clock by ``speed`` simulated
seconds per real second, in ticks of ``_TICK`` seconds, each one an ``advance_clock`` (so agents
act and orders expire as in a test, and a state file journals it).
"""

from __future__ import annotations

import ipaddress
import signal
import threading
import time
from types import FrameType
from typing import TextIO

from .data import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID
from .server import FakeKalshiServer
from .state_file import StateFileError, stored_seed

DEFAULT_HOST = "127.0.0.1"
MOVING_TICKER = "PAPER-MOVES"
_YEAR = 365 * 86_400.0
_TICK = 0.1  # real seconds between clock advances
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def is_loopback(host: str) -> bool:
    """Tell whether ``host`` names this machine only (127.0.0.0/8, ::1 or localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    out: TextIO,
    err: TextIO,
    *,
    host: str = DEFAULT_HOST,
    port: int = 0,
    seed: int | None = None,
    state: str | None = None,
    speed: float = 0.0,
) -> int:
    """Serve a simulated exchange until SIGINT or SIGTERM; return the exit code (0, or 1 on an error).

    ``seed`` None means the state file's seed, or 0. Call it from the main thread (signals).
    """
    if not is_loopback(host):
        err.write(
            f"warning: listening on {host}, not on loopback: the simulated exchange has no TLS, so passwords "
            "and session tokens cross the network in clear text\n"
        )
    if seed is None:
        seed = (stored_seed(state) if state is not None else None) or 0
    try:
        server = FakeKalshiServer(host, port, seed=seed, state=state)
    except StateFileError as error:
        err.write(f"error: {error}\n")
        return 1
    except OSError as error:
        err.write(f"error: cannot listen on {host}:{port}: {error}\n")
        return 1
    _list_moving_market(server)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    previous = {number: signal.signal(number, stop) for number in _STOP_SIGNALS}
    try:
        server.start()
        out.write(f"{server.host}\nKALSHI_EMAIL={DEMO_EMAIL}\nKALSHI_PASSWORD={DEMO_PASSWORD}\n")
        out.flush()
        where = f"state in {state}" if state is not None else "in memory, nothing kept"
        err.write(
            f"serving a simulated exchange (seed {seed}, {where}, clock speed {speed:g}); demo user "
            f"{DEMO_USER_ID}; SIGINT (Ctrl-C) or SIGTERM stops it\n"
        )
        err.flush()
        return _run_clock(server, stopping, speed, err)
    finally:
        server.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)


def _list_moving_market(server: FakeKalshiServer) -> None:
    """List ``MOVING_TICKER`` with its simulated traders, unless the state file already has it."""
    try:
        server.market_id(MOVING_TICKER)
    except KeyError:
        market_id = server.add_market(
            ticker=MOVING_TICKER,
            title="Will the paper index close the year above 50?",
            category="Paper",
            close_in=_YEAR,
            fair_price={"start": 50, "volatility": 6},
        )
        server.add_agent(market_id, "market_maker", spread=4, depth=20)
        server.add_agent(market_id, "noise_trader", mean_interval=30, max_size=5)


def _run_clock(server: FakeKalshiServer, stopping: threading.Event, speed: float, err: TextIO) -> int:
    """Advance the simulated clock with real time until ``stopping`` is set; return the exit code."""
    last = time.monotonic()
    while not stopping.wait(_TICK):
        if speed <= 0:
            continue
        now = time.monotonic()
        try:
            server.advance_clock((now - last) * speed)
        except Exception as error:  # noqa: BLE001 - the state file stopped taking changes: say why, stop
            err.write(f"error: {error}\n")
            return 1
        last = now
    return 0
