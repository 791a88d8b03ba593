"""The HTTP transport over urllib3: the only module that imports it.

One set of pools per client (one per proxy), rebuilt in a forked child or when the configuration's
pool, TLS or proxy settings change. Every urllib3 failure leaves here as an SDK error
(``ApiConnectionError`` / ``ApiTimeoutError`` / ...) with the original as ``__cause__``.

The retry loop is ours, around single urllib3 attempts (``retries=False``), because only the loop
knows the call's total time budget (``kalshi._deadline``): an attempt's connect and read timeouts
are cut to what is left of it, the body is read one receive at a time with the same cut (a server
that drips one byte per read cannot stretch the call), a retry whose backoff would outlast the
budget is not started, and an unreadable ``Retry-After`` falls back to the backoff. urllib3's
``Retry`` still decides which failures and statuses are retried, and how long to back off.
"""

from __future__ import annotations

import os
import random
import socket
import threading
import zlib
from http.client import HTTPException
from time import sleep
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ProxySchemeUnknown,
    ReadTimeoutError,
    ResponseError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.util import make_headers
from urllib3.util.retry import Retry
from urllib3.util.timeout import Timeout

from kalshi import _constants as C
from kalshi import _watchdog
from kalshi._deadline import Deadline
from kalshi._proxies import environment_proxies, proxy_for, proxy_passwords, split_credentials
from kalshi._ratelimit import TokenBucket
from kalshi._retry_after import parse_retry_after
from kalshi.configuration import Configuration
from kalshi.exceptions import (
    ApiClientClosedError,
    ApiConnectionError,
    ApiDecodeError,
    ApiResponseTooLargeError,
    ApiTimeoutError,
    ApiValueError,
)

__all__ = ["KalshiRetry", "RESTClientObject", "RESTResponse", "Retry", "Timeout", "make_retry", "make_timeout"]

# One receive, and one decompression step: few loop turns for a large body, and a bomb inflates
# in pieces of this size, checked against the limit after each.
_CHUNK = 2**18
# A retried error response is read (so its connection can be reused) only up to this size.
_DRAIN_LIMIT = 2**16


class _WatchedHTTPConnection(HTTPConnection):
    """Waits for response headers under the deadline watchdog (see ``kalshi._watchdog``)."""

    def getresponse(self) -> Any:
        key = _watchdog.watch(self.sock)
        try:
            return super().getresponse()
        finally:
            _watchdog.unwatch(key)


class _WatchedHTTPSConnection(HTTPSConnection):
    """Waits for response headers under the deadline watchdog (see ``kalshi._watchdog``)."""

    def getresponse(self) -> Any:
        key = _watchdog.watch(self.sock)
        try:
            return super().getresponse()
        finally:
            _watchdog.unwatch(key)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOL_CLASSES = {"http": _HTTPPool, "https": _HTTPSPool}


class KalshiRetry(Retry):
    """urllib3's ``Retry`` with jittered, capped backoff."""

    def get_backoff_time(self) -> float:
        base = min(super().get_backoff_time(), C.DEFAULT_BACKOFF_MAX)
        return base * self._jitter()

    def _jitter(self) -> float:
        # Spread retries of many clients over [base/2, base]; a method of its own so tests can pin it.
        return 0.5 + random.random() / 2  # noqa: S311 - not for security


def make_retry(retries: Any) -> Retry:
    """The urllib3 policy for ``Configuration.retries``: an int count or a ready ``Retry``."""
    if isinstance(retries, Retry):
        return retries
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


def make_timeout(value: Any) -> Timeout:
    """A urllib3 ``Timeout`` (connect and read only) from seconds, a pair, a ``Timeout`` or None."""
    if isinstance(value, Timeout):
        total = _seconds_or_none(value.total)
        connect, read = _seconds_or_none(value._connect), _seconds_or_none(value._read)
        if total is not None:
            connect = total if connect is None else min(connect, total)
            read = total if read is None else min(read, total)
        return Timeout(connect=connect, read=read)
    if value is None:
        return Timeout(connect=None, read=None)
    if isinstance(value, (tuple, list)):
        return Timeout(connect=_seconds_or_none(value[0]), read=_seconds_or_none(value[1]))
    return Timeout(connect=_seconds_or_none(value), read=_seconds_or_none(value))


