"""Every error the SDK raises, under one root.

::

    OpenApiException
     ├── ApiTypeError (TypeError)          bad argument type, or a response field of the wrong type
     ├── ApiValueError (ValueError)        bad argument value (e.g. page_size > 50)
     ├── ApiKeyError (KeyError)
     ├── ApiAttributeError (AttributeError)
     ├── ApiConnectionError                refused, reset, truncated, TLS failure, ...
     │    └── ApiTimeoutError              connect or read timeout
     └── ApiException                      the server answered with an error status
          ├── BadRequestException          400
          ├── UnauthorizedException        401
          ├── ForbiddenException           403
          ├── NotFoundException            404
          ├── TooManyRequestsException     429 (``retry_after`` in seconds)
          ├── ServiceException             5xx
          └── ApiDecodeError               a 2xx whose body is not the JSON it should be

``str()`` of any of them is one line and never holds a key, token, password or cookie.
"""

from __future__ import annotations

import json
import re
from time import time
from typing import Any, Mapping, Optional, Sequence, Union

__all__ = [
    "ApiAttributeError",
    "ApiConnectionError",
    "ApiDecodeError",
    "ApiException",
    "ApiKeyError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "ForbiddenException",
    "NotFoundException",
    "OpenApiException",
    "ServiceException",
    "TooManyRequestsException",
    "UnauthorizedException",
    "exception_for_status",
    "render_path",
]

PathItem = Union[str, int]
_BODY_SNIPPET = 200
# A server that echoes a request must not put a password or token into an error message.
_SECRET_JSON = re.compile(r'("(?:password|token|access_token)"\s*:\s*)"(?:[^"\\]|\\.)*"', re.IGNORECASE)


def render_path(path: Optional[Sequence[PathItem]]) -> str:
    """Render ``['entries', 2, 'data', 'Trade']`` as ``entries[2].data.Trade``."""
    out = ""
    for item in path or ():
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else item
    return out


class OpenApiException(Exception):
    """The root of every exception the SDK raises."""


class _PathError(OpenApiException):
    """Shared shape of the argument errors: a message plus where it happened."""

    def __init__(
        self,
        msg: str,
        path_to_item: Optional[Sequence[PathItem]] = None,
        valid_classes: Optional[tuple[type, ...]] = None,
        key_type: Optional[bool] = None,
    ) -> None:
        self.path_to_item = list(path_to_item) if path_to_item else None
        self.valid_classes = valid_classes
        self.key_type = key_type
        where = render_path(self.path_to_item)
        # Name the place unless the message already does.
        super().__init__(f"{msg} (at {where})" if where and f"'{where}'" not in msg else msg)


class ApiTypeError(_PathError, TypeError):
    """A value of the wrong type: an argument before sending, or a field of a response."""


class ApiValueError(_PathError, ValueError):
    """An argument with an invalid value, caught before anything is sent."""


class ApiAttributeError(_PathError, AttributeError):
    """An attribute that a model does not have."""


class ApiKeyError(_PathError, KeyError):
    """A key that is not there."""

    def __str__(self) -> str:
        # KeyError's str() quotes its argument; a message reads better plain.
        return str(self.args[0]) if self.args else ""


class ApiConnectionError(OpenApiException):
    """The request did not get a complete HTTP response (refused, reset, truncated, TLS)."""

    def __init__(
        self,
        message: str,
        *,
        host: Optional[str] = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
    ) -> None:
        self.host = host
        self.method = method
        self.url = url
        super().__init__(message)


class ApiTimeoutError(ApiConnectionError):
    """The server did not connect or answer within the configured timeout."""


class ApiException(OpenApiException):
    """The server answered with an error status; keeps everything it sent.

    Attributes: ``status``, ``reason``, ``body`` (text), ``headers``, the API's JSONError fields
    ``code``, ``message``, ``details``, ``service`` (from the JSON body, else from the response
    headers of those names), and ``method`` / ``url`` of the request.
    """

    def __init__(
        self,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        *,
        http_resp: Any = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
    ) -> None:
        # Generated clients pass a response object third: accept that shape too.
        if http_resp is None and hasattr(body, "status") and hasattr(body, "data"):
            http_resp, body = body, None
        if http_resp is not None:
            status = http_resp.status if status is None else status
            reason = http_resp.reason if reason is None else reason
            body = http_resp.data if body is None else body
            headers = http_resp.headers if headers is None else headers
        self.status = status
        self.reason = reason
        self.body: Optional[str] = (
            body.decode("utf-8", "replace") if isinstance(body, (bytes, bytearray)) else body
        )
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.method = method
        self.url = url
        fields = _error_fields(self.body, self.headers)
        self.code: Optional[str] = fields.get("code")
        self.message: Optional[str] = fields.get("message")
        self.details: Optional[str] = fields.get("details")
        self.service: Optional[str] = fields.get("service")
        super().__init__(self._summary())

    def _summary(self) -> str:
        parts = [f"({self.status})" if self.status is not None else "(no status)"]
        if self.reason:
            parts.append(self.reason)
        head = " ".join(parts)
        said = ": ".join(p for p in (self.code, self.message) if p)
        if not said and self.body:
            said = _snippet(self.body)
        if said:
            head += f": {said}"
        if self.method and self.url:
            head += f" [{self.method} {self.url}]"
        return head

    def __str__(self) -> str:
        return self._summary()


class BadRequestException(ApiException):
    """400: the API rejected the request's parameters or body."""


class UnauthorizedException(ApiException):
    """401: no valid session; log in again."""


class ForbiddenException(ApiException):
    """403: the session may not do this (e.g. a ``user_id`` that is not yours)."""


class NotFoundException(ApiException):
    """404: no such resource."""


class TooManyRequestsException(ApiException):
    """429: rate limited; ``retry_after`` holds the server's wait in seconds, if it gave one."""

    @property
    def retry_after(self) -> Optional[float]:
        return parse_retry_after(self.headers.get("Retry-After"))


class ServiceException(ApiException):
    """5xx: the exchange failed to answer the request."""


class ApiDecodeError(ApiException):
    """A 2xx response whose body is not valid JSON (status and body are kept)."""

    def _summary(self) -> str:
        return f"({self.status}) response body is not valid JSON: {_snippet(self.body or '')!r}" + (
            f" [{self.method} {self.url}]" if self.method and self.url else ""
        )


_BY_STATUS: dict[int, type[ApiException]] = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    429: TooManyRequestsException,
}


def exception_for_status(status: int) -> type[ApiException]:
    """The exception class users catch for an HTTP status."""
    if 500 <= status <= 599:
        return ServiceException
    return _BY_STATUS.get(status, ApiException)


def parse_retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # rare: only for an HTTP-date Retry-After

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time())


def _error_fields(body: Optional[str], headers: Mapping[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    if body:
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            fields = {k: str(parsed[k]) for k in ("code", "message", "details", "service") if parsed.get(k)}
    for name in ("code", "message", "details", "service"):
        if name not in fields:
            value = headers.get(name)
            if value:
                fields[name] = value
    return fields


def _snippet(text: str) -> str:
    text = _SECRET_JSON.sub(r'\1"<redacted>"', " ".join(text.split()))
    return text if len(text) <= _BODY_SNIPPET else text[: _BODY_SNIPPET - 3] + "..."
