"""``AuthApi``: Log-in, log-out and password resets. ``ApiClient.login()`` keeps the session for you.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from kalshi._operations import auth as ops

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from kalshi.api_client import ApiClient
    from kalshi.calls import ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse
    from kalshi.model.confirm_password_reset_request import ConfirmPasswordResetRequest
    from kalshi.model.login_request import LoginRequest
    from kalshi.model.login_response import LoginResponse
    from kalshi.model.reset_password_request import ResetPasswordRequest

__all__ = ["AuthApi"]


class AuthApi:
    """Log-in, log-out and password resets. ``ApiClient.login()`` keeps the session for you.

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
    def login(
        self,
        *,
        login_request: Optional[LoginRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> LoginResponse: ...

    @overload
    def login(
        self,
        *,
        login_request: Optional[LoginRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def login(
        self,
        *,
        login_request: Optional[LoginRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[LoginResponse]: ...

    @overload
    def login(
        self,
        *,
        login_request: Optional[LoginRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[LoginResponse]: ...

    @overload
    def login(
        self,
        *,
        login_request: Optional[LoginRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def login(
        self,
        *,
        login_request: Optional[LoginRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[LoginResponse]:
        """End-point to start a rest session with Kalshi.

        ``POST /log_in`` (operation ``Login``).

        Args:
            login_request: ``LoginRequest(...)`` or a dict of its fields: the request body.

        Returns:
            ``LoginResponse`` (HTTP 200).
        """
        result: CallResult[LoginResponse] = self.api_client.call_endpoint(
            ops.LOGIN,
            {"login_request": login_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def logout(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def logout(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def logout(
        self,
        *,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def logout(
        self,
        *,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def logout(
        self,
        *,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def logout(
        self,
        *,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point to terminates your session with Kalshi.

        ``POST /log_out`` (operation ``Logout``).

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.LOGOUT,
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
    def reset_password(
        self,
        *,
        reset_password_request: Optional[ResetPasswordRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def reset_password(
        self,
        *,
        reset_password_request: Optional[ResetPasswordRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def reset_password(
        self,
        *,
        reset_password_request: Optional[ResetPasswordRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def reset_password(
        self,
        *,
        reset_password_request: Optional[ResetPasswordRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def reset_password(
        self,
        *,
        reset_password_request: Optional[ResetPasswordRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def reset_password(
        self,
        *,
        reset_password_request: Optional[ResetPasswordRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point to request a password reset email link.

        ``POST /passwords/reset`` (operation ``ResetPassword``).

        Args:
            reset_password_request: ``ResetPasswordRequest(...)`` or a dict of its fields: the request body.

        Returns:
            None (the API answers 202 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.RESET_PASSWORD,
            {"reset_password_request": reset_password_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result

    @overload
    def reset_password_confirm(
        self,
        code: str,
        *,
        confirm_password_reset_request: Optional[ConfirmPasswordResetRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> None: ...

    @overload
    def reset_password_confirm(
        self,
        code: str,
        *,
        confirm_password_reset_request: Optional[ConfirmPasswordResetRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: bool = ...,
        _preload_content: Literal[False],
        **kwargs: Unpack[CallOptions],
    ) -> RawResponse: ...

    @overload
    def reset_password_confirm(
        self,
        code: str,
        *,
        confirm_password_reset_request: Optional[ConfirmPasswordResetRequest] = None,
        async_req: Literal[False] = ...,
        _return_http_data_only: Literal[False],
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> ApiResponse[None]: ...

    @overload
    def reset_password_confirm(
        self,
        code: str,
        *,
        confirm_password_reset_request: Optional[ConfirmPasswordResetRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: Literal[True] = ...,
        _preload_content: Literal[True] = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[None]: ...

    @overload
    def reset_password_confirm(
        self,
        code: str,
        *,
        confirm_password_reset_request: Optional[ConfirmPasswordResetRequest] = None,
        async_req: Literal[True],
        _return_http_data_only: bool = ...,
        _preload_content: bool = ...,
        **kwargs: Unpack[CallOptions],
    ) -> AsyncResult[Any]: ...

    def reset_password_confirm(
        self,
        code: str,
        *,
        confirm_password_reset_request: Optional[ConfirmPasswordResetRequest] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        **kwargs: Unpack[CallOptions],
    ) -> CallResult[None]:
        """End-point to finish the password reset flow.

        ``PUT /passwords/reset/{code}/confirm`` (operation ``ResetPasswordConfirm``).

        Args:
            code: Should be filled with the verification code received on the sign-up email.
            confirm_password_reset_request: ``ConfirmPasswordResetRequest(...)`` or a dict of its fields: the
                request body.

        Returns:
            None (the API answers 204 with no body).
        """
        result: CallResult[None] = self.api_client.call_endpoint(
            ops.RESET_PASSWORD_CONFIRM,
            {"code": code, "confirm_password_reset_request": confirm_password_reset_request},
            {
                "async_req": async_req,
                "_return_http_data_only": _return_http_data_only,
                "_preload_content": _preload_content,
                **kwargs,
            },
        )
        return result
