"""``client.markets``: the exchange's markets, by ticker or id. No log-in needed."""

from __future__ import annotations

from datetime import datetime
from typing import Optional, Union

from kalshi._common.ids import is_uuid
from kalshi._operations.market import (
    GET_MARKET,
    GET_MARKET_BY_TICKER,
    GET_MARKET_BY_TICKER_CACHED,
    GET_MARKET_CACHED,
    GET_MARKET_HISTORY,
    GET_MARKET_HISTORY_CACHED,
    GET_MARKET_ORDER_BOOK_CACHED,
    GET_MARKETS,
    GET_MARKETS_CACHED,
)
from kalshi._trading.caller import Resource
from kalshi._trading.markets_cache import check_market
from kalshi._trading.model_list import ModelList
from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model.get_market_history_response import GetMarketHistoryResponse
from kalshi.model.market import Market
from kalshi.model.order_book import OrderBook

__all__ = ["Markets"]


def _since_ts(since: Union[datetime, int, None]) -> Optional[int]:
    if since is None:
        return None
    if isinstance(since, datetime):
        if since.tzinfo is None or since.utcoffset() is None:
            raise ApiValueError("since must be timezone-aware, got a naive datetime", path_to_item=["since"])
        return int(since.timestamp())
    if isinstance(since, int) and not isinstance(since, bool):
        return since
    raise ApiTypeError(
        f"since must be an aware datetime, unix seconds (int) or None, got {type(since).__name__}",
        path_to_item=["since"],
    )


class Markets(Resource):
    """The exchange's markets: ``list``, ``get``, ``book`` and ``history``.

    ``market`` is a ticker (``"FED-23DEC-T3.00"``) or a market id; a ticker is resolved to its id
    once per client. ``cached=True`` reads the API's ``/cached/`` variant, where it has one.
    """

    __slots__ = ()

    def list(self, *, cached: bool = False) -> ModelList[Market]:
        """Every listed ``Market`` (a list with ``to_dataframe()`` and an HTML table)."""
        endpoint = GET_MARKETS_CACHED if cached else GET_MARKETS
        markets = self._caller.call(endpoint, {}, "markets.list()").markets
        cache = self._caller.state.markets
        for market in markets:
            cache.remember(market)
        return ModelList(Market, markets)

    def get(self, market: str, *, cached: bool = False) -> Market:
        """One ``Market``, by ticker or id (one request either way)."""
        check_market(market)
        if is_uuid(market):
            endpoint, args = (GET_MARKET_CACHED if cached else GET_MARKET), {"market_id": market}
        else:
            endpoint, args = (GET_MARKET_BY_TICKER_CACHED if cached else GET_MARKET_BY_TICKER), {"ticker_name": market}
        found: Market = self._caller.call(endpoint, args, "markets.get()").market
        self._caller.state.markets.remember(found)
        return found

    def book(self, market: str) -> OrderBook:
        """The market's ``OrderBook``: resting ``yes`` and ``no`` bids as ``(price, count)``, best first."""
        market_id = self._caller.market_id(market)
        book: OrderBook = self._caller.call(
            GET_MARKET_ORDER_BOOK_CACHED, {"market_id": market_id}, "markets.book()"
        ).order_book
        return book

    def history(
        self, market: str, *, since: Union[datetime, int, None] = None, cached: bool = False
    ) -> GetMarketHistoryResponse:
        """The market's statistics over time (price, bid/ask, volume, open interest).

        ``since``: only points after this time (an aware ``datetime`` or unix seconds). The
        result's ``market_stats_points`` are the points; it has ``to_dataframe()`` and ``plot()``.
        """
        last_seen_ts = _since_ts(since)
        market_id = self._caller.market_id(market)
        endpoint = GET_MARKET_HISTORY_CACHED if cached else GET_MARKET_HISTORY
        history: GetMarketHistoryResponse = self._caller.call(
            endpoint, {"market_id": market_id, "last_seen_ts": last_seen_ts}, "markets.history()"
        )
        return history
