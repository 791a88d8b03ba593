"""The internal API error type and the JSONError bodies the real API answers errors with."""

from __future__ import annotations

from .responses import Response, json_bytes, reason

SERVICE_NAME = "fake-exchange"
ERROR_CODES = {
    400: "invalid_parameters",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "too_many_requests",
    500: "internal_server_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
}


class ApiError(Exception):
    """Raised by route handlers; becomes a JSONError response."""

    def __init__(self, status: int, code: str, message: str, details: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details


def error_body(status: int, code: str, message: str, details: str = "") -> bytes:
    """Return the JSONError body the real API sends."""
    return json_bytes(
        {"code": code, "message": message, "details": details, "service": SERVICE_NAME}
    )


def error_response(error: ApiError) -> Response:
    """Return the JSONError response for ``error``."""
    body = error_body(error.status, error.code, error.message, error.details)
    return Response(error.status, body, (("Content-Type", "application/json"),))


def default_error(status: int) -> ApiError:
    """Return a generic JSONError for an injected failure status."""
    return ApiError(status, ERROR_CODES.get(status, "error"), reason(status), "injected fault")
