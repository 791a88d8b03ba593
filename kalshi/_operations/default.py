"""Endpoint tables of the ``default`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import QUERY, Endpoint, Param

__all__ = ["GET_TRADES"]

GET_TRADES = Endpoint(
    'GetTrades',
    'get_trades',
    'GET',
    '/trades',
    (
        Param('trades_date', 'trades_date', QUERY, str),
        Param('page_size', 'page_size', QUERY, int),
        Param('page_number', 'page_number', QUERY, int),
    ),
    "TradesGetResponse",
    auth=False,
)
