"""``client.positions``: your position in each market, with the market's ticker."""

from __future__ import annotations

from typing import Iterable, Optional

from kalshi._operations.market import GET_MARKET, GET_MARKETS
from kalshi._operations.user import USER_GET_MARKET_POSITION, USER_GET_MARKET_POSITIONS
from kalshi._trading.caller import Resource
from kalshi._trading.collections import ModelList
from kalshi.model.market_position import MarketPosition

__all__ = ["Position", "Positions"]


class Position(MarketPosition):
    """A ``MarketPosition`` with the ``ticker`` of its market (None if the exchange has no such market)."""

    ticker: Optional[str] = None


def _with_ticker(position: MarketPosition, ticker: Optional[str]) -> Position:
    return Position.from_dict({**position.to_dict(), "ticker": ticker})


class Positions(Resource):
    """Your positions: ``list()`` and ``get(market)``."""

    __slots__ = ()

    def list(self) -> ModelList[Position]:
        """Your position in every market you have traded (a list with ``to_dataframe()``).

        Each has its market's ``ticker``: markets this client has not read yet are read once
        (one ``GET /markets``, no log-in), then remembered.
        """
        positions = self._caller.call(USER_GET_MARKET_POSITIONS, {}, "positions.list()").market_positions
        self._learn_tickers(p.market_id for p in positions)
        tickers = self._caller.state.markets
        found = [_with_ticker(p, tickers.ticker_of(p.market_id) if p.market_id else None) for p in positions]
        return ModelList(Position, found)

    def get(self, market: str) -> Position:
        """Your position in one market (ticker or id)."""
        caller = self._caller
        caller.log_in("positions.get()")
        market_id = caller.market_id(market)
        position: MarketPosition = caller.call(
            USER_GET_MARKET_POSITION, {"market_id": market_id}, "positions.get()"
        ).market_position
        self._learn_tickers([market_id])
        return _with_ticker(position, caller.state.markets.ticker_of(market_id))

    def _learn_tickers(self, market_ids: Iterable[Optional[str]]) -> None:
        """Read the markets whose tickers this client does not know: all at once, then any left one by one."""
        tickers = self._caller.state.markets
        missing = {m for m in market_ids if m and tickers.ticker_of(m) is None}
        if not missing:
            return
        for market in self._caller.call(GET_MARKETS, {}, "positions").markets:
            tickers.remember(market)
        for market_id in sorted(m for m in missing if tickers.ticker_of(m) is None):
            tickers.remember(self._caller.call(GET_MARKET, {"market_id": market_id}, "positions").market)
