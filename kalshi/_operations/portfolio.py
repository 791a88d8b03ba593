"""Endpoint tables of the ``portfolio`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import BODY, PATH, Endpoint, Param

__all__ = ["USER_GET_PORTFOLIO_HISTORY"]

USER_GET_PORTFOLIO_HISTORY = Endpoint(
    'UserGetPortfolioHistory',
    'user_get_portfolio_history',
    'GET',
    '/users/{user_id}/portfolio/history',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('user_get_portfolio_history_request', '', BODY, "UserGetPortfolioHistoryRequest"),
    ),
    "UserGetPortfolioHistoryResponse",
)
