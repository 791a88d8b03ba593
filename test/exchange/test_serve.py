"""`kalshi serve` as a real process: its first line, its signals, its state file across kill -9.

Everything listens on 127.0.0.1 only. The kill test keeps an in-memory twin of the exchange (same
seed, same set-up) and sends it every command the served exchange acknowledged, in order: the
engine is deterministic, so after each restart the served exchange must look exactly like the
twin (ids included), give or take the one command that was in flight when the process died.
"""

from __future__ import annotations

import http.client
import os
import random
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple

import pytest

import kalshi.cli
from kalshi._fake.serve import MOVING_TICKER, _list_moving_market
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .support import Wire, check_invariants

REPO = Path(__file__).resolve().parents[2]
SEED = 5
BALANCE = 100_000
# Generous: a start takes ~0.3 s; this only stops a hung process from hanging the suite.
TIMEOUT = 20.0


class Served:
    """A `python -m kalshi serve ...` process and the API root it printed first."""

    def __init__(self, args: List[str], cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))}
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "kalshi", "serve", *args],
            cwd=str(cwd),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.first_lines = [self._line() for _ in range(3)]
        self.host = self.first_lines[0]
        self.port = int(self.host.rsplit(":", 1)[1].split("/", 1)[0])

    def _line(self) -> str:
        assert self.process.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        data = b""
        while not data.endswith(b"\n"):
            ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, "serve printed no line in time"
            byte = os.read(self.process.stdout.fileno(), 1)
            assert byte, f"serve exited: {self.finish()}"
            data += byte
        return data.decode().rstrip("\n")

    def finish(self, sig: Optional[int] = None) -> Tuple[int, str]:
        """Send ``sig`` (if any), wait for the exit; return (exit code, stderr)."""
        if sig is not None:
            self.process.send_signal(sig)
        _, err = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, err.decode()


def serve(tmp_path: Path, *args: str) -> Served:
    return Served(list(args), tmp_path)


