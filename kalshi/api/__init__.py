"""The API classes, one module each: ``from kalshi.api import account_api``."""
