"""``client.watchlist``: the markets on your watchlist."""

from __future__ import annotations

from typing import List

from kalshi._operations.user import USER_ADD_WATCHLIST, USER_GET_WATCHLIST, USER_REMOVE_WATCHLIST
from kalshi._trading.caller import Resource

__all__ = ["Watchlist"]


class Watchlist(Resource):
    """Your watchlist: ``list()``, ``add(market)`` and ``remove(market)``."""

    __slots__ = ()

    def list(self) -> List[str]:
        """The ids of the markets on your watchlist."""
        watchlist = self._caller.call(USER_GET_WATCHLIST, {}, "watchlist.list()").watchlist
        return list(watchlist.market_ids or ())

    def add(self, market: str) -> None:
        """Put a market (ticker or id) on your watchlist."""
        self._caller.log_in("watchlist.add()")
        market_id = self._caller.market_id(market)
        self._caller.call(USER_ADD_WATCHLIST, {"market_id": market_id}, "watchlist.add()")

    def remove(self, market: str) -> None:
        """Take a market (ticker or id) off your watchlist."""
        self._caller.log_in("watchlist.remove()")
        market_id = self._caller.market_id(market)
        self._caller.call(USER_REMOVE_WATCHLIST, {"market_id": market_id}, "watchlist.remove()")
