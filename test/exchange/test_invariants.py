"""A hypothesis state machine of random orders, cancels, decreases, expiries and settlements.

Several users trade in two markets, with deposits, withdrawals, pauses and market closes mixed
in; after every step the invariants are checked from what users can see: yes held == no held per
market, cash conserved, nothing negative.
"""

from __future__ import annotations

from typing import List

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kalshi._fake.errors import ApiError

from .support import Sim

USERS = 4


class Exchange(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.sim = Sim(seed=1)
        self.markets: List[str] = []
        self.order_ids: List[str] = []

    @initialize()
    def set_up(self) -> None:
        for _ in range(USERS):
            self.sim.user(5_000)
        self.markets = [self.sim.market("A"), self.sim.market("B")]

    def _open_markets(self) -> List[str]:
        return [m for m in self.markets if self.sim.queries.market(m)["status"] == "active"]

    def _unsettled_markets(self) -> List[str]:
        return [m for m in self.markets if self.sim.queries.market(m)["status"] != "settled"]

    @rule(
        user=st.integers(0, USERS - 1),
        market=st.integers(0, 1),
        is_yes=st.booleans(),
        price=st.integers(1, 99),
        count=st.integers(1, 40),
        capped=st.booleans(),
        max_cost=st.none() | st.integers(0, 3_000),
        expires_in=st.none() | st.integers(1, 120),
    )
    def place(
        self, user: int, market: int, is_yes: bool, price: int, count: int, capped: bool, max_cost, expires_in
    ) -> None:
        user_id, market_id = self.sim.users[user], self.markets[market]
        balance = self.sim.balance(user_id)
        expiration = None if expires_in is None else self.sim.clock.now() + expires_in
        try:
            order = self.sim.engine.place(
                user_id, market_id, is_yes, price, count, expiration=expiration, max_cost=max_cost, capped=capped
            )
        except ApiError as error:
            assert error.status == 400
            assert self.sim.balance(user_id) == balance  # a refusal changes nothing
            return
        assert order.place_count <= count
        self.order_ids.append(order.order_id)

    @precondition(lambda self: self.order_ids)
    @rule(pick=st.integers(0, 10_000), by=st.none() | st.integers(1, 30))
    def cancel_or_decrease(self, pick: int, by) -> None:
        order_id = self.order_ids[pick % len(self.order_ids)]
        order = self.sim.engine.orders[order_id]
        try:
            if by is None:
                self.sim.engine.cancel(order.user_id, order_id)
            else:
                self.sim.engine.decrease(order.user_id, order_id, by)
        except ApiError as error:
            assert (error.status, error.code) in ((400, "order_not_resting"), (400, "exchange_inactive"))

    @rule(seconds=st.integers(0, 90))
    def advance(self, seconds: int) -> None:
        self.sim.engine.advance_clock(seconds)

    @rule(user=st.integers(0, USERS - 1), cents=st.integers(1, 2_000))
    def deposit(self, user: int, cents: int) -> None:
        self.sim.engine.deposit(self.sim.users[user], cents)
        self.sim.deposited += cents

    @rule(user=st.integers(0, USERS - 1), cents=st.integers(1, 3_000))
    def withdraw(self, user: int, cents: int) -> None:
        user_id = self.sim.users[user]
        if cents <= self.sim.balance(user_id):
            self.sim.engine.withdraw(user_id, cents)
            self.sim.withdrawn += cents

    @rule(exchange_active=st.booleans(), trading_active=st.booleans())
    def set_status(self, exchange_active: bool, trading_active: bool) -> None:
        self.sim.engine.set_status(exchange_active, trading_active)

    @precondition(lambda self: any(self.sim.queries.market(m)["status"] == "active" for m in self.markets))
    @rule(market=st.integers(0, 1))
    def close(self, market: int) -> None:
        open_markets = self._open_markets()
        market_id = open_markets[market % len(open_markets)]
        self.sim.engine.close_market(market_id)
        assert self.sim.book(market_id) == {"yes": [], "no": []}

    @precondition(lambda self: any(self.sim.queries.market(m)["status"] != "settled" for m in self.markets))
    @rule(market=st.integers(0, 1), result=st.sampled_from(["yes", "no"]))
    def settle(self, market: int, result: str) -> None:
        unsettled = self._unsettled_markets()
        market_id = unsettled[market % len(unsettled)]
        self.sim.engine.settle(market_id, result)
        assert self.sim.book(market_id) == {"yes": [], "no": []}

    @invariant()
    def invariants_hold(self) -> None:
        self.sim.check()


TestExchange = Exchange.TestCase
TestExchange.settings = settings(
    max_examples=30, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
