"""Markets that live: the simulated clock closes a market at its close date, and settlement follows.

At the close date the market's status becomes ``closed``, its resting orders are canceled and
their reservations released, and new orders are refused with ``market_closed``; ``settle`` works on
an active or a closed market.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Dict, Iterator, Set

import pytest

from kalshi.testing import DEMO_BALANCE, DEMO_USER_ID, FakeKalshiServer

from .support import World, reader

HOUR = 3600


@pytest.fixture
def world() -> Iterator[World]:
    """A market closing in an hour; the maker rests a yes bid at 30 (4) and a no bid at 50 (6)."""
    with FakeKalshiServer(seed=41) as server:
        market_id = server.add_market(ticker="CLOSES", title="Closes in an hour?", close_in=HOUR)
        maker_id = server.add_user("maker@example.com", "maker-secret", balance=10_000, history=[], notifications=[])
        demo, maker = reader(server, DEMO_USER_ID), reader(server, maker_id)
        maker.order(market_id, "yes", 30, 4)
        maker.order(market_id, "no", 50, 6)
        yield World(server, demo, maker, market_id)
        demo.close()
        maker.close()
        assert server.errors == []


def _market(world: World) -> Any:
    return world.demo.ok("GET", f"/markets/{world.market_id}")["market"]


def _maker_orders(world: World) -> Any:
    return world.maker.ok("GET", f"/users/{world.maker.user_id}/orders")["orders"]


def test_the_close_date_is_the_one_set_up(world: World) -> None:
    market = _market(world)
    assert market["status"] == "active"
    assert market["close_date"] == "2021-11-03T10:30:00Z"  # the clock starts at 09:30


def test_the_clock_closes_the_market_at_its_close_date(world: World) -> None:
    maker_id = world.maker.user_id or ""
    world.server.advance_clock(HOUR - 1)
    assert _market(world)["status"] == "active"
    assert world.server.balance_of(maker_id) == 10_000 - 4 * 30 - 6 * 50

    world.server.advance_clock(1)
    market = _market(world)
    assert (market["status"], market["result"], market["yes_bid"], market["yes_ask"]) == ("closed", "", 0, 100)
    assert world.server.book_of(world.market_id) == {"yes": [], "no": []}
    assert world.server.balance_of(maker_id) == 10_000  # both reservations released
    orders = _maker_orders(world)
    assert [(o["status"], o["remaining_count"], o["last_update_op"]) for o in orders] == [
        ("canceled", 0, "market_close")
    ] * 2
    assert [n["type"] for n in world.server.notifications_of(maker_id)[:2]] == ["order_canceled"] * 2
    assert [e["type"] for e in world.server.history_of(maker_id)[:2]] == ["Order", "Order"]
    portfolio = world.maker.ok("GET", f"/users/{maker_id}/portfolio/history")["values"]
    assert [p["reason"] for p in portfolio[-2:]] == ["cancel", "cancel"] and portfolio[-1]["a"] == 10_000

    body = {"market_id": world.market_id, "side": "yes", "price": 50, "count": 1}
    status, _, error = world.demo.call("POST", f"/users/{DEMO_USER_ID}/orders", body=body)
    assert (status, error["code"]) == (400, "market_closed")
    with pytest.raises(ValueError):
        world.server.close_market(world.market_id)  # already closed


def test_a_clock_moved_directly_closes_the_market_at_the_next_request(world: World) -> None:
    world.server.clock.advance(2 * HOUR)
    assert _market(world)["status"] == "closed"
    assert world.server.balance_of(world.maker.user_id or "") == 10_000


def test_orders_expiring_before_the_close_expire_and_the_rest_close(world: World) -> None:
    expiring = world.maker.order(world.market_id, "yes", 20, 1, expiration_unix_ts=int(world.server.now) + 60)
    lasting = world.maker.order(world.market_id, "yes", 10, 1, expiration_unix_ts=int(world.server.now) + 2 * HOUR)
    world.server.advance_clock(3 * HOUR)
    ops = {o["order_id"]: o["last_update_op"] for o in _maker_orders(world)}
    assert ops[expiring["order_id"]] == "order_expire"
    assert ops[lasting["order_id"]] == "market_close"
    assert list(ops.values()).count("market_close") == 3


def test_a_position_survives_the_close_and_settles(world: World) -> None:
    world.demo.order(world.market_id, "yes", 50, 6)  # buys the maker's no bid: 6 yes at 50
    world.server.advance_clock(HOUR)
    path = f"/users/{DEMO_USER_ID}/positions/{world.market_id}"
    assert world.demo.ok("GET", path)["market_position"]["position"] == 6
    world.server.settle(world.market_id, "yes")
    market = _market(world)
    assert (market["status"], market["result"]) == ("settled", "yes")
    position = world.demo.ok("GET", path)["market_position"]
    assert (position["position"], position["final_position"]) == (0, 6)
    assert world.server.balance_of(DEMO_USER_ID) == DEMO_BALANCE - 6 * 50 - position["fees_paid"] + 6 * 100
    with pytest.raises(ValueError):
        world.server.settle(world.market_id, "no")  # already settled


def test_an_active_market_settles_at_once(world: World) -> None:
    world.server.settle(world.market_id, "no")
    assert (_market(world)["status"], _market(world)["result"]) == ("settled", "no")
    assert world.server.balance_of(world.maker.user_id or "") == 10_000
    assert {o["last_update_op"] for o in _maker_orders(world)} == {"market_settle"}
    world.server.advance_clock(2 * HOUR)  # passing the close date leaves a settled market settled
    assert _market(world)["status"] == "settled"


def test_a_market_closed_early_stays_closed(world: World) -> None:
    world.server.close_market(world.market_id)
    world.server.advance_clock(2 * HOUR)
    assert _market(world)["status"] == "closed"


def test_seeded_markets_close_at_their_own_dates(world: World) -> None:
    def statuses() -> Any:
        return {m["ticker_name"]: m["status"] for m in world.demo.ok("GET", "/markets")["markets"]}

    assert set(statuses().values()) == {"active"}
    world.server.advance_clock(3 * 86_400)
    closed = {ticker for ticker, status in statuses().items() if status == "closed"}
    assert closed == {"INX-21NOV05-4700", "INFRA-21NOV05", "CLOSES"}


@pytest.mark.parametrize("close_in", [0, -1, math.nan, math.inf, 1e13])
def test_close_in_must_be_a_positive_reachable_time(close_in: float) -> None:
    with FakeKalshiServer(seed=2) as server, FakeKalshiServer(seed=2) as twin:
        with pytest.raises(ValueError):
            server.add_market(ticker="BAD", title="Bad?", close_in=close_in)
        # A refused call mints no id: the next market gets the same id as on a twin.
        assert server.add_market(ticker="OK", title="Ok?") == twin.add_market(ticker="OK", title="Ok?")


@pytest.mark.parametrize("close_in", [True, "3600", None])
def test_close_in_must_be_a_number(close_in: Any) -> None:
    with FakeKalshiServer(seed=2) as server:
        with pytest.raises(TypeError):
            server.add_market(ticker="BAD", title="Bad?", close_in=close_in)
        with pytest.raises(KeyError):
            server.market_id("BAD")


def _documented(field: str) -> str:
    """The Values cell of ``field``'s row in the Status values table of docs/testing.md."""
    text = (Path(__file__).parents[2] / "docs" / "testing.md").read_text(encoding="utf-8")
    table = text.split("## Status values", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith(f"| `{field}`")]
    assert len(rows) == 1, field
    return rows[0].split("|")[2]


