"""The API endpoints and the route table that dispatches each request to one of them."""

from __future__ import annotations

import threading
from collections.abc import Callable

from .accounts import Account, Accounts, Session
from .errors import ApiError, error_response
from .params import (
    json_object_body,
    parse_bool,
    parse_int,
    reject_unknown,
    require_params,
    required_int,
    string_field,
)
from .recorded import RecordedRequest
from .responses import JsonDict, Response, json_response

SUBSCRIPTION_LEVELS = ("none", "basic", "all")
_HISTORY_FLAGS = {
    "ShouldReturnDeposits": "Deposit",
    "ShouldReturnWithdrawals": "Withdrawal",
    "ShouldReturnOrders": "Order",
    "ShouldReturnSettlements": "Settlement",
    "ShouldReturnTrades": "Trade",
}

_RouteHandler = Callable[[RecordedRequest, dict[str, str]], Response]


class Exchange:
    """The fake exchange's API logic over its accounts, independent of the network; thread-safe."""

    def __init__(self, accounts: Accounts, lock: threading.RLock) -> None:
        self._accounts = accounts
        self._lock = lock
        self._routes: list[tuple[tuple[str, ...], str, _RouteHandler]] = [
            (("v1", "log_in"), "POST", self._log_in),
            (("v1", "log_out"), "POST", self._log_out),
            (("v1", "users", "{user_id}", "account", "history"), "GET", self._history),
            (("v1", "users", "{user_id}", "notifications"), "GET", self._notifications),
            (
                ("v1", "users", "{user_id}", "notifications", "preferences"),
                "GET",
                self._preferences,
            ),
            (
                ("v1", "users", "{user_id}", "notifications", "{notification_id}", "read"),
                "PUT",
                self._mark_read,
            ),
            (("v1", "users", "{user_id}", "subscribe"), "PUT", self._subscribe),
        ]

    # -- routing -------------------------------------------------------------

    def handle(self, request: RecordedRequest) -> Response:
        """Route ``request`` and return the response, turning API errors into JSONError bodies."""
        allowed: list[str] = []
        for pattern, method, handler in self._routes:
            params = _match(pattern, request.path_segments)
            if params is None:
                continue
            if method != request.method:
                allowed.append(method)
                continue
            try:
                return handler(request, params)
            except ApiError as error:
                return error_response(error)
        if allowed:
            not_allowed = ApiError(
                405, "method_not_allowed", f"method {request.method} is not allowed here"
            )
            response = error_response(not_allowed)
            allow = ("Allow", ", ".join(sorted(allowed)))
            return Response(response.status, response.body, (*response.headers, allow))
        return error_response(ApiError(404, "not_found", f"no route for {request.raw_path}"))

    # -- authentication ------------------------------------------------------

    def _session(self, request: RecordedRequest) -> tuple[str, Session]:
        """Return the Authorization value and its session, or raise 401."""
        authorization = request.headers.get("authorization")
        if authorization is None:
            raise ApiError(401, "unauthorized", "missing Authorization header")
        session = self._accounts.session(authorization)
        if session is None:
            raise ApiError(401, "unauthorized", "invalid or expired session")
        return authorization, session

    def _authorized_account(self, request: RecordedRequest, params: dict[str, str]) -> Account:
        """Return the account a /users route may act on, or raise 401/403."""
        _, session = self._session(request)
        if params["user_id"] != session.user_id:
            raise ApiError(403, "forbidden", "user_id does not match the logged in user")
        return self._accounts.account(session.user_id)

    # -- endpoints -----------------------------------------------------------

    def _log_in(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """POST /log_in."""
        reject_unknown(request.query, ())
        body = json_object_body(request)
        email = string_field(body, "email")
        password = string_field(body, "password")
        if len(password) < 6:
            raise ApiError(400, "invalid_parameters", "password must be at least 6 characters")
        opened = self._accounts.log_in(email, password)
        if opened is None:
            raise ApiError(401, "invalid_credentials", "invalid email or password")
        user_id, token = opened
        payload = {"token": token, "user_id": user_id, "access_level": "full"}
        cookie = ("Set-Cookie", f"sessions={token}; Path=/; HttpOnly")
        return json_response(200, payload, (cookie,))

    def _log_out(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """POST /log_out; static ``authorize`` sessions survive it, like an API key would."""
        reject_unknown(request.query, ())
        authorization, session = self._session(request)
        if not session.static:
            self._accounts.end_session(authorization)
        return Response(204)

    def _history(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/account/history."""
        account = self._authorized_account(request, params)
        reject_unknown(request.query, (*_HISTORY_FLAGS, "Limit"))
        flags = {
            entry_type: parse_bool(request.query, name)
            for name, entry_type in _HISTORY_FLAGS.items()
        }
        limit = parse_int(request.query, "Limit", minimum=0)
        with self._lock:
            entries = list(account.history)
        selected = _select_history(entries, flags)
        if limit:  # 0 means "no limit", like Go's zero value
            selected = selected[:limit]
        return json_response(200, {"entries": selected})

    def _notifications(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/notifications."""
        account = self._authorized_account(request, params)
        reject_unknown(request.query, ("page_size", "page_number"))
        # Name every missing parameter at once, not just the first one checked.
        require_params(request.query, ("page_size", "page_number"))
        page_size = required_int(request.query, "page_size", minimum=1, maximum=50)
        page_number = required_int(request.query, "page_number", minimum=1)
        start = (page_number - 1) * page_size
        with self._lock:
            page = account.notifications[start : start + page_size]
        return json_response(200, {"notifications": page})

    def _preferences(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/notifications/preferences."""
        account = self._authorized_account(request, params)
        reject_unknown(request.query, ())
        with self._lock:
            level = account.subscription_level
        return json_response(200, {"preferences": {"subscription_level": level}})

    def _mark_read(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /users/{user_id}/notifications/{notification_id}/read."""
        account = self._authorized_account(request, params)
        reject_unknown(request.query, ())
        with self._lock:
            for index, notification in enumerate(account.notifications):
                if notification.get("id") == params["notification_id"]:
                    # Replace rather than mutate: responses being serialized hold the old dict.
                    account.notifications[index] = {**notification, "is_read": True}
                    return Response(204)
        raise ApiError(404, "not_found", "notification not found")

    def _subscribe(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /users/{user_id}/subscribe."""
        account = self._authorized_account(request, params)
        reject_unknown(request.query, ())
        if not request.body:
            # The spec makes this body optional: without one there is nothing to change.
            return Response(204)
        body = json_object_body(request)
        if "subscription_level" not in body or body["subscription_level"] is None:
            raise ApiError(400, "missing_parameters", "missing required field subscription_level")
        level = body["subscription_level"]
        if level not in SUBSCRIPTION_LEVELS:
            raise ApiError(
                400,
                "invalid_parameters",
                f"subscription_level must be one of: {', '.join(SUBSCRIPTION_LEVELS)}",
            )
        with self._lock:
            account.subscription_level = level
        return Response(204)


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


def _select_history(entries: list[JsonDict], flags: dict[str, bool | None]) -> list[JsonDict]:
    """Apply the ShouldReturn* flags the way the exchange does.

    If any flag is true only the flagged types come back; otherwise everything except the types
    explicitly set to false.
    """
    included = {entry_type for entry_type, flag in flags.items() if flag is True}
    if included:
        return [entry for entry in entries if entry.get("type") in included]
    excluded = {entry_type for entry_type, flag in flags.items() if flag is False}
    return [entry for entry in entries if entry.get("type") not in excluded]
