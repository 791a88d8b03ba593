"""User endpoints: profile, watchlist, password change and the password-reset flow."""

from __future__ import annotations

from .accounts import MIN_PASSWORD
from .clock import rfc3339
from .engine import Engine
from .errors import ApiError
from .gate import Gate, Route
from .params import json_object_body, reject_unknown, reject_unknown_fields, string_field
from .queries import Queries
from .recorded import RecordedRequest
from .responses import Response, json_response


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ApiError(400, "invalid_parameters", f"password must be at least {MIN_PASSWORD} characters")


class UserRoutes:
    """Profile, watchlist and password endpoints."""

    def __init__(self, engine: Engine, queries: Queries, gate: Gate) -> None:
        self._engine = engine
        self._queries = queries
        self._accounts = engine.accounts
        self._gate = gate

    def routes(self) -> list[Route]:
        """Return this group's route table."""
        user = ("v1", "users", "{user_id}")
        return [
            (user, "GET", self._profile),
            ((*user, "watchlist"), "GET", self._watchlist),
            ((*user, "watchlist", "{market_id}"), "PUT", self._watch),
            ((*user, "watchlist", "{market_id}"), "DELETE", self._unwatch),
            ((*user, "password"), "PUT", self._change_password),
            (("v1", "passwords", "reset"), "POST", self._reset),
            (("v1", "passwords", "reset", "{code}", "confirm"), "PUT", self._confirm_reset),
        ]

    def _profile(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        with self._engine.lock:
            account = self._accounts.account(user_id)
            user = {
                "user_id": user_id,
                "email": account.email or "",
                "created_ts": rfc3339(account.created),
                "first_name": "",
                "last_name": "",
                "watchlist": list(account.watchlist),
                "use_bid_ask": True,
                "finished_fre": True,
                "country": "US",
            }
        return json_response(200, {"user": user})

    def _watchlist(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/watchlist."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        with self._engine.lock:
            market_ids = list(self._accounts.account(user_id).watchlist)
        return json_response(200, {"watchlist": {"market_ids": market_ids}})

    def _watch(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /users/{user_id}/watchlist/{market_id}: adding twice keeps one entry."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        market_id = params["market_id"]
        with self._engine.lock:
            if not self._queries.has_market(market_id):
                raise ApiError(404, "not_found", f"no market with id {market_id!r}")
            watchlist = self._accounts.account(user_id).watchlist
            if market_id not in watchlist:
                watchlist.append(market_id)
        return Response(204)

    def _unwatch(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """DELETE /users/{user_id}/watchlist/{market_id}: 404 if it is not on the watchlist."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        with self._engine.lock:
            watchlist = self._accounts.account(user_id).watchlist
            if params["market_id"] not in watchlist:
                raise ApiError(404, "not_found", "market is not on the watchlist")
            watchlist.remove(params["market_id"])
        return Response(204)

    def _change_password(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /users/{user_id}/password: 400 if old_password is wrong."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        body = json_object_body(request)
        reject_unknown_fields(body, ("old_password", "new_password"))
        old, new = string_field(body, "old_password"), string_field(body, "new_password")
        _check_new_password(new)
        if not self._accounts.change_password(user_id, old, new):
            raise ApiError(400, "invalid_credentials", "old_password is not the current password")
        return Response(204)

    def _reset(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """POST /passwords/reset: always 202, so nobody learns which e-mails are registered."""
        reject_unknown(request.query, ())
        body = json_object_body(request)
        reject_unknown_fields(body, ("email",))
        email = string_field(body, "email")
        with self._engine.lock:
            self._accounts.start_reset(email, self._engine.ids.code())
        return Response(202)

    def _confirm_reset(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """PUT /passwords/reset/{code}/confirm: the code works once, for its own user."""
        reject_unknown(request.query, ())
        body = json_object_body(request)
        reject_unknown_fields(body, ("user_id", "password"))
        user_id, password = string_field(body, "user_id"), string_field(body, "password")
        _check_new_password(password)
        if not self._accounts.confirm_reset(params["code"], user_id, password):
            raise ApiError(400, "invalid_parameters", "invalid or used reset code")
        return Response(204)
