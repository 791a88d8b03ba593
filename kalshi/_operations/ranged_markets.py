"""Endpoint tables of the ``ranged_markets`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import PATH, Endpoint, Param

__all__ = ["GET_RANGED_MARKET_BY_TICKER"]

GET_RANGED_MARKET_BY_TICKER = Endpoint(
    'GetRangedMarketByTicker',
    'get_ranged_market_by_ticker',
    'GET',
    '/ranged_markets_by_ticker/{ticker}',
    (Param('ticker', 'ticker', PATH, str, required=True),),
    "GetRangedMarketByTickerResponse",
    auth=False,
)
