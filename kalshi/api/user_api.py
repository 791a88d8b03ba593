"""``UserApi``: The logged-in user: profile, balance, orders, fills, positions and watchlist.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Literal, Optional, overload

from kalshi._call.endpoint import REQUIRED
from kalshi._operations import user as ops

if TYPE_CHECKING:
    from datetime import datetime

    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.order import Order
    from kalshi.model.user_change_password_request import UserChangePasswordRequest
    from kalshi.model.user_get_balance_response import UserGetBalanceResponse
    from kalshi.model.user_get_market_position_response import UserGetMarketPositionResponse
    from kalshi.model.user_get_market_positions_response import UserGetMarketPositionsResponse
    from kalshi.model.user_get_profile_response import UserGetProfileResponse
    from kalshi.model.user_get_watchlist_response import UserGetWatchlistResponse
    from kalshi.model.user_order_create_request import UserOrderCreateRequest
    from kalshi.model.user_order_create_response import UserOrderCreateResponse
    from kalshi.model.user_order_decrease_request import UserOrderDecreaseRequest
    from kalshi.model.user_order_decrease_response import UserOrderDecreaseResponse
    from kalshi.model.user_orders_get_response import UserOrdersGetResponse
    from kalshi.model.user_trade import UserTrade
    from kalshi.model.user_trades_get_response import UserTradesGetResponse

__all__ = ["UserApi"]


class UserApi:
    """The logged-in user: profile, balance, orders, fills, positions and watchlist.

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
    def user_add_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def user_add_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_add_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def user_add_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def user_add_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def user_add_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def user_add_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_add_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def user_add_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def user_add_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_add_watchlist(
        self,
        user_id: Optional[str] = None,
        market_id: str = REQUIRED,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point for adding a market to the logged in user's watchlist.

        ``PUT /users/{user_id}/watchlist/{market_id}`` (operation ``UserAddWatchlist``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            market_id: market_id should be filled with the id of the market to be added to the watchlist

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.USER_ADD_WATCHLIST,
            {"user_id": user_id, "market_id": market_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_change_password(
        self,
        user_id: Optional[str] = None,
        *,
        user_change_password_request: Optional[UserChangePasswordRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def user_change_password(
        self,
        user_id: Optional[str] = None,
        *,
        user_change_password_request: Optional[UserChangePasswordRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_change_password(
        self,
        user_id: Optional[str] = None,
        *,
        user_change_password_request: Optional[UserChangePasswordRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def user_change_password(
        self,
        user_id: Optional[str] = None,
        *,
        user_change_password_request: Optional[UserChangePasswordRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def user_change_password(
        self,
        user_id: Optional[str] = None,
        *,
        user_change_password_request: Optional[UserChangePasswordRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_change_password(
        self,
        user_id: Optional[str] = None,
        *,
        user_change_password_request: Optional[UserChangePasswordRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point for updating logged-in user password.

        ``PUT /users/{user_id}/password`` (operation ``UserChangePassword``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            user_change_password_request: ``UserChangePasswordRequest(...)`` or a dict of its fields: the request
                body.

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.USER_CHANGE_PASSWORD,
            {"user_id": user_id, "user_change_password_request": user_change_password_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_get_balance(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetBalanceResponse: ...

    @overload
    def user_get_balance(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_balance(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetBalanceResponse]: ...

    @overload
    def user_get_balance(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetBalanceResponse]: ...

    @overload
    def user_get_balance(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_balance(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetBalanceResponse]:
        """End-point for getting the balance of the logged in user.

        ``GET /users/{user_id}/balance`` (operation ``UserGetBalance``).

        Args:
            user_id: your user id; the logged-in session's when left out.

        Returns:
            ``UserGetBalanceResponse`` (HTTP 200).
        """
        result: CallResult[UserGetBalanceResponse] = self.api_client.call_endpoint(
            ops.USER_GET_BALANCE,
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
    def user_get_market_position(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketPositionResponse: ...

    @overload
    def user_get_market_position(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_market_position(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketPositionResponse]: ...

    @overload
    def user_get_market_position(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketPositionResponse]: ...

    @overload
    def user_get_market_position(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def user_get_market_position(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketPositionResponse: ...

    @overload
    def user_get_market_position(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_market_position(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketPositionResponse]: ...

    @overload
    def user_get_market_position(
        self,
        *,
        market_id: str,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketPositionResponse]: ...

    @overload
    def user_get_market_position(
        self,
        *,
        market_id: str,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_market_position(
        self,
        user_id: Optional[str] = None,
        market_id: str = REQUIRED,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketPositionResponse]:
        """End-point for getting the market positions for the logged in user, in a specific market.

        ``GET /users/{user_id}/positions/{market_id}`` (operation ``UserGetMarketPosition``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            market_id: Should be filled with the id of the target market

        Returns:
            ``UserGetMarketPositionResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketPositionResponse] = self.api_client.call_endpoint(
            ops.USER_GET_MARKET_POSITION,
            {"user_id": user_id, "market_id": market_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_get_market_positions(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketPositionsResponse: ...

    @overload
    def user_get_market_positions(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_market_positions(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketPositionsResponse]: ...

    @overload
    def user_get_market_positions(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketPositionsResponse]: ...

    @overload
    def user_get_market_positions(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_market_positions(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketPositionsResponse]:
        """End-point for getting all market positions for the logged in user.

        ``GET /users/{user_id}/positions`` (operation ``UserGetMarketPositions``).

        Args:
            user_id: your user id; the logged-in session's when left out.

        Returns:
            ``UserGetMarketPositionsResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketPositionsResponse] = self.api_client.call_endpoint(
            ops.USER_GET_MARKET_POSITIONS,
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
    def user_get_profile(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetProfileResponse: ...

    @overload
    def user_get_profile(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_profile(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetProfileResponse]: ...

    @overload
    def user_get_profile(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetProfileResponse]: ...

    @overload
    def user_get_profile(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_profile(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetProfileResponse]:
        """End-point for retrieving the logged in user's profile.

        ``GET /users/{user_id}`` (operation ``UserGetProfile``).

        Args:
            user_id: your user id; the logged-in session's when left out.

        Returns:
            ``UserGetProfileResponse`` (HTTP 200).
        """
        result: CallResult[UserGetProfileResponse] = self.api_client.call_endpoint(
            ops.USER_GET_PROFILE,
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
    def user_get_watchlist(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetWatchlistResponse: ...

    @overload
    def user_get_watchlist(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_watchlist(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetWatchlistResponse]: ...

    @overload
    def user_get_watchlist(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetWatchlistResponse]: ...

    @overload
    def user_get_watchlist(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_watchlist(
        self,
        user_id: Optional[str] = None,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetWatchlistResponse]:
        """End-point for getting the market watchlist for the logged in user.

        ``GET /users/{user_id}/watchlist`` (operation ``UserGetWatchlist``).

        Args:
            user_id: your user id; the logged-in session's when left out.

        Returns:
            ``UserGetWatchlistResponse`` (HTTP 200).
        """
        result: CallResult[UserGetWatchlistResponse] = self.api_client.call_endpoint(
            ops.USER_GET_WATCHLIST,
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
    def user_order_cancel(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserOrderDecreaseResponse: ...

    @overload
    def user_order_cancel(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_order_cancel(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_cancel(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_cancel(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def user_order_cancel(
        self,
        *,
        order_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserOrderDecreaseResponse: ...

    @overload
    def user_order_cancel(
        self,
        *,
        order_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_order_cancel(
        self,
        *,
        order_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_cancel(
        self,
        *,
        order_id: str,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_cancel(
        self,
        *,
        order_id: str,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_order_cancel(
        self,
        user_id: Optional[str] = None,
        order_id: str = REQUIRED,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserOrderDecreaseResponse]:
        """End-point for canceling orders.

        ``DELETE /users/{user_id}/orders/{order_id}`` (operation ``UserOrderCancel``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            order_id: This order_id should be filled with the id of the order to be decrease

        Returns:
            ``UserOrderDecreaseResponse`` (HTTP 200).
        """
        result: CallResult[UserOrderDecreaseResponse] = self.api_client.call_endpoint(
            ops.USER_ORDER_CANCEL,
            {"user_id": user_id, "order_id": order_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_order_create(
        self,
        user_id: Optional[str] = None,
        *,
        user_order_create_request: Optional[UserOrderCreateRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserOrderCreateResponse: ...

    @overload
    def user_order_create(
        self,
        user_id: Optional[str] = None,
        *,
        user_order_create_request: Optional[UserOrderCreateRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_order_create(
        self,
        user_id: Optional[str] = None,
        *,
        user_order_create_request: Optional[UserOrderCreateRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserOrderCreateResponse]: ...

    @overload
    def user_order_create(
        self,
        user_id: Optional[str] = None,
        *,
        user_order_create_request: Optional[UserOrderCreateRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserOrderCreateResponse]: ...

    @overload
    def user_order_create(
        self,
        user_id: Optional[str] = None,
        *,
        user_order_create_request: Optional[UserOrderCreateRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_order_create(
        self,
        user_id: Optional[str] = None,
        *,
        user_order_create_request: Optional[UserOrderCreateRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserOrderCreateResponse]:
        """End-point for submitting orders in a market.

        ``POST /users/{user_id}/orders`` (operation ``UserOrderCreate``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            user_order_create_request: ``UserOrderCreateRequest(...)`` or a dict of its fields: the request body.

        Returns:
            ``UserOrderCreateResponse`` (HTTP 201).
        """
        result: CallResult[UserOrderCreateResponse] = self.api_client.call_endpoint(
            ops.USER_ORDER_CREATE,
            {"user_id": user_id, "user_order_create_request": user_order_create_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_order_decrease(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserOrderDecreaseResponse: ...

    @overload
    def user_order_decrease(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_order_decrease(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_decrease(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_decrease(
        self,
        user_id: Optional[str],
        order_id: str,
        *,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def user_order_decrease(
        self,
        *,
        order_id: str,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserOrderDecreaseResponse: ...

    @overload
    def user_order_decrease(
        self,
        *,
        order_id: str,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_order_decrease(
        self,
        *,
        order_id: str,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_decrease(
        self,
        *,
        order_id: str,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserOrderDecreaseResponse]: ...

    @overload
    def user_order_decrease(
        self,
        *,
        order_id: str,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_order_decrease(
        self,
        user_id: Optional[str] = None,
        order_id: str = REQUIRED,
        *,
        user_order_decrease_request: Optional[UserOrderDecreaseRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserOrderDecreaseResponse]:
        """End-point for decreasing the number of contracts on orders.

        ``POST /users/{user_id}/orders/{order_id}/decrease`` (operation ``UserOrderDecrease``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            order_id: This order_id should be filled with the id of the order to be decrease
            user_order_decrease_request: ``UserOrderDecreaseRequest(...)`` or a dict of its fields: the request
                body.

        Returns:
            ``UserOrderDecreaseResponse`` (HTTP 201).
        """
        result: CallResult[UserOrderDecreaseResponse] = self.api_client.call_endpoint(
            ops.USER_ORDER_DECREASE,
            {"user_id": user_id, "order_id": order_id, "user_order_decrease_request": user_order_decrease_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_orders_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserOrdersGetResponse: ...

    @overload
    def user_orders_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_orders_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserOrdersGetResponse]: ...

    @overload
    def user_orders_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserOrdersGetResponse]: ...

    @overload
    def user_orders_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_orders_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserOrdersGetResponse]:
        """End-point for getting all orders for the logged in user.

        ``GET /users/{user_id}/orders`` (operation ``UserOrdersGet``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            market_id: Restricts the response to orders in a single market
            is_yes: Restricts the response to orders in a single direction (yes or no)
            min_price: Restricts the response to orders within a minimum price
            max_price: Restricts the response to orders within a maximum price
            min_place_count: Restricts the response to orders within a minimum place count
            max_place_count: Restricts the response to orders within a maximum place count
            min_initial_count: Restricts the response to orders within a minimum initial count
            max_initial_count: Restricts the response to orders within a maximum initial count
            min_remaining_count: Restricts the response to orders within a minimum remaining resting contracts count
            max_remaining_count: Restricts the response to orders within a maximum remaining resting contracts count
            min_date: Restricts the response to orders after a timestamp
            max_date: Restricts the response to orders before a timestamp
            get_queue_position: If true, gets the queue placement for every resting order returned
            status: Restricts the response to orders that have a certain status: resting, canceled, or executed
            page_size: Parameter to specify the number of results per page
            page_number: Parameter to specify which page of the results should be retrieved

        Returns:
            ``UserOrdersGetResponse`` (HTTP 200).
        """
        result: CallResult[UserOrdersGetResponse] = self.api_client.call_endpoint(
            ops.USER_ORDERS_GET,
            {
                "user_id": user_id,
                "market_id": market_id,
                "is_yes": is_yes,
                "min_price": min_price,
                "max_price": max_price,
                "min_place_count": min_place_count,
                "max_place_count": max_place_count,
                "min_initial_count": min_initial_count,
                "max_initial_count": max_initial_count,
                "min_remaining_count": min_remaining_count,
                "max_remaining_count": max_remaining_count,
                "min_date": min_date,
                "max_date": max_date,
                "get_queue_position": get_queue_position,
                "status": status,
                "page_size": page_size,
                "page_number": page_number,
            },
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    def iter_orders(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        is_yes: Optional[bool] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_place_count: Optional[int] = None,
        max_place_count: Optional[int] = None,
        min_initial_count: Optional[int] = None,
        max_initial_count: Optional[int] = None,
        min_remaining_count: Optional[int] = None,
        max_remaining_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        get_queue_position: Optional[bool] = None,
        status: Optional[str] = None,
        page_size: int = 100,
        start_page: int = 1,
        max_pages: Optional[int] = None,
        **kwargs: Unpack[CallOptions],
    ) -> Iterator[Order]:
        """Every item of ``user_orders_get``, page after page, fetched lazily.

        It yields the items of ``UserOrdersGetResponse.orders``.
        Arguments are checked now, before anything is sent; a page is fetched when the
        iteration reaches it, with the per-call options given. It stops after a short page or
        ``max_pages`` pages; a server that repeats a full page raises ``ApiPagingError``.
        """
        items: Iterator[Order] = self.api_client.paginate(
            ops.USER_ORDERS_GET,
            {
                "user_id": user_id,
                "market_id": market_id,
                "is_yes": is_yes,
                "min_price": min_price,
                "max_price": max_price,
                "min_place_count": min_place_count,
                "max_place_count": max_place_count,
                "min_initial_count": min_initial_count,
                "max_initial_count": max_initial_count,
                "min_remaining_count": min_remaining_count,
                "max_remaining_count": max_remaining_count,
                "min_date": min_date,
                "max_date": max_date,
                "get_queue_position": get_queue_position,
                "status": status,
            },
            'orders',
            page_size=page_size,
            start_page=start_page,
            max_pages=max_pages,
            options=kwargs,
        )
        return items

    @overload
    def user_remove_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def user_remove_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_remove_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def user_remove_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def user_remove_watchlist(
        self,
        user_id: Optional[str],
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    @overload
    def user_remove_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def user_remove_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_remove_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def user_remove_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def user_remove_watchlist(
        self,
        *,
        market_id: str,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_remove_watchlist(
        self,
        user_id: Optional[str] = None,
        market_id: str = REQUIRED,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point for removing a market from the logged in user's watchlist.

        ``DELETE /users/{user_id}/watchlist/{market_id}`` (operation ``UserRemoveWatchlist``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            market_id: Should be filled with the id of the target market

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.USER_REMOVE_WATCHLIST,
            {"user_id": user_id, "market_id": market_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def user_trades_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserTradesGetResponse: ...

    @overload
    def user_trades_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_trades_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserTradesGetResponse]: ...

    @overload
    def user_trades_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserTradesGetResponse]: ...

    @overload
    def user_trades_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_trades_get(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserTradesGetResponse]:
        """End-point for getting all trades for the logged in user.

        ``GET /users/{user_id}/trades`` (operation ``UserTradesGet``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            market_id: Restricts the response to trades in a specific market.
            order_id: Restricts the response to trades related to a specific order.
            min_price: Restricts the response to trades within a minimum price. (sent as ``MinPrice``)
            max_price: Restricts the response to trades within a maximum price. (sent as ``MaxPrice``)
            min_count: Restricts the response to trades within a minimum contracts count. (sent as ``MinCount``)
            max_count: Restricts the response to trades within a maximum contracts count.
            min_date: Restricts the response to trades after a timestamp.
            max_date: Restricts the response to trades before a timestamp.
            page_size: Parameter to specify the number of results per page
            page_number: Parameter to specify which page of the results should be retrieved

        Returns:
            ``UserTradesGetResponse`` (HTTP 200).
        """
        result: CallResult[UserTradesGetResponse] = self.api_client.call_endpoint(
            ops.USER_TRADES_GET,
            {
                "user_id": user_id,
                "market_id": market_id,
                "order_id": order_id,
                "min_price": min_price,
                "max_price": max_price,
                "min_count": min_count,
                "max_count": max_count,
                "min_date": min_date,
                "max_date": max_date,
                "page_size": page_size,
                "page_number": page_number,
            },
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    def iter_user_trades(
        self,
        user_id: Optional[str] = None,
        *,
        market_id: Optional[str] = None,
        order_id: Optional[str] = None,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        min_count: Optional[int] = None,
        max_count: Optional[int] = None,
        min_date: Optional[datetime] = None,
        max_date: Optional[datetime] = None,
        page_size: int = 100,
        start_page: int = 1,
        max_pages: Optional[int] = None,
        **kwargs: Unpack[CallOptions],
    ) -> Iterator[UserTrade]:
        """Every item of ``user_trades_get``, page after page, fetched lazily.

        It yields the items of ``UserTradesGetResponse.trades``.
        Arguments are checked now, before anything is sent; a page is fetched when the
        iteration reaches it, with the per-call options given. It stops after a short page or
        ``max_pages`` pages; a server that repeats a full page raises ``ApiPagingError``.
        """
        items: Iterator[UserTrade] = self.api_client.paginate(
            ops.USER_TRADES_GET,
            {
                "user_id": user_id,
                "market_id": market_id,
                "order_id": order_id,
                "min_price": min_price,
                "max_price": max_price,
                "min_count": min_count,
                "max_count": max_count,
                "min_date": min_date,
                "max_date": max_date,
            },
            'trades',
            page_size=page_size,
            start_page=start_page,
            max_pages=max_pages,
            options=kwargs,
        )
        return items
