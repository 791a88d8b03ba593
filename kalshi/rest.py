"""The HTTP transport over urllib3: the SDK's public face of it (``RESTClientObject``, ``RESTResponse``).

Only this module and the ``kalshi._http_*`` modules below it import urllib3:

- ``kalshi._transport.pools``: the pools of a client, a direct route per origin, proxies, the watched
  connections;
- ``kalshi._transport.timeouts``: retry policy and timeouts (cached per value);
- ``kalshi._transport.body``: reading a body within the deadline and the size limit, decompressing;
- ``kalshi._transport.errors``: urllib3's failures as the SDK's errors.

The retry loop is here, around single urllib3 attempts (``retries=False``), because only the loop
knows the call's total time budget (``kalshi._transport.deadline``): an attempt's connect and read timeouts
are cut to what is left of it, a retry whose backoff would outlast the budget is not started, and
an unreadable ``Retry-After`` falls back to the backoff. urllib3's ``Retry`` still decides which
failures and statuses are retried, and how long to back off. Every urllib3 failure leaves as an SDK
error (``ApiConnectionError`` / ``ApiTimeoutError`` / ...) with the original as ``__cause__``.

A call that needs nothing special builds nothing that can be kept: the settings are read again
only when ``Configuration._changes`` says they changed, timeouts are cached, the host's pool is
looked up once, the headers are sent as given unless ``Accept-Encoding`` is missing.
"""

from __future__ import annotations

import threading
from time import sleep
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional

import urllib3
from urllib3.exceptions import HTTPError, MaxRetryError, ProtocolError
from urllib3.util.retry import Retry
from urllib3.util.timeout import Timeout

from kalshi._common import constants as C
from kalshi._transport import watchdog
from kalshi._transport.body import discard, drain, read_all, stream
from kalshi._transport.deadline import Deadline
from kalshi._transport.errors import connection_error, deadline_error, host_of
from kalshi._transport.pools import Pools
from kalshi._transport.proxies import proxy_passwords
from kalshi._transport.ratelimit import TokenBucket
from kalshi._transport.retry import parse_retry_after
from kalshi._transport.timeouts import (
    NO_RETRY,
    KalshiRetry,
    Limits,
    attempt_timeout,
    cut_by_budget,
    limits_for,
    make_retry,
    make_timeout,
    retry_statuses,
)
from kalshi.configuration import Configuration
from kalshi.exceptions import ApiClientClosedError, ApiTimeoutError

__all__ = ["KalshiRetry", "RESTClientObject", "RESTResponse", "Retry", "Timeout", "make_retry", "make_timeout"]


