"""Public market data: markets and their cached twins, ranged markets, books, stats, trades, status."""

from __future__ import annotations

import re

from .clock import utc_date
from .errors import ApiError
from .gate import Gate, Route
from .orders import Fill
from .params import page, parse_int, parse_string, reject_unknown
from .queries import Queries
from .recorded import RecordedRequest
from .responses import Response, json_response

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class MarketRoutes:
    """Market data endpoints; the /cached/ twins serve exactly what the live routes serve."""

    def __init__(self, queries: Queries, gate: Gate) -> None:
        self._queries = queries
        self._gate = gate

    def routes(self) -> list[Route]:
        """Return this group's route table."""
        routes: list[Route] = []
        for prefix in (("v1",), ("v1", "cached")):
            routes += [
                ((*prefix, "markets"), "GET", self._markets),
                ((*prefix, "markets", "{market_id}"), "GET", self._market),
                ((*prefix, "markets", "{market_id}", "stats_history"), "GET", self._stats_history),
                ((*prefix, "markets_by_ticker", "{ticker_name}"), "GET", self._market_by_ticker),
            ]
        return [
            *routes,
            (("v1", "markets", "{market_id}", "order_book"), "GET", self._order_book),
            (("v1", "ranged_markets", "{ranged_market_id}"), "GET", self._ranged),
            (("v1", "ranged_markets_by_ticker", "{ticker}"), "GET", self._ranged_by_ticker),
            (("v1", "trades"), "GET", self._trades),
            (("v1", "exchange", "status"), "GET", self._status),
        ]

    def _markets(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /markets and /cached/markets."""
        reject_unknown(request.query, ())
        return json_response(200, {"markets": self._queries.markets()})

    def _market(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /markets/{market_id} and its cached twin."""
        reject_unknown(request.query, ())
        return json_response(200, {"market": self._queries.market(params["market_id"])})

    def _market_by_ticker(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /markets_by_ticker/{ticker_name} and its cached twin."""
        reject_unknown(request.query, ())
        return json_response(200, {"market": self._queries.market_by_ticker(params["ticker_name"])})

    def _stats_history(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /markets/{market_id}/stats_history and its cached twin; last_seen_ts is inclusive."""
        reject_unknown(request.query, ("last_seen_ts",))
        since = parse_int(request.query, "last_seen_ts", minimum=0)
        points = self._queries.stats_history(params["market_id"], since)
        return json_response(200, {"market_stats_points": points})

    def _order_book(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /markets/{market_id}/order_book."""
        reject_unknown(request.query, ())
        return json_response(200, {"order_book": self._queries.order_book(params["market_id"])})

    def _ranged(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /ranged_markets/{ranged_market_id}."""
        reject_unknown(request.query, ())
        return json_response(200, {"ranged_market": self._queries.ranged(ranged_id=params["ranged_market_id"])})

    def _ranged_by_ticker(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /ranged_markets_by_ticker/{ticker}; the spec names the one object ``ranged_markets``."""
        reject_unknown(request.query, ())
        return json_response(200, {"ranged_markets": self._queries.ranged(ticker=params["ticker"])})

    def _trades(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /trades: every execution, newest first, optionally of one UTC day, paged."""
        reject_unknown(request.query, ("trades_date", "page_size", "page_number"))
        day = parse_string(request.query, "trades_date")
        if day is not None and not _DATE.fullmatch(day):
            raise ApiError(400, "invalid_parameters", f"trades_date must be YYYY-MM-DD, got {day!r}")

        def keep(fill: Fill) -> bool:
            return day is None or utc_date(fill.ts) == day

        return json_response(200, {"trades": page(self._queries.public_trades(keep), request.query)})

    def _status(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /exchange/status: the two flags travel as response headers, with an empty body."""
        self._gate.session(request)
        reject_unknown(request.query, ())
        flags = self._queries.status()
        headers = (("exchange_active", _flag(flags[0])), ("trading_active", _flag(flags[1])))
        return Response(200, b"", headers)


def _flag(value: bool) -> str:
    return "true" if value else "false"
