"""``PortfolioApi``: The value of the user's portfolio over time.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from kalshi._operations import portfolio as ops

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.user_get_portfolio_history_request import UserGetPortfolioHistoryRequest
    from kalshi.model.user_get_portfolio_history_response import UserGetPortfolioHistoryResponse

__all__ = ["PortfolioApi"]


class PortfolioApi:
    """The value of the user's portfolio over time.

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
    def user_get_portfolio_history(
        self,
        user_id: Optional[str] = None,
        *,
        user_get_portfolio_history_request: Optional[UserGetPortfolioHistoryRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetPortfolioHistoryResponse: ...

    @overload
    def user_get_portfolio_history(
        self,
        user_id: Optional[str] = None,
        *,
        user_get_portfolio_history_request: Optional[UserGetPortfolioHistoryRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def user_get_portfolio_history(
        self,
        user_id: Optional[str] = None,
        *,
        user_get_portfolio_history_request: Optional[UserGetPortfolioHistoryRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetPortfolioHistoryResponse]: ...

    @overload
    def user_get_portfolio_history(
        self,
        user_id: Optional[str] = None,
        *,
        user_get_portfolio_history_request: Optional[UserGetPortfolioHistoryRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetPortfolioHistoryResponse]: ...

    @overload
    def user_get_portfolio_history(
        self,
        user_id: Optional[str] = None,
        *,
        user_get_portfolio_history_request: Optional[UserGetPortfolioHistoryRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def user_get_portfolio_history(
        self,
        user_id: Optional[str] = None,
        *,
        user_get_portfolio_history_request: Optional[UserGetPortfolioHistoryRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetPortfolioHistoryResponse]:
        """End-point for getting the logged in user's portfolio historical track.

        ``GET /users/{user_id}/portfolio/history`` (operation ``UserGetPortfolioHistory``).

        Args:
            user_id: your user id; the logged-in session's when left out.
            user_get_portfolio_history_request: ``UserGetPortfolioHistoryRequest(...)`` or a dict of its fields: the
                request body.

        Returns:
            ``UserGetPortfolioHistoryResponse`` (HTTP 200).
        """
        result: CallResult[UserGetPortfolioHistoryResponse] = self.api_client.call_endpoint(
            ops.USER_GET_PORTFOLIO_HISTORY,
            {"user_id": user_id, "user_get_portfolio_history_request": user_get_portfolio_history_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result