class RESTResponse:
    """A response: ``status``, ``reason``, ``headers`` and ``data`` (bytes, read on first use).

    An unread response (``_preload_content=False``) is read through the same limits as any other:
    at most ``max_response_size`` bytes, and each read bounded by the read timeout.
    """

    __slots__ = ("_body", "_buffer", "_data", "attempts", "headers", "reason", "status", "urllib3_response")

    def __init__(
        self, resp: Any, data: Optional[bytes] = None, attempts: int = 1, body: Optional[Iterator[bytes]] = None
    ) -> None:
        self.urllib3_response: Any = resp  # urllib3's HTTPResponse (typed loosely: 1.26 and 2 differ)
        self.status: int = resp.status
        self.reason: str = resp.reason or ""
        self.headers: Mapping[str, str] = resp.headers
        self.attempts: int = attempts  # how many times the request was sent
        self._data: Optional[bytes] = data
        self._body: Optional[Iterator[bytes]] = body
        self._buffer: bytes = b""

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
    """Sends requests through pooled, thread-safe urllib3 connections.

    The configuration is read again on the first call after any change to it (``_changes``), so
    a new timeout, retry policy, deadline, size limit or rate limit applies to the next call.

    Args:
        configuration: the client's settings.
        secrets: returns every secret the client knows, to scrub from error text.
    """

    def __init__(self, configuration: Configuration, secrets: Optional[Callable[[], Iterable[str]]] = None) -> None:
        self.configuration: Configuration = configuration
        self.timeout: Timeout = make_timeout(configuration.timeout)
        self.retries: Retry = make_retry(configuration.retries)
        self._limits: Limits = Limits(self.timeout)
        self._retry_statuses: frozenset[int] = retry_statuses(self.retries)
        self.deadline: float = configuration.deadline
        self.max_response_size: int = configuration.max_response_size
        self._client_secrets: Optional[Callable[[], Iterable[str]]] = secrets
        self._lock: threading.Lock = threading.Lock()
        self._closed: bool = False
        self._pools: Pools = Pools(configuration)
        self._rate_key: Optional[tuple[Optional[float], Optional[int]]] = None
        self._bucket: Optional[TokenBucket] = None
        self._seen: int = -1
        self._refresh()

    # ---- settings

    def _refresh(self) -> None:
        cfg = self.configuration
        seen = cfg._changes
        self.timeout = make_timeout(cfg.timeout)
        self.retries = make_retry(cfg.retries)
        self._limits = Limits(self.timeout)
        self._retry_statuses = retry_statuses(self.retries)
        self.deadline = cfg.deadline
        self.max_response_size = cfg.max_response_size
        rate_key = (cfg.rate_limit, cfg.rate_limit_burst)
        if rate_key != self._rate_key:
            rate, burst = rate_key
            self._bucket = None if rate is None else TokenBucket(rate, burst or max(1, round(rate)))
            self._rate_key = rate_key
        self._pools.refresh()
        self._seen = seen

    def _manager(self, url: str = "") -> urllib3.PoolManager:
        """The urllib3 manager for ``url`` (default: the configured host): direct, or through its proxy."""
        return self._pools.manager(url or self.configuration.host)

    def known_secrets(self) -> list[str]:
        """Every secret this transport knows of: the client's, and proxy passwords."""
        cfg = self.configuration
        secrets = list(self._client_secrets()) if self._client_secrets is not None else []
        secrets += proxy_passwords({"proxy": cfg.proxy or "", **self._pools.env})
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
        deadline: Optional[Deadline] = None,
    ) -> RESTResponse:
        """Send one request, retrying per policy within the deadline; return the final response.

        ``headers`` are sent as given (with ``Accept-Encoding: gzip, deflate`` added when missing)
        and never changed. ``timeout``: this call's, instead of the configured one. ``deadline``:
        the call's budget (a ``Deadline``), else ``Configuration.deadline`` from now.
        """
        if self._closed:
            raise ApiClientClosedError("the ApiClient is closed; create a new one")
        if self.configuration._changes != self._seen:
            self._refresh()
        budget = Deadline(self.deadline) if deadline is None else deadline
        policy = self.retries
        limits = self._limits if timeout is None else limits_for(timeout)
        retry_statuses = self._retry_statuses
        if "Accept-Encoding" not in headers:
            headers = {**headers, "Accept-Encoding": C.ACCEPT_ENCODING}
        secrets = self.known_secrets
        attempts = 0
        while True:
            if self._bucket is not None:
                self._take_slot(budget, method, url)
            opener, target = self._pools.opener(url)
            attempts += 1
            applied = limits.timeout
            watchdog.set_current_deadline(budget.expires)
            try:
                left = budget.remaining()
                if left is not None and left <= 0:
                    raise deadline_error(budget, method, url, None, secrets)
                applied = attempt_timeout(limits, left)
                resp = opener.urlopen(
                    method,
                    target,
                    body=body,
                    headers=headers,
                    retries=NO_RETRY,
                    redirect=False,
                    preload_content=False,
                    timeout=applied,
                )
                status = resp.status
                if status < 200:
                    discard(resp)
                    raise ProtocolError(
                        f"the server sent {status} {resp.reason} as its final answer (a 1xx is interim); "
                        "the connection was discarded"
                    )
                if status in retry_statuses and policy.is_retry(method, status, "Retry-After" in resp.headers):
                    retried = self._retry_status(policy, resp, method, url, budget)
                    if retried is not None:
                        policy = retried
                        continue
                # urllib3 left the socket's timeout at the attempt's read timeout.
                current = limits.read if applied is limits.timeout else applied.read_timeout
                limit = self.max_response_size
                if not preload_content:
                    # Read later, by the caller: bounded by the read timeout and the size limit, not the deadline.
                    later = stream(resp, Deadline(None), limits.read, current, limit, method, url, secrets)
                    return RESTResponse(resp, None, attempts, later)
                data = read_all(resp, budget, limits.read, current, limit, method, url, secrets)
                return RESTResponse(resp, data, attempts)
            except HTTPError as err:
                # Past the deadline, whatever broke the attempt (the watchdog ends a header wait by
                # shutting the socket) is the deadline running out.
                if cut_by_budget(err, applied, limits) or budget.remaining() == 0:
                    raise deadline_error(budget, method, url, err, secrets) from err
                policy = self._retry_error(policy, err, method, url, budget)

    def _take_slot(self, budget: Deadline, method: str, url: str) -> None:
        assert self._bucket is not None  # noqa: S101 - checked by the caller
        if not self._bucket.acquire(budget.remaining()):
            raise ApiTimeoutError(
                f"the client-side rate limit ({self._bucket.rate:g}/s) has no free slot within the call's "
                f"deadline of {budget.seconds:g} s [{method} {url}]",
                budget="rate_limit",
                host=host_of(url),
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
        drain(resp, budget)
        if wait > 0:
            sleep(wait)
        return following

    def _retry_error(self, policy: Retry, err: HTTPError, method: str, url: str, budget: Deadline) -> Retry:
        """The next policy after a failed attempt (having slept its backoff), or raise the SDK error."""
        try:
            following = policy.increment(method, url, error=err)
        except HTTPError:  # MaxRetryError, or the error itself for a request that must not repeat
            raise connection_error(err, method, url, self.known_secrets) from err
        wait = following.get_backoff_time()
        if not budget.allows(wait):
            raise connection_error(
                err, method, url, self.known_secrets, note="no time left in the call's deadline to retry"
            ) from err
        if wait > 0:
            sleep(wait)
        return following

    def close(self) -> None:
        """Close every pooled connection; later requests raise ``ApiClientClosedError``."""
        with self._lock:
            self._closed = True
        self._pools.clear()
