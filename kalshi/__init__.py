"""Kalshi v1 trading API SDK: markets, orders, positions, portfolio, account and session.

    import kalshi

    with kalshi.Kalshi(host=kalshi.DEMO_HOST) as client:  # KALSHI_EMAIL / KALSHI_PASSWORD
        order = client.orders.create("FED-23DEC-T3.00", side="yes", count=10, price=40)

The generated API classes, as the seed documents them:

    import kalshi
    from kalshi.api import account_api

    with kalshi.ApiClient(kalshi.Configuration(host=kalshi.DEMO_HOST)) as api_client:
        api_client.login("me@example.com", "my-password")
        history = account_api.AccountApi(api_client).user_get_account_history(api_client.user_id)

Every name below loads its module on first use (PEP 562), so ``import kalshi`` stays cheap: the
API classes, the client and the models it does not need are not imported until asked for.
"""

import sys as _sys
from typing import TYPE_CHECKING, Dict

from kalshi._common.constants import DEFAULT_HOST, DEMO_HOST
from kalshi._common.lazy import Dir, Getattr, lazy_exports
from kalshi._version import __version__

if TYPE_CHECKING:
    from kalshi._trading.client import Kalshi
    from kalshi.api.account_api import AccountApi
    from kalshi.api.auth_api import AuthApi
    from kalshi.api.default_api import DefaultApi
    from kalshi.api.exchange_api import ExchangeApi
    from kalshi.api.market_api import MarketApi
    from kalshi.api.portfolio_api import PortfolioApi
    from kalshi.api.ranged_market_api import RangedMarketApi
    from kalshi.api.ranged_markets_api import RangedMarketsApi
    from kalshi.api.user_api import UserApi
    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions
    from kalshi.configuration import Configuration
    from kalshi.exceptions import (
        ApiAttributeError,
        ApiClientClosedError,
        ApiConnectionError,
        ApiDecodeError,
        ApiException,
        ApiKeyError,
        ApiPagingError,
        ApiResponseTooLargeError,
        ApiResponseTypeError,
        ApiTimeoutError,
        ApiTypeError,
        ApiValueError,
        BadRequestException,
        ForbiddenException,
        NotFoundException,
        OpenApiException,
        OrderOutcomeUnknownError,
        OrderWaitTimeoutError,
        ServiceException,
        TooManyRequestsException,
        UnauthorizedException,
    )
    from kalshi.exchange_status import ExchangeStatus

# Public name -> the module that defines it, imported on first access.
_LAZY: Dict[str, str] = {
    "AccountApi": "kalshi.api.account_api",
    "AuthApi": "kalshi.api.auth_api",
    "DefaultApi": "kalshi.api.default_api",
    "ExchangeApi": "kalshi.api.exchange_api",
    "MarketApi": "kalshi.api.market_api",
    "PortfolioApi": "kalshi.api.portfolio_api",
    "RangedMarketApi": "kalshi.api.ranged_market_api",
    "RangedMarketsApi": "kalshi.api.ranged_markets_api",
    "UserApi": "kalshi.api.user_api",
    "ApiClient": "kalshi.api_client",
    "Configuration": "kalshi.configuration",
    "ApiResponse": "kalshi.calls",
    "AsyncResult": "kalshi.calls",
    "CallOptions": "kalshi.calls",
    "ExchangeStatus": "kalshi.exchange_status",
    # The trader's client: its package (resources, order checks) loads only when this is touched.
    "Kalshi": "kalshi._trading.client",
}

__all__ = [
    "DEFAULT_HOST",
    "DEMO_HOST",
    "AccountApi",
    "ApiAttributeError",
    "ApiClient",
    "ApiClientClosedError",
    "ApiConnectionError",
    "ApiDecodeError",
    "ApiException",
    "ApiKeyError",
    "ApiPagingError",
    "ApiResponse",
    "ApiResponseTooLargeError",
    "ApiResponseTypeError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "AsyncResult",
    "AuthApi",
    "BadRequestException",
    "CallOptions",
    "Configuration",
    "DefaultApi",
    "ExchangeApi",
    "ExchangeStatus",
    "ForbiddenException",
    "Kalshi",
    "MarketApi",
    "NotFoundException",
    "OpenApiException",
    "OrderOutcomeUnknownError",
    "OrderWaitTimeoutError",
    "PortfolioApi",
    "RangedMarketApi",
    "RangedMarketsApi",
    "ServiceException",
    "TooManyRequestsException",
    "UnauthorizedException",
    "UserApi",
    "__version__",
]

# The rest of __all__ are the classes of kalshi.exceptions: __all__ above is their one list here (the
# literal that mypy and pyright read; the imports for them and kalshi.exceptions.__all__ are checked
# against it by test/test_public_api.py).
_EAGER = ("DEFAULT_HOST", "DEMO_HOST", "__version__")
_LAZY.update((name, "kalshi.exceptions") for name in __all__ if name not in _LAZY and name not in _EAGER)

# Public submodules, reachable as ``kalshi.exceptions.X`` without an import of their own, as when
# ``import kalshi`` loaded the client eagerly.
_SUBMODULES = frozenset(
    {"api", "api_client", "apis", "calls", "configuration", "exceptions", "exchange_status", "models", "testing"}
)

__getattr__: Getattr
__dir__: Dir
__getattr__, __dir__ = lazy_exports(__name__, _LAZY, _SUBMODULES)

# Silent until the application configures logging (the library convention). logging is not imported
# for it: when the application has not loaded it yet, kalshi._common.log attaches the handler on first use.
if "logging" in _sys.modules:
    _sys.modules["logging"].getLogger("kalshi").addHandler(_sys.modules["logging"].NullHandler())
