"""The HTTP transport over urllib3: the only module that imports it.

One ``PoolManager`` per client, rebuilt in a forked child. Every urllib3 failure leaves here as an
SDK error (``ApiConnectionError`` / ``ApiTimeoutError``) with the original as ``__cause__``.
"""

from __future__ import annotations

import os
import random
import threading
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional
from urllib.parse import urlsplit

import urllib3
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
from urllib3.util.retry import Retry
from urllib3.util.timeout import Timeout

from kalshi import _constants as C
from kalshi.exceptions import ApiConnectionError, ApiTimeoutError

if TYPE_CHECKING:
    from kalshi.configuration import Configuration

__all__ = ["KalshiRetry", "RESTClientObject", "RESTResponse", "Retry", "Timeout", "make_retry", "make_timeout"]


class KalshiRetry(Retry):
    """urllib3's ``Retry`` with jittered backoff and a cap on the server's Retry-After."""

    def get_backoff_time(self) -> float:
        base = min(super().get_backoff_time(), C.DEFAULT_BACKOFF_MAX)
        return base * self._jitter()

    def _jitter(self) -> float:
        # Spread retries of many clients over [base/2, base]; a method of its own so tests can pin it.
        return 0.5 + random.random() / 2  # noqa: S311 - not for security

    def get_retry_after(self, response: Any) -> Optional[float]:
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, C.MAX_RETRY_AFTER)


def make_retry(retries: Any) -> Retry:
    """The urllib3 policy for ``Configuration.retries``: an int count or a ready ``Retry``."""
    if isinstance(retries, Retry):
        # We map the last status to our own exception; urllib3 must hand the response back.
        return retries.new(raise_on_status=False) if retries.raise_on_status else retries
    count = C.DEFAULT_MAX_RETRIES if retries is None else int(retries)
    if count == 0:
        return Retry(total=0, redirect=False, raise_on_status=False)
    return KalshiRetry(
        total=count,
        connect=count,
        read=count,
        status=count,
        other=0,
        redirect=False,
        backoff_factor=C.DEFAULT_BACKOFF_FACTOR,
        status_forcelist=C.RETRY_STATUSES,
        allowed_methods=C.RETRY_METHODS,
        respect_retry_after_header=True,
        raise_on_status=False,
    )


def make_timeout(value: Any) -> Any:
    """A urllib3 ``Timeout`` from seconds, a (connect, read) pair, a ``Timeout`` or None."""
    if value is None or isinstance(value, Timeout):
        return value
    if isinstance(value, (tuple, list)):
        return Timeout(connect=value[0], read=value[1])
    return Timeout(connect=value, read=value)


class RESTResponse:
    """A response: ``status``, ``reason``, ``headers`` and ``data`` (bytes, read on first use)."""

    __slots__ = ("_data", "headers", "reason", "status", "urllib3_response")

    def __init__(self, resp: Any) -> None:
        self.urllib3_response = resp
        self.status: int = resp.status
        self.reason: str = resp.reason or ""
        self.headers: Mapping[str, str] = resp.headers
        self._data: Optional[bytes] = None

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data = self.urllib3_response.data or b""
        return self._data

    @property
    def attempts(self) -> int:
        """How many times the request was sent (1 plus the retries it took)."""
        retries = getattr(self.urllib3_response, "retries", None)
        return 1 + len(retries.history) if retries is not None else 1

    def getheaders(self) -> Mapping[str, str]:
        return self.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        return self.headers.get(name, default)

    def stream(self, amt: int = 2**16) -> Iterator[bytes]:
        """Iterate over the body in chunks (for ``_preload_content=False``)."""
        return iter(self.urllib3_response.stream(amt))

    def read(self, amt: Optional[int] = None) -> bytes:
        data: bytes = self.urllib3_response.read(amt)
        return data

    def release_conn(self) -> None:
        self.urllib3_response.release_conn()

    def close(self) -> None:
        self.urllib3_response.close()

    def __repr__(self) -> str:
        return f"<RESTResponse [{self.status} {self.reason}]>"


