"""Endpoint tables of the ``account`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import BODY, PATH, QUERY, Endpoint, Param

__all__ = [
    "CHANGE_SUBSCRIPTION",
    "GET_NOTIFICATION_PREFERENCES",
    "NOTIFICATION_MARK_READ",
    "USER_GET_ACCOUNT_HISTORY",
    "USER_GET_NOTIFICATIONS",
]

CHANGE_SUBSCRIPTION = Endpoint(
    'ChangeSubscription',
    'change_subscription',
    'PUT',
    '/users/{user_id}/subscribe',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('change_subscription_request', '', BODY, "ChangeSubscriptionRequest"),
    ),
)

GET_NOTIFICATION_PREFERENCES = Endpoint(
    'GetNotificationPreferences',
    'get_notification_preferences',
    'GET',
    '/users/{user_id}/notifications/preferences',
    (Param('user_id', 'user_id', PATH, str, required=True, session_default=True),),
    "GetNotificationPreferencesResponse",
)

NOTIFICATION_MARK_READ = Endpoint(
    'NotificationMarkRead',
    'notification_mark_read',
    'PUT',
    '/users/{user_id}/notifications/{notification_id}/read',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('notification_id', 'notification_id', PATH, str, required=True),
    ),
)

USER_GET_ACCOUNT_HISTORY = Endpoint(
    'UserGetAccountHistory',
    'user_get_account_history',
    'GET',
    '/users/{user_id}/account/history',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('should_return_deposits', 'ShouldReturnDeposits', QUERY, bool),
        Param('should_return_withdrawals', 'ShouldReturnWithdrawals', QUERY, bool),
        Param('should_return_orders', 'ShouldReturnOrders', QUERY, bool),
        Param('should_return_settlements', 'ShouldReturnSettlements', QUERY, bool),
        Param('should_return_trades', 'ShouldReturnTrades', QUERY, bool),
        Param('limit', 'Limit', QUERY, int),
    ),
    "UserGetAccountHistoryResponse",
)

USER_GET_NOTIFICATIONS = Endpoint(
    'UserGetNotifications',
    'user_get_notifications',
    'GET',
    '/users/{user_id}/notifications',
    (
        Param('user_id', 'user_id', PATH, str, required=True, session_default=True),
        Param('page_size', 'page_size', QUERY, int, required=True, maximum=50),
        Param('page_number', 'page_number', QUERY, int, required=True),
    ),
    "UserGetNotificationsResponse",
)