def run_serve(tmp_path: Path, *args: str) -> "subprocess.CompletedProcess[str]":
    """A serve that is expected to exit by itself (a refused state file, a failed bind)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "kalshi", "serve", *args],
        cwd=str(tmp_path), env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=TIMEOUT, check=False,
    )


# --------------------------------------------------------------------------- the process


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_serve_prints_the_api_root_first_and_stops_cleanly_on_a_signal(tmp_path: Path, sig: int) -> None:
    served = serve(tmp_path)
    assert served.host.startswith("http://127.0.0.1:") and served.host.endswith("/v1")
    assert served.first_lines[1:] == [f"KALSHI_EMAIL={DEMO_EMAIL}", f"KALSHI_PASSWORD={DEMO_PASSWORD}"]
    wire = Wire(served)  # type: ignore[arg-type]  # Wire only reads .port
    assert wire.login(DEMO_EMAIL, DEMO_PASSWORD) == DEMO_USER_ID
    wire.close()
    code, err = served.finish(sig)
    assert code == 0, err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # in memory: nothing written


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "70000"], "argument --port: must be a port from 0 to 65535, got 70000"),
        (["--speed", "-1"], "argument --speed: must be 0 or more simulated seconds per second, got '-1'"),
        (["--speed", "inf"], "argument --speed: must be 0 or more simulated seconds per second, got 'inf'"),
        (["--seed", "x"], "argument --seed: invalid int value: 'x'"),
    ],
)
def test_bad_values_are_usage_errors(args: List[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert kalshi.cli.main(["serve", *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("usage: kalshi serve ") and message in err


def test_another_address_than_loopback_is_warned_about(tmp_path: Path) -> None:
    # 192.0.2.1 (TEST-NET-1) is never this machine's: the bind fails, after the warning.
    result = run_serve(tmp_path, "--host", "192.0.2.1")
    assert result.returncode == 1
    assert "warning: listening on 192.0.2.1, not on loopback: the simulated exchange has no TLS" in result.stderr
    assert "error: cannot listen on 192.0.2.1:0" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_an_unusable_state_file_is_refused_and_left_alone(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "paper.db"
    if damage == "garbage":
        path.write_bytes(b"\x00garbage" * 1000)
        message = "is not a kalshi state file, or it is corrupt"
    else:
        FakeKalshiServer(state=str(path)).stop()
        import sqlite3

        connection = sqlite3.connect(path)
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'format'")
        connection.commit()
        connection.close()
        message = "has format 99, newer than this kalshi reads"
    before = path.read_bytes(), path.stat().st_mtime_ns
    result = run_serve(tmp_path, "--state", str(path))
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_the_simulated_clock_survives_a_kill(tmp_path: Path) -> None:
    path = str(tmp_path / "paper.db")
    served = serve(tmp_path, "--state", path, "--speed", "3600")
    wire = Wire(served)  # type: ignore[arg-type]
    wire.login(DEMO_EMAIL, DEMO_PASSWORD)
    time.sleep(0.5)  # half a simulated hour
    with FakeKalshiServer() as same_seed:
        market = same_seed.market_ids[0]
    first = wire.order(market, "yes", 10, 1)
    wire.close()
    served.process.kill()
    served.finish()
    again = serve(tmp_path, "--state", path, "--seed", "0")
    wire = Wire(again)  # type: ignore[arg-type]
    wire.login(DEMO_EMAIL, DEMO_PASSWORD)
    orders = wire.ok("GET", f"/users/{DEMO_USER_ID}/orders")["orders"]
    second = wire.order(first["market_id"], "yes", 11, 1)
    wire.close()
    assert [o["order_id"] for o in orders] == [first["order_id"]]
    assert second["create_ts"] >= first["create_ts"] > "2021-11-03T09:30:00Z"  # not back at the start
    code, err = again.finish(signal.SIGTERM)
    assert code == 0, err


def test_the_moving_market_trades_by_itself_and_its_traders_survive_a_kill(tmp_path: Path) -> None:
    path = str(tmp_path / "paper.db")

    def volume(served: Served) -> int:
        wire = Wire(served)  # type: ignore[arg-type]
        market = wire.ok("GET", f"/markets_by_ticker/{MOVING_TICKER}")["market"]
        wire.close()
        return int(market["volume"])

    served = serve(tmp_path, "--state", path, "--speed", "600")
    time.sleep(1.0)  # ten simulated minutes: a noise trade every 30 s on average
    before = volume(served)
    served.process.kill()
    served.finish()
    again = serve(tmp_path, "--state", path, "--speed", "600")
    resumed = volume(again)  # at once: what the killed process had, and a tick's worth at most
    time.sleep(1.0)
    after = volume(again)
    code, err = again.finish(signal.SIGTERM)
    assert code == 0, err
    assert 0 < before <= resumed < after


# --------------------------------------------------------------------------- kill -9, twenty times


class Command(NamedTuple):
    user: int
    method: str
    path: str
    body: Optional[Dict[str, Any]]
    expected: int


class Twin:
    """The set-up both exchanges get, and HTTP clients of one exchange for every trader."""

    USERS = 3

    @staticmethod
    def set_up(server: FakeKalshiServer) -> Tuple[List[str], List[str]]:
        users = [
            server.add_user(f"trader{i}@example.com", f"secret-{i}", balance=BALANCE, history=[], notifications=[])
            for i in range(Twin.USERS)
        ]
        for i, user in enumerate(users):
            server.authorize(f"key-{i}", user)
        markets = [server.add_market(ticker="PAPER", title="Paper?"), server.market_ids[0]]
        _list_moving_market(server)  # what serve adds on its first start
        return users, markets

    def __init__(self, port: int, users: List[str], authorization: Dict[int, str]) -> None:
        self.wires: List[Wire] = []
        for i, user in enumerate(users):
            wire = Wire(_Port(port))  # type: ignore[arg-type]
            wire.user_id = user
            wire.authorization = authorization.get(i, f"key-{i}")
            self.wires.append(wire)

    def send(self, command: Command) -> Tuple[int, Any]:
        status, _, body = self.wires[command.user].call(command.method, command.path, body=command.body)
        return status, body

    def view(self, users: List[str], markets: List[str]) -> Dict[str, Any]:
        """Every user's balance, positions and orders, and the books, as the API shows them."""
        wire = self.wires[0]
        seen: Dict[str, Any] = {"books": {m: wire.ok("GET", f"/markets/{m}/order_book") for m in markets}}
        for i, user in enumerate(users):
            w = self.wires[i]
            seen[user] = (
                w.ok("GET", f"/users/{user}/balance"),
                w.ok("GET", f"/users/{user}/positions"),
                w.ok("GET", f"/users/{user}/orders"),
            )
        return seen

    def close(self) -> None:
        for wire in self.wires:
            wire.close()


class _Port(NamedTuple):
    port: int


