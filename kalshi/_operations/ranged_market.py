"""Endpoint tables of the ``ranged_market`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import PATH, Endpoint, Param

__all__ = ["GET_RANGED_MARKET"]

GET_RANGED_MARKET = Endpoint(
    'GetRangedMarket',
    'get_ranged_market',
    'GET',
    '/ranged_markets/{ranged_market_id}',
    (Param('ranged_market_id', 'ranged_market_id', PATH, str, required=True),),
    "GetRangedMarketResponse",
    auth=False,
)
