"""A refused or failed request leaves the exchange exactly as it was, and reads change nothing.

Regressions of issue 19: a far-future expiration answered 500 after the order rested; reading a
position or a refused ``sell_position_capped`` order created a holding; an internal error in the
middle of an order left half of it behind.
"""

from __future__ import annotations

import random
from typing import Any, Dict, Iterator, TypedDict

import pytest

from kalshi._fake.engine import Engine
from kalshi.testing import DEMO_BALANCE, DEMO_USER_ID, FakeKalshiServer, taker_fee

from .support import World, exchange_state, reader

ME = f"/users/{DEMO_USER_ID}"
LAST_RFC3339_SECOND = 253_402_300_799  # 9999-12-31T23:59:59Z


def _build(seed: int) -> World:
    """The maker rests no bids at 45 and 40 (5 each) and a yes bid at 20 (3); nothing else traded."""
    server = FakeKalshiServer(seed=seed)
    server.start()
    market_id = server.add_market(ticker="ATOMIC", title="All or nothing?")
    maker_id = server.add_user("maker@example.com", "maker-secret", balance=50_000, history=[], notifications=[])
    demo, maker = reader(server, DEMO_USER_ID), reader(server, maker_id)
    maker.order(market_id, "no", 45, 5)
    maker.order(market_id, "no", 40, 5)
    maker.order(market_id, "yes", 20, 3)
    return World(server, demo, maker, market_id)


def _close(world: World) -> None:
    world.demo.close()
    world.maker.close()
    world.server.stop()


@pytest.fixture
def world() -> Iterator[World]:
    built = _build(seed=31)
    yield built
    _close(built)


def _state(world: World) -> Any:
    return exchange_state(world.server, (world.demo, world.maker))


# Crosses both no bids (5 at 55, 5 at 60), rests 2 and expires later: every kind of change.


class _Order(TypedDict):
    side: str
    price: int
    count: int


BIG_ORDER: _Order = {"side": "yes", "price": 60, "count": 12}


def _big_order(world: World) -> Any:
    expiration = int(world.server.now) + 600
    body = {"market_id": world.market_id, **BIG_ORDER, "expiration_unix_ts": expiration}
    return world.demo.call("POST", ME + "/orders", body=body)


def test_an_internal_error_in_the_middle_of_an_order_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    world, twin = _build(seed=31), _build(seed=31)
    try:
        before = _state(world)
        engine: Engine = world.server._engine
        real_fill = engine._fill
        calls: list[int] = []

        def fill_then_fail(*args: Any) -> None:
            calls.append(1)
            if len(calls) == 2:  # the first fill is done: money, positions, history and the tape moved
                raise RuntimeError("injected failure in the second fill")
            real_fill(*args)

        monkeypatch.setattr(engine, "_fill", fill_then_fail)
        status, _, error = _big_order(world)
        assert (status, error["code"]) == (500, "internal_server_error")
        assert len(calls) == 2 and "injected failure" in world.server.errors[0]
        assert _state(world) == before

        # Ids, sequence numbers and the clock were rewound too: the same order now does exactly
        # what it does on a twin exchange that never failed.
        monkeypatch.setattr(engine, "_fill", real_fill)
        status, _, placed = _big_order(world)
        twin_status, _, twin_placed = _big_order(twin)
        assert status == twin_status == 201 and placed == twin_placed
        assert placed["order"]["remaining_count"] == 2
        assert _state(world) == _state(twin)
    finally:
        _close(world)
        _close(twin)


@pytest.mark.parametrize("expiration", [LAST_RFC3339_SECOND + 1, 2**63 - 1])
def test_a_far_future_expiration_is_a_400_that_changes_nothing(world: World, expiration: int) -> None:
    before = _state(world)
    body = {"market_id": world.market_id, "side": "yes", "price": 10, "count": 1, "expiration_unix_ts": expiration}
    status, _, error = world.demo.call("POST", ME + "/orders", body=body)
    assert (status, error["code"]) == (400, "invalid_parameters") and "expiration_unix_ts" in error["message"]
    assert _state(world) == before
    assert world.server.errors == []


def test_the_last_writable_second_is_a_valid_expiration(world: World) -> None:
    body = {"market_id": world.market_id, "side": "yes", "price": 10, "count": 1,
            "expiration_unix_ts": LAST_RFC3339_SECOND}
    order = world.demo.ok("POST", ME + "/orders", 201, body=body)["order"]
    assert order["expiration_ts"] == "9999-12-31T23:59:59Z"
    assert world.demo.ok("GET", ME + "/orders")["orders"][0]["order_id"] == order["order_id"]


