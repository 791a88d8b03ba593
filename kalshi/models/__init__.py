"""Every model of the API: ``from kalshi.models import Market``.

Nothing is imported until first used (PEP 562): ``kalshi.models.Market`` imports
``kalshi.model.market`` then, and only the models it refers to.
"""

from typing import TYPE_CHECKING

from kalshi._common.lazy import Dir, Getattr, lazy_exports

if TYPE_CHECKING:
    from kalshi.model.account_history_entry import AccountHistoryEntry
    from kalshi.model.account_history_entry_data import AccountHistoryEntryData
    from kalshi.model.bank_account_details import BankAccountDetails
    from kalshi.model.cent import Cent
    from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
    from kalshi.model.confirm_password_reset_request import ConfirmPasswordResetRequest
    from kalshi.model.create_user_request import CreateUserRequest
    from kalshi.model.create_user_response import CreateUserResponse
    from kalshi.model.deposit import Deposit
    from kalshi.model.deposit_history import DepositHistory
    from kalshi.model.deposit_status import DepositStatus
    from kalshi.model.deposit_type import DepositType
    from kalshi.model.get_market_history_response import GetMarketHistoryResponse
    from kalshi.model.get_market_order_book_response import GetMarketOrderBookResponse
    from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
    from kalshi.model.get_ranged_market_by_ticker_response import GetRangedMarketByTickerResponse
    from kalshi.model.get_ranged_market_response import GetRangedMarketResponse
    from kalshi.model.get_ranged_markets_response import GetRangedMarketsResponse
    from kalshi.model.get_user_deposits_response import GetUserDepositsResponse
    from kalshi.model.get_user_withdrawals_response import GetUserWithdrawalsResponse
    from kalshi.model.json_error import JSONError
    from kalshi.model.login_request import LoginRequest
    from kalshi.model.login_response import LoginResponse
    from kalshi.model.market import Market
    from kalshi.model.market_option_type import MarketOptionType
    from kalshi.model.market_position import MarketPosition
    from kalshi.model.market_stats_point import MarketStatsPoint
    from kalshi.model.market_status import MarketStatus
    from kalshi.model.notification import Notification
    from kalshi.model.notification_list import NotificationList
    from kalshi.model.order import Order
    from kalshi.model.order_book import OrderBook
    from kalshi.model.order_history import OrderHistory
    from kalshi.model.order_list import OrderList
    from kalshi.model.order_status import OrderStatus
    from kalshi.model.portfolio_measurement import PortfolioMeasurement
    from kalshi.model.price_level import PriceLevel
    from kalshi.model.public_trade import PublicTrade
    from kalshi.model.public_trade_list import PublicTradeList
    from kalshi.model.ranged_market import RangedMarket
    from kalshi.model.reset_password_request import ResetPasswordRequest
    from kalshi.model.settlement_history import SettlementHistory
    from kalshi.model.settlement_source import SettlementSource
    from kalshi.model.side import Side
    from kalshi.model.subscription_preference import SubscriptionPreference
    from kalshi.model.trade_history import TradeHistory
    from kalshi.model.trade_status import TradeStatus
    from kalshi.model.trades_get_response import TradesGetResponse
    from kalshi.model.user import User
    from kalshi.model.user_change_password_request import UserChangePasswordRequest
    from kalshi.model.user_deposit_request import UserDepositRequest
    from kalshi.model.user_deposit_response import UserDepositResponse
    from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
    from kalshi.model.user_get_balance_response import UserGetBalanceResponse
    from kalshi.model.user_get_market_position_response import UserGetMarketPositionResponse
    from kalshi.model.user_get_market_positions_response import UserGetMarketPositionsResponse
    from kalshi.model.user_get_market_response import UserGetMarketResponse
    from kalshi.model.user_get_markets_response import UserGetMarketsResponse
    from kalshi.model.user_get_notifications_response import UserGetNotificationsResponse
    from kalshi.model.user_get_portfolio_history_request import UserGetPortfolioHistoryRequest
    from kalshi.model.user_get_portfolio_history_response import UserGetPortfolioHistoryResponse
    from kalshi.model.user_get_portfolio_value_response import UserGetPortfolioValueResponse
    from kalshi.model.user_get_profile_response import UserGetProfileResponse
    from kalshi.model.user_get_watchlist_response import UserGetWatchlistResponse
    from kalshi.model.user_list_ledgerx_bank_accounts_response import UserListLedgerxBankAccountsResponse
    from kalshi.model.user_order_create_request import UserOrderCreateRequest
    from kalshi.model.user_order_create_response import UserOrderCreateResponse
    from kalshi.model.user_order_decrease_request import UserOrderDecreaseRequest
    from kalshi.model.user_order_decrease_response import UserOrderDecreaseResponse
    from kalshi.model.user_orders_get_response import UserOrdersGetResponse
    from kalshi.model.user_trade import UserTrade
    from kalshi.model.user_trade_list import UserTradeList
    from kalshi.model.user_trades_get_response import UserTradesGetResponse
    from kalshi.model.user_update_profile_request import UserUpdateProfileRequest
    from kalshi.model.user_withdrawal_request import UserWithdrawalRequest
    from kalshi.model.user_withdrawal_response import UserWithdrawalResponse
    from kalshi.model.watchlist import Watchlist
    from kalshi.model.withdrawal import Withdrawal
    from kalshi.model.withdrawal_history import WithdrawalHistory
    from kalshi.model.withdrawal_status import WithdrawalStatus

