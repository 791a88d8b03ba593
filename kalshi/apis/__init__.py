"""Every API class, re-exported: ``from kalshi.apis import AccountApi, AuthApi``."""

from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi

__all__ = ["AccountApi", "AuthApi"]