def test_refused_requests_change_nothing(world: World) -> None:
    other_market = world.server.market_ids[0]
    refused = [
        ({"market_id": world.market_id, "side": "yes", "price": 99, "count": 100_000}, "insufficient_balance"),
        ({"market_id": world.market_id, "side": "yes", "price": 50, "count": 1, "max_cost_cents": 10},
         "invalid_parameters"),
        ({"market_id": other_market, "side": "yes", "price": 50, "count": 5, "sell_position_capped": True},
         "invalid_parameters"),
        ({"market_id": world.market_id, "side": "yes", "price": 50, "count": 1, "expiration_unix_ts": 1},
         "invalid_parameters"),
        ({"market_id": "no-such-market", "side": "yes", "price": 50, "count": 1}, "not_found"),
    ]
    before = _state(world)
    for body, code in refused:
        status, _, error = world.demo.call("POST", ME + "/orders", body=body)
        assert status in (400, 404) and error["code"] == code, (body, error)
        assert _state(world) == before, body
    world.server.close_market(world.market_id)
    closed = _state(world)
    status, _, error = world.demo.call("POST", ME + "/orders", body={**refused[0][0], "count": 1})
    assert (status, error["code"]) == (400, "market_closed")
    assert _state(world) == closed


def test_reading_a_position_creates_nothing(world: World) -> None:
    untouched = world.server.market_ids[0]
    listed = world.demo.ok("GET", ME + "/positions")["market_positions"]
    position = world.demo.ok("GET", f"{ME}/positions/{untouched}")["market_position"]
    assert (position["market_id"], position["position"], position["volume"]) == (untouched, 0, 0)
    assert world.demo.ok("GET", ME + "/positions")["market_positions"] == listed
    assert untouched not in world.server.positions_of(DEMO_USER_ID)


def test_a_refused_capped_sell_creates_no_holding(world: World) -> None:
    untouched = world.server.market_ids[1]
    body = {"market_id": untouched, "side": "no", "price": 40, "count": 5, "sell_position_capped": True}
    status, _, _ = world.demo.call("POST", ME + "/orders", body=body)
    assert status == 400
    assert untouched not in world.server.positions_of(DEMO_USER_ID)
    assert world.demo.ok("GET", ME + "/positions")["market_positions"] == []


def test_portfolio_value_counts_new_contracts_at_the_trade_price(world: World) -> None:
    world.demo.order(world.market_id, **BIG_ORDER)  # 5 at 55, then 5 at 60, 2 rest at 60
    values = world.demo.ok("GET", ME + "/portfolio/history")["values"]
    first, second, resting = values[-3:]
    assert [v["reason"] for v in (first, second, resting)] == ["trade", "trade", "order"]
    # Only the fees are lost: the contracts are worth what was just paid for them.
    assert first["v"] == first["a"] + 5 * 55 == DEMO_BALANCE - taker_fee(5, 55)
    # The second trade moves the last price to 60, which values all 10 contracts.
    assert second["v"] == second["a"] + 10 * 60 == DEMO_BALANCE + 5 * 5 - taker_fee(5, 55) - taker_fee(5, 60)
    assert resting["v"] == second["v"]  # reserving cash for the resting 2 changes no value