class RESTClientObject:
    """Sends requests through a pooled, thread-safe urllib3 manager."""

    def __init__(self, configuration: Configuration) -> None:
        self.configuration = configuration
        self.retries = make_retry(configuration.retries)
        self.timeout = make_timeout(configuration.timeout)
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._pool: Optional[urllib3.PoolManager] = None

    def _manager(self) -> urllib3.PoolManager:
        pool = self._pool
        if pool is not None and self._pid == os.getpid():
            return pool
        with self._lock:
            if self._pool is None or self._pid != os.getpid():
                # After fork() the parent's sockets must not be shared: start a fresh pool.
                self._pool = self._new_manager()
                self._pid = os.getpid()
            return self._pool

    def _new_manager(self) -> urllib3.PoolManager:
        cfg = self.configuration
        if cfg.verify_ssl:
            tls: dict[str, Any] = {"cert_reqs": "CERT_REQUIRED", "ca_certs": cfg.ssl_ca_cert}
        else:
            tls = {"cert_reqs": "CERT_NONE"}
        if cfg.cert_file:
            tls["cert_file"] = cfg.cert_file
        if cfg.key_file:
            tls["key_file"] = cfg.key_file
        if cfg.assert_hostname is not None:
            tls["assert_hostname"] = cfg.assert_hostname
        kw: dict[str, Any] = {"num_pools": 4, "maxsize": cfg.connection_pool_maxsize, **tls}
        if cfg.proxy:
            return urllib3.ProxyManager(proxy_url=cfg.proxy, proxy_headers=cfg.proxy_headers, **kw)
        return urllib3.PoolManager(**kw)

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        body: Optional[bytes] = None,
        preload_content: bool = True,
        timeout: Any = None,
        retries: Any = None,
    ) -> RESTResponse:
        """Send one request (retrying per policy); return the final response whatever its status."""
        try:
            resp = self._manager().request(
                method,
                url,
                body=body,
                headers=dict(headers),
                timeout=self.timeout if timeout is None else make_timeout(timeout),
                retries=self.retries if retries is None else make_retry(retries),
                redirect=False,
                preload_content=preload_content,
                enforce_content_length=True,
            )
        except MaxRetryError as err:
            raise _connection_error(err.reason or err, method, url) from err
        except HTTPError as err:
            raise _connection_error(err, method, url) from err
        return RESTResponse(resp)

    def close(self) -> None:
        """Close every pooled connection."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.clear()


def _connection_error(cause: BaseException, method: str, url: str) -> ApiConnectionError:
    """Translate a urllib3 failure into the SDK's error, naming host and cause, no secrets."""
    host = urlsplit(url).netloc.rpartition("@")[2]
    # NewConnectionError subclasses ConnectTimeoutError in urllib3: test it first, or a refused
    # connection would be reported as a timeout.
    timed_out = isinstance(cause, (ConnectTimeoutError, ReadTimeoutError, Urllib3TimeoutError))
    if timed_out and not isinstance(cause, NewConnectionError):
        phase = "connecting to" if isinstance(cause, ConnectTimeoutError) else "waiting for"
        return ApiTimeoutError(
            f"timed out {phase} {host} ({type(cause).__name__}) [{method} {url}]", host=host, method=method, url=url
        )
    if isinstance(cause, SSLError):
        what = "TLS handshake or certificate verification failed"
    elif isinstance(cause, ProxyError):
        what = "the proxy failed"
    elif isinstance(cause, NewConnectionError):
        what = "could not connect"
    elif isinstance(cause, ProtocolError):
        what = "the connection broke (reset or incomplete response)"
    elif isinstance(cause, ResponseError):
        what = "too many error responses"
    else:
        what = "the request failed"
    return ApiConnectionError(
        f"{what}: {host}: {_cause_text(cause)} [{method} {url}]", host=host, method=method, url=url
    )


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
