"""Endpoint tables of the ``user`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from datetime import datetime

from kalshi._call.endpoint import BODY, PATH, QUERY, Endpoint, Param

__all__ = [
    "USER_ADD_WATCHLIST",
    "USER_CHANGE_PASSWORD",
    "USER_GET_BALANCE",
    "USER_GET_MARKET_POSITION",
    "USER_GET_MARKET_POSITIONS",
    "USER_GET_PROFILE",
    "USER_GET_WATCHLIST",
    "USER_ORDERS_GET",
    "USER_ORDER_CANCEL",
    "USER_ORDER_CREATE",
    "USER_ORDER_DECREASE",
    "USER_REMOVE_WATCHLIST",
    "USER_TRADES_GET",
]

USER_ADD_WATCHLIST = Endpoint(
    'UserAddWatchlist',
    'user_add_watchlist',
    'PUT',
    '/users/{user_id}/watchlist/{market_id}',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('market_id', 'market_id', PATH, str, required=True),
    ),
)

USER_CHANGE_PASSWORD = Endpoint(
    'UserChangePassword',
    'user_change_password',
    'PUT',
    '/users/{user_id}/password',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('user_change_password_request', '', BODY, "UserChangePasswordRequest"),
    ),
)

USER_GET_BALANCE = Endpoint(
    'UserGetBalance',
    'user_get_balance',
    'GET',
    '/users/{user_id}/balance',
    (Param('user_id', 'user_id', PATH, str, required=True, session_default=True),),
    "UserGetBalanceResponse",
)

USER_GET_MARKET_POSITION = Endpoint(
    'UserGetMarketPosition',
    'user_get_market_position',
    'GET',
    '/users/{user_id}/positions/{market_id}',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('market_id', 'market_id', PATH, str, required=True),
    ),
    "UserGetMarketPositionResponse",
)

USER_GET_MARKET_POSITIONS = Endpoint(
    'UserGetMarketPositions',
    'user_get_market_positions',
    'GET',
    '/users/{user_id}/positions',
    (Param('user_id', 'user_id', PATH, str, required=True, session_default=True),),
    "UserGetMarketPositionsResponse",
)

USER_GET_PROFILE = Endpoint(
    'UserGetProfile',
    'user_get_profile',
    'GET',
    '/users/{user_id}',
    (Param('user_id', 'user_id', PATH, str, required=True, session_default=True),),
    "UserGetProfileResponse",
)

USER_GET_WATCHLIST = Endpoint(
    'UserGetWatchlist',
    'user_get_watchlist',
    'GET',
    '/users/{user_id}/watchlist',
    (Param('user_id', 'user_id', PATH, str, required=True, session_default=True),),
    "UserGetWatchlistResponse",
)

USER_ORDER_CANCEL = Endpoint(
    'UserOrderCancel',
    'user_order_cancel',
    'DELETE',
    '/users/{user_id}/orders/{order_id}',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('order_id', 'order_id', PATH, str, required=True),
    ),
    "UserOrderDecreaseResponse",
)

USER_ORDER_CREATE = Endpoint(
    'UserOrderCreate',
    'user_order_create',
    'POST',
    '/users/{user_id}/orders',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('user_order_create_request', '', BODY, "UserOrderCreateRequest"),
    ),
    "UserOrderCreateResponse",
)

USER_ORDER_DECREASE = Endpoint(
    'UserOrderDecrease',
    'user_order_decrease',
    'POST',
    '/users/{user_id}/orders/{order_id}/decrease',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('order_id', 'order_id', PATH, str, required=True),
        Param('user_order_decrease_request', '', BODY, "UserOrderDecreaseRequest"),
    ),
    "UserOrderDecreaseResponse",
)

USER_ORDERS_GET = Endpoint(
    'UserOrdersGet',
    'user_orders_get',
    'GET',
    '/users/{user_id}/orders',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('market_id', 'market_id', QUERY, str),
        Param('is_yes', 'is_yes', QUERY, bool),
        Param('min_price', 'min_price', QUERY, int),
        Param('max_price', 'max_price', QUERY, int),
        Param('min_place_count', 'min_place_count', QUERY, int),
        Param('max_place_count', 'max_place_count', QUERY, int),
        Param('min_initial_count', 'min_initial_count', QUERY, int),
        Param('max_initial_count', 'max_initial_count', QUERY, int),
        Param('min_remaining_count', 'min_remaining_count', QUERY, int),
        Param('max_remaining_count', 'max_remaining_count', QUERY, int),
        Param('min_date', 'min_date', QUERY, datetime),
        Param('max_date', 'max_date', QUERY, datetime),
        Param('get_queue_position', 'get_queue_position', QUERY, bool),
        Param('status', 'status', QUERY, str),
        Param('page_size', 'page_size', QUERY, int),
        Param('page_number', 'page_number', QUERY, int),
    ),
    "UserOrdersGetResponse",
)

USER_REMOVE_WATCHLIST = Endpoint(
    'UserRemoveWatchlist',
    'user_remove_watchlist',
    'DELETE',
    '/users/{user_id}/watchlist/{market_id}',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('market_id', 'market_id', PATH, str, required=True),
    ),
)

USER_TRADES_GET = Endpoint(
    'UserTradesGet',
    'user_trades_get',
    'GET',
    '/users/{user_id}/trades',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('market_id', 'market_id', QUERY, str),
        Param('order_id', 'order_id', QUERY, str),
        Param('min_price', 'MinPrice', QUERY, int),
        Param('max_price', 'MaxPrice', QUERY, int),
        Param('min_count', 'MinCount', QUERY, int),
        Param('max_count', 'max_count', QUERY, int),
        Param('min_date', 'min_date', QUERY, datetime),
        Param('max_date', 'max_date', QUERY, datetime),
        Param('page_size', 'page_size', QUERY, int),
        Param('page_number', 'page_number', QUERY, int),
    ),
    "UserTradesGetResponse",
)
