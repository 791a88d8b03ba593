"""Log-in, log-out, account history, notifications and the e-mail subscription endpoints."""

from __future__ import annotations

import threading

from .accounts import MIN_PASSWORD, Accounts
from .errors import ApiError
from .gate import Gate, Route
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


class AccountRoutes:
    """The auth and account endpoints."""

    def __init__(self, accounts: Accounts, gate: Gate, lock: threading.RLock) -> None:
        self._accounts = accounts
        self._gate = gate
        self._lock = lock

    def routes(self) -> list[Route]:
        """Return this group's route table."""
        user = ("v1", "users", "{user_id}")
        return [
            (("v1", "log_in"), "POST", self._log_in),
            (("v1", "log_out"), "POST", self._log_out),
            ((*user, "account", "history"), "GET", self._history),
            ((*user, "notifications"), "GET", self._notifications),
            ((*user, "notifications", "preferences"), "GET", self._preferences),
            ((*user, "notifications", "{notification_id}", "read"), "PUT", self._mark_read),
            ((*user, "subscribe"), "PUT", self._subscribe),
        ]

    def _log_in(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """POST /log_in."""
        reject_unknown(request.query, ())
        body = json_object_body(request)
        email = string_field(body, "email")
        password = string_field(body, "password")
        if len(password) < MIN_PASSWORD:
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
        authorization, session = self._gate.session(request)
        if not session.static:
            self._accounts.end_session(authorization)
        return Response(204)

    def _history(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/account/history."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, (*_HISTORY_FLAGS, "Limit"))
        flags = {entry_type: parse_bool(request.query, name) for name, entry_type in _HISTORY_FLAGS.items()}
        limit = parse_int(request.query, "Limit", minimum=0)
        with self._lock:
            entries = list(self._accounts.account(user_id).history)
        selected = _select_history(entries, flags)
        if limit:  # 0 means "no limit", like Go's zero value
            selected = selected[:limit]
        return json_response(200, {"entries": selected})

    def _notifications(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/notifications."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ("page_size", "page_number"))
        # Name every missing parameter at once, not just the first one checked.
        require_params(request.query, ("page_size", "page_number"))
        page_size = required_int(request.query, "page_size", minimum=1, maximum=50)
        page_number = required_int(request.query, "page_number", minimum=1)
        start = (page_number - 1) * page_size
        with self._lock:
            page = self._accounts.account(user_id).notifications[start : start + page_size]
        return json_response(200, {"notifications": page})

    def _preferences(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/notifications/preferences."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        with self._lock:
            level = self._accounts.account(user_id).subscription_level
        return json_response(200, {"preferences": {"subscription_level": level}})

    def _mark_read(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /users/{user_id}/notifications/{notification_id}/read."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        with self._lock:
            notifications = self._accounts.account(user_id).notifications
            for index, notification in enumerate(notifications):
                if notification.get("id") == params["notification_id"]:
                    # Replace rather than mutate: responses being serialized hold the old dict.
                    notifications[index] = {**notification, "is_read": True}
                    return Response(204)
        raise ApiError(404, "not_found", "notification not found")

    def _subscribe(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /users/{user_id}/subscribe."""
        user_id = self._gate.user(request, params)
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
            self._accounts.account(user_id).subscription_level = level
        return Response(204)


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