# Public name -> the module that defines it.
_MODULES = {
    "AccountHistoryEntry": "kalshi.model.account_history_entry",
    "AccountHistoryEntryData": "kalshi.model.account_history_entry_data",
    "BankAccountDetails": "kalshi.model.bank_account_details",
    "Cent": "kalshi.model.cent",
    "ChangeSubscriptionRequest": "kalshi.model.change_subscription_request",
    "ConfirmPasswordResetRequest": "kalshi.model.confirm_password_reset_request",
    "CreateUserRequest": "kalshi.model.create_user_request",
    "CreateUserResponse": "kalshi.model.create_user_response",
    "Deposit": "kalshi.model.deposit",
    "DepositHistory": "kalshi.model.deposit_history",
    "DepositStatus": "kalshi.model.deposit_status",
    "DepositType": "kalshi.model.deposit_type",
    "GetMarketHistoryResponse": "kalshi.model.get_market_history_response",
    "GetMarketOrderBookResponse": "kalshi.model.get_market_order_book_response",
    "GetNotificationPreferencesResponse": "kalshi.model.get_notification_preferences_response",
    "GetRangedMarketByTickerResponse": "kalshi.model.get_ranged_market_by_ticker_response",
    "GetRangedMarketResponse": "kalshi.model.get_ranged_market_response",
    "GetRangedMarketsResponse": "kalshi.model.get_ranged_markets_response",
    "GetUserDepositsResponse": "kalshi.model.get_user_deposits_response",
    "GetUserWithdrawalsResponse": "kalshi.model.get_user_withdrawals_response",
    "JSONError": "kalshi.model.json_error",
    "LoginRequest": "kalshi.model.login_request",
    "LoginResponse": "kalshi.model.login_response",
    "Market": "kalshi.model.market",
    "MarketOptionType": "kalshi.model.market_option_type",
    "MarketPosition": "kalshi.model.market_position",
    "MarketStatsPoint": "kalshi.model.market_stats_point",
    "MarketStatus": "kalshi.model.market_status",
    "Notification": "kalshi.model.notification",
    "NotificationList": "kalshi.model.notification_list",
    "Order": "kalshi.model.order",
    "OrderBook": "kalshi.model.order_book",
    "OrderHistory": "kalshi.model.order_history",
    "OrderList": "kalshi.model.order_list",
    "OrderStatus": "kalshi.model.order_status",
    "PortfolioMeasurement": "kalshi.model.portfolio_measurement",
    "PriceLevel": "kalshi.model.price_level",
    "PublicTrade": "kalshi.model.public_trade",
    "PublicTradeList": "kalshi.model.public_trade_list",
    "RangedMarket": "kalshi.model.ranged_market",
    "ResetPasswordRequest": "kalshi.model.reset_password_request",
    "SettlementHistory": "kalshi.model.settlement_history",
    "SettlementSource": "kalshi.model.settlement_source",
    "Side": "kalshi.model.side",
    "SubscriptionPreference": "kalshi.model.subscription_preference",
    "TradeHistory": "kalshi.model.trade_history",
    "TradeStatus": "kalshi.model.trade_status",
    "TradesGetResponse": "kalshi.model.trades_get_response",
    "User": "kalshi.model.user",
    "UserChangePasswordRequest": "kalshi.model.user_change_password_request",
    "UserDepositRequest": "kalshi.model.user_deposit_request",
    "UserDepositResponse": "kalshi.model.user_deposit_response",
    "UserGetAccountHistoryResponse": "kalshi.model.user_get_account_history_response",
    "UserGetBalanceResponse": "kalshi.model.user_get_balance_response",
    "UserGetMarketPositionResponse": "kalshi.model.user_get_market_position_response",
    "UserGetMarketPositionsResponse": "kalshi.model.user_get_market_positions_response",
    "UserGetMarketResponse": "kalshi.model.user_get_market_response",
    "UserGetMarketsResponse": "kalshi.model.user_get_markets_response",
    "UserGetNotificationsResponse": "kalshi.model.user_get_notifications_response",
    "UserGetPortfolioHistoryRequest": "kalshi.model.user_get_portfolio_history_request",
    "UserGetPortfolioHistoryResponse": "kalshi.model.user_get_portfolio_history_response",
    "UserGetPortfolioValueResponse": "kalshi.model.user_get_portfolio_value_response",
    "UserGetProfileResponse": "kalshi.model.user_get_profile_response",
    "UserGetWatchlistResponse": "kalshi.model.user_get_watchlist_response",
    "UserListLedgerxBankAccountsResponse": "kalshi.model.user_list_ledgerx_bank_accounts_response",
    "UserOrderCreateRequest": "kalshi.model.user_order_create_request",
    "UserOrderCreateResponse": "kalshi.model.user_order_create_response",
    "UserOrderDecreaseRequest": "kalshi.model.user_order_decrease_request",
    "UserOrderDecreaseResponse": "kalshi.model.user_order_decrease_response",
    "UserOrdersGetResponse": "kalshi.model.user_orders_get_response",
    "UserTrade": "kalshi.model.user_trade",
    "UserTradeList": "kalshi.model.user_trade_list",
    "UserTradesGetResponse": "kalshi.model.user_trades_get_response",
    "UserUpdateProfileRequest": "kalshi.model.user_update_profile_request",
    "UserWithdrawalRequest": "kalshi.model.user_withdrawal_request",
    "UserWithdrawalResponse": "kalshi.model.user_withdrawal_response",
    "Watchlist": "kalshi.model.watchlist",
    "Withdrawal": "kalshi.model.withdrawal",
    "WithdrawalHistory": "kalshi.model.withdrawal_history",
    "WithdrawalStatus": "kalshi.model.withdrawal_status",
}

