"""``DefaultApi``: Operations the spec leaves untagged: the public trade tape.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Literal, Optional, overload

from kalshi._operations import default as ops

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.public_trade import PublicTrade
    from kalshi.model.trades_get_response import TradesGetResponse

__all__ = ["DefaultApi"]


class DefaultApi:
    """Operations the spec leaves untagged: the public trade tape.

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
    def get_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> TradesGetResponse: ...

    @overload
    def get_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[TradesGetResponse]: ...

    @overload
    def get_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[TradesGetResponse]: ...

    @overload
    def get_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: Optional[int] = None,
        page_number: Optional[int] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[TradesGetResponse]:
        """End-point for getting all trades for all markets.

        ``GET /trades`` (operation ``GetTrades``).

        Args:
            trades_date: Restricts the response to trades during a certain day.
            page_size: Parameter to specify the number of results per page
            page_number: Parameter to specify which page of the results should be retrieved

        Returns:
            ``TradesGetResponse`` (HTTP 200).
        """
        result: CallResult[TradesGetResponse] = self.api_client.call_endpoint(
            ops.GET_TRADES,
            {"trades_date": trades_date, "page_size": page_size, "page_number": page_number},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    def iter_trades(
        self,
        *,
        trades_date: Optional[str] = None,
        page_size: int = 100,
        start_page: int = 1,
        max_pages: Optional[int] = None,
        **kwargs: Unpack[CallOptions],
    ) -> Iterator[PublicTrade]:
        """Every item of ``get_trades``, page after page, fetched lazily.

        It yields the items of ``TradesGetResponse.trades``.
        Arguments are checked now, before anything is sent; a page is fetched when the
        iteration reaches it, with the per-call options given. It stops after a short page or
        ``max_pages`` pages; a server that repeats a full page raises ``ApiPagingError``.
        """
        items: Iterator[PublicTrade] = self.api_client.paginate(
            ops.GET_TRADES,
            {"trades_date": trades_date},
            'trades',
            page_size=page_size,
            start_page=start_page,
            max_pages=max_pages,
            options=kwargs,
        )
        return items
