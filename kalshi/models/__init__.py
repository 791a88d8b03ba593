"""Every model of the API, re-exported: ``from kalshi.models import Notification``."""

from kalshi.model.account_history_entry import AccountHistoryEntry
from kalshi.model.account_history_entry_data import AccountHistoryEntryData
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.model.deposit_history import DepositHistory
from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
from kalshi.model.json_error import JSONError
from kalshi.model.login_request import LoginRequest
from kalshi.model.login_response import LoginResponse
from kalshi.model.notification import Notification
from kalshi.model.notification_list import NotificationList
from kalshi.model.order_history import OrderHistory
from kalshi.model.settlement_history import SettlementHistory
from kalshi.model.subscription_preference import SubscriptionPreference
from kalshi.model.trade_history import TradeHistory
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
from kalshi.model.user_get_notifications_response import UserGetNotificationsResponse
from kalshi.model.withdrawal_history import WithdrawalHistory

__all__ = [
    "AccountHistoryEntry",
    "AccountHistoryEntryData",
    "ChangeSubscriptionRequest",
    "DepositHistory",
    "GetNotificationPreferencesResponse",
    "JSONError",
    "LoginRequest",
    "LoginResponse",
    "Notification",
    "NotificationList",
    "OrderHistory",
    "SettlementHistory",
    "SubscriptionPreference",
    "TradeHistory",
    "UserGetAccountHistoryResponse",
    "UserGetNotificationsResponse",
    "WithdrawalHistory",
]
