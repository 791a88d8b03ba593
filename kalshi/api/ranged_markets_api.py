"""``RangedMarketsApi``: Ranged markets, by ticker.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from kalshi._operations import ranged_markets as ops

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.get_ranged_market_by_ticker_response import GetRangedMarketByTickerResponse

__all__ = ["RangedMarketsApi"]


class RangedMarketsApi:
    """Ranged markets, by ticker.

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
    def get_ranged_market_by_ticker(
        self,
        ticker: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> GetRangedMarketByTickerResponse: ...

    @overload
    def get_ranged_market_by_ticker(
        self,
        ticker: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_ranged_market_by_ticker(
        self,
        ticker: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[GetRangedMarketByTickerResponse]: ...

    @overload
    def get_ranged_market_by_ticker(
        self,
        ticker: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[GetRangedMarketByTickerResponse]: ...

    @overload
    def get_ranged_market_by_ticker(
        self,
        ticker: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_ranged_market_by_ticker(
        self,
        ticker: str,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[GetRangedMarketByTickerResponse]:
        """End-point for getting data about a ranged market by its ticker

        ``GET /ranged_markets_by_ticker/{ticker}`` (operation ``GetRangedMarketByTicker``).

        Args:
            ticker: Should be the ticker of the ranged market

        Returns:
            ``GetRangedMarketByTickerResponse`` (HTTP 200).
        """
        result: CallResult[GetRangedMarketByTickerResponse] = self.api_client.call_endpoint(
            ops.GET_RANGED_MARKET_BY_TICKER,
            {"ticker": ticker},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result
