"""``AccountApi``: the account endpoints under ``/users/{user_id}``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Literal, Optional, overload

from kalshi._endpoint import BODY, PATH, QUERY, Endpoint, Param
from kalshi.api_client import ApiClient
from kalshi.exceptions import ApiTypeError
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
from kalshi.model.notification import Notification
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
from kalshi.model.user_get_notifications_response import UserGetNotificationsResponse

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi._async import AsyncResult
    from kalshi.api._options import CallOptions

__all__ = ["AccountApi"]

_USER = Param("user_id", "user_id", PATH, str, required=True)

CHANGE_SUBSCRIPTION = Endpoint(
    "ChangeSubscription",
    "change_subscription",
    "PUT",
    "/users/{user_id}/subscribe",
    (_USER, Param("change_subscription_request", "", BODY, ChangeSubscriptionRequest)),
)
GET_NOTIFICATION_PREFERENCES = Endpoint(
    "GetNotificationPreferences",
    "get_notification_preferences",
    "GET",
    "/users/{user_id}/notifications/preferences",
    (_USER,),
    GetNotificationPreferencesResponse,
)
NOTIFICATION_MARK_READ = Endpoint(
    "NotificationMarkRead",
    "notification_mark_read",
    "PUT",
    "/users/{user_id}/notifications/{notification_id}/read",
    (_USER, Param("notification_id", "notification_id", PATH, str, required=True)),
)
USER_GET_ACCOUNT_HISTORY = Endpoint(
    "UserGetAccountHistory",
    "user_get_account_history",
    "GET",
    "/users/{user_id}/account/history",
    (
        _USER,
        Param("should_return_deposits", "ShouldReturnDeposits", QUERY, bool),
        Param("should_return_withdrawals", "ShouldReturnWithdrawals", QUERY, bool),
        Param("should_return_orders", "ShouldReturnOrders", QUERY, bool),
        Param("should_return_settlements", "ShouldReturnSettlements", QUERY, bool),
        Param("should_return_trades", "ShouldReturnTrades", QUERY, bool),
        Param("limit", "Limit", QUERY, int),
    ),
    UserGetAccountHistoryResponse,
)
USER_GET_NOTIFICATIONS = Endpoint(
    "UserGetNotifications",
    "user_get_notifications",
    "GET",
    "/users/{user_id}/notifications",
    (
        _USER,
        Param("page_size", "page_size", QUERY, int, required=True, maximum=50),
        Param("page_number", "page_number", QUERY, int, required=True),
    ),
    UserGetNotificationsResponse,
)


class AccountApi:
    """E-mail subscription, notifications and account history of the logged-in user.

    Every method takes the ``user_id`` returned by the last log-in, and accepts the per-call
    options ``async_req``, ``_request_timeout``, ``_return_http_data_only``, ``_preload_content``,
    ``_check_input_type``, ``_check_return_type`` and ``_host_index`` (see ``CallOptions``).
    """

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        self.api_client = api_client if api_client is not None else ApiClient()

    @overload
    def change_subscription(
        self,
        user_id: str,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        *,
        async_req: Literal[False] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def change_subscription(
        self,
        user_id: str,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        *,
        async_req: Literal[True],
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    def change_subscription(
        self, user_id: str, change_subscription_request: Optional[ChangeSubscriptionRequest] = None, **kwargs: Any
    ) -> Any:
        """ChangeSubscription: set the e-mail subscription level (``PUT /users/{user_id}/subscribe``).

        Useful for market makers with many orders who do not want an e-mail for each.

        Args:
            user_id: your user_id from the last log-in.
            change_subscription_request: ``ChangeSubscriptionRequest(subscription_level=...)``,
                one of ``"none"``, ``"basic"``, ``"all"``.

        Returns:
            None (the API answers 204).
        """
        return self.api_client.call_endpoint(
            CHANGE_SUBSCRIPTION,
            {"user_id": user_id, "change_subscription_request": change_subscription_request},
            kwargs,
        )

    @overload
    def get_notification_preferences(
        self, user_id: str, *, async_req: Literal[False] = ..., **kwargs: Unpack[CallOptions]
    ) -> GetNotificationPreferencesResponse: ...

    @overload
    def get_notification_preferences(
        self, user_id: str, *, async_req: Literal[True], **kwargs: Unpack[CallOptions]
    ) -> AsyncResult[GetNotificationPreferencesResponse]: ...

    def get_notification_preferences(self, user_id: str, **kwargs: Any) -> Any:
        """GetNotificationPreferences: the e-mail subscription level
        (``GET /users/{user_id}/notifications/preferences``).

        Returns:
            ``GetNotificationPreferencesResponse``; ``.preferences.subscription_level`` is the level.
        """
        return self.api_client.call_endpoint(GET_NOTIFICATION_PREFERENCES, {"user_id": user_id}, kwargs)

    @overload
    def notification_mark_read(
        self, user_id: str, notification_id: str, *, async_req: Literal[False] = ..., **kwargs: Unpack[CallOptions]
    ) -> None: ...

    @overload
    def notification_mark_read(
        self, user_id: str, notification_id: str, *, async_req: Literal[True], **kwargs: Unpack[CallOptions]
    ) -> AsyncResult[None]: ...

    def notification_mark_read(self, user_id: str, notification_id: str, **kwargs: Any) -> Any:
        """NotificationMarkRead: mark a notification as read
        (``PUT /users/{user_id}/notifications/{notification_id}/read``).

        Args:
            user_id: your user_id from the last log-in.
            notification_id: the ``id`` of the notification.

        Returns:
            None (the API answers 204).
        """
        return self.api_client.call_endpoint(
            NOTIFICATION_MARK_READ, {"user_id": user_id, "notification_id": notification_id}, kwargs
        )

    @overload
    def user_get_account_history(
        self,
        user_id: str,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        *,
        async_req: Literal[False] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetAccountHistoryResponse: ...

    @overload
    def user_get_account_history(
        self,
        user_id: str,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        *,
        async_req: Literal[True],
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetAccountHistoryResponse]: ...

    def user_get_account_history(
        self,
        user_id: str,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        **kwargs: Any,
    ) -> Any:
        """UserGetAccountHistory: deposits, withdrawals, orders, trades and settlements, newest first
        (``GET /users/{user_id}/account/history``).

        Args:
            user_id: your user_id from the last log-in.
            should_return_deposits .. should_return_trades: include (True) or leave out (False)
                that kind of entry; None leaves the choice to the server (not sent).
            limit: return only the first ``limit`` entries.

        Returns:
            ``UserGetAccountHistoryResponse``; ``.entries`` is a list of ``AccountHistoryEntry``.
        """
        return self.api_client.call_endpoint(
            USER_GET_ACCOUNT_HISTORY,
            {
                "user_id": user_id,
                "should_return_deposits": should_return_deposits,
                "should_return_withdrawals": should_return_withdrawals,
                "should_return_orders": should_return_orders,
                "should_return_settlements": should_return_settlements,
                "should_return_trades": should_return_trades,
                "limit": limit,
            },
            kwargs,
        )

    @overload
    def user_get_notifications(
        self, user_id: str, page_size: int, page_number: int, *, async_req: Literal[False] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetNotificationsResponse: ...

    @overload
    def user_get_notifications(
        self, user_id: str, page_size: int, page_number: int, *, async_req: Literal[True],
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetNotificationsResponse]: ...

    def user_get_notifications(self, user_id: str, page_size: int, page_number: int, **kwargs: Any) -> Any:
        """UserGetNotifications: one page of notifications (``GET /users/{user_id}/notifications``).

        Args:
            user_id: your user_id from the last log-in.
            page_size: results per page, at most 50 (checked before sending).
            page_number: the page, starting at 1.

        Returns:
            ``UserGetNotificationsResponse``; ``.notifications`` behaves as a list of ``Notification``.
        """
        return self.api_client.call_endpoint(
            USER_GET_NOTIFICATIONS, {"user_id": user_id, "page_size": page_size, "page_number": page_number}, kwargs
        )

    def iter_notifications(
        self, user_id: str, page_size: int = 50, start_page: int = 1, **kwargs: Unpack[CallOptions]
    ) -> Iterator[Notification]:
        """Every notification, page after page, fetched lazily; stops after a short or empty page.

        Arguments are checked now, before anything is sent; a page is fetched only when the
        iteration reaches it. Per-call options (``_request_timeout``, ...) apply to every page.

        Example::

            for notification in api.iter_notifications(api_client.user_id):
                if not notification.is_read:
                    api.notification_mark_read(api_client.user_id, notification.id)
        """
        if "async_req" in kwargs:
            raise ApiTypeError("iter_notifications() fetches pages as it goes: async_req is not supported")
        if not isinstance(start_page, int) or isinstance(start_page, bool) or start_page < 1:
            raise ApiTypeError(f"iter_notifications() start_page must be an int >= 1, got {start_page!r}")
        # Validates user_id and page_size exactly as user_get_notifications would, sending nothing.
        USER_GET_NOTIFICATIONS.prepare(
            {"user_id": user_id, "page_size": page_size, "page_number": start_page},
            check_types=kwargs.get("_check_input_type", True),
            check_limits=self.api_client.configuration.client_side_validation,
        )
        return self._pages(user_id, page_size, start_page, dict(kwargs))

    def _pages(self, user_id: str, page_size: int, page: int, options: dict[str, Any]) -> Iterator[Notification]:
        while True:
            response = self.api_client.call_endpoint(
                USER_GET_NOTIFICATIONS, {"user_id": user_id, "page_size": page_size, "page_number": page}, options
            )
            notifications = response.notifications
            yield from notifications
            if len(notifications) < page_size:
                return
            page += 1
