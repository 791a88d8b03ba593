"""``AccountApi``: E-mail subscription, notifications and account history of the logged-in user.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Literal, Optional, overload

from kalshi._call.endpoint import REQUIRED
from kalshi._operations import account as ops

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
    from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
    from kalshi.model.notification import Notification
    from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
    from kalshi.model.user_get_notifications_response import UserGetNotificationsResponse

__all__ = ["AccountApi"]


class AccountApi:
    """E-mail subscription, notifications and account history of the logged-in user.

    Every method accepts the per-call options ``async_req``, ``_return_http_data_only``,
    ``_preload_content`` (which change what it returns, see ``kalshi.calls``) and those of
    ``CallOptions`` (``_request_timeout``, ``_deadline``, ``_check_input_type``,
    ``_check_return_type``, ``_host_index``).
    """

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        if api_client is None:
            # Imported here, and only without a client: the seed's import stays cheap.
            from kalshi.api_client import ApiClient

            api_client = ApiClient()
        self.api_client: ApiClient = api_client

    @overload
    def change_subscription(
        self,
        user_id: Optional[str] = None,
        *,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def change_subscription(
        self,
        user_id: Optional[str] = None,
        *,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def change_subscription(
        self,
        user_id: Optional[str] = None,
        *,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def change_subscription(
        self,
        user_id: Optional[str] = None,
        *,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def change_subscription(
        self,
        user_id: Optional[str] = None,
        *,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def change_subscription(
        self,
        user_id: Optional[str] = None,
        *,
        change_subscription_request: Optional[ChangeSubscriptionRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point for changing e-mail subscription mode for the current user.

        ``PUT /users/{user_id}/subscribe`` (operation ``ChangeSubscription``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            change_subscription_request: ``ChangeSubscriptionRequest(...)`` or a dict of its fields: the request
                body.

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.CHANGE_SUBSCRIPTION,
            {"user_id": user_id, "change_subscription_request": change_subscription_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_notification_preferences(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> GetNotificationPreferencesResponse: ...

    @overload
    def get_notification_preferences(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_notification_preferences(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[GetNotificationPreferencesResponse]: ...

    @overload
    def get_notification_preferences(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[GetNotificationPreferencesResponse]: ...

    @overload
    def get_notification_preferences(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_notification_preferences(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[GetNotificationPreferencesResponse]:
        """End-point for getting e-mail subscription mode for the current user.

        ``GET /users/{user_id}/notifications/preferences`` (operation ``GetNotificationPreferences``).

        Args:
            user_id: your user id; the logged-in session's when left out.

        Returns:
            ``GetNotificationPreferencesResponse`` (HTTP 200).
        """
        result: CallResult[GetNotificationPreferencesResponse] = self.api_client.call_endpoint(
            ops.GET_NOTIFICATION_PREFERENCES,
            {"user_id": user_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def notification_mark_read(
        self,
        user_id: Optional[str],
        notification_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def notification_mark_read(
        self,
        user_id: Optional[str],
        notification_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def notification_mark_read(
        self,
        user_id: Optional[str],
        notification_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def notification_mark_read(
        self,
        user_id: Optional[str],
        notification_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def notification_mark_read(
        self,
        user_id: Optional[str],
        notification_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def notification_mark_read(
        self,
        *,
        notification_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def notification_mark_read(
        self,
        *,
        notification_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def notification_mark_read(
        self,
        *,
        notification_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def notification_mark_read(
        self,
        *,
        notification_id: str,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def notification_mark_read(
        self,
        *,
        notification_id: str,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def notification_mark_read(
        self,
        user_id: Optional[str] = None,
        notification_id: str = REQUIRED,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point for marking a notification as read.

        ``PUT /users/{user_id}/notifications/{notification_id}/read`` (operation ``NotificationMarkRead``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            notification_id: notification_id should be filled with the id of the notification to be mark as read

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.NOTIFICATION_MARK_READ,
            {"user_id": user_id, "notification_id": notification_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_get_account_history(
        self,
        user_id: Optional[str] = None,
        *,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetAccountHistoryResponse: ...

    @overload
    def user_get_account_history(
        self,
        user_id: Optional[str] = None,
        *,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_account_history(
        self,
        user_id: Optional[str] = None,
        *,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetAccountHistoryResponse]: ...

    @overload
    def user_get_account_history(
        self,
        user_id: Optional[str] = None,
        *,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetAccountHistoryResponse]: ...

    @overload
    def user_get_account_history(
        self,
        user_id: Optional[str] = None,
        *,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_account_history(
        self,
        user_id: Optional[str] = None,
        *,
        should_return_deposits: Optional[bool] = None,
        should_return_withdrawals: Optional[bool] = None,
        should_return_orders: Optional[bool] = None,
        should_return_settlements: Optional[bool] = None,
        should_return_trades: Optional[bool] = None,
        limit: Optional[int] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetAccountHistoryResponse]:
        """End-point for getting the logged in user's important past actions and events related to the user's
        positions.

        ``GET /users/{user_id}/account/history`` (operation ``UserGetAccountHistory``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            should_return_deposits: If true the response should include deposit entries (sent as
                ``ShouldReturnDeposits``)
            should_return_withdrawals: If true the response should include withdrawal entries (sent as
                ``ShouldReturnWithdrawals``)
            should_return_orders: If true the response should include order entries (sent as ``ShouldReturnOrders``)
            should_return_settlements: If true the response should include settlement entries (sent as
                ``ShouldReturnSettlements``)
            should_return_trades: If true the response should include trade entries (sent as ``ShouldReturnTrades``)
            limit: Restricts the response to a return the first "limit" amount of acct history items (sent as
                ``Limit``)

        Returns:
            ``UserGetAccountHistoryResponse`` (HTTP 200).
        """
        result: CallResult[UserGetAccountHistoryResponse] = self.api_client.call_endpoint(
            ops.USER_GET_ACCOUNT_HISTORY,
            {
                "user_id": user_id,
                "should_return_deposits": should_return_deposits,
                "should_return_withdrawals": should_return_withdrawals,
                "should_return_orders": should_return_orders,
                "should_return_settlements": should_return_settlements,
                "should_return_trades": should_return_trades,
                "limit": limit,
            },
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_get_notifications(
        self,
        user_id: Optional[str],
        page_size: int,
        page_number: int,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetNotificationsResponse: ...

    @overload
    def user_get_notifications(
        self,
        user_id: Optional[str],
        page_size: int,
        page_number: int,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_notifications(
        self,
        user_id: Optional[str],
        page_size: int,
        page_number: int,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetNotificationsResponse]: ...

    @overload
    def user_get_notifications(
        self,
        user_id: Optional[str],
        page_size: int,
        page_number: int,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetNotificationsResponse]: ...

    @overload
    def user_get_notifications(
        self,
        user_id: Optional[str],
        page_size: int,
        page_number: int,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def user_get_notifications(
        self,
        *,
        page_size: int,
        page_number: int,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetNotificationsResponse: ...

    @overload
    def user_get_notifications(
        self,
        *,
        page_size: int,
        page_number: int,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_notifications(
        self,
        *,
        page_size: int,
        page_number: int,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetNotificationsResponse]: ...

    @overload
    def user_get_notifications(
        self,
        *,
        page_size: int,
        page_number: int,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetNotificationsResponse]: ...

    @overload
    def user_get_notifications(
        self,
        *,
        page_size: int,
        page_number: int,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_notifications(
        self,
        user_id: Optional[str] = None,
        page_size: int = REQUIRED,
        page_number: int = REQUIRED,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetNotificationsResponse]:
        """End-point for getting notifications for the current logged in user.

        ``GET /users/{user_id}/notifications`` (operation ``UserGetNotifications``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            page_size: Number of results per page At most 50, checked before sending.
            page_number: Page of the results

        Returns:
            ``UserGetNotificationsResponse`` (HTTP 200).
        """
        result: CallResult[UserGetNotificationsResponse] = self.api_client.call_endpoint(
            ops.USER_GET_NOTIFICATIONS,
            {"user_id": user_id, "page_size": page_size, "page_number": page_number},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    def iter_notifications(
        self,
        user_id: Optional[str] = None,
        *,
        page_size: int = 50,
        start_page: int = 1,
        max_pages: Optional[int] = None,
        **kwargs: Unpack[CallOptions],
    ) -> Iterator[Notification]:
        """Every item of ``user_get_notifications``, page after page, fetched lazily.

        It yields the items of ``UserGetNotificationsResponse.notifications``.
        Arguments are checked now, before anything is sent; a page is fetched when the
        iteration reaches it, with the per-call options given. It stops after a short page or
        ``max_pages`` pages; a server that repeats a full page raises ``ApiPagingError``.
        """
        items: Iterator[Notification] = self.api_client.paginate(
            ops.USER_GET_NOTIFICATIONS,
            {"user_id": user_id},
            'notifications',
            page_size=page_size,
            start_page=start_page,
            max_pages=max_pages,
            options=kwargs,
        )
        return items