def _seconds_or_none(value: Any) -> Optional[float]:
    # Floats throughout, so that the per-attempt check can tell a number from urllib3's sentinel.
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class RESTResponse:
    """A response: ``status``, ``reason``, ``headers`` and ``data`` (bytes, read on first use).

    An unread response (``_preload_content=False``) is read through the same limits as any other:
    at most ``max_response_size`` bytes, and each read bounded by the read timeout.
    """

    __slots__ = ("_body", "_buffer", "_data", "attempts", "headers", "reason", "status", "urllib3_response")

    def __init__(
        self, resp: Any, data: Optional[bytes] = None, attempts: int = 1, body: Optional[Iterator[bytes]] = None
    ) -> None:
        self.urllib3_response = resp
        self.status: int = resp.status
        self.reason: str = resp.reason or ""
        self.headers: Mapping[str, str] = resp.headers
        self.attempts = attempts  # how many times the request was sent
        self._data = data
        self._body = body
        self._buffer = b""

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data = self._buffer + b"".join(self._body or ())
            self._buffer = b""
        return self._data

    def getheaders(self) -> Mapping[str, str]:
        return self.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        return self.headers.get(name, default)

    def stream(self, amt: int = 2**16) -> Iterator[bytes]:
        """Iterate over the (decoded) body in chunks of at most ``amt`` bytes."""
        while True:
            chunk = self.read(amt)
            if not chunk:
                return
            yield chunk

    def read(self, amt: Optional[int] = None) -> bytes:
        """Up to ``amt`` bytes of the decoded body (all that is left when None); b"" at the end."""
        if self._data is not None:
            data, self._data = self._data, b""
            if amt is not None and len(data) > amt:
                data, self._data = data[:amt], data[amt:]
            return data
        if amt is None:
            return self.data
        while len(self._buffer) < amt and self._body is not None:
            chunk = next(self._body, None)
            if chunk is None:
                self._body = None
            else:
                self._buffer += chunk
        data, self._buffer = self._buffer[:amt], self._buffer[amt:]
        return data

    def release_conn(self) -> None:
        self.urllib3_response.release_conn()

    def close(self) -> None:
        self.urllib3_response.close()

    def __repr__(self) -> str:
        return f"<RESTResponse [{self.status} {self.reason}]>"


