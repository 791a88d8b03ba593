"""The exchange's invariants with simulated traders active: test_invariants.py's state machine, with agents.

The same users place, cancel and decrease orders, move cash, pause the exchange, close and
settle markets, but both markets now move (a random walk and a price path): every run starts
with a funded market maker and noise trader, more agents (some short of cash) can join, and
every clock advance lets them act. After every step the checker reads what users and agents can
see: yes held == no held per market, cash conserved, nothing negative.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule

from kalshi._fake.fair_price import read_fair_price
from kalshi._fake.simulation import Simulation

from .test_invariants import Exchange

FAIR_PRICES = ({"start": 50, "volatility": 40, "step": 1}, [(0, 20), (600, 80), (1200, 35)])
MAX_AGENTS = 8


class MovingExchange(Exchange):
    def __init__(self) -> None:
        super().__init__()
        self.simulation = Simulation(self.sim.engine)
        self.agents = 0

    @initialize(spread=st.integers(1, 6), mean_interval=st.sampled_from([1, 10]))
    def set_up(self, spread: int, mean_interval: int) -> None:  # replaces Exchange.set_up
        super().set_up()
        for market_id, fair_price in zip(self.markets, FAIR_PRICES):
            rule = read_fair_price(fair_price)
            assert rule is not None
            self.simulation.set_fair_price(market_id, rule)
        self._add_agent(0, "market_maker", 100_000, spread=spread)
        self._add_agent(0, "noise_trader", 100_000, mean_interval=mean_interval)
        self.simulation.advance(120)  # so every run has trades before the rules mix in

    @rule(
        market=st.integers(0, 1),
        balance=st.sampled_from([0, 300, 5_000, 200_000]),
        spread=st.integers(1, 10),
        depth=st.integers(1, 30),
        levels=st.integers(1, 3),
        interval=st.sampled_from([0.5, 1, 7.5, 30]),
    )
    def add_market_maker(self, market: int, balance: int, spread: int, depth: int, levels: int, interval) -> None:
        self._add_agent(market, "market_maker", balance, spread=spread, depth=depth, levels=levels, interval=interval)

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
        if self.sim.queries.market(market_id)["status"] != "active" or self.agents >= MAX_AGENTS:
            return
        self.sim.users.append(self.simulation.add_agent(market_id, kind, {"balance": balance, **params}))
        self.sim.deposited += balance
        self.agents += 1

    @rule(seconds=st.sampled_from([0, 0.5, 1, 7, 60, 300]))
    def advance(self, seconds: float) -> None:  # replaces Exchange.advance: the agents act on the way
        before = self.sim.clock.now()
        self.simulation.advance(seconds)
        assert self.sim.clock.now() == before + seconds


TestMovingExchange = MovingExchange.TestCase
TestMovingExchange.settings = settings(
    max_examples=30, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
