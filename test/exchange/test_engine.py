"""Unit tests of the matching engine, driven in-process: matching, money, positions, lifecycle."""

from __future__ import annotations

import pytest

from kalshi._fake.errors import ApiError
from kalshi.testing import taker_fee

from .support import Sim


@pytest.fixture
def sim() -> Sim:
    return Sim()


def test_taker_fee_rounds_up_to_the_cent() -> None:
    assert taker_fee(1, 50) == 2  # 0.07 * 0.25 = $0.0175 -> 2 cents
    assert taker_fee(100, 50) == 175  # exactly $1.75
    assert taker_fee(10, 1) == 1  # $0.00693 -> 1 cent
    assert taker_fee(4, 60) == 7  # $0.0672 -> 7 cents
    assert taker_fee(3, 99) == 1
    assert all(taker_fee(n, p) == taker_fee(n, 100 - p) for n in (1, 7, 250) for p in range(1, 100))


def test_resting_order_reserves_its_cost_and_shows_in_the_book(sim: Sim) -> None:
    alice, market = sim.user(10_000), sim.market()
    order = sim.yes(alice, market, 40, 10)
    assert order.status == "resting" and order.remaining == 10
    assert sim.balance(alice) == 10_000 - 400
    assert sim.book(market) == {"yes": [[40, 10]], "no": []}
    assert sim.position(alice, market)["resting_orders_count"] == 1
    sim.check()


def test_price_time_priority(sim: Sim) -> None:
    a, b, c, taker = sim.user(), sim.user(), sim.user(), sim.user()
    market = sim.market()
    first = sim.yes(a, market, 40, 5)
    second = sim.yes(b, market, 40, 5)
    best = sim.yes(c, market, 45, 5)
    assert sim.book(market)["yes"] == [[45, 5], [40, 10]]
    sim.no(taker, market, 60, 8)  # crosses both levels: 60 + 40 >= 100
    assert (best.remaining, first.remaining, second.remaining) == (0, 2, 5)
    assert best.status == "executed" and first.status == "resting"
    assert sim.book(market)["yes"] == [[40, 7]]
    sim.check()


def test_price_improvement_goes_to_the_taker(sim: Sim) -> None:
    maker, taker = sim.user(), sim.user(10_000)
    market = sim.market()
    sim.no(maker, market, 40, 10)
    order = sim.yes(taker, market, 70, 10)  # willing to pay 70, the resting no bid sells yes at 60
    assert order.status == "executed"
    assert order.taker_fill_cost == 600
    assert order.taker_fees == taker_fee(10, 60) == 17
    assert sim.balance(taker) == 10_000 - 600 - 17
    position = sim.position(taker, market)
    assert (position["position"], position["position_cost"], position["fees_paid"]) == (10, 600, 17)
    maker_position = sim.position(maker, market)
    assert (maker_position["position"], maker_position["position_cost"], maker_position["fees_paid"]) == (-10, 400, 0)
    sim.check()


def test_partial_fill_rests_the_remainder(sim: Sim) -> None:
    maker, taker = sim.user(), sim.user(10_000)
    market = sim.market()
    sim.no(maker, market, 45, 3)
    order = sim.yes(taker, market, 55, 10)
    assert (order.taker_fill_count, order.remaining, order.status) == (3, 7, "resting")
    assert sim.book(market) == {"yes": [[55, 7]], "no": []}
    assert sim.balance(taker) == 10_000 - 3 * 55 - taker_fee(3, 55) - 7 * 55
    sim.check()


def test_fees_are_paid_by_the_taker_only_and_recorded_everywhere(sim: Sim) -> None:
    maker, taker = sim.user(), sim.user()
    market = sim.market()
    sim.yes(maker, market, 50, 100)
    sim.no(taker, market, 50, 100)
    assert sim.engine.ledger.fees_collected == 175
    trade_fees = {
        user: [e["data"]["Trade"]["fee"] for e in sim.engine.accounts.account(user).history if e["type"] == "Trade"]
        for user in (maker, taker)
    }
    assert trade_fees == {maker: [0], taker: [175]}
    assert sim.position(taker, market)["fees_paid"] == 175
    assert sim.position(maker, market)["fees_paid"] == 0
    sim.check()


def test_opposite_purchases_net_and_pay_out_pairs(sim: Sim) -> None:
    alice, bob, carol = sim.user(10_000), sim.user(10_000), sim.user(10_000)
    market = sim.market()
    sim.no(bob, market, 60, 5)
    sim.yes(alice, market, 40, 5)  # alice: 5 yes at 40
    sim.yes(carol, market, 30, 3)
    before = sim.balance(alice)
    sim.no(alice, market, 70, 3)  # buys 3 no at 70 from carol's yes at 30: closes 3 pairs
    position = sim.position(alice, market)
    assert position["position"] == 2
    assert position["position_cost"] == 80  # the 2 yes contracts left, at 40
    assert position["realized_pnl"] == 3 * (100 - 40 - 70)
    assert sim.balance(alice) == before - 3 * 70 - taker_fee(3, 70) + 300
    assert sim.queries.market(market)["open_interest"] == 5
    sim.check()


