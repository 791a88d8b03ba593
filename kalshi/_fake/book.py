"""One market's order book: resting bids per side, in price-time priority."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from .orders import Order


class Book:
    """Resting yes bids and no bids; a yes bid at p and a no bid at q cross when p + q >= 100."""

    def __init__(self) -> None:
        self._sides: dict[bool, dict[int, deque[Order]]] = {True: {}, False: {}}

    def add(self, order: Order) -> None:
        """Queue ``order`` at the back of its price level."""
        self._sides[order.is_yes].setdefault(order.price, deque()).append(order)

    def remove(self, order: Order) -> None:
        """Take ``order`` out of the book (it must be in it)."""
        levels = self._sides[order.is_yes]
        level = levels[order.price]
        level.remove(order)
        if not level:
            del levels[order.price]

    def restorer(self, keys: Iterable[tuple[bool, int]]) -> Callable[[], None]:
        """Return a function that puts the (side, price) levels ``keys`` back as they are now."""
        saved = {(is_yes, price): list(self._sides[is_yes].get(price, ())) for is_yes, price in keys}

        def restore() -> None:
            for (is_yes, price), orders in saved.items():
                if orders:
                    self._sides[is_yes][price] = deque(orders)
                else:
                    self._sides[is_yes].pop(price, None)

        return restore

    def matches(self, is_yes: bool, price: int, count: int) -> list[tuple[Order, int]]:
        """Return the (maker, quantity) pairs an incoming order would fill, best price first.

        Only reads the book: the engine checks the cost before anything changes.
        """
        opposite = self._sides[not is_yes]
        planned: list[tuple[Order, int]] = []
        for maker_price in sorted(opposite, reverse=True):
            if count == 0 or maker_price + price < 100:
                break
            for maker in opposite[maker_price]:
                quantity = min(count, maker.remaining)
                planned.append((maker, quantity))
                count -= quantity
                if count == 0:
                    break
        return planned

    def levels(self, is_yes: bool) -> list[list[int]]:
        """Return ``[price, resting contracts]`` levels of one side, best (highest) first."""
        levels = self._sides[is_yes]
        return [[price, sum(o.remaining for o in levels[price])] for price in sorted(levels, reverse=True)]

    def best(self, is_yes: bool) -> int | None:
        """Return the best bid of one side, or None when it is empty."""
        levels = self._sides[is_yes]
        return max(levels) if levels else None

    def queue_at(self, is_yes: bool, price: int) -> dict[str, int]:
        """Return how many contracts rest before each order (by id) at one price level."""
        ahead = 0
        queue: dict[str, int] = {}
        for order in self._sides[is_yes].get(price, ()):
            queue[order.order_id] = ahead
            ahead += order.remaining
        return queue

    def resting(self) -> list[Order]:
        """Return every resting order, oldest first."""
        orders = [o for levels in self._sides.values() for level in levels.values() for o in level]
        return sorted(orders, key=lambda o: o.sequence)
