"""Authentication of requests: the Authorization header's session, and the user a route acts for."""

from __future__ import annotations

from collections.abc import Callable

from .accounts import Accounts, Session
from .errors import ApiError
from .recorded import RecordedRequest
from .responses import Response

Handler = Callable[[RecordedRequest, dict[str, str]], Response]
Route = tuple[tuple[str, ...], str, Handler]  # (path pattern, method, handler)


class Gate:
    """Checks the Authorization header against the open sessions."""

    def __init__(self, accounts: Accounts) -> None:
        self._accounts = accounts

    def session(self, request: RecordedRequest) -> tuple[str, Session]:
        """Return the Authorization value and its session, or raise 401."""
        authorization = request.headers.get("authorization")
        if authorization is None:
            raise ApiError(401, "unauthorized", "missing Authorization header")
        session = self._accounts.session(authorization)
        if session is None:
            raise ApiError(401, "unauthorized", "invalid or expired session")
        return authorization, session

    def user(self, request: RecordedRequest, params: dict[str, str]) -> str:
        """Return the user id a /users/{user_id} route may act on, or raise 401/403."""
        _, session = self.session(request)
        if params["user_id"] != session.user_id:
            raise ApiError(403, "forbidden", "user_id does not match the logged in user")
        return session.user_id
