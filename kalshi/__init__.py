"""Kalshi v1 trading API SDK: log in, account history, notifications and e-mail preferences.

    import kalshi
    from kalshi.api import account_api

    with kalshi.ApiClient(kalshi.Configuration(host=kalshi.DEMO_HOST)) as api_client:
        api_client.login("me@example.com", "my-password")
        history = account_api.AccountApi(api_client).user_get_account_history(api_client.user_id)
"""

import logging as _logging

from kalshi._constants import DEFAULT_HOST, DEMO_HOST
from kalshi._version import __version__
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.api_client import ApiClient
from kalshi.configuration import Configuration
from kalshi.exceptions import (
    ApiAttributeError,
    ApiConnectionError,
    ApiDecodeError,
    ApiException,
    ApiKeyError,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    BadRequestException,
    ForbiddenException,
    NotFoundException,
    OpenApiException,
    ServiceException,
    TooManyRequestsException,
    UnauthorizedException,
)

# Silent until the application configures logging (the library convention).
_logging.getLogger("kalshi").addHandler(_logging.NullHandler())

__all__ = [
    "DEFAULT_HOST",
    "DEMO_HOST",
    "AccountApi",
    "ApiAttributeError",
    "ApiClient",
    "ApiConnectionError",
    "ApiDecodeError",
    "ApiException",
    "ApiKeyError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "AuthApi",
    "BadRequestException",
    "Configuration",
    "ForbiddenException",
    "NotFoundException",
    "OpenApiException",
    "ServiceException",
    "TooManyRequestsException",
    "UnauthorizedException",
    "__version__",
]
