"""Markets that move: the fair prices and simulated traders of one exchange, run by its clock.

``advance`` replaces a plain clock advance: under the exchange's lock it moves the clock to each
agent's next action in simulated-time order (expiring orders on the way, as any advance does),
lets the agent act, and ends where a plain advance would. Agents act at their own times, not at
the advance's steps, so one advance of an hour and 3,600 advances of a second give the same tape.
Everything here is rebuilt by repeating the set-up calls and clock advances that made it.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Mapping

from .accounts import Account
from .agents import Agent, MakerSettings, MarketMaker, NoiseTrader, read_settings
from .engine import Engine
from .fair_price import FairPrice, FairPriceRule
from .markets import ACTIVE


class Simulation:
    """Fair prices by market id, and the agents waiting for their next action."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._fair: dict[str, FairPrice] = {}
        self._queue: list[tuple[float, int, Agent]] = []  # heap of (next action time, sequence, agent)
        self._sequence = itertools.count()

    def set_fair_price(self, market_id: str, rule: FairPriceRule) -> None:
        """Give a just-listed market its fair price, started at its listing time."""
        with self._engine.lock:
            market = self._engine.markets[market_id]
            self._fair[market_id] = rule.start(market.created, "fair_price " + market_id)

    def fair_price(self, market_id: str) -> float | None:
        """Return the market's fair yes price in cents now, or None if it has none."""
        with self._engine.lock:
            fair = self._fair.get(market_id)
            return None if fair is None else fair.at(self._engine.clock.now())

    def add_agent(self, market_id: str, kind: str, params: Mapping[str, object]) -> str:
        """Open an account for a new agent trading ``market_id`` and return its user id.

        Everything is checked before the exchange changes. A market maker quotes at once.
        """
        settings = read_settings(kind, params)
        engine = self._engine
        with engine.lock:
            market = engine.markets[market_id]
            if market.status != ACTIVE:
                raise ValueError(f"market {market.ticker} is {market.status}: agents only trade active markets")
            fair = self._fair.get(market_id)
            now = engine.clock.now()
            if isinstance(settings, MakerSettings):
                if fair is None:
                    raise ValueError(
                        f"a market maker quotes around a fair price: list {market.ticker} with"
                        " add_market(fair_price=...)"
                    )
                user_id = self._open_account(settings.balance)
                maker = MarketMaker(user_id, market_id, fair, settings)
                self._schedule(maker.act(engine, now), maker)
            else:
                user_id = self._open_account(settings.balance)
                trader = NoiseTrader(user_id, market_id, settings)
                self._schedule(trader.first(now), trader)
            return user_id

    def advance(self, seconds: float) -> None:
        """Advance the clock by ``seconds``, letting every agent act at its times on the way."""
        engine = self._engine
        with engine.lock:
            start = engine.clock.now()
            target = start + seconds
            while self._queue and self._queue[0][0] <= target:
                when, _, agent = heapq.heappop(self._queue)
                now = engine.clock.now()
                if when > now:
                    # Both are unix times of one magnitude, so the difference is exact: the clock lands on `when`.
                    engine.advance_clock(when - now)
                self._schedule(agent.act(engine, engine.clock.now()), agent)
            now = engine.clock.now()
            engine.advance_clock(seconds if now == start else target - now)

    def _open_account(self, balance: int) -> str:
        """Register an agent's account (no e-mail: nobody logs in as it) and return its id."""
        user_id = self._engine.ids.uuid()
        self._engine.add_user(Account(user_id, None, None, [], []), balance)
        return user_id

    def _schedule(self, when: float | None, agent: Agent) -> None:
        if when is not None:
            heapq.heappush(self._queue, (when, next(self._sequence), agent))
