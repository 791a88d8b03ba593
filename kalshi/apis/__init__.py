"""Every API class, loaded on first use: ``from kalshi.apis import MarketApi, UserApi``.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kalshi._common.lazy import Dir, Getattr, lazy_exports

if TYPE_CHECKING:
    from kalshi.api.account_api import AccountApi
    from kalshi.api.auth_api import AuthApi
    from kalshi.api.default_api import DefaultApi
    from kalshi.api.exchange_api import ExchangeApi
    from kalshi.api.market_api import MarketApi
    from kalshi.api.portfolio_api import PortfolioApi
    from kalshi.api.ranged_market_api import RangedMarketApi
    from kalshi.api.ranged_markets_api import RangedMarketsApi
    from kalshi.api.user_api import UserApi

_MODULES = {
    "AccountApi": "kalshi.api.account_api",
    "AuthApi": "kalshi.api.auth_api",
    "DefaultApi": "kalshi.api.default_api",
    "ExchangeApi": "kalshi.api.exchange_api",
    "MarketApi": "kalshi.api.market_api",
    "PortfolioApi": "kalshi.api.portfolio_api",
    "RangedMarketApi": "kalshi.api.ranged_market_api",
    "RangedMarketsApi": "kalshi.api.ranged_markets_api",
    "UserApi": "kalshi.api.user_api",
}

__all__ = [
    "AccountApi",
    "AuthApi",
    "DefaultApi",
    "ExchangeApi",
    "MarketApi",
    "PortfolioApi",
    "RangedMarketApi",
    "RangedMarketsApi",
    "UserApi",
]

__getattr__: Getattr
__dir__: Dir
__getattr__, __dir__ = lazy_exports(__name__, _MODULES)
