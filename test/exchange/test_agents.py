"""Markets that move: fair prices, the market maker and the noise trader, through the set-up API and HTTP.

Agents are ordinary users: their quotes are in the book, their trades on the tape, they pay the
same fees, and the exchange's invariants hold with them (test_agent_invariants.py checks that
under random traffic). They act inside ``advance_clock``, at their own simulated times.
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Tuple

import pytest

from kalshi.testing import FakeKalshiServer

from .support import Wire, check_invariants

MARKET_PASSWORD = "trader-password"  # noqa: S105 - a test account


def _market(server: FakeKalshiServer, fair_price: Any, ticker: str = "MOVE") -> str:
    return server.add_market(ticker=ticker, title="A market that moves", fair_price=fair_price)


def _tape(server: FakeKalshiServer) -> List[Dict[str, Any]]:
    """GET /trades, oldest first."""
    wire = Wire(server)
    try:
        return list(reversed(wire.ok("GET", "/trades")["trades"]))
    finally:
        wire.close()


def _trading_day(seed: int, steps: List[float]) -> Tuple[List[Tuple[str, int, int]], Dict[str, Any]]:
    """A random-walk market with a maker and a noise trader, advanced by ``steps``; return (tape, state)."""
    with FakeKalshiServer(seed=seed) as server:
        market_id = _market(server, {"start": 50, "volatility": 10, "step": 30})
        maker = server.add_agent(market_id, "market_maker", spread=2, depth=5, levels=2)
        noise = server.add_agent(market_id, "noise_trader", mean_interval=20, max_size=8)
        for seconds in steps:
            server.advance_clock(seconds)
        tape = [(trade["create_date"], trade["price"], trade["count"]) for trade in _tape(server)]
        state = {
            "book": server.book_of(market_id),
            "balances": [server.balance_of(maker), server.balance_of(noise)],
            "positions": [server.positions_of(maker), server.positions_of(noise)],
            "fair": server.fair_price_of(market_id),
            "now": server.now,
        }
        assert server.errors == []
        return tape, state


# -- the market maker ------------------------------------------------------------


def test_market_maker_quotes_both_sides_around_the_fair_price_as_soon_as_it_is_added() -> None:
    with FakeKalshiServer(seed=1) as server:
        market_id = _market(server, 50)
        maker = server.add_agent(market_id, "market_maker", spread=4, depth=10)
        # Bid 48, ask 52: the ask is a no bid at 100 - 52.
        assert server.book_of(market_id) == {"yes": [[48, 10]], "no": [[48, 10]]}
        wire = Wire(server)
        market = wire.ok("GET", f"/markets/{market_id}")["market"]
        wire.close()
        assert (market["yes_bid"], market["yes_ask"]) == (48, 52)
        orders = server.orders_of(maker)
        assert sorted((o["is_yes"], o["price"], o["remaining_count"], o["status"]) for o in orders) == [
            (False, 48, 10, "resting"),
            (True, 48, 10, "resting"),
        ]
        assert server.balance_of(maker) == 1_000_000 - 2 * 48 * 10  # reserved like anyone's orders


def test_market_maker_levels_are_a_cent_apart_and_stay_inside_1_to_99() -> None:
    with FakeKalshiServer(seed=1) as server:
        market_id = _market(server, 60.2)
        server.add_agent(market_id, "market_maker", spread=2, depth=3, levels=3)
        assert server.book_of(market_id) == {"yes": [[59, 3], [58, 3], [57, 3]], "no": [[39, 3], [38, 3], [37, 3]]}
        edge = _market(server, 98, ticker="EDGE")
        server.add_agent(edge, "market_maker", spread=2, depth=1, levels=3)
        assert server.book_of(edge) == {"yes": [[97, 1], [96, 1], [95, 1]], "no": [[1, 1]]}


def test_market_maker_follows_a_price_path_and_tops_up_what_was_filled() -> None:
    with FakeKalshiServer(seed=2) as server:
        market_id = _market(server, [(0, 30), (100, 70)])
        maker = server.add_agent(market_id, "market_maker", spread=2, depth=10)
        assert server.book_of(market_id) == {"yes": [[29, 10]], "no": [[69, 10]]}
        server.advance_clock(50)
        assert server.fair_price_of(market_id) == 50
        assert server.book_of(market_id) == {"yes": [[49, 10]], "no": [[49, 10]]}

        server.add_user("taker@example.com", MARKET_PASSWORD, balance=100_000, history=[], notifications=[])
        wire = Wire(server)
        wire.login("taker@example.com", MARKET_PASSWORD)
        order = wire.order(market_id, "yes", 60, 4)  # takes 4 of the maker's ask at 51
        assert (order["taker_fill_count"], order["taker_fill_cost"]) == (4, 4 * 51)
        assert server.book_of(market_id)["no"] == [[49, 6]]
        assert server.positions_of(maker)[market_id]["position"] == -4
        server.advance_clock(1)
        assert server.book_of(market_id)["no"] == [[49, 10]]  # topped up

        server.advance_clock(200)
        assert server.fair_price_of(market_id) == 70  # flat after the last point
        assert server.book_of(market_id) == {"yes": [[69, 10]], "no": [[29, 10]]}
        wire.close()
        assert server.errors == []


def test_an_order_that_expires_before_an_agents_action_is_gone_when_it_acts() -> None:
    # The fair price jumps from 50 to 60 at +10 s; the requoting maker then bids 59 for yes, which
    # crosses a resting no bid at 45 (a yes ask at 55) if that order is still there.
    for expires_in, trades in ((5, 0), (15, 1)):
        with FakeKalshiServer(seed=3) as server:
            market_id = _market(server, [(0, 50), (9.99, 50), (10, 60)])
            server.add_agent(market_id, "market_maker", spread=2, depth=1, interval=10)
            server.add_user("rest@example.com", MARKET_PASSWORD, balance=10_000, history=[], notifications=[])
            wire = Wire(server)
            wire.login("rest@example.com", MARKET_PASSWORD)
            wire.order(market_id, "no", 45, 1, expiration_unix_ts=int(server.now) + expires_in)
            wire.close()
            server.advance_clock(20)  # one advance: expiry and requote still happen in time order
            assert len(_tape(server)) == trades, expires_in


# -- the noise trader ------------------------------------------------------------


def test_noise_trader_crosses_the_spread_at_random_times_and_pays_taker_fees() -> None:
    with FakeKalshiServer(seed=4) as server:
        market_id = _market(server, 50)
        maker = server.add_agent(market_id, "market_maker", spread=4, depth=10)
        noise = server.add_agent(market_id, "noise_trader", mean_interval=30, max_size=6)
        start = server.now
        server.advance_clock(3600)
        tape = _tape(server)
        assert 60 <= len(tape) <= 200  # about 120 arrivals in an hour
        assert {trade["price"] for trade in tape} == {48, 52}  # always at the maker's quote
        assert all(1 <= trade["count"] <= 6 for trade in tape)
        assert len({trade["count"] for trade in tape}) > 1
        times = [trade["create_date"] for trade in tape]
        # Each arrival at its own time inside the one advance (a trade against two orders shares one).
        assert times == sorted(times) and len(set(times)) > len(times) // 2
        noise_orders = server.orders_of(noise)
        assert all(order["status"] == "executed" for order in noise_orders)  # nothing left resting
        fees = sum(order["taker_fees"] for order in noise_orders)
        assert fees == server.fees_collected > 0
        assert server.positions_of(noise)[market_id]["position"] == -server.positions_of(maker)[market_id]["position"]
        assert server.now == start + 3600
        check_invariants(server, [maker, noise], [market_id], 2 * 1_000_000)


def test_a_noise_trader_alone_waits_for_a_quote_and_an_agent_without_cash_is_refused_like_anyone() -> None:
    with FakeKalshiServer(seed=5) as server:
        market_id = _market(server, 50)
        noise = server.add_agent(market_id, "noise_trader", mean_interval=5)
        server.advance_clock(600)
        assert _tape(server) == [] and server.orders_of(noise) == []
        broke = server.add_agent(market_id, "market_maker", balance=0)
        assert server.book_of(market_id) == {"yes": [], "no": []}
        assert server.orders_of(broke) == []
        assert server.errors == []


# -- time, determinism, market life ---------------------------------------------


def test_same_seed_same_tape_different_seed_different_tape() -> None:
    steps = [1.0] * 900
    first, first_state = _trading_day(7, steps)
    again, again_state = _trading_day(7, steps)
    other, _ = _trading_day(8, steps)
    assert len(first) > 20
    assert first == again and first_state == again_state
    assert other != first


def test_how_the_clock_is_stepped_does_not_change_what_agents_do() -> None:
    by_second, state_by_second = _trading_day(9, [1.0] * 900)
    at_once, state_at_once = _trading_day(9, [900.0])
    uneven, state_uneven = _trading_day(9, [0.5, 299.5, 0, 123.25, 476.75])
    assert by_second == at_once == uneven
    assert state_by_second == state_at_once == state_uneven


def test_a_random_walk_moves_and_stays_a_price() -> None:
    with FakeKalshiServer(seed=6) as server:
        market_id = _market(server, {"start": 97, "volatility": 60, "step": 1})
        seen = []
        for _ in range(600):
            server.advance_clock(1)
            fair = server.fair_price_of(market_id)
            assert fair is not None and 1 <= fair <= 99
            seen.append(fair)
        assert len(set(seen)) == 600
        assert server.fair_price_of(server.market_ids[0]) is None  # seeded markets have none


def test_agents_stop_with_a_paused_exchange_a_closed_or_a_settled_market() -> None:
    with FakeKalshiServer(seed=7) as server:
        closing, settling = _market(server, 50, "CLOSING"), _market(server, 50, "SETTLING")
        agents = []
        for market_id in (closing, settling):
            agents.append(server.add_agent(market_id, "market_maker"))
            agents.append(server.add_agent(market_id, "noise_trader", mean_interval=10))
        server.set_exchange_status(trading_active=False)
        server.advance_clock(300)
        assert _tape(server) == []
        server.set_exchange_status(trading_active=True)
        server.advance_clock(300)
        traded = len(_tape(server))
        assert traded > 10

        server.close_market(closing)
        server.settle(settling, "yes")
        server.advance_clock(600)
        assert len(_tape(server)) == traded
        for market_id in (closing, settling):
            assert server.book_of(market_id) == {"yes": [], "no": []}
        assert all(o["status"] != "resting" for agent in agents for o in server.orders_of(agent))
        check_invariants(server, agents, [closing, settling], 4 * 1_000_000)
        with pytest.raises(ValueError, match="closed"):
            server.add_agent(closing, "noise_trader")
        assert server.errors == []


# -- checked arguments -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "params", "error", "match"),
    [
        ("arbitrageur", {}, ValueError, "unknown agent kind 'arbitrageur'"),
        (5, {}, TypeError, "kind must be a str"),
        ("market_maker", {"speed": 2}, TypeError, "unknown parameter.*speed"),
        ("market_maker", {"spread": 0}, ValueError, "spread must be between 1 and 98"),
        ("market_maker", {"spread": True}, TypeError, "spread must be an int, not bool"),
        ("market_maker", {"spread": 2.5}, TypeError, "spread must be an int, not float"),
        ("market_maker", {"depth": 0}, ValueError, "depth"),
        ("market_maker", {"levels": 99}, ValueError, "levels"),
        ("market_maker", {"interval": 0.01}, ValueError, "interval must be >= 0.1"),
        ("market_maker", {"interval": math.inf}, ValueError, "interval"),
        ("market_maker", {"interval": "1"}, TypeError, "interval must be a number, not str"),
        ("market_maker", {"balance": -1}, ValueError, "balance"),
        ("market_maker", {"balance": 100.0}, TypeError, "balance must be an int"),
        ("noise_trader", {"mean_interval": 0}, ValueError, "mean_interval"),
        ("noise_trader", {"max_size": 0}, ValueError, "max_size"),
        ("noise_trader", {"spread": 2}, TypeError, "unknown parameter.*spread"),
    ],
)
def test_bad_agent_arguments_are_refused_and_change_nothing(kind: Any, params: Dict[str, Any], error, match) -> None:
    with FakeKalshiServer(seed=8) as server, FakeKalshiServer(seed=8) as untouched:
        market_id, same = _market(server, 50), _market(untouched, 50)
        with pytest.raises(error, match=match):
            server.add_agent(market_id, kind, **params)
        # Nothing was minted, opened or quoted: the next id is the one an untouched server gives.
        assert server.book_of(market_id) == {"yes": [], "no": []}
        assert server.add_agent(market_id, "noise_trader") == untouched.add_agent(same, "noise_trader")


def test_agents_need_a_listed_market_and_a_maker_needs_a_fair_price() -> None:
    with FakeKalshiServer(seed=9) as server:
        with pytest.raises(KeyError, match="unknown market"):
            server.add_agent("no-such-market", "noise_trader")
        with pytest.raises(ValueError, match=r"fair price.*fair_price="):
            server.add_agent(server.market_ids[0], "market_maker")
        with pytest.raises(KeyError, match="unknown market"):
            server.fair_price_of("no-such-market")


@pytest.mark.parametrize(
    ("fair_price", "error", "match"),
    [
        (True, TypeError, "fair_price must be a price"),
        ("50", TypeError, "fair_price must be a price"),
        (0, ValueError, "fair_price must be between 1.0 and 99.0"),
        (99.5, ValueError, "fair_price must be between"),
        (math.nan, ValueError, "fair_price must be between"),
        ({"start": 50, "drift": 1}, TypeError, "unknown parameter.*drift"),
        ({"start": 150}, ValueError, "fair_price start"),
        ({"volatility": -1}, ValueError, "fair_price volatility"),
        ({"step": 0.5}, ValueError, "fair_price step must be >= 1.0"),
        ({1: 50}, TypeError, "str keys"),
        ([], ValueError, "at least one"),
        ([(10, 50), (5, 60)], ValueError, "times must not decrease"),
        ([(0, 50, 1)], TypeError, r"point 0 must be a \(seconds, price\) pair"),
        ([50], TypeError, "point 0"),
        ([(-1, 50)], ValueError, "point 0 seconds"),
        ([(0, 50), (1, 120)], ValueError, "point 1 price"),
    ],
)
def test_bad_fair_prices_are_refused_and_list_nothing(fair_price: Any, error, match) -> None:
    with FakeKalshiServer(seed=10) as server:
        listed = server.market_ids
        with pytest.raises(error, match=match):
            _market(server, fair_price)
        assert server.market_ids == listed


def test_a_fair_price_path_takes_lists_as_well_as_tuples() -> None:
    # A path read back from JSON (a state file, a recorded history) comes as lists.
    with FakeKalshiServer(seed=11) as server:
        market_id = _market(server, [[0, 20], [10, 40.5]])
        server.advance_clock(5)
        assert server.fair_price_of(market_id) == pytest.approx(30.25)


def test_points_at_the_same_second_are_a_jump_where_the_last_one_counts() -> None:
    with FakeKalshiServer(seed=12) as server:
        market_id = _market(server, [(0, 20), (10, 30), (10, 60), (10, 50), (20, 70)])
        server.advance_clock(9.5)
        assert server.fair_price_of(market_id) == pytest.approx(29.5)
        server.advance_clock(0.5)
        assert server.fair_price_of(market_id) == 50
        server.advance_clock(5)
        assert server.fair_price_of(market_id) == pytest.approx(60)
