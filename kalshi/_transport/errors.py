"""urllib3's failures translated into the SDK's errors, naming host and cause, never a secret.

Every builder takes the secrets to scrub as a callable, called only when an error is built: the
common path, which builds none, never collects them.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    ResponseError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError

from kalshi._common.text import scrub_chain, secret_forms
from kalshi._transport.deadline import Deadline
from kalshi.exceptions import ApiConnectionError, ApiResponseTooLargeError, ApiTimeoutError

__all__ = ["Secrets", "connection_error", "deadline_error", "host_of", "too_large"]

Secrets = Callable[[], Iterable[str]]


def host_of(url: str) -> str:
    """``host[:port]`` of ``url``, without any ``user:password@``."""
    netloc = url[url.find("//") + 2 :]
    for stop in "/?#":
        netloc = netloc.partition(stop)[0]
    return netloc.rpartition("@")[2]


def deadline_error(
    budget: Deadline, method: str, url: str, cause: Optional[BaseException], secrets: Secrets
) -> ApiTimeoutError:
    phase = " while connecting" if isinstance(cause, ConnectTimeoutError) else ""
    host = host_of(url)
    known = _scrubbing_cause(cause, secrets)
    return ApiTimeoutError(
        f"timed out: the call's deadline of {budget.seconds:g} s ran out{phase}: {host} [{method} {url}]",
        budget="deadline",
        host=host,
        method=method,
        url=url,
        secrets=known,
    )


def too_large(resp: Any, limit: int, method: str, url: str, secrets: Secrets) -> ApiResponseTooLargeError:
    return ApiResponseTooLargeError(
        f"the response ({resp.status} {resp.reason}) is larger than max_response_size ({limit} bytes"
        f"{' decoded' if resp.headers.get('Content-Encoding') else ''}); the connection was discarded "
        f"[{method} {url}]",
        status=resp.status,
        headers=resp.headers,
        limit=limit,
        host=host_of(url),
        method=method,
        url=url,
        secrets=secrets(),
    )


def connection_error(
    cause: BaseException, method: str, url: str, secrets: Secrets, note: str = ""
) -> ApiConnectionError:
    """The SDK's error for a urllib3 failure: a timeout names its phase, anything else its kind."""
    known = _scrubbing_cause(cause, secrets)
    if isinstance(cause, MaxRetryError) and cause.reason is not None:
        cause = cause.reason
    host = host_of(url)
    suffix = f" ({note})" if note else ""
    # NewConnectionError subclasses ConnectTimeoutError in urllib3: test it first, or a refused
    # connection would be reported as a timeout.
    timed_out = isinstance(cause, (ConnectTimeoutError, ReadTimeoutError, Urllib3TimeoutError))
    if timed_out and not isinstance(cause, NewConnectionError):
        connecting = isinstance(cause, ConnectTimeoutError)
        return ApiTimeoutError(
            f"timed out {'connecting to' if connecting else 'waiting for'} {host} "
            f"({'connect' if connecting else 'read'} timeout){suffix} [{method} {url}]",
            budget="connect" if connecting else "read",
            host=host,
            method=method,
            url=url,
            secrets=known,
        )
    if isinstance(cause, SSLError):
        what = "TLS handshake or certificate verification failed"
    elif isinstance(cause, ProxyError):
        what = "the proxy failed"
    elif isinstance(cause, NewConnectionError):
        what = "could not connect"
    elif isinstance(cause, ProtocolError):
        what = "the connection broke (reset, incomplete or malformed response)"
    elif isinstance(cause, ResponseError):
        what = "too many error responses"
    else:
        what = "the request failed"
    return ApiConnectionError(
        f"{what}: {host}: {_cause_text(cause)}{suffix} [{method} {url}]",
        host=host,
        method=method,
        url=url,
        secrets=known,
    )


def _scrubbing_cause(cause: Optional[BaseException], secrets: Secrets) -> list[str]:
    """The secrets, once scrubbed from ``cause`` and the errors behind it: the SDK error is raised
    from it, so a traceback prints their text too."""
    known = list(secrets())
    if cause is not None and known:
        scrub_chain(cause, secret_forms(known))
    return known


def _cause_text(cause: BaseException) -> str:
    # urllib3 wraps the OS error (e.g. "[Errno 111] Connection refused"): that is the readable part.
    inner: Optional[BaseException] = cause
    seen = 0
    while inner is not None and seen < 5:
        if isinstance(inner, OSError) and not isinstance(inner, HTTPError) and str(inner):
            break
        inner = inner.__cause__ or inner.__context__
        seen += 1
    text = str(inner if inner is not None else cause) or type(cause).__name__
    return text if len(text) <= 200 else text[:197] + "..."
