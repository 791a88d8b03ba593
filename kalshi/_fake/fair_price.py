"""Fair prices of simulated markets: fixed, a seeded random walk, or a path of (time, price) points.

``server.add_market(..., fair_price=spec)`` reads ``spec`` with ``read_fair_price`` (every check
before the exchange changes), and the rule it returns is started when the market is listed. A
market maker quotes around ``at(ts)``, the fair yes price in cents (1 to 99) at simulated time
``ts``. Times only move forward, so the random walk draws its steps lazily, one per ``step``
seconds from the listing: the same prices come out however the clock is advanced.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, Union

from .setup_checks import check_names, check_number

# What add_market(fair_price=...) accepts: a number, a random walk's settings, or (time, price) points.
FairPriceSpec = Union[None, float, Mapping[str, float], Sequence[Sequence[float]]]

LOWEST, HIGHEST = 1.0, 99.0
WALK_DEFAULTS = {"start": 50.0, "volatility": 5.0, "step": 60.0}
_HOUR = 3600.0


class FairPrice(Protocol):
    def at(self, ts: float) -> float:
        """Return the fair yes price in cents at simulated time ``ts`` (never earlier than asked before)."""


class FairPriceRule(Protocol):
    def start(self, listed: float, seed: str) -> FairPrice:
        """Return the fair price of a market listed at ``listed``; ``seed`` seeds its randomness."""


@dataclass(frozen=True)
class FixedPrice:
    """A fair price that never moves."""

    price: float

    def start(self, listed: float, seed: str) -> FairPrice:
        return self

    def at(self, ts: float) -> float:
        return self.price


@dataclass(frozen=True)
class RandomWalkRule:
    """Every ``step`` seconds the price moves by a normal draw; ``volatility`` is its spread over an hour."""

    start_price: float
    volatility: float  # standard deviation, in cents, of the change over one hour
    step: float

    def start(self, listed: float, seed: str) -> FairPrice:
        return RandomWalk(self, listed, random.Random(seed))  # noqa: S311 - a reproducible simulation


class RandomWalk:
    """A running random walk, reflected at 1 and 99 cents so it stays a price."""

    def __init__(self, rule: RandomWalkRule, listed: float, rng: random.Random) -> None:
        self._rule = rule
        self._listed = listed
        self._rng = rng
        self._sigma = rule.volatility * math.sqrt(rule.step / _HOUR)
        self._steps = 0
        self._price = rule.start_price

    def at(self, ts: float) -> float:
        due = int((ts - self._listed) // self._rule.step)
        while self._steps < due:
            self._steps += 1
            self._price = _reflect(self._price + self._rng.gauss(0.0, self._sigma))
        return self._price


@dataclass(frozen=True)
class PathRule:
    """Prices at given seconds after the listing, joined by straight lines; flat before and after.

    Points at the same second (a recorded history often has some) are a jump: the last one counts.
    """

    times: tuple[float, ...]
    prices: tuple[float, ...]

    def start(self, listed: float, seed: str) -> FairPrice:
        return PricePath(tuple(listed + t for t in self.times), self.prices)


@dataclass(frozen=True)
class PricePath:
    times: tuple[float, ...]  # simulated unix seconds, increasing
    prices: tuple[float, ...]

    def at(self, ts: float) -> float:
        after = bisect.bisect_right(self.times, ts)
        if after == 0:
            return self.prices[0]
        if after == len(self.times):
            return self.prices[-1]
        t0, t1 = self.times[after - 1], self.times[after]
        p0, p1 = self.prices[after - 1], self.prices[after]
        return p0 + (p1 - p0) * (ts - t0) / (t1 - t0)


def read_fair_price(spec: object) -> FairPriceRule | None:
    """Check a ``fair_price=`` argument and return its rule (None for None); TypeError/ValueError if bad."""
    if spec is None:
        return None
    if isinstance(spec, (int, float)) and not isinstance(spec, bool):
        return FixedPrice(check_number("fair_price", spec, LOWEST, HIGHEST))
    if isinstance(spec, Mapping):
        return _read_walk(spec)
    if isinstance(spec, (list, tuple)):
        return _read_path(spec)
    raise TypeError(
        "fair_price must be a price (1 to 99), a dict of random walk settings"
        f" or a list of (seconds, price) points, not {type(spec).__name__}"
    )


def _read_walk(spec: Mapping[object, object]) -> RandomWalkRule:
    if not all(isinstance(key, str) for key in spec):
        raise TypeError("fair_price random walk settings must have str keys")
    settings = {str(key): value for key, value in spec.items()}
    check_names("fair_price random walk", settings, WALK_DEFAULTS)
    values = {**WALK_DEFAULTS, **settings}
    return RandomWalkRule(
        start_price=check_number("fair_price start", values["start"], LOWEST, HIGHEST),
        volatility=check_number("fair_price volatility", values["volatility"], 0.0, HIGHEST),
        step=check_number("fair_price step", values["step"], 1.0),
    )


def _read_path(points: Sequence[object]) -> PathRule:
    if not points:
        raise ValueError("fair_price needs at least one (seconds, price) point")
    times: list[float] = []
    prices: list[float] = []
    for index, point in enumerate(points):
        if not isinstance(point, (list, tuple)) or len(point) != 2:
            raise TypeError(f"fair_price point {index} must be a (seconds, price) pair, not {point!r}")
        seconds = check_number(f"fair_price point {index} seconds", point[0], 0.0)
        if times and seconds < times[-1]:
            raise ValueError(f"fair_price point {index}: times must not decrease ({seconds} after {times[-1]})")
        times.append(seconds)
        prices.append(check_number(f"fair_price point {index} price", point[1], LOWEST, HIGHEST))
    return PathRule(tuple(times), tuple(prices))


def _reflect(price: float) -> float:
    """Fold a step past either bound back inside it."""
    if price < LOWEST:
        price = 2 * LOWEST - price
    elif price > HIGHEST:
        price = 2 * HIGHEST - price
    return min(max(price, LOWEST), HIGHEST)