def test_insufficient_balance_is_refused_and_nothing_changes(sim: Sim) -> None:
    poor, market = sim.user(100), sim.market()
    with pytest.raises(ApiError) as info:
        sim.yes(poor, market, 50, 3)
    assert (info.value.status, info.value.code) == (400, "insufficient_balance")
    assert sim.balance(poor) == 100
    assert sim.book(market) == {"yes": [], "no": []}
    assert sim.queries.orders(poor, lambda o: True, queue=False) == []
    sim.check()


def test_taker_fees_count_towards_the_cost_check(sim: Sim) -> None:
    maker, taker, market = sim.user(), sim.user(500), sim.market()
    sim.no(maker, market, 50, 10)
    with pytest.raises(ApiError):
        sim.yes(taker, market, 50, 10)  # 500 for the contracts, plus a fee
    sim.yes(taker, market, 50, 9)
    assert sim.balance(taker) == 500 - 450 - taker_fee(9, 50)
    sim.check()


def test_max_cost_cents_caps_the_count(sim: Sim) -> None:
    alice, market = sim.user(), sim.market()
    order = sim.yes(alice, market, 30, 10, max_cost=100)
    assert (order.initial_count, order.place_count, order.remaining) == (10, 3, 3)
    assert sim.balance(alice) == 10_000 - 90
    with pytest.raises(ApiError):
        sim.yes(alice, market, 30, 10, max_cost=29)
    sim.check()


def test_sell_position_capped_only_closes(sim: Sim) -> None:
    alice, bob, market = sim.user(), sim.user(), sim.market()
    with pytest.raises(ApiError):
        sim.no(alice, market, 50, 5, capped=True)  # nothing to close yet
    sim.yes(bob, market, 60, 4)
    sim.no(alice, market, 40, 4)  # alice holds 4 no
    order = sim.yes(alice, market, 55, 10, capped=True)
    assert order.place_count == 4 and order.remaining == 4
    assert sim.balance(alice) == 10_000 - 160 - taker_fee(4, 40) - 4 * 55
    sim.check()


def test_expiration_cancels_the_remainder_when_the_clock_passes_it(sim: Sim) -> None:
    alice, market = sim.user(), sim.market()
    now = sim.clock.now()
    with pytest.raises(ApiError):
        sim.yes(alice, market, 20, 5, expiration=now)
    order = sim.yes(alice, market, 20, 5, expiration=now + 60)
    sim.engine.advance_clock(59)
    assert order.status == "resting" and sim.balance(alice) == 10_000 - 100
    sim.engine.advance_clock(1)
    assert order.status == "canceled" and order.remaining == 0
    assert order.last_update_op == "order_expire"
    assert sim.balance(alice) == 10_000
    assert sim.book(market) == {"yes": [], "no": []}
    assert sim.notifications(alice)[0]["type"] == "order_canceled"
    sim.check()


def test_expiry_also_happens_when_the_clock_is_moved_directly(sim: Sim) -> None:
    alice, market = sim.user(), sim.market()
    order = sim.yes(alice, market, 20, 5, expiration=sim.clock.now() + 1)
    sim.clock.advance(5)
    assert sim.book(market) == {"yes": [], "no": []}
    assert order.status == "canceled"


def test_decrease_and_cancel(sim: Sim) -> None:
    alice, bob, market = sim.user(), sim.user(), sim.market()
    order = sim.yes(alice, market, 25, 10)
    same, reduced = sim.engine.decrease(alice, order.order_id, 3)
    assert same is order and reduced == 3
    assert (order.remaining, order.decrease_count, order.status) == (7, 3, "resting")
    assert sim.balance(alice) == 10_000 - 7 * 25
    with pytest.raises(ApiError) as info:
        sim.engine.cancel(bob, order.order_id)
    assert info.value.status == 404
    _, canceled = sim.engine.cancel(alice, order.order_id)
    assert canceled == 7 and order.status == "canceled" and order.remaining == 0
    assert sim.balance(alice) == 10_000
    with pytest.raises(ApiError) as info:
        sim.engine.cancel(alice, order.order_id)
    assert (info.value.status, info.value.code) == (400, "order_not_resting")
    other = sim.yes(alice, market, 25, 4)
    _, reduced = sim.engine.decrease(alice, other.order_id, 100)
    assert reduced == 4 and other.status == "canceled"
    assert sim.history_types(alice).count("Order") == 5  # 2 placed, 2 decreases, 1 cancel
    sim.check()


