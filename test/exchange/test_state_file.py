"""FakeKalshiServer(state=PATH): the journal, its replay, snapshots, and the files it refuses.

These run the exchange in-process; test_serve.py kills real `kalshi serve` processes.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from pathlib import Path
from typing import Any, Dict, List

import pytest

from kalshi._fake import journal
from kalshi._fake.journal import journaled
from kalshi._fake.state_file import FORMAT, StateFileError
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .support import Wire

SEED = 21


@pytest.fixture
def path(tmp_path: Path) -> str:
    return str(tmp_path / "exchange.db")


def everything(server: FakeKalshiServer, users: List[str]) -> Dict[str, Any]:
    """Every piece of state the inspection API shows."""
    return {
        "now": server.now,
        "markets": server.market_ids,
        "books": {m: server.book_of(m) for m in server.market_ids},
        # Status, prices, volume and statistics, as GET /markets/{id} shows them.
        "market_wire": [server._queries.market(m) for m in server.market_ids],
        "fees": server.fees_collected,
        "logins": server.login_count,
        "users": {
            u: (
                server.balance_of(u),
                server.positions_of(u),
                server.orders_of(u),
                server.history_of(u),
                server.notifications_of(u),
                server.subscription_level_of(u),
            )
            for u in users
        },
    }


def trade(server: FakeKalshiServer) -> Dict[str, Any]:
    """Change every kind of state through the set-up API and HTTP; return the ids involved."""
    alice = server.add_user("alice@example.com", "secret-a", balance=50_000, history=[], notifications=[])
    bob = server.add_user("bob@example.com", "secret-b", balance=50_000)
    market = server.add_market(ticker="PAPER", title="Paper?")
    server.deposit(alice, 1_000)
    server.withdraw(bob, 500)
    server.authorize("bot-key", bob)
    with pytest.raises(ValueError):
        server.add_market(ticker="PAPER", title="Twice?")  # refused, yet it drew an id: journaled
    a, b = Wire(server), Wire(server)
    a.login("alice@example.com", "secret-a")
    b.authorization, b.user_id = "bot-key", bob
    a.order(market, "yes", 60, 10)
    b.order(market, "no", 45, 4)  # fills 4 at 60
    resting = b.order(market, "no", 30, 5, expiration_unix_ts=int(server.now) + 60)
    b.ok("PUT", f"/users/{bob}/subscribe", 204, body={"subscription_level": "basic"})
    a.ok("POST", f"/users/{alice}/orders", 400, body={"market_id": market, "side": "yes", "price": 0, "count": 1})
    server.advance_clock(61)  # expires bob's resting order
    first = server.market_ids[0]
    a.order(first, "yes", 55, 3)
    b.order(first, "no", 45, 3)
    server.settle(first, "yes")
    server.close_market(server.market_ids[1])
    a.close()
    b.close()
    return {"users": [DEMO_USER_ID, alice, bob], "market": market, "resting": resting, "auth": a.authorization}


def test_a_stopped_exchange_comes_back_exactly(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        made = trade(server)
        before = everything(server, made["users"])
    with FakeKalshiServer(seed=SEED, state=path) as again:
        assert everything(again, made["users"]) == before
        # Sessions survive: the log-in token and the static key still work.
        wire = Wire(again)
        wire.authorization = made["auth"]
        assert wire.call("GET", f"/users/{made['users'][1]}/balance")[0] == 200
        wire.authorization = "bot-key"
        assert wire.call("GET", f"/users/{made['users'][2]}/balance")[0] == 200
        wire.close()
        assert again.errors == []


def journal_rows(path: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM journal").fetchone()[0])
    finally:
        connection.close()


def crash(server: FakeKalshiServer) -> None:
    """Let go of the state file as a killed process would: no final snapshot."""
    server._journal._state.close()  # type: ignore[union-attr]
    server._journal = None


def test_the_journal_alone_replays(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        made = trade(server)
        before = everything(server, made["users"])
        crash(server)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM snapshot").fetchone()[0] == 0
    assert connection.execute("SELECT count(*) FROM journal").fetchone()[0] > 10
    connection.close()
    with FakeKalshiServer(seed=SEED, state=path) as again:
        assert everything(again, made["users"]) == before


def test_snapshots_replace_the_entries_they_cover(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first command outweighs the empty snapshot; the next snapshot waits for as many bytes.
    monkeypatch.setattr(journal, "_SNAPSHOT_MIN_BYTES", 1)
    with FakeKalshiServer(seed=SEED, state=path) as server:
        made = trade(server)
        before = everything(server, made["users"])
        crash(server)
    connection = sqlite3.connect(path)
    pending = connection.execute("SELECT count(*) FROM journal").fetchone()[0]
    snapshots = connection.execute("SELECT count(*) FROM snapshot").fetchone()[0]
    connection.close()
    assert snapshots == 1 and pending > 0
    with FakeKalshiServer(seed=SEED, state=path) as again:
        assert everything(again, made["users"]) == before


def test_a_set_up_method_added_later_is_journaled_once(path: str) -> None:
    class Bigger(FakeKalshiServer):  # type: ignore[misc]  # FakeKalshiServer is final for users
        def add_rich_user(self, email: str) -> str:
            user = self.add_user(email, "secret-r", history=[], notifications=[])
            self.deposit(user, 7_000)
            return user

    journaled(Bigger, ())
    bigger = Bigger(seed=SEED, state=path)
    with bigger as server:
        user = bigger.add_rich_user("rich@example.com")
        crash(server)
    assert journal_rows(path) == 1  # the nested add_user and deposit are part of it
    with Bigger(seed=SEED, state=path) as again:
        assert again.balance_of(user) == 7_000


def test_arguments_the_file_cannot_hold_are_refused_before_anything_changes(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        with pytest.raises(TypeError, match="cannot be saved"):
            server.add_user("x@example.com", "secret-x", history=[{"f": lambda: 0}])
        with pytest.raises(KeyError):
            server.market_id("nothing")  # reads go on


def test_a_different_seed_or_clock_start_is_refused(path: str) -> None:
    FakeKalshiServer(seed=SEED, state=path).stop()
    with pytest.raises(StateFileError, match="seed 21, not 22"):
        FakeKalshiServer(seed=22, state=path)


def test_a_file_in_use_is_refused(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        server.deposit(DEMO_USER_ID, 5)  # the first write takes the lock
        with pytest.raises(StateFileError, match="in use"):
            FakeKalshiServer(seed=SEED, state=path)


def _refused(path: str, match: str) -> None:
    before = Path(path).read_bytes(), os.stat(path).st_mtime_ns
    with pytest.raises(StateFileError, match=match):
        FakeKalshiServer(seed=SEED, state=path)
    assert (Path(path).read_bytes(), os.stat(path).st_mtime_ns) == before
    assert not os.path.exists(path + "-wal") or os.path.getsize(path + "-wal") == 0


def test_garbage_is_refused_and_left_alone(path: str) -> None:
    Path(path).write_bytes(b"not a database at all\n" * 100)
    _refused(path, "not a kalshi state file, or it is corrupt")


def test_another_programs_database_is_refused_and_left_alone(path: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()
    connection.close()
    _refused(path, "not a kalshi state file")


def test_a_newer_format_is_refused_and_left_alone(path: str) -> None:
    FakeKalshiServer(seed=SEED, state=path).stop()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = ? WHERE key = 'format'", (str(FORMAT + 1),))
    connection.commit()
    connection.close()
    _refused(path, f"format {FORMAT + 1}, newer than this kalshi reads")


def test_a_truncated_file_is_refused_and_left_alone(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        trade(server)
    data = Path(path).read_bytes()
    Path(path).write_bytes(data[: len(data) // 2])
    with pytest.raises(StateFileError):
        FakeKalshiServer(seed=SEED, state=path)
    assert Path(path).read_bytes() == data[: len(data) // 2]


def test_a_journal_entry_that_would_run_code_is_refused(path: str, tmp_path: Path) -> None:
    FakeKalshiServer(seed=SEED, state=path).stop()
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> Any:
            return (os.system, (f"touch {marker}",))

    connection = sqlite3.connect(path)
    entry = pickle.dumps(("call", pickle.dumps(("deposit", (Evil(),), {})), False))
    connection.execute("INSERT INTO journal (entry) VALUES (?)", (entry,))
    connection.commit()
    connection.close()
    _refused(path, "does not load: refusing to load")
    assert not marker.exists()


def test_a_journal_that_replays_differently_is_refused(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        crash(server)
    connection = sqlite3.connect(path)
    entry = pickle.dumps(("call", pickle.dumps(("deposit", (DEMO_USER_ID, 5), {})), True))  # "failed", yet replays
    connection.execute("INSERT INTO journal (entry) VALUES (?)", (entry,))
    connection.commit()
    connection.close()
    _refused(path, "does not replay: entry 1")


def test_in_memory_servers_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with FakeKalshiServer() as server:
        wire = Wire(server)
        wire.login(DEMO_EMAIL, DEMO_PASSWORD)
        wire.order(server.market_ids[0], "yes", 40, 1)
        wire.close()
    assert list(tmp_path.iterdir()) == []


def test_a_snapshot_that_fails_is_reported_and_loses_nothing(path: str) -> None:
    with FakeKalshiServer(seed=SEED, state=path) as server:
        user = server.add_user("x@example.com", "secret-x", history=[], notifications=[], balance=100)
        server._engine.unpicklable = lambda: None  # type: ignore[attr-defined]  # a bug of some later code
        server.deposit(user, 5)
        server.stop()
        # The report names what could not be pickled (3.13 words it "Can't get local object").
        assert len(server.errors) == 1 and "_try_snapshot" in server.errors[0] and "<lambda>" in server.errors[0]
    with FakeKalshiServer(seed=SEED, state=path) as again:
        assert again.balance_of(user) == 105


def test_simulated_traders_and_closing_markets_replay(path: str) -> None:
    def moving(server: FakeKalshiServer) -> Dict[str, Any]:
        market = server.add_market(
            ticker="MOVES", title="Moves?", close_in=3 * 3600, fair_price={"start": 40, "volatility": 6}
        )
        path_market = server.add_market(ticker="PATH", title="Path?", fair_price=[(0, 30), (3600, 60)])
        agents = [
            server.add_agent(market, "market_maker", spread=4, depth=20),
            server.add_agent(market, "noise_trader", mean_interval=30, max_size=5),
            server.add_agent(path_market, "market_maker"),
        ]
        wire = Wire(server)
        wire.login(DEMO_EMAIL, DEMO_PASSWORD)
        for _ in range(6):
            server.advance_clock(900)
            wire.order(market, "yes", 35, 2)
        wire.close()
        server.advance_clock(2 * 3600)  # past the close: the market closes, its book is canceled
        return {"users": [DEMO_USER_ID, *agents], "markets": [market, path_market]}

    with FakeKalshiServer(seed=SEED, state=path) as server:
        made = moving(server)
        before = everything(server, made["users"]), [server.fair_price_of(m) for m in made["markets"]]
        crash(server)
    with FakeKalshiServer(seed=SEED, state=path) as again:
        assert (everything(again, made["users"]), [again.fair_price_of(m) for m in made["markets"]]) == before
        again.advance_clock(600)  # the agents go on as if nothing happened
        after_restart = everything(again, made["users"])
    with FakeKalshiServer(seed=SEED) as uninterrupted:
        moving(uninterrupted)
        uninterrupted.advance_clock(600)
        assert everything(uninterrupted, made["users"]) == after_restart
