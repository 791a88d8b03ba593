"""``MarketApi``: Markets, their order books and their price and volume history.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from kalshi._operations import market as ops

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.get_market_history_response import GetMarketHistoryResponse
    from kalshi.model.get_market_order_book_response import GetMarketOrderBookResponse
    from kalshi.model.user_get_market_response import UserGetMarketResponse
    from kalshi.model.user_get_markets_response import UserGetMarketsResponse

__all__ = ["MarketApi"]


class MarketApi:
    """Markets, their order books and their price and volume history.

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
    def get_market(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketResponse: ...

    @overload
    def get_market(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketResponse]: ...

    @overload
    def get_market(
        self,
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketResponse]: ...

    @overload
    def get_market(
        self,
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market(
        self,
        market_id: str,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketResponse]:
        """End-point for getting data about a specific market.

        ``GET /markets/{market_id}`` (operation ``GetMarket``).

        Args:
            market_id: Should be filled with the id of the target market

        Returns:
            ``UserGetMarketResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET,
            {"market_id": market_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_market_by_ticker(
        self,
        ticker_name: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketResponse: ...

    @overload
    def get_market_by_ticker(
        self,
        ticker_name: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market_by_ticker(
        self,
        ticker_name: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketResponse]: ...

    @overload
    def get_market_by_ticker(
        self,
        ticker_name: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketResponse]: ...

    @overload
    def get_market_by_ticker(
        self,
        ticker_name: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market_by_ticker(
        self,
        ticker_name: str,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketResponse]:
        """End-point for getting data about a specific market based on its ticker.

        ``GET /markets_by_ticker/{ticker_name}`` (operation ``GetMarketByTicker``).

        Args:
            ticker_name: Should be filled with the ticker name of the target market

        Returns:
            ``UserGetMarketResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET_BY_TICKER,
            {"ticker_name": ticker_name},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_market_by_ticker_cached(
        self,
        ticker_name: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketResponse: ...

    @overload
    def get_market_by_ticker_cached(
        self,
        ticker_name: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market_by_ticker_cached(
        self,
        ticker_name: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketResponse]: ...

    @overload
    def get_market_by_ticker_cached(
        self,
        ticker_name: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketResponse]: ...

    @overload
    def get_market_by_ticker_cached(
        self,
        ticker_name: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market_by_ticker_cached(
        self,
        ticker_name: str,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketResponse]:
        """End-point for getting data about a specific market with data that is cached and so slightly lagged.

        ``GET /cached/markets_by_ticker/{ticker_name}`` (operation ``GetMarketByTickerCached``).

        Args:
            ticker_name: Should be filled with the ticker name of the target market

        Returns:
            ``UserGetMarketResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET_BY_TICKER_CACHED,
            {"ticker_name": ticker_name},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_market_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketResponse: ...

    @overload
    def get_market_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketResponse]: ...

    @overload
    def get_market_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketResponse]: ...

    @overload
    def get_market_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market_cached(
        self,
        market_id: str,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketResponse]:
        """End-point for getting data about a specific market with data that is cached and so slightly lagged.

        ``GET /cached/markets/{market_id}`` (operation ``GetMarketCached``).

        Args:
            market_id: Should be filled with the id of the target market

        Returns:
            ``UserGetMarketResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET_CACHED,
            {"market_id": market_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_market_history(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> GetMarketHistoryResponse: ...

    @overload
    def get_market_history(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market_history(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[GetMarketHistoryResponse]: ...

    @overload
    def get_market_history(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[GetMarketHistoryResponse]: ...

    @overload
    def get_market_history(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market_history(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[GetMarketHistoryResponse]:
        """End-point for getting the statistics history for a market.

        ``GET /markets/{market_id}/stats_history`` (operation ``GetMarketHistory``).

        Args:
            market_id: Should be filled with the id of the target market
            last_seen_ts: If provided, restricts history to trades starting from lastSeenTs

        Returns:
            ``GetMarketHistoryResponse`` (HTTP 200).
        """
        result: CallResult[GetMarketHistoryResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET_HISTORY,
            {"market_id": market_id, "last_seen_ts": last_seen_ts},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_market_history_cached(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> GetMarketHistoryResponse: ...

    @overload
    def get_market_history_cached(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market_history_cached(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[GetMarketHistoryResponse]: ...

    @overload
    def get_market_history_cached(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[GetMarketHistoryResponse]: ...

    @overload
    def get_market_history_cached(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market_history_cached(
        self,
        market_id: str,
        *,
        last_seen_ts: Optional[int] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[GetMarketHistoryResponse]:
        """End-point for getting the statistics history for a market with data that is cached and so slightly
        lagged.

        ``GET /cached/markets/{market_id}/stats_history`` (operation ``GetMarketHistoryCached``).

        Args:
            market_id: Should be filled with the id of the target market
            last_seen_ts: If provided, restricts history to trades starting from lastSeenTs

        Returns:
            ``GetMarketHistoryResponse`` (HTTP 200).
        """
        result: CallResult[GetMarketHistoryResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET_HISTORY_CACHED,
            {"market_id": market_id, "last_seen_ts": last_seen_ts},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_market_order_book_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> GetMarketOrderBookResponse: ...

    @overload
    def get_market_order_book_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_market_order_book_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[GetMarketOrderBookResponse]: ...

    @overload
    def get_market_order_book_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[GetMarketOrderBookResponse]: ...

    @overload
    def get_market_order_book_cached(
        self,
        market_id: str,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_market_order_book_cached(
        self,
        market_id: str,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[GetMarketOrderBookResponse]:
        """End-point for getting the orderbook for a market with data that is cached and so slightly lagged.

        ``GET /markets/{market_id}/order_book`` (operation ``GetMarketOrderBookCached``).

        Args:
            market_id: Should be filled with the id of the target market

        Returns:
            ``GetMarketOrderBookResponse`` (HTTP 200).
        """
        result: CallResult[GetMarketOrderBookResponse] = self.api_client.call_endpoint(
            ops.GET_MARKET_ORDER_BOOK_CACHED,
            {"market_id": market_id},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_markets(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketsResponse: ...

    @overload
    def get_markets(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_markets(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketsResponse]: ...

    @overload
    def get_markets(
        self,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketsResponse]: ...

    @overload
    def get_markets(
        self,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_markets(
        self,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketsResponse]:
        """End-point for listing / discovering markets on Kalshi.

        ``GET /markets`` (operation ``GetMarkets``).

        Returns:
            ``UserGetMarketsResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketsResponse] = self.api_client.call_endpoint(
            ops.GET_MARKETS,
            {},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def get_markets_cached(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> UserGetMarketsResponse: ...

    @overload
    def get_markets_cached(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def get_markets_cached(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[UserGetMarketsResponse]: ...

    @overload
    def get_markets_cached(
        self,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[UserGetMarketsResponse]: ...

    @overload
    def get_markets_cached(
        self,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def get_markets_cached(
        self,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[UserGetMarketsResponse]:
        """End-point for listing / discovering markets on Kalshi with data that is cached and so slightly lagged.

        ``GET /cached/markets`` (operation ``GetMarketsCached``).

        Returns:
            ``UserGetMarketsResponse`` (HTTP 200).
        """
        result: CallResult[UserGetMarketsResponse] = self.api_client.call_endpoint(
            ops.GET_MARKETS_CACHED,
            {},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result