__all__ = [
    "AccountHistoryEntry",
    "AccountHistoryEntryData",
    "BankAccountDetails",
    "Cent",
    "ChangeSubscriptionRequest",
    "ConfirmPasswordResetRequest",
    "CreateUserRequest",
    "CreateUserResponse",
    "Deposit",
    "DepositHistory",
    "DepositStatus",
    "DepositType",
    "GetMarketHistoryResponse",
    "GetMarketOrderBookResponse",
    "GetNotificationPreferencesResponse",
    "GetRangedMarketByTickerResponse",
    "GetRangedMarketResponse",
    "GetRangedMarketsResponse",
    "GetUserDepositsResponse",
    "GetUserWithdrawalsResponse",
    "JSONError",
    "LoginRequest",
    "LoginResponse",
    "Market",
    "MarketOptionType",
    "MarketPosition",
    "MarketStatsPoint",
    "MarketStatus",
    "Notification",
    "NotificationList",
    "Order",
    "OrderBook",
    "OrderHistory",
    "OrderList",
    "OrderStatus",
    "PortfolioMeasurement",
    "PriceLevel",
    "PublicTrade",
    "PublicTradeList",
    "RangedMarket",
    "ResetPasswordRequest",
    "SettlementHistory",
    "SettlementSource",
    "Side",
    "SubscriptionPreference",
    "TradeHistory",
    "TradeStatus",
    "TradesGetResponse",
    "User",
    "UserChangePasswordRequest",
    "UserDepositRequest",
    "UserDepositResponse",
    "UserGetAccountHistoryResponse",
    "UserGetBalanceResponse",
    "UserGetMarketPositionResponse",
    "UserGetMarketPositionsResponse",
    "UserGetMarketResponse",
    "UserGetMarketsResponse",
    "UserGetNotificationsResponse",
    "UserGetPortfolioHistoryRequest",
    "UserGetPortfolioHistoryResponse",
    "UserGetPortfolioValueResponse",
    "UserGetProfileResponse",
    "UserGetWatchlistResponse",
    "UserListLedgerxBankAccountsResponse",
    "UserOrderCreateRequest",
    "UserOrderCreateResponse",
    "UserOrderDecreaseRequest",
    "UserOrderDecreaseResponse",
    "UserOrdersGetResponse",
    "UserTrade",
    "UserTradeList",
    "UserTradesGetResponse",
    "UserUpdateProfileRequest",
    "UserWithdrawalRequest",
    "UserWithdrawalResponse",
    "Watchlist",
    "Withdrawal",
    "WithdrawalHistory",
    "WithdrawalStatus",
]

__getattr__: Getattr
__dir__: Dir
__getattr__, __dir__ = lazy_exports(__name__, _MODULES)