def test_an_internal_error_in_the_middle_of_a_settlement_changes_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.demo.order(world.market_id, **BIG_ORDER)  # both users now hold contracts; orders rest
    before = _state(world)
    ledger = world.server._engine.ledger
    real_settle = ledger.settle
    calls: list[int] = []

    def settle_then_fail(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:  # the first holder is paid and the book is canceled
            raise RuntimeError("injected failure in the second payout")
        return real_settle(*args)

    monkeypatch.setattr(ledger, "settle", settle_then_fail)
    with pytest.raises(RuntimeError):
        world.server.settle(world.market_id, "yes")
    assert _state(world) == before
    monkeypatch.setattr(ledger, "settle", real_settle)
    world.server.settle(world.market_id, "yes")
    assert world.demo.ok("GET", f"/markets/{world.market_id}")["market"]["status"] == "settled"


def test_an_internal_error_while_the_clock_closes_a_market_is_retried(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = world.server._engine
    real_cancel = engine._cancel
    calls: list[int] = []

    def cancel_then_fail(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("injected failure in the second cancel")
        real_cancel(*args, **kwargs)

    before = _state(world)
    monkeypatch.setattr(engine, "_cancel", cancel_then_fail)
    with pytest.raises(RuntimeError):
        world.server.advance_clock(31 * 86_400)  # past the market's close date
    # The clock moved, but nothing it passed was half applied (looked at without a read, which
    # would apply it) ...
    assert len(calls) == 2
    assert world.maker.user_id is not None
    assert [o.status for o in engine.user_orders[world.maker.user_id]] == ["resting"] * 3
    assert engine.markets[world.market_id].status == "active"
    assert engine.ledger.wallets[world.maker.user_id].available == before[world.maker.user_id or ""]["balance"]
    # ... and the next call applies all of it.
    monkeypatch.setattr(engine, "_cancel", real_cancel)
    engine_state = _state(world)
    assert engine_state["markets"] != before["markets"]  # every market closed
    assert {o["status"] for o in engine_state[world.maker.user_id or ""]["orders"]} == {"canceled"}
    assert world.server.book_of(world.market_id) == {"yes": [], "no": []}



class Trading:
    """Three traders placing, decreasing and canceling orders while the clock moves, step by step."""

    def __init__(self, server: FakeKalshiServer, seed: int) -> None:
        self.server = server
        self.market_id = server.add_market(ticker="RANDOM", title="Random walk?", close_in=40 * 60)
        users = [server.add_user(f"t{i}@example.com", "trader-secret", balance=20_000, history=[], notifications=[])
                 for i in range(3)]
        self.wires = [reader(server, user) for user in users]
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test traffic

    def step(self, skip: bool = False) -> None:
        """Take the next step; ``skip`` draws the same choices but only does what a failed step keeps."""
        rng = self.rng
        wire = rng.choice(self.wires)
        me = f"/users/{wire.user_id}"
        action = rng.choice(("order", "order", "order", "decrease", "cancel", "clock"))
        resting = [o["order_id"] for o in wire.ok("GET", me + "/orders", query="status=resting")["orders"]]
        if action == "clock":
            seconds = rng.choice((30, 120, 600))
            if skip:
                self.server.clock.advance(seconds)  # a clock once moved stays moved
            else:
                self.server.advance_clock(seconds)
        elif action in ("decrease", "cancel") and resting:
            order_id, count = rng.choice(resting), rng.randint(1, 3)
            if not skip and action == "cancel":
                wire.call("DELETE", f"{me}/orders/{order_id}")
            elif not skip:
                wire.call("POST", f"{me}/orders/{order_id}/decrease", body={"count": count})
        else:
            body = {"market_id": self.market_id, "side": rng.choice(("yes", "no")), "price": rng.randint(35, 65),
                    "count": rng.randint(1, 8)}
            if rng.random() < 0.4:
                body["expiration_unix_ts"] = int(self.server.now) + rng.choice((60, 300, 900))
            if not skip:
                wire.call("POST", me + "/orders", body=body)

    def close(self) -> None:
        for wire in self.wires:
            wire.close()


def _counting_history(engine: Engine, fail_at: int = 0) -> list[int]:
    """Count the engine's history writes (one or more per change); raise at write ``fail_at``."""
    real_history, calls = engine._history, []

    def history(user_id: str, entry: Dict[str, Any]) -> None:
        calls.append(1)
        if len(calls) == fail_at:
            raise RuntimeError("injected failure")
        real_history(user_id, entry)

    engine._history = history  # type: ignore[method-assign]
    return calls


@pytest.mark.parametrize("seed", range(8))
def test_a_failed_step_anywhere_is_as_if_it_never_happened(seed: int) -> None:
    """A fault at a random point of a random step leaves the exchange as a twin that skipped the step.

    A probe exchange runs each step first to count the history writes it makes, so the fault is
    placed among them; the steps before the first one that writes anything after ``start`` run
    normally everywhere.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test traffic
    steps, start = 30, rng.randrange(25)
    with FakeKalshiServer(seed=seed) as faulty, FakeKalshiServer(seed=seed) as clean, \
            FakeKalshiServer(seed=seed) as probe:
        trading, twin, prober = Trading(faulty, seed), Trading(clean, seed), Trading(probe, seed)
        failed_at = None
        for step in range(steps):
            if failed_at is not None or step < start:
                trading.step()
                twin.step()
                if failed_at is None:
                    prober.step()
                continue
            writes = _counting_history(probe._engine)
            prober.step()
            if not writes:
                trading.step()
                twin.step()
                continue
            _counting_history(faulty._engine, fail_at=rng.randint(1, len(writes)))
            try:
                trading.step()
            except RuntimeError:
                assert faulty.errors == []  # a set-up call (advance_clock) raised it
            else:
                assert len(faulty.errors) == 1  # a request answered 500
            finally:
                del faulty._engine._history
            twin.step(skip=True)
            failed_at = step
        assert failed_at is not None
        assert exchange_state(faulty, trading.wires) == exchange_state(clean, twin.wires)
        for session in (trading, twin, prober):
            session.close()
