"""Tickers and market ids, resolved once per client: a market's ticker and id never change.

A ``market`` argument is a market id (a UUID, as every v1 market id is) or a ticker (anything
else). ``MarketIds`` maps both to the id, and ids back to tickers, filled by every market the
client reads (``markets.list`` fills it for all of them). Safe between threads: each lookup and
store is one dict operation; two threads asking for a new ticker at the same moment may both look
it up, and store the same answer.
"""

from __future__ import annotations

from typing import Callable, Optional

from kalshi._common.ids import is_uuid
from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model.market import Market

__all__ = ["MarketIds", "check_market"]

# Entries kept at most: ids and tickers a program uses are few; past this the maps start afresh.
_LIMIT = 10_000


class MarketIds:
    """Market id of a ticker or id (``id_of``), ticker of an id (``ticker_of``)."""

    __slots__ = ("_ids", "_tickers")

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}  # ticker or id -> id
        self._tickers: dict[str, str] = {}  # id -> ticker

    def id_of(self, market: str, lookup: Callable[[str], Market]) -> str:
        """The id of ``market``; a ticker seen for the first time is looked up with ``lookup``."""
        if market.__class__ is str:  # an unhashable argument must not reach the dict
            found = self._ids.get(market)
            if found is not None:
                return found
        check_market(market)
        if is_uuid(market):
            self._store(self._ids, market, market)
            return market
        resolved = lookup(market)
        self.remember(resolved)
        if resolved.id is None:
            raise ApiValueError(f"the exchange answered market {market!r} without an id", path_to_item=["market"])
        return resolved.id

    def ticker_of(self, market_id: str) -> Optional[str]:
        """The ticker of ``market_id`` if this client has read that market, else None."""
        return self._tickers.get(market_id)

    def remember(self, market: Market) -> None:
        """Keep the id and ticker of a market the client read."""
        if market.id is not None and market.ticker_name:
            self._store(self._ids, market.ticker_name, market.id)
            self._store(self._tickers, market.id, market.ticker_name)

    @staticmethod
    def _store(mapping: dict[str, str], key: str, value: str) -> None:
        if len(mapping) >= _LIMIT:
            mapping.clear()
        mapping[key] = value


def check_market(market: object, name: str = "market") -> None:
    """Refuse a ``market`` argument that is not a non-empty str, before anything is sent."""
    if not isinstance(market, str):
        raise ApiTypeError(
            f"{name} must be a ticker or a market id (str), got {type(market).__name__}", path_to_item=[name]
        )
    if not market.strip():
        raise ApiValueError(f"{name} must be a ticker or a market id, got {market!r}", path_to_item=[name])
