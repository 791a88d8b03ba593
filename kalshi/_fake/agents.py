"""Simulated traders: a market maker and a noise trader, ordinary users of the exchange.

Each agent trades from its own account through ``Engine.place`` and ``Engine.cancel``, so the
same rules, fees and conservation apply to it as to anyone; a refusal (no cash, trading paused)
just skips that action. ``act`` runs at the agent's own simulated time and returns when it
wants to act next, or None once its market stopped trading. Its random draws come from a
generator seeded from its user id, itself minted by the exchange's seeded id generator: the
same set-up calls and clock advances repeat every action exactly.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from .engine import Engine
from .errors import ApiError
from .fair_price import FairPrice
from .markets import ACTIVE
from .orders import RESTING, Order
from .setup_checks import check_int, check_names, check_number

MARKET_MAKER = "market_maker"
NOISE_TRADER = "noise_trader"
KINDS = (MARKET_MAKER, NOISE_TRADER)
DEFAULT_BALANCE = 1_000_000  # $10,000.00, like the demo user
MIN_INTERVAL = 0.1  # seconds: bounds how many actions one simulated day can hold


class Agent(Protocol):
    user_id: str

    def act(self, engine: Engine, now: float) -> float | None:
        """Trade at simulated time ``now`` (the caller holds the lock); return the next time, or None."""


@dataclass(frozen=True)
class MakerSettings:
    spread: int  # cents between the best bid and the best ask
    depth: int  # contracts quoted at each price level
    levels: int  # price levels per side, a cent apart
    interval: float  # seconds between requotes
    balance: int


@dataclass(frozen=True)
class NoiseSettings:
    mean_interval: float  # mean seconds between trades (exponentially distributed)
    max_size: int  # each trade is 1 to max_size contracts
    balance: int


def read_settings(kind: str, params: Mapping[str, object]) -> MakerSettings | NoiseSettings:
    """Check ``add_agent``'s kind and parameters; TypeError or ValueError naming the bad one."""
    if kind == MARKET_MAKER:
        defaults: dict[str, object] = {"spread": 4, "depth": 10, "levels": 1, "interval": 1.0}
        check_names(kind, params, [*defaults, "balance"])
        values = {**defaults, "balance": DEFAULT_BALANCE, **params}
        return MakerSettings(
            spread=check_int("spread", values["spread"], 1, 98),
            depth=check_int("depth", values["depth"], 1, 1_000_000),
            levels=check_int("levels", values["levels"], 1, 98),
            interval=check_number("interval", values["interval"], MIN_INTERVAL),
            balance=check_int("balance", values["balance"], 0),
        )
    if kind == NOISE_TRADER:
        defaults = {"mean_interval": 60.0, "max_size": 10}
        check_names(kind, params, [*defaults, "balance"])
        values = {**defaults, "balance": DEFAULT_BALANCE, **params}
        return NoiseSettings(
            mean_interval=check_number("mean_interval", values["mean_interval"], MIN_INTERVAL),
            max_size=check_int("max_size", values["max_size"], 1, 1_000_000),
            balance=check_int("balance", values["balance"], 0),
        )
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, not {type(kind).__name__}")
    raise ValueError(f"unknown agent kind {kind!r}; kinds: {', '.join(KINDS)}")


def _place(engine: Engine, user_id: str, market_id: str, is_yes: bool, price: int, count: int) -> Order | None:
    """Place an order like any user; a refusal (no cash, trading paused) only skips it."""
    try:
        return engine.place(user_id, market_id, is_yes, price, count)
    except ApiError:
        return None


class MarketMaker:
    """Quotes ``depth`` contracts at ``levels`` prices a side, ``spread`` cents wide around the fair price.

    Every ``interval`` seconds it cancels the quotes that are no longer wanted and tops up the
    ones that were filled (a top-up queues behind the orders already at that price).
    """

    def __init__(self, user_id: str, market_id: str, fair: FairPrice, settings: MakerSettings) -> None:
        self.user_id = user_id
        self._market_id = market_id
        self._fair = fair
        self._settings = settings
        self._orders: list[Order] = []  # its orders that were resting when last seen

    def act(self, engine: Engine, now: float) -> float | None:
        if engine.markets[self._market_id].status != ACTIVE:
            return None  # closing or settling the market canceled its quotes
        wanted = self._quotes(self._fair.at(now))
        self._orders = [order for order in self._orders if order.status == RESTING]
        quoted: dict[tuple[bool, int], int] = {}
        for order in self._orders:
            key = (order.is_yes, order.price)
            if key in wanted:
                quoted[key] = quoted.get(key, 0) + order.remaining
                continue
            try:
                engine.cancel(self.user_id, order.order_id)
            except ApiError:
                pass  # an inactive exchange refuses cancels; the next requote tries again
        for (is_yes, price), count in wanted.items():
            missing = count - quoted.get((is_yes, price), 0)
            if missing > 0:
                placed = _place(engine, self.user_id, self._market_id, is_yes, price, missing)
                if placed is not None and placed.status == RESTING:
                    self._orders.append(placed)
        return now + self._settings.interval

    def _quotes(self, fair: float) -> dict[tuple[bool, int], int]:
        """Return the wanted resting orders: (is_yes, price) -> contracts. An ask at a is a no bid at 100 - a."""
        spread, depth = self._settings.spread, self._settings.depth
        bid = math.floor(fair - spread / 2 + 0.5)
        wanted: dict[tuple[bool, int], int] = {}
        for level in range(self._settings.levels):
            if 1 <= bid - level <= 99:
                wanted[(True, bid - level)] = depth
            ask = bid + spread + level
            if 1 <= ask <= 99:
                wanted[(False, 100 - ask)] = depth
        return wanted


class NoiseTrader:
    """At random times (a Poisson process) buys yes or no at the best opposite price, 1 to ``max_size`` contracts.

    It only takes what rests at that best price, so nothing of it is left in the book.
    """

    def __init__(self, user_id: str, market_id: str, settings: NoiseSettings) -> None:
        self.user_id = user_id
        self._market_id = market_id
        self._settings = settings
        self._rng = random.Random("noise_trader " + user_id)  # noqa: S311 - a reproducible simulation

    def first(self, now: float) -> float:
        """Return the time of the first trade."""
        return now + self._gap()

    def act(self, engine: Engine, now: float) -> float | None:
        if engine.markets[self._market_id].status != ACTIVE:
            return None
        # Draw before looking at the book, so the draws stay in step whatever the book holds.
        is_yes = self._rng.random() < 0.5
        size = self._rng.randint(1, self._settings.max_size)
        levels = engine.books[self._market_id].levels(not is_yes)
        if levels:
            best, resting = levels[0]
            _place(engine, self.user_id, self._market_id, is_yes, 100 - best, min(size, resting))
        return now + self._gap()

    def _gap(self) -> float:
        return self._rng.expovariate(1.0 / self._settings.mean_interval)