class HttpView:
    """check_invariants' view, read over HTTP."""

    def __init__(self, twin: Twin, users: List[str]) -> None:
        self._twin = twin
        self._users = users

    def _wire(self, user_id: str) -> Wire:
        return self._twin.wires[self._users.index(user_id)]

    def balance_of(self, user_id: str) -> int:
        return int(self._wire(user_id).ok("GET", f"/users/{user_id}/balance")["balance"])

    def positions_of(self, user_id: str) -> Dict[str, Any]:
        positions = self._wire(user_id).ok("GET", f"/users/{user_id}/positions")["market_positions"]
        return {p["market_id"]: p for p in positions}

    def orders_of(self, user_id: str) -> List[Any]:
        return list(self._wire(user_id).ok("GET", f"/users/{user_id}/orders")["orders"])

    @property
    def fees_collected(self) -> int:
        return sum(p["fees_paid"] for u in self._users for p in self.positions_of(u).values())


def random_command(
    rng: random.Random, users: List[str], markets: List[str], resting: Callable[[int], List[str]]
) -> Command:
    user = rng.randrange(len(users))
    prefix = f"/users/{users[user]}/orders"
    mine = resting(user)
    roll = rng.random()
    if mine and roll < 0.1:
        return Command(user, "DELETE", f"{prefix}/{rng.choice(mine)}", None, 200)
    if mine and roll < 0.2:
        return Command(user, "POST", f"{prefix}/{rng.choice(mine)}/decrease", {"count": 1}, 201)
    body = {"market_id": rng.choice(markets), "side": rng.choice(["yes", "no"]), "price": rng.randint(30, 70),
            "count": rng.randint(1, 5)}
    return Command(user, "POST", prefix, body, 201)


def test_nothing_acknowledged_is_lost_across_twenty_kills(tmp_path: Path) -> None:
    rng = random.Random(19)
    path = str(tmp_path / "paper.db")
    with FakeKalshiServer(seed=SEED, state=path) as seeding:
        users, markets = Twin.set_up(seeding)
    twin_server = FakeKalshiServer(seed=SEED)
    assert Twin.set_up(twin_server) == (users, markets)
    twin_server.start()
    twin = Twin(twin_server.port, users, {})
    authorization: Dict[int, str] = {}

    def resting(user: int) -> List[str]:
        return [o["order_id"] for o in twin_server.orders_of(users[user]) if o["status"] == "resting"]

    served = serve(tmp_path, "--state", path)  # the seed comes from the file
    first = Wire(served)  # type: ignore[arg-type]
    first.login("trader0@example.com", "secret-0")
    authorization[0] = first.authorization or ""  # a log-in session, which must survive the kills too
    first.close()
    acknowledged = 0
    for round_number in range(20):
        subject = Twin(served.port, users, authorization)
        in_flight: List[Command] = []
        failures: List[BaseException] = []

        def trade(subject: Twin, in_flight: List[Command], failures: List[BaseException]) -> None:
            nonlocal acknowledged
            try:
                while True:
                    command = random_command(rng, users, markets, resting)
                    in_flight[:] = [command]
                    status, body = subject.send(command)  # raises once the process is gone
                    twin_status, twin_body = twin.send(command)
                    in_flight.clear()
                    assert (status, body) == (twin_status, twin_body) and status == command.expected, command
                    acknowledged += 1
            except (OSError, http.client.HTTPException):  # the process is gone, maybe mid-answer
                return
            except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
                failures.append(error)

        trader = threading.Thread(target=trade, args=(subject, in_flight, failures))
        trader.start()
        time.sleep(rng.uniform(0.05, 0.4))
        clean = round_number % 5 == 4
        code, err = served.finish(signal.SIGTERM if clean else signal.SIGKILL)
        trader.join(TIMEOUT)
        subject.close()
        assert not failures, failures
        assert code == (0 if clean else -signal.SIGKILL), err

        served = serve(tmp_path, "--state", path)
        subject = Twin(served.port, users, authorization)
        seen = subject.view(users, markets)
        if seen != twin.view(users, markets) and in_flight:
            twin.send(in_flight[0])  # the command the kill interrupted had been applied
        assert seen == twin.view(users, markets), f"round {round_number}: the restarted exchange differs"
        check_invariants(HttpView(subject, users), users, markets, BALANCE * len(users))
        subject.close()
    code, err = served.finish(signal.SIGTERM)
    assert code == 0, err
    assert acknowledged > 100
    twin.close()
    twin_server.stop()
    assert twin_server.errors == []
