"""Endpoint tables of the ``exchange`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import Endpoint

__all__ = ["GET_EXCHANGE_STATUS"]

GET_EXCHANGE_STATUS = Endpoint(
    'GetExchangeStatus',
    'get_exchange_status',
    'GET',
    '/exchange/status',
    (),
    "kalshi.exchange_status.ExchangeStatus",
)
