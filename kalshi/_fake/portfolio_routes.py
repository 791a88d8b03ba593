"""Portfolio endpoints: balance, market positions and the portfolio history."""

from __future__ import annotations

from .errors import ApiError
from .gate import Gate, Route
from .params import int_field, json_object_body, parse_timestamp, reject_unknown, reject_unknown_fields
from .queries import Queries
from .recorded import RecordedRequest
from .responses import Response, json_response

_HISTORY_FIELDS = ("min_ts", "max_ts", "min_date", "max_date")


class PortfolioRoutes:
    """Balance, positions and portfolio history of the logged-in user."""

    def __init__(self, queries: Queries, gate: Gate) -> None:
        self._queries = queries
        self._gate = gate

    def routes(self) -> list[Route]:
        """Return this group's route table."""
        user = ("v1", "users", "{user_id}")
        return [
            ((*user, "balance"), "GET", self._balance),
            ((*user, "positions"), "GET", self._positions),
            ((*user, "positions", "{market_id}"), "GET", self._position),
            ((*user, "portfolio", "history"), "GET", self._history),
        ]

    def _balance(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/balance: the available balance in cents."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        return json_response(200, {"balance": self._queries.balance(user_id)})

    def _positions(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/positions."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        return json_response(200, {"market_positions": self._queries.positions(user_id)})

    def _position(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/positions/{market_id}."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        return json_response(200, {"market_position": self._queries.position(user_id, params["market_id"])})

    def _history(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/portfolio/history; the optional JSON body bounds the time range."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        low: float | None = None
        high: float | None = None
        if request.body:
            body = json_object_body(request)
            reject_unknown_fields(body, _HISTORY_FIELDS)
            bounds_low = [int_field(body, "min_ts", 0), _date(body, "min_date")]
            bounds_high = [int_field(body, "max_ts", 0), _date(body, "max_date")]
            lows = [b for b in bounds_low if b is not None]
            highs = [b for b in bounds_high if b is not None]
            low = max(lows) if lows else None
            high = min(highs) if highs else None
        return json_response(200, {"values": self._queries.portfolio(user_id, low, high)})


def _date(body: dict[str, object], name: str) -> float | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, "invalid_parameters", f"field {name} must be an RFC 3339 date-time string")
    return parse_timestamp(value, name)
