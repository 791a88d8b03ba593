"""Endpoint tables of the ``market`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import PATH, QUERY, Endpoint, Param

__all__ = [
    "GET_MARKET",
    "GET_MARKETS",
    "GET_MARKETS_CACHED",
    "GET_MARKET_BY_TICKER",
    "GET_MARKET_BY_TICKER_CACHED",
    "GET_MARKET_CACHED",
    "GET_MARKET_HISTORY",
    "GET_MARKET_HISTORY_CACHED",
    "GET_MARKET_ORDER_BOOK_CACHED",
]

GET_MARKET = Endpoint(
    'GetMarket',
    'get_market',
    'GET',
    '/markets/{market_id}',
    (Param('market_id', 'market_id', PATH, str, required=True),),
    "UserGetMarketResponse",
    auth=False,
)

GET_MARKET_BY_TICKER = Endpoint(
    'GetMarketByTicker',
    'get_market_by_ticker',
    'GET',
    '/markets_by_ticker/{ticker_name}',
    (Param('ticker_name', 'ticker_name', PATH, str, required=True),),
    "UserGetMarketResponse",
    auth=False,
)

GET_MARKET_BY_TICKER_CACHED = Endpoint(
    'GetMarketByTickerCached',
    'get_market_by_ticker_cached',
    'GET',
    '/cached/markets_by_ticker/{ticker_name}',
    (Param('ticker_name', 'ticker_name', PATH, str, required=True),),
    "UserGetMarketResponse",
    auth=False,
)

GET_MARKET_CACHED = Endpoint(
    'GetMarketCached',
    'get_market_cached',
    'GET',
    '/cached/markets/{market_id}',
    (Param('market_id', 'market_id', PATH, str, required=True),),
    "UserGetMarketResponse",
    auth=False,
)

GET_MARKET_HISTORY = Endpoint(
    'GetMarketHistory',
    'get_market_history',
    'GET',
    '/markets/{market_id}/stats_history',
    (Param('market_id', 'market_id', PATH, str, required=True), Param('last_seen_ts', 'last_seen_ts', QUERY, int)),
    "GetMarketHistoryResponse",
    auth=False,
)

GET_MARKET_HISTORY_CACHED = Endpoint(
    'GetMarketHistoryCached',
    'get_market_history_cached',
    'GET',
    '/cached/markets/{market_id}/stats_history',
    (Param('market_id', 'market_id', PATH, str, required=True), Param('last_seen_ts', 'last_seen_ts', QUERY, int)),
    "GetMarketHistoryResponse",
    auth=False,
)

GET_MARKET_ORDER_BOOK_CACHED = Endpoint(
    'GetMarketOrderBookCached',
    'get_market_order_book_cached',
    'GET',
    '/markets/{market_id}/order_book',
    (Param('market_id', 'market_id', PATH, str, required=True),),
    "GetMarketOrderBookResponse",
    auth=False,
)

GET_MARKETS = Endpoint(
    'GetMarkets',
    'get_markets',
    'GET',
    '/markets',
    (),
    "UserGetMarketsResponse",
    auth=False,
)

GET_MARKETS_CACHED = Endpoint(
    'GetMarketsCached',
    'get_markets_cached',
    'GET',
    '/cached/markets',
    (),
    "UserGetMarketsResponse",
    auth=False,
)
