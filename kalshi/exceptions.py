"""Every error the SDK raises, under one root.

::

    OpenApiException
     ├── ApiTypeError (TypeError)          bad argument type, or a response field of the wrong type
     ├── ApiValueError (ValueError)        bad argument value (e.g. page_size > 50)
     ├── ApiKeyError (KeyError)
     ├── ApiAttributeError (AttributeError)
     ├── ApiConnectionError                refused, reset, truncated, TLS failure, a 1xx final status, ...
     │    ├── ApiTimeoutError              connect, read or total-deadline timeout (``budget`` names which)
     │    │    └── OrderWaitTimeoutError   ``Kalshi.orders.wait`` ran out of time (``order``: the last seen)
     │    ├── ApiResponseTooLargeError     a body over ``Configuration.max_response_size``
     │    └── OrderOutcomeUnknownError     ``Kalshi.orders.create`` failed after sending: reconcile it
     ├── ApiPagingError                    a paging server that repeats a page (runaway paging)
     ├── ApiClientClosedError (RuntimeError)  a call on a closed ApiClient
     └── ApiException                      the server answered with an error status
          ├── BadRequestException          400
          ├── UnauthorizedException        401
          ├── ForbiddenException           403
          ├── NotFoundException            404
          ├── TooManyRequestsException     429 (``retry_after`` in seconds)
          ├── ServiceException             5xx
          └── ApiDecodeError               a 2xx whose body is not the JSON it should be
               └── ApiResponseTypeError    ... or breaks its schema (also an ApiTypeError)

``str()`` of any of them is one printable line of bounded length, and never holds a key, token,
password or cookie: the text a server sent is scrubbed of every secret the client knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Sequence, Union

from kalshi._common.text import MAX_TEXT, REDACTED, safe_text, scrub, secret_forms

if TYPE_CHECKING:
    from datetime import datetime
    from re import Pattern

    from kalshi.model.order import Order

__all__ = [
    "ApiAttributeError",
    "ApiClientClosedError",
    "ApiConnectionError",
    "ApiDecodeError",
    "ApiException",
    "ApiKeyError",
    "ApiPagingError",
    "ApiResponseTooLargeError",
    "ApiResponseTypeError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "ForbiddenException",
    "NotFoundException",
    "OpenApiException",
    "OrderOutcomeUnknownError",
    "OrderWaitTimeoutError",
    "ServiceException",
    "TooManyRequestsException",
    "UnauthorizedException",
    "exception_for_status",
    "render_path",
]

PathItem = Union[str, int]
_BODY_SNIPPET = 200
# A server that echoes a request must not put a password or token into an error message. Compiled
# on first use (by ``_secret_json``): ``re`` is not imported by ``import kalshi``.
_ECHOED_FIELD = r'("(?:password|token|access_token)"\s*:\s*)"(?:[^"\\]|\\.)*"'
_secret_json_pattern: Optional[Pattern[str]] = None


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
    """The root of every exception the SDK raises.

    Its text is made safe on the way in: a message becomes one printable line of bounded length.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(safe_text(a) if isinstance(a, str) else a for a in args))

    def __str__(self) -> str:
        return safe_text(super().__str__())


class _PathError(OpenApiException):
    """Shared shape of the argument errors: a message plus where it happened."""

    def __init__(
        self,
        msg: str,
        path_to_item: Optional[Sequence[PathItem]] = None,
        valid_classes: Optional[tuple[type, ...]] = None,
    ) -> None:
        self.path_to_item: Optional[list[PathItem]] = list(path_to_item) if path_to_item else None
        self.valid_classes = valid_classes
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
        return safe_text(str(self.args[0])) if self.args else ""


class ApiConnectionError(OpenApiException):
    """The request did not get a complete HTTP response (refused, reset, truncated, TLS, 1xx).

    ``secrets``: strings to scrub from the message (the client passes every secret it knows).
    """

    def __init__(
        self,
        message: str,
        *,
        host: Optional[str] = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        secrets: Iterable[Optional[str]] = (),
    ) -> None:
        self.host = host
        self.method = method
        self.url = url
        super().__init__(safe_text(message, secret_forms(secrets)))