def test_every_status_the_fake_sends_is_documented(world: World) -> None:
    sent: Dict[str, Set[str]] = {field: set() for field in ("Market.status", "Order.status", "Order.last_update_op")}
    maker = f"/users/{world.maker.user_id}"

    def look() -> None:
        sent["Market.status"].update(m["status"] for m in world.demo.ok("GET", "/markets")["markets"])
        for order in world.maker.ok("GET", maker + "/orders")["orders"]:
            sent["Order.status"].add(order["status"])
            sent["Order.last_update_op"].add(order["last_update_op"])

    look()
    world.maker.order(world.market_id, "yes", 10, 3, expiration_unix_ts=int(world.server.now) + 60)
    world.maker.ok("POST", f"{maker}/orders/{_maker_orders(world)[0]['order_id']}/decrease", 201, body={"count": 1})
    world.demo.order(world.market_id, "yes", 50, 2)  # fills part of the maker's no bid
    look()
    world.server.advance_clock(61)
    cancel_me = world.maker.order(world.market_id, "yes", 5, 1)
    world.maker.ok("DELETE", f"{maker}/orders/{cancel_me['order_id']}")
    look()
    other = world.server.add_market(ticker="SETTLES", title="Settles?")
    world.maker.order(other, "yes", 5, 1)
    world.server.advance_clock(HOUR)
    world.server.settle(other, "yes")
    look()
    assert sent["Market.status"] == {"active", "closed", "settled"}
    assert len(sent["Order.last_update_op"]) == 7
    for field, values in sent.items():
        cell = _documented(field)
        assert all(f"`{value}`" in cell for value in values), (field, values, cell)