class RESTClientObject:
    """Sends requests through pooled, thread-safe urllib3 managers.

    The configuration is read again on the first call after any change to it (``_changes``), so
    a new timeout, retry policy, deadline, size limit or rate limit applies to the next call.

    Args:
        configuration: the client's settings.
        secrets: returns every secret the client knows, to scrub from error text.
    """

    def __init__(self, configuration: Configuration, secrets: Optional[Callable[[], Iterable[str]]] = None) -> None:
        self.configuration = configuration
        self._client_secrets = secrets
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._closed = False
        self._managers: dict[Optional[str], urllib3.PoolManager] = {}
        self._routes: dict[str, urllib3.PoolManager] = {}
        self._env: dict[str, str] = {}
        self._pool_key: Any = None
        self._rate_key: Any = None
        self._bucket: Optional[TokenBucket] = None
        self._seen = -1
        self._refresh()

    # ---- settings

    def _refresh(self) -> None:
        cfg = self.configuration
        seen = cfg._changes
        self.timeout = make_timeout(cfg.timeout)
        self.retries = make_retry(cfg.retries)
        self.deadline: float = cfg.deadline
        self.max_response_size: int = cfg.max_response_size
        rate_key = (cfg.rate_limit, cfg.rate_limit_burst)
        if rate_key != self._rate_key:
            rate, burst = rate_key
            self._bucket = None if rate is None else TokenBucket(rate, burst or max(1, round(rate)))
            self._rate_key = rate_key
        pool_key = (
            cfg.verify_ssl,
            cfg._ssl_ca_cert,
            cfg.cert_file,
            cfg.key_file,
            cfg.assert_hostname,
            cfg.proxy,
            tuple(sorted((cfg.proxy_headers or {}).items())),
            cfg.trust_env,
            cfg.connection_pool_maxsize,
        )
        if pool_key != self._pool_key:
            self._drop_managers()
            self._pool_key = pool_key
        self._seen = seen

    def _drop_managers(self) -> None:
        with self._lock:
            managers = list(self._managers.values())
            self._managers, self._routes = {}, {}
            self._env = environment_proxies() if self.configuration.trust_env else {}
        for manager in managers:
            manager.clear()

    def _manager(self, url: str = "") -> urllib3.PoolManager:
        """The manager for ``url``: direct, or through its proxy."""
        if self._pid != os.getpid():
            # After fork() the parent's sockets must not be shared: start afresh.
            with self._lock:
                if self._pid != os.getpid():
                    self._managers, self._routes = {}, {}
                    self._pid = os.getpid()
        target = url or self.configuration.host
        end = target.find("/", target.find("//") + 2)
        origin = target if end < 0 else target[:end]
        manager = self._routes.get(origin)
        if manager is None:
            manager = self._route(origin)
        return manager

    def _route(self, origin: str) -> urllib3.PoolManager:
        cfg = self.configuration
        proxy = proxy_for(origin + "/", cfg.proxy, cfg.trust_env, self._env)
        with self._lock:
            manager = self._managers.get(proxy)
            if manager is None:
                manager = self._managers[proxy] = self._new_manager(proxy)
            self._routes[origin] = manager
        return manager

    def _new_manager(self, proxy: Optional[str]) -> urllib3.PoolManager:
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
        if proxy is None:
            return _watched(urllib3.PoolManager(**kw))
        url, credentials = split_credentials(proxy)
        headers = dict(cfg.proxy_headers or {})
        if credentials is not None:
            headers.update(make_headers(proxy_basic_auth=credentials))
        try:
            return _watched(urllib3.ProxyManager(proxy_url=url, proxy_headers=headers or None, **kw))
        except (ProxySchemeUnknown, ValueError) as err:
            raise ApiValueError(
                f"unsupported proxy {urlsplit(url).scheme}://{urlsplit(url).hostname}: use an http:// or https:// proxy"
            ) from err

    def known_secrets(self) -> list[str]:
        """Every secret this transport knows of: the client's, and proxy passwords."""
        cfg = self.configuration
        secrets = list(self._client_secrets()) if self._client_secrets is not None else []
        secrets += proxy_passwords({"proxy": cfg.proxy or "", **self._env})
        secrets += (cfg.proxy_headers or {}).values()
        return secrets

    # ---- one call

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
        deadline: Optional[Deadline] = None,
    ) -> RESTResponse:
        """Send one request, retrying per policy within the deadline; return the final response.

        ``deadline``: the call's budget (a ``Deadline``), else ``Configuration.deadline`` from now.
        """
        if self._closed:
            raise ApiClientClosedError("the ApiClient is closed; create a new one")
        if self.configuration._changes != self._seen:
            self._refresh()
        budget = Deadline(self.deadline) if deadline is None else deadline
        policy = self.retries if retries is None else make_retry(retries)
        limits = self.timeout if timeout is None else make_timeout(timeout)
        manager = self._manager(url)
        sent = dict(headers)
        sent.setdefault("Accept-Encoding", C.ACCEPT_ENCODING)
        attempts = 0
        while True:
            if self._bucket is not None:
                self._take_slot(budget, method, url)
            attempts += 1
            attempt_timeout = limits
            _watchdog.set_current_deadline(budget.expires)
            try:
                attempt_timeout = self._attempt_timeout(limits, budget, method, url)
                resp = manager.urlopen(
                    method,
                    url,
                    body=body,
                    headers=sent,
                    retries=False,
                    redirect=False,
                    preload_content=False,
                    timeout=attempt_timeout,
                )
                status = resp.status
                if status < 200:
                    _discard(resp)
                    raise ProtocolError(
                        f"the server sent {status} {resp.reason} as its final answer (a 1xx is interim); "
                        "the connection was discarded"
                    )
                if policy.is_retry(method, status, "Retry-After" in resp.headers):
                    retried = self._retry_status(policy, resp, method, url, budget)
                    if retried is not None:
                        policy = retried
                        continue
                # urllib3 left the socket's timeout at the attempt's read timeout.
                applied = attempt_timeout.read_timeout
                if not preload_content:
                    # Read later, by the caller: bounded by the read timeout and the size limit, not the deadline.
                    later = self._body(resp, Deadline(None), limits.read_timeout, applied, method, url)
                    return RESTResponse(resp, None, attempts, later)
                data = b"".join(self._body(resp, budget, limits.read_timeout, applied, method, url))
                return RESTResponse(resp, data, attempts)
            except HTTPError as err:
                # Past the deadline, whatever broke the attempt (the watchdog ends a header wait by
                # shutting the socket) is the deadline running out.
                if _cut_by_budget(err, attempt_timeout, limits) or budget.remaining() == 0:
                    raise self._deadline_error(budget, method, url, err) from err
                policy = self._retry_error(policy, err, method, url, budget)

    def _attempt_timeout(self, limits: Timeout, budget: Deadline, method: str, url: str) -> Timeout:
        """The attempt's timeouts, cut to the budget left."""
        left = budget.remaining()
        if left is None:
            return limits
        if left <= 0:
            raise self._deadline_error(budget, method, url, None)
        connect, read = limits.connect_timeout, limits.read_timeout
        if isinstance(connect, float) and isinstance(read, float) and connect <= left and read <= left:
            return limits  # the common case: the cached object, nothing allocated
        return Timeout(connect=_cut(connect, left), read=_cut(read, left))

    def _take_slot(self, budget: Deadline, method: str, url: str) -> None:
        assert self._bucket is not None  # noqa: S101 - checked by the caller
        if not self._bucket.acquire(budget.remaining()):
            raise ApiTimeoutError(
                f"the client-side rate limit ({self._bucket.rate:g}/s) has no free slot within the call's "
                f"deadline of {budget.seconds:g} s [{method} {url}]",
                budget="rate_limit",
                host=_host(url),
                method=method,
                url=url,
            )

    def _retry_status(self, policy: Retry, resp: Any, method: str, url: str, budget: Deadline) -> Optional[Retry]:
        """The next policy if this retryable status is to be retried (after sleeping), else None."""
        seconds = parse_retry_after(resp.headers.get("Retry-After"))
        if seconds is not None:
            seconds = min(seconds, C.MAX_RETRY_AFTER)
            if resp.status == 429 and self._bucket is not None:
                self._bucket.pause(seconds)
        try:
            following = policy.increment(method, url, response=resp)
        except MaxRetryError:
            return None  # exhausted: this response is the answer
        wait = seconds if seconds is not None and policy.respect_retry_after_header else following.get_backoff_time()
        if not budget.allows(wait):
            return None  # no time left to wait and try again: this response is the answer
        _drain(resp, budget)
        if wait > 0:
            sleep(wait)
        return following

    def _retry_error(self, policy: Retry, err: HTTPError, method: str, url: str, budget: Deadline) -> Retry:
        """The next policy after a failed attempt (having slept its backoff), or raise the SDK error."""
        try:
            following = policy.increment(method, url, error=err)
        except HTTPError:  # MaxRetryError, or the error itself for a request that must not repeat
            raise self._connection_error(err, method, url) from err
        wait = following.get_backoff_time()
        if not budget.allows(wait):
            raise self._connection_error(err, method, url, note="no time left in the call's deadline to retry") from err
        if wait > 0:
            sleep(wait)
        return following

    # ---- the body

    def _body(
        self, resp: Any, budget: Deadline, read_timeout: Any, current: Any, method: str, url: str
    ) -> Iterator[bytes]:
        """The decoded body in chunks: each receive bounded by the read timeout and the budget, the
        total by ``max_response_size``. ``current`` is the socket's timeout now. A failure discards
        the connection."""
        limit = self.max_response_size
        if not isinstance(read_timeout, float):
            read_timeout = None
        inflater = _Inflater.for_encoding(resp.headers.get("Content-Encoding"))
        sock = getattr(resp.connection, "sock", None)
        size = 0
        try:
            declared = resp.headers.get("Content-Length")
            if inflater is None and declared is not None and declared.isdigit() and int(declared) > limit:
                raise self._too_large(resp, limit, method, url)
            while True:
                wait, capped = budget.cap(read_timeout)
                if capped and wait is not None and wait <= 0:
                    raise self._deadline_error(budget, method, url, None)
                if sock is not None and wait != current:
                    sock.settimeout(wait)
                    current = wait
                try:
                    raw = _receive(resp, _CHUNK)
                except (ReadTimeoutError, Urllib3TimeoutError) as err:
                    if capped:
                        raise self._deadline_error(budget, method, url, err) from err
                    raise
                if inflater is None:
                    size += len(raw)
                    if size > limit:
                        raise self._too_large(resp, limit, method, url)
                    if not raw:
                        return
                    yield raw
                    continue
                # Decoded in pieces of at most _CHUNK: a bomb never inflates more than that at once.
                for piece in inflater.pieces(raw, limit - size + 1):
                    if piece is None:
                        raise ApiDecodeError(
                            resp.status, resp.reason, raw[:256], resp.headers, method=method, url=url
                        )
                    size += len(piece)
                    if size > limit:
                        raise self._too_large(resp, limit, method, url)
                    yield piece
                if not raw:
                    return
        except BaseException:
            _discard(resp)
            raise

    def _too_large(self, resp: Any, limit: int, method: str, url: str) -> ApiResponseTooLargeError:
        return ApiResponseTooLargeError(
            f"the response ({resp.status} {resp.reason}) is larger than max_response_size ({limit} bytes"
            f"{' decoded' if resp.headers.get('Content-Encoding') else ''}); the connection was discarded "
            f"[{method} {url}]",
            status=resp.status,
            headers=resp.headers,
            limit=limit,
            host=_host(url),
            method=method,
            url=url,
            secrets=self.known_secrets(),
        )

    # ---- errors

    def _deadline_error(
        self, budget: Deadline, method: str, url: str, cause: Optional[BaseException]
    ) -> ApiTimeoutError:
        phase = " while connecting" if isinstance(cause, ConnectTimeoutError) else ""
        return ApiTimeoutError(
            f"the call's deadline of {budget.seconds:g} s ran out{phase}: {_host(url)} [{method} {url}]",
            budget="deadline",
            host=_host(url),
            method=method,
            url=url,
            secrets=self.known_secrets(),
        )

    def _connection_error(self, cause: BaseException, method: str, url: str, note: str = "") -> ApiConnectionError:
        """Translate a urllib3 failure into the SDK's error, naming host and cause, no secrets."""
        if isinstance(cause, MaxRetryError) and cause.reason is not None:
            cause = cause.reason
        host = _host(url)
        suffix = f" ({note})" if note else ""
        secrets = self.known_secrets()
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
                secrets=secrets,
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
            secrets=secrets,
        )

    def close(self) -> None:
        """Close every pooled connection; later requests raise ``ApiClientClosedError``."""
        with self._lock:
            self._closed = True
            managers = list(self._managers.values())
            self._managers, self._routes = {}, {}
        for manager in managers:
            manager.clear()


