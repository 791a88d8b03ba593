"""``AuthApi``: start and end a REST session (``POST /log_in``, ``POST /log_out``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from kalshi._endpoint import BODY, Endpoint, Param
from kalshi.api_client import ApiClient
from kalshi.model.login_request import LoginRequest
from kalshi.model.login_response import LoginResponse

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi._async import AsyncResult
    from kalshi.api._options import CallOptions

__all__ = ["AuthApi"]

LOGIN = Endpoint(
    "Login", "login", "POST", "/log_in", (Param("login_request", "", BODY, LoginRequest),), LoginResponse, auth=False
)
LOGOUT = Endpoint("Logout", "logout", "POST", "/log_out", (), renews_session=False, ends_session=True)


class AuthApi:
    """Log-in and log-out. ``ApiClient.login()`` wraps ``login`` and keeps the session for you."""

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        self.api_client = api_client if api_client is not None else ApiClient()

    @overload
    def login(
        self,
        login_request: Optional[LoginRequest] = None,
        *,
        async_req: Literal[False] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> LoginResponse: ...

    @overload
    def login(
        self, login_request: Optional[LoginRequest] = None, *, async_req: Literal[True], **kwargs: Unpack[CallOptions]
    ) -> AsyncResult[LoginResponse]: ...

    def login(self, login_request: Optional[LoginRequest] = None, **kwargs: Any) -> Any:
        """Login: start a REST session with Kalshi (``POST /log_in``).

        Args:
            login_request: ``LoginRequest(email=..., password=...)``.

        Returns:
            ``LoginResponse`` with ``user_id``, ``token`` and ``access_level``. Send
            ``"<user_id> <token>"`` as the Authorization header afterwards.

        Raises:
            BadRequestException, UnauthorizedException, ForbiddenException, ServiceException.
        """
        return self.api_client.call_endpoint(LOGIN, {"login_request": login_request}, kwargs)

    @overload
    def logout(self, *, async_req: Literal[False] = ..., **kwargs: Unpack[CallOptions]) -> None: ...

    @overload
    def logout(self, *, async_req: Literal[True], **kwargs: Unpack[CallOptions]) -> AsyncResult[None]: ...

    def logout(self, **kwargs: Any) -> Any:
        """Logout: end your session with Kalshi (``POST /log_out``); returns None.

        A session started by ``ApiClient.login()`` ends with it: the client forgets the
        credentials and will not log in again by itself.
        """
        return self.api_client.call_endpoint(LOGOUT, {}, kwargs)
