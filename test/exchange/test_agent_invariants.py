"""The exchange's invariants with simulated traders active: a hypothesis state machine.

Users place and cancel orders in two markets that move (a random walk and a price path) while
market makers and noise traders, some short of cash, are added and act as the clock advances;
pauses, closes and settlements are mixed in. After every step the checker reads what users and
agents can see: yes held == no held per market, cash conserved, nothing negative.
"""

from __future__ import annotations

from typing import List

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kalshi._fake.errors import ApiError
from kalshi._fake.fair_price import read_fair_price
from kalshi._fake.simulation import Simulation

from .support import Sim

USERS = 2
FAIR_PRICES = ({"start": 50, "volatility": 40, "step": 1}, [(0, 20), (600, 80), (1200, 35)])


class MovingExchange(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.sim = Sim(seed=2)
        self.simulation = Simulation(self.sim.engine)
        self.markets: List[str] = []
        self.order_ids: List[str] = []
        self.agents = 0

    @initialize(spread=st.integers(1, 6), mean_interval=st.sampled_from([1, 10]))
    def set_up(self, spread: int, mean_interval: int) -> None:
        for _ in range(USERS):
            self.sim.user(20_000)
        for ticker, fair_price in zip("AB", FAIR_PRICES):
            market_id = self.sim.market(ticker)
            rule = read_fair_price(fair_price)
            assert rule is not None
            self.simulation.set_fair_price(market_id, rule)
            self.markets.append(market_id)
        # Every run starts with a funded maker and noise trader in market A.
        self._add_agent(0, "market_maker", 100_000, spread=spread)
        self._add_agent(0, "noise_trader", 100_000, mean_interval=mean_interval)

    def _status(self, market_id: str) -> str:
        return str(self.sim.queries.market(market_id)["status"])

    @rule(
        market=st.integers(0, 1),
        balance=st.sampled_from([0, 300, 5_000, 200_000]),
        spread=st.integers(1, 10),
        depth=st.integers(1, 30),
        levels=st.integers(1, 3),
        interval=st.sampled_from([0.5, 1, 7.5, 30]),
    )
    def add_market_maker(self, market: int, balance: int, spread: int, depth: int, levels: int, interval) -> None:
        self._add_agent(
            market, "market_maker", balance, spread=spread, depth=depth, levels=levels, interval=interval
        )

    @rule(
        market=st.integers(0, 1),
        balance=st.sampled_from([0, 300, 5_000, 200_000]),
        mean_interval=st.sampled_from([0.5, 5, 60]),
        max_size=st.integers(1, 40),
    )
    def add_noise_trader(self, market: int, balance: int, mean_interval, max_size: int) -> None:
        self._add_agent(market, "noise_trader", balance, mean_interval=mean_interval, max_size=max_size)

    def _add_agent(self, market: int, kind: str, balance: int, **params: object) -> None:
        market_id = self.markets[market]
        if self._status(market_id) != "active" or self.agents >= 8:
            return
        user_id = self.simulation.add_agent(market_id, kind, {"balance": balance, **params})
        self.sim.users.append(user_id)
        self.sim.deposited += balance
        self.agents += 1

    @rule(
        user=st.integers(0, USERS - 1),
        market=st.integers(0, 1),
        is_yes=st.booleans(),
        price=st.integers(1, 99),
        count=st.integers(1, 40),
        expires_in=st.none() | st.integers(1, 120),
    )
    def place(self, user: int, market: int, is_yes: bool, price: int, count: int, expires_in) -> None:
        expiration = None if expires_in is None else self.sim.clock.now() + expires_in
        try:
            order = self.sim.engine.place(
                self.sim.users[user], self.markets[market], is_yes, price, count, expiration=expiration
            )
        except ApiError as error:
            assert error.status == 400
            return
        self.order_ids.append(order.order_id)

    @precondition(lambda self: self.order_ids)
    @rule(pick=st.integers(0, 10_000))
    def cancel(self, pick: int) -> None:
        order = self.sim.engine.orders[self.order_ids[pick % len(self.order_ids)]]
        try:
            self.sim.engine.cancel(order.user_id, order.order_id)
        except ApiError as error:
            assert error.code in ("order_not_resting", "exchange_inactive")

    @rule(seconds=st.sampled_from([0, 0.5, 1, 7, 60, 300]))
    def advance(self, seconds: float) -> None:
        before = self.sim.clock.now()
        self.simulation.advance(seconds)
        assert self.sim.clock.now() == before + seconds

    @rule(exchange_active=st.booleans(), trading_active=st.booleans())
    def set_status(self, exchange_active: bool, trading_active: bool) -> None:
        self.sim.engine.set_status(exchange_active, trading_active)

    @rule(market=st.integers(0, 1), result=st.sampled_from(["close", "yes", "no"]))
    def end(self, market: int, result: str) -> None:
        market_id = self.markets[market]
        status = self._status(market_id)
        if result == "close" and status == "active":
            self.sim.engine.close_market(market_id)
        elif result != "close" and status != "settled":
            self.sim.engine.settle(market_id, result)
        else:
            return
        assert self.sim.book(market_id) == {"yes": [], "no": []}

    @invariant()
    def invariants_hold(self) -> None:
        self.sim.check()


TestMovingExchange = MovingExchange.TestCase
TestMovingExchange.settings = settings(
    max_examples=25, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
