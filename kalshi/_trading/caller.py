"""One call of a resource: through the client's ``ApiClient``, logged in first when it must be.

Calls the spec leaves without security (markets, the trade tape) are sent as they are; any other
logs the family in first, once (``ClientState.log_in``). Market arguments become ids here, with
tickers resolved once per client.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from kalshi._call.endpoint import Endpoint
from kalshi._operations.market import GET_MARKET_BY_TICKER
from kalshi._trading.state import ClientState
from kalshi.api_client import ApiClient
from kalshi.model.market import Market

__all__ = ["Caller", "Resource"]

_NO_OPTIONS: Mapping[str, Any] = {}
_WITH_HEADERS: Mapping[str, Any] = {"_return_http_data_only": False}


class Caller:
    """What every resource calls through: the ``ApiClient`` of one client and the shared state."""

    __slots__ = ("api_client", "state")

    def __init__(self, api_client: ApiClient, state: ClientState) -> None:
        self.api_client = api_client
        self.state = state

    def log_in(self, what: str) -> None:
        """Log in now unless the session is there (``what`` names the call in errors)."""
        if self.api_client.user_id is None:
            self.state.log_in(self.api_client, what)

    def call(self, endpoint: Endpoint, args: Mapping[str, Any], what: str) -> Any:
        """The result of ``endpoint`` called with ``args`` (``what`` names the call in errors)."""
        if endpoint.auth:
            self.log_in(what)
        return self.api_client.call_endpoint(endpoint, args, _NO_OPTIONS)

    def call_with_headers(self, endpoint: Endpoint, args: Mapping[str, Any], what: str) -> Any:
        """``call``, returning the ``ApiResponse`` (data, status, headers)."""
        if endpoint.auth:
            self.log_in(what)
        return self.api_client.call_endpoint(endpoint, args, _WITH_HEADERS)

    def pages(
        self, endpoint: Endpoint, args: Mapping[str, Any], field: str, page_size: int, what: str
    ) -> Iterator[Any]:
        """Every item of ``endpoint``'s pages, fetched as the iteration reaches them."""
        if endpoint.auth:
            self.log_in(what)
        items: Iterator[Any] = self.api_client.paginate(endpoint, args, field, page_size=page_size, options=_NO_OPTIONS)
        return items

    def market_id(self, market: str) -> str:
        """The id of ``market`` (a ticker or an id); a new ticker costs one lookup, once per client."""
        return self.state.markets.id_of(market, self._by_ticker)

    def _by_ticker(self, ticker: str) -> Market:
        market: Market = self.call(GET_MARKET_BY_TICKER, {"ticker_name": ticker}, "resolving a ticker").market
        return market


class Resource:
    """A group of a client's calls (``client.orders``, ``client.markets``, ...), all through one ``Caller``."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller
