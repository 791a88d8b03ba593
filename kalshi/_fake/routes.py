"""The route table of all 36 v1 operations, and the dispatch of each request to its handler."""

from __future__ import annotations

import threading

from .account_routes import AccountRoutes
from .engine import Engine
from .errors import ApiError, error_response
from .gate import Gate, Route
from .market_routes import MarketRoutes
from .order_routes import OrderRoutes
from .portfolio_routes import PortfolioRoutes
from .queries import Queries
from .recorded import RecordedRequest
from .responses import Response
from .user_routes import UserRoutes


class Exchange:
    """Routes requests to the endpoint groups; independent of the network, thread-safe."""

    def __init__(self, engine: Engine, queries: Queries, lock: threading.RLock) -> None:
        self._engine = engine
        gate = Gate(engine.accounts)
        self._routes: list[Route] = [
            *AccountRoutes(engine.accounts, gate, lock).routes(),
            *MarketRoutes(queries, gate).routes(),
            *OrderRoutes(engine, queries, gate).routes(),
            *PortfolioRoutes(queries, gate).routes(),
            *UserRoutes(engine, queries, gate).routes(),
        ]
        # Only patterns with as many segments as the path can match it.
        self._by_length: dict[int, list[Route]] = {}
        for route in self._routes:
            self._by_length.setdefault(len(route[0]), []).append(route)

    @property
    def operations(self) -> list[tuple[str, str]]:
        """Every (method, path template) served, e.g. ("GET", "/v1/markets/{market_id}")."""
        return [(method, "/" + "/".join(pattern)) for pattern, method, _ in self._routes]

    def handle(self, request: RecordedRequest) -> Response:
        """Route ``request`` and return the response, turning API errors into JSONError bodies.

        Each request is one all-or-nothing change: whatever raises (an API error or a bug in the
        fake) undoes what the request changed. HEAD is served as GET (the handler drops the body).
        """
        wanted = "GET" if request.method == "HEAD" else request.method
        allowed: list[str] = []
        for pattern, method, handler in self._by_length.get(len(request.path_segments), ()):
            params = _match(pattern, request.path_segments)
            if params is None:
                continue
            if method != wanted:
                allowed.extend(("GET", "HEAD") if method == "GET" else (method,))
                continue
            try:
                with self._engine.atomic():
                    return handler(request, params)
            except ApiError as error:
                return error_response(error)
        if allowed:
            not_allowed = ApiError(405, "method_not_allowed", f"method {request.method} is not allowed here")
            response = error_response(not_allowed)
            allow = ("Allow", ", ".join(sorted(set(allowed))))
            return Response(response.status, response.body, (*response.headers, allow))
        return error_response(ApiError(404, "not_found", f"no route for {request.raw_path}"))


def _match(pattern: tuple[str, ...], segments: tuple[str, ...]) -> dict[str, str] | None:
    """Match decoded path ``segments`` against ``pattern``; return the path parameters or None."""
    if len(pattern) != len(segments):
        return None
    params: dict[str, str] = {}
    for expected, actual in zip(pattern, segments):
        if expected.startswith("{"):
            if not actual:
                return None
            params[expected[1:-1]] = actual
        elif expected != actual:
            return None
    return params