class ApiTimeoutError(ApiConnectionError):
    """A time budget ran out; ``budget`` names which: ``"connect"``, ``"read"``, ``"deadline"``
    (the call's total time budget), ``"rate_limit"`` (no slot of the client-side rate limiter
    within the deadline) or ``"wait"`` (``OrderWaitTimeoutError``)."""

    def __init__(
        self,
        message: str,
        *,
        budget: Optional[str] = None,
        host: Optional[str] = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        secrets: Iterable[Optional[str]] = (),
    ) -> None:
        self.budget = budget
        super().__init__(message, host=host, method=method, url=url, secrets=secrets)


class ApiResponseTooLargeError(ApiConnectionError):
    """The response body (after decompression) is larger than ``Configuration.max_response_size``.

    The connection is discarded; ``status`` and ``headers`` are those of the refused response,
    ``limit`` the size that was exceeded.
    """

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        limit: Optional[int] = None,
        host: Optional[str] = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        secrets: Iterable[Optional[str]] = (),
    ) -> None:
        self.status = status
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.limit = limit
        super().__init__(message, host=host, method=method, url=url, secrets=secrets)


class OrderWaitTimeoutError(ApiTimeoutError):
    """``Kalshi.orders.wait`` reached its ``timeout`` with the order still resting.

    ``order`` is the last ``Order`` seen (None if none was read); ``budget`` is ``"wait"``.
    """

    def __init__(self, message: str, *, order: Optional[Order] = None) -> None:
        self.order = order
        super().__init__(message, budget="wait")


class OrderOutcomeUnknownError(ApiConnectionError):
    """``Kalshi.orders.create`` failed after the order may have reached the exchange.

    A timeout after sending, a connection reset or closed before the answer, a 5xx or an
    unreadable 2xx: the order may or may not rest on the book. It was sent once and is never
    sent again by the SDK; ``client.orders.reconcile(error)`` asks the exchange which it was.
    The original error is ``__cause__``. The order's arguments are kept: ``market`` (as given),
    ``market_id``, ``side``, ``count``, ``price`` (cents), ``expiration_unix_ts``, ``max_cost``
    (cents), ``sell_position_capped``, and ``sent_at``, the aware UTC time (this machine's clock)
    just before it was sent.
    """

    def __init__(
        self,
        message: str,
        *,
        market: str,
        market_id: str,
        side: str,
        count: int,
        price: int,
        expiration_unix_ts: Optional[int],
        max_cost: Optional[int],
        sell_position_capped: bool,
        sent_at: datetime,
        host: Optional[str] = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        secrets: Iterable[Optional[str]] = (),
    ) -> None:
        self.market = market
        self.market_id = market_id
        self.side = side
        self.count = count
        self.price = price
        self.expiration_unix_ts = expiration_unix_ts
        self.max_cost = max_cost
        self.sell_position_capped = sell_position_capped
        self.sent_at = sent_at
        super().__init__(message, host=host, method=method, url=url, secrets=secrets)


class ApiClientClosedError(OpenApiException, RuntimeError):
    """The ``ApiClient`` was closed: it sends nothing more. Create a new one."""


class ApiPagingError(OpenApiException):
    """An iterator stopped because the server returned the same full page twice in a row
    (it ignores the page number): iterating on would never end. ``page`` is the repeated page."""

    def __init__(self, message: str, *, page: Optional[int] = None) -> None:
        self.page = page
        super().__init__(message)


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
        body: object = None,
        headers: Optional[Mapping[str, str]] = None,
        *,
        http_resp: object = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        secrets: Iterable[Optional[str]] = (),
    ) -> None:
        # Generated clients pass a response object third: accept that shape too.
        if http_resp is None and hasattr(body, "status") and hasattr(body, "data"):
            http_resp, body = body, None
        if http_resp is not None:
            status = getattr(http_resp, "status", None) if status is None else status
            reason = getattr(http_resp, "reason", None) if reason is None else reason
            body = getattr(http_resp, "data", None) if body is None else body
            headers = getattr(http_resp, "headers", None) if headers is None else headers
        self.status = status
        self.reason = reason
        self.body: Optional[str] = _body_text(body)
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.method = method
        self.url = url
        fields = _error_fields(self.body, self.headers)
        self.code: Optional[str] = fields.get("code")
        self.message: Optional[str] = fields.get("message")
        self.details: Optional[str] = fields.get("details")
        self.service: Optional[str] = fields.get("service")
        # Rendered once, scrubbed of the secrets; the secrets themselves are not kept (``_excerpt``
        # reads them while the text is rendered).
        forms = self._forms = secret_forms(secrets)
        try:
            self._text = safe_text(self._summary(), forms)
        finally:
            del self._forms
        super().__init__(self._text)

    def _summary(self) -> str:
        parts = [f"({self.status})" if self.status is not None else "(no status)"]
        if self.reason:
            parts.append(self.reason)
        head = " ".join(parts)
        said = ": ".join(p for p in (self.code, self.message) if p)
        if not said and self.body:
            said = self._excerpt(self.body)
        if said:
            head += f": {said}"
        if self.method and self.url:
            head += f" [{self.method} {self.url}]"
        return head

    def _excerpt(self, body: str) -> str:
        """A bounded excerpt of ``body``, scrubbed before it is cut so no secret is half shown."""
        return _snippet(body, self.__dict__.get("_forms", ()))

    def __str__(self) -> str:
        return self.__dict__.get("_text") or safe_text(self._summary())


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
        from kalshi._common.retry_after import parse_retry_after  # on use: one module fewer for `import kalshi`

        return parse_retry_after(self.headers.get("Retry-After"))


