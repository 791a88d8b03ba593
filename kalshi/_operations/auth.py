"""Endpoint tables of the ``auth`` operations.

Generated from the spec by test/codegen/generate_apis.py; do not edit.
"""

from __future__ import annotations

from kalshi._call.endpoint import BODY, PATH, Endpoint, Param

__all__ = ["LOGIN", "LOGOUT", "RESET_PASSWORD", "RESET_PASSWORD_CONFIRM"]

LOGIN = Endpoint(
    'Login',
    'login',
    'POST',
    '/log_in',
    (Param('login_request', '', BODY, "LoginRequest"),),
    "LoginResponse",
    auth=False,
)

LOGOUT = Endpoint(
    'Logout',
    'logout',
    'POST',
    '/log_out',
    (),
    renews_session=False,
    ends_session=True,
)

RESET_PASSWORD = Endpoint(
    'ResetPassword',
    'reset_password',
    'POST',
    '/passwords/reset',
    (Param('reset_password_request', '', BODY, "ResetPasswordRequest"),),
    auth=False,
)

RESET_PASSWORD_CONFIRM = Endpoint(
    'ResetPasswordConfirm',
    'reset_password_confirm',
    'PUT',
    '/passwords/reset/{code}/confirm',
    (
        Param('code', 'code', PATH, str, required=True),
        Param('confirm_password_reset_request', '', BODY, "ConfirmPasswordResetRequest"),
    ),
    auth=False,
)