class _Inflater:
    """Incremental gzip / deflate decoding that never produces more than it is asked for."""

    __slots__ = ("_decoder", "_encoding", "_started")

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS)
        self._started = False

    @classmethod
    def for_encoding(cls, header: Optional[str]) -> Optional[_Inflater]:
        encoding = (header or "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            return cls("gzip")
        if encoding == "deflate":
            return cls("deflate")
        return None  # identity; an encoding we did not ask for is passed through (and fails to parse)

    def pieces(self, data: bytes, room: int) -> Iterator[Optional[bytes]]:
        """The decoded bytes of ``data`` (b"": the end of the body), in pieces of at most ``_CHUNK``,
        stopping once ``room`` bytes came out; None when the data is corrupt or cut short."""
        produced = 0
        if not data:
            if self._started and not self._decoder.eof:
                yield None  # the body ended inside the compressed stream
            return
        while produced < room:
            try:
                piece = self._decoder.decompress(data, min(_CHUNK, room - produced))
            except zlib.error:
                if self._encoding != "deflate" or self._started:
                    yield None
                    return
                # Some servers send raw deflate without the zlib header that RFC 9110 asks for.
                self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                continue
            self._started = True
            produced += len(piece)
            if piece:
                yield piece
            data = self._decoder.unconsumed_tail
            if not data and self._decoder.eof and self._decoder.unused_data:
                # Several gzip members one after another: decode the next one too.
                data = self._decoder.unused_data
                self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if not data:
                return


def _receive(resp: Any, amount: int) -> bytes:
    """At most ``amount`` bytes of the raw body in one receive; b"" at its end (connection released)."""
    read1 = getattr(resp, "read1", None)
    if read1 is not None:  # urllib3 2
        data: bytes = read1(amount, decode_content=False)
        return data
    # urllib3 1.26 has no read1: the same on its http.client response, with urllib3's errors.
    fp = resp._fp
    if fp is None or fp.isclosed():
        return b""
    try:
        data = fp.read1(amount)
    except socket.timeout as err:
        raise ReadTimeoutError(resp._pool, None, "Read timed out.") from err
    except (HTTPException, OSError) as err:
        raise ProtocolError(f"Connection broken: {err!r}", err) from err
    if data:
        return data
    if fp.length:
        raise ProtocolError(f"Connection broken: IncompleteRead ({fp.length} bytes missing)")
    fp.close()
    resp.release_conn()
    return b""


def _watched(manager: urllib3.PoolManager) -> urllib3.PoolManager:
    # Pools whose connections wait for headers under the deadline watchdog.
    manager.pool_classes_by_scheme = _POOL_CLASSES
    return manager


def _cut(seconds: Any, left: float) -> float:
    return seconds if isinstance(seconds, float) and seconds <= left else left


def _cut_by_budget(err: HTTPError, applied: Timeout, configured: Timeout) -> bool:
    """Whether ``err`` is a timeout whose limit was the call's budget rather than the configured timeout."""
    if isinstance(err, ConnectTimeoutError) and not isinstance(err, NewConnectionError):
        return applied.connect_timeout != configured.connect_timeout
    if isinstance(err, (ReadTimeoutError, Urllib3TimeoutError)):
        return applied.read_timeout != configured.read_timeout
    return False


def _host(url: str) -> str:
    return urlsplit(url).netloc.rpartition("@")[2]


def _discard(resp: Any) -> None:
    """Close the response's connection and give the (now empty) slot back to the pool."""
    try:
        resp.close()
    finally:
        resp.release_conn()


def _drain(resp: Any, budget: Deadline) -> None:
    """Read a small error body so its connection can be reused; discard the connection otherwise."""
    declared = resp.headers.get("Content-Length")
    if declared is None or not declared.isdigit() or int(declared) > _DRAIN_LIMIT or resp.headers.get(
        "Content-Encoding"
    ):
        _discard(resp)
        return
    left = budget.remaining()
    try:
        sock = getattr(resp.connection, "sock", None)
        if sock is not None and left is not None:
            sock.settimeout(max(left, 0.001))
        resp.read(decode_content=False)
        resp.release_conn()
    except (HTTPError, OSError):
        _discard(resp)


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