class ServiceException(ApiException):
    """5xx: the exchange failed to answer the request."""


class ApiDecodeError(ApiException):
    """A 2xx response whose body cannot be decoded: not JSON, not UTF-8, nested too deeply.

    ``status``, ``headers`` and the whole ``body`` are kept; ``str()`` shows a bounded excerpt.
    """

    def _summary(self) -> str:
        return f"({self.status}) response body is not valid JSON: {self._excerpt(self.body or '')!r}" + (
            f" [{self.method} {self.url}]" if self.method and self.url else ""
        )


class ApiResponseTypeError(ApiDecodeError, ApiTypeError):
    """A response that breaks its schema: a required field missing or null, a wrong type or shape.

    ``path_to_item`` names the field (``entries[2].data.Trade.price``). ``status``, ``headers`` and
    the whole ``body`` are kept when the data came from a response. Catch it as ``ApiException``
    (like any bad answer) or as ``ApiTypeError``.
    """

    def __init__(
        self,
        problem: str,
        path_to_item: Optional[Sequence[PathItem]] = None,
        *,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        body: object = None,
        headers: Optional[Mapping[str, str]] = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        secrets: Iterable[Optional[str]] = (),
    ) -> None:
        self.problem = problem
        ApiException.__init__(self, status, reason, body, headers, method=method, url=url, secrets=secrets)
        # Set after ApiException.__init__, which runs _PathError's through the MRO.
        self.path_to_item: Optional[list[PathItem]] = list(path_to_item) if path_to_item else None

    def _summary(self) -> str:
        head = f"({self.status}) " if self.status is not None else ""
        tail = f" [{self.method} {self.url}]" if self.method and self.url else ""
        return f"{head}{self.problem}{tail}"


def _body_text(body: object) -> Optional[str]:
    """A response body as text: bytes decoded (bad UTF-8 replaced), anything else as its str."""
    if body is None or isinstance(body, str):
        return body
    if isinstance(body, (bytes, bytearray)):
        return body.decode("utf-8", "replace")
    return str(body)


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


def _error_fields(body: Optional[str], headers: Mapping[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    if body:
        from json import loads  # first error only: json (and re, which it imports) stay out of `import kalshi`

        try:
            parsed = loads(body)
        except (ValueError, RecursionError):  # a hostile body may nest 100,000 levels deep
            parsed = None
        if isinstance(parsed, dict):
            fields = {k: str(parsed[k]) for k in ("code", "message", "details", "service") if parsed.get(k)}
    for name in ("code", "message", "details", "service"):
        if name not in fields:
            value = headers.get(name)
            if value:
                fields[name] = value
    return fields


def _secret_json() -> Pattern[str]:
    global _secret_json_pattern
    if _secret_json_pattern is None:
        import re

        _secret_json_pattern = re.compile(_ECHOED_FIELD, re.IGNORECASE)
    return _secret_json_pattern


def _snippet(text: str, secrets: tuple[str, ...]) -> str:
    # Cut before the (regex) work: a body may be 64 MiB; the excerpt is 200 characters.
    text = _secret_json().sub(rf'\1"{REDACTED}"', " ".join(text[: MAX_TEXT * 4].split()))
    text = scrub(text, secrets)
    return text if len(text) <= _BODY_SNIPPET else text[: _BODY_SNIPPET - 3] + "..."
