"""Reads of the exchange's state, each under the engine's lock, returned as fresh wire dicts.

Reads first apply what the simulated clock has passed (``Engine.sweep``: due orders expire, due
markets close), so nobody sees an order or a market the clock has already ended; apart from that
nothing here changes any state (a position read for a market never traded is a detached zero).
"""

from __future__ import annotations

from collections.abc import Callable

from .engine import Engine
from .errors import ApiError
from .markets import Market
from .orders import RESTING, Fill, Order
from .responses import JsonDict
from .wire import order_wire, position_wire, public_trade_wire, user_trade_wire


class Queries:
    """The read side of one exchange."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def status(self) -> tuple[bool, bool]:
        """Return (exchange_active, trading_active)."""
        with self._engine.lock:
            return self._engine.exchange_active, self._engine.trading_active

    def market(self, market_id: str) -> JsonDict:
        """Return one market's wire form (404 if unknown)."""
        with self._engine.lock:
            self._engine.sweep()
            return self._market_wire(self._engine.known_market(market_id))

    def market_by_ticker(self, ticker: str) -> JsonDict:
        """Return one market's wire form by ticker (404 if unknown)."""
        with self._engine.lock:
            self._engine.sweep()
            market_id = self._engine.tickers.get(ticker)
            if market_id is None:
                raise ApiError(404, "not_found", f"no market with ticker {ticker!r}")
            return self._market_wire(self._engine.markets[market_id])

    def markets(self) -> list[JsonDict]:
        """Return every market, in listing order."""
        with self._engine.lock:
            self._engine.sweep()
            return [self._market_wire(market) for market in self._engine.markets.values()]

    def ranged(self, ranged_id: str | None = None, ticker: str | None = None) -> JsonDict:
        """Return a ranged market by id or ticker (404 if unknown)."""
        with self._engine.lock:
            for ranged in self._engine.ranged.values():
                if ranged.ranged_id == ranged_id or ranged.ticker == ticker:
                    return ranged.wire()
        raise ApiError(404, "not_found", "no such ranged market")

    def order_book(self, market_id: str) -> JsonDict:
        """Return ``{"yes": levels, "no": levels}``, each ``[price, count]`` best first."""
        with self._engine.lock:
            self._engine.sweep()
            self._engine.known_market(market_id)
            book = self._engine.books[market_id]
            return {"yes": book.levels(True), "no": book.levels(False)}

    def stats_history(self, market_id: str, since: int | None) -> list[JsonDict]:
        """Return the market's stats points with ``ts >= since``, oldest first."""
        with self._engine.lock:
            stats = self._engine.known_market(market_id).stats
            return [dict(point) for point in stats if since is None or point["ts"] >= since]

    def public_trades(self, keep: Callable[[Fill], bool]) -> list[JsonDict]:
        """Return every execution ``keep`` accepts, newest first."""
        with self._engine.lock:
            return [public_trade_wire(fill) for fill in reversed(self._engine.tape) if keep(fill)]

    def orders(self, user_id: str, keep: Callable[[Order], bool], queue: bool) -> list[JsonDict]:
        """Return the user's orders ``keep`` accepts, newest first, with queue positions if asked."""
        with self._engine.lock:
            self._engine.sweep()
            # Each price level is walked once per listing, so listing stays linear in the orders.
            levels: dict[tuple[str, bool, int], dict[str, int]] = {}
            return [
                order_wire(order, self._queue_position(order, levels) if queue else 0)
                for order in reversed(self._engine.user_orders[user_id])
                if keep(order)
            ]

    def snapshot(self, order: Order) -> JsonDict:
        """Return ``order`` in wire form as it is now."""
        with self._engine.lock:
            return order_wire(order)

    def fills(self, user_id: str, keep: Callable[[Fill, bool], bool]) -> list[JsonDict]:
        """Return the user's side of every execution ``keep`` accepts, newest first."""
        with self._engine.lock:
            return [
                user_trade_wire(fill, is_taker)
                for fill, is_taker in reversed(self._engine.user_fills[user_id])
                if keep(fill, is_taker)
            ]

    def positions(self, user_id: str) -> list[JsonDict]:
        """Return the user's MarketPosition in every market they ever traded or ordered in."""
        with self._engine.lock:
            self._engine.sweep()
            holdings = self._engine.ledger.wallets[user_id].holdings
            markets = list(dict.fromkeys([*holdings, *(o.market_id for o in self._engine.user_orders[user_id])]))
            return [self._position_wire(user_id, market_id) for market_id in markets]

    def position(self, user_id: str, market_id: str) -> JsonDict:
        """Return the user's MarketPosition in one market (zeros if never traded; 404 if unknown)."""
        with self._engine.lock:
            self._engine.sweep()
            self._engine.known_market(market_id)
            return self._position_wire(user_id, market_id)

    def balance(self, user_id: str) -> int:
        """Return the user's available balance in cents."""
        with self._engine.lock:
            self._engine.sweep()
            return self._engine.ledger.wallets[user_id].available

    def portfolio(self, user_id: str, min_ts: float | None, max_ts: float | None) -> list[JsonDict]:
        """Return the user's PortfolioMeasurements within [min_ts, max_ts], oldest first."""
        with self._engine.lock:
            self._engine.sweep()
            return [
                dict(point)
                for point in self._engine.ledger.wallets[user_id].measurements
                if (min_ts is None or point["ts"] >= min_ts) and (max_ts is None or point["ts"] <= max_ts)
            ]

    def market_ids(self) -> list[str]:
        """Return every market id, in listing order."""
        with self._engine.lock:
            return list(self._engine.markets)

    def has_market(self, market_id: str) -> bool:
        """Tell whether ``market_id`` is listed."""
        with self._engine.lock:
            return market_id in self._engine.markets

    def _market_wire(self, market: Market) -> JsonDict:
        yes_bid, yes_ask = self._engine.quote(market.market_id)
        return market.wire(yes_bid, yes_ask, self._engine.clock.now())

    def _position_wire(self, user_id: str, market_id: str) -> JsonDict:
        holding = self._engine.ledger.held(user_id, market_id)
        resting = sum(
            1 for o in self._engine.user_orders[user_id] if o.market_id == market_id and o.status == RESTING
        )
        return position_wire(user_id, market_id, holding, resting)

    def _queue_position(self, order: Order, levels: dict[tuple[str, bool, int], dict[str, int]]) -> int:
        if order.status != RESTING:
            return 0
        level = (order.market_id, order.is_yes, order.price)
        if level not in levels:
            levels[level] = self._engine.books[order.market_id].queue_at(order.is_yes, order.price)
        return levels[level][order.order_id]