def test_settlement_pays_winners_cancels_the_book_and_tells_holders(sim: Sim) -> None:
    alice, bob, carol, market = sim.user(), sim.user(), sim.user(), sim.market()
    sim.no(bob, market, 35, 10)
    sim.yes(alice, market, 65, 10)
    resting = sim.yes(carol, market, 10, 5)
    alice_before, bob_before = sim.balance(alice), sim.balance(bob)
    sim.engine.settle(market, "yes")
    assert resting.status == "canceled" and sim.balance(carol) == 10_000
    assert sim.balance(alice) == alice_before + 1000
    assert sim.balance(bob) == bob_before
    wire = sim.queries.market(market)
    assert (wire["status"], wire["result"], wire["open_interest"]) == ("settled", "yes", 0)
    alice_position = sim.position(alice, market)
    assert (alice_position["position"], alice_position["final_position"]) == (0, 10)
    assert alice_position["realized_pnl"] == 1000 - 650
    settlement = sim.engine.accounts.account(alice).history[0]["data"]["Settlement"]
    assert (settlement["yes_count"], settlement["profit"], settlement["market_result"]) == (10, 350, "yes")
    assert sim.notifications(bob)[0]["type"] == "market_settled"
    assert sim.notifications(bob)[0]["content"]["profit"] == -350
    assert "Settlement" not in sim.history_types(carol)
    with pytest.raises(ValueError):
        sim.engine.settle(market, "no")
    with pytest.raises(ApiError) as info:
        sim.yes(alice, market, 50, 1)
    assert info.value.code == "market_closed"
    sim.check()


def test_closed_market_and_paused_exchange_refuse_orders(sim: Sim) -> None:
    alice, market = sim.user(), sim.market()
    resting = sim.yes(alice, market, 30, 2)
    sim.engine.set_status(True, False)
    with pytest.raises(ApiError) as info:
        sim.yes(alice, market, 30, 1)
    assert (info.value.status, info.value.code) == (400, "trading_paused")
    sim.engine.cancel(alice, resting.order_id)  # canceling still works while trading is paused
    sim.engine.set_status(True, True)
    again = sim.yes(alice, market, 30, 2)
    sim.engine.close_market(market)
    assert again.status == "canceled"
    with pytest.raises(ApiError) as info:
        sim.yes(alice, market, 30, 1)
    assert (info.value.status, info.value.code) == (400, "market_closed")
    sim.check()


def test_market_fields_and_stats_move_with_trades(sim: Sim) -> None:
    alice, bob, market = sim.user(), sim.user(), sim.market()
    sim.yes(alice, market, 42, 10)
    sim.no(bob, market, 60, 3)  # crosses the yes bid at 42: the no buyer pays 58, the tape says 42
    wire = sim.queries.market(market)
    assert (wire["last_price"], wire["volume"], wire["open_interest"]) == (42, 3, 3)
    assert (wire["yes_bid"], wire["yes_ask"]) == (42, 100)
    sim.no(bob, market, 40, 1)  # rests: 40 + 42 < 100
    assert sim.queries.market(market)["yes_ask"] == 60
    points = sim.queries.stats_history(market, None)
    assert [p["volume"] for p in points] == [0, 3]
    assert points[-1]["price"] == 42
    trades = sim.queries.public_trades(lambda fill: True)
    assert [(t["price"], t["count"]) for t in trades] == [(42, 3)]
    sim.check()


def test_self_trade_nets_at_once(sim: Sim) -> None:
    alice, market = sim.user(), sim.market()
    sim.yes(alice, market, 60, 5)
    sim.no(alice, market, 40, 5)
    assert sim.position(alice, market)["position"] == 0
    assert sim.balance(alice) == 10_000 - taker_fee(5, 40)
    sim.check()


def test_every_balance_change_is_measured(sim: Sim) -> None:
    alice, bob, market = sim.user(1_000), sim.user(), sim.market()
    sim.engine.deposit(alice, 500)
    sim.deposited += 500
    order = sim.yes(alice, market, 50, 4)
    sim.no(bob, market, 50, 2)
    sim.engine.cancel(alice, order.order_id)
    sim.engine.withdraw(alice, 300)
    sim.withdrawn += 300
    points = sim.queries.portfolio(alice, None, None)
    assert [p["reason"] for p in points] == ["deposit", "deposit", "order", "cancel", "withdrawal"]
    assert [p["a"] for p in points] == [1000, 1500, 1300, 1400, 1100]
    assert points[-1]["cumulative_deposits"] == 1500 and points[-1]["cumulative_withdrawals"] == 300
    assert sim.history_types(alice)[-1] == "Deposit" and sim.history_types(alice)[0] == "Withdrawal"
    sim.check()


def test_ids_and_timestamps_are_reproducible_per_seed() -> None:
    def run(seed: int) -> list:
        sim = Sim(seed)
        alice, market = sim.user(), sim.market()
        return [sim.yes(alice, market, 10, 1).order_id for _ in range(3)]

    assert run(3) == run(3)
    assert run(3) != run(4)
