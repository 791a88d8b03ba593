"""The HTTP transport over urllib3: the SDK's public face of it (``RESTClientObject``, ``RESTResponse``).

Only this module and the ``kalshi._transport`` package below it use urllib3 (see that package for
its modules; elsewhere only the debug report reads urllib3's version). The retry loop is here,
around single urllib3 attempts (``retries=False``), because only the loop knows the call's total
time budget (``Deadline``): an attempt's connect and read timeouts are cut to what is left of it.
After each attempt the loop asks the retry policy (``kalshi._transport.retry``, the one place it
lives) whether and when to try again, and does what it says. Every urllib3 failure leaves as an
SDK error (``ApiConnectionError`` / ``ApiTimeoutError`` / ...) with the original as ``__cause__``.

Each call takes one immutable snapshot of the settings (``Configuration.transport_settings()``)
and keeps it to its end: an assignment to the configuration applies from the next call on. What a
snapshot means to urllib3 (``Timeout``, ``Retry``, pools, the rate limiter) is built once per
snapshot (``kalshi._transport.plan``), so a call that needs nothing special builds nothing: the
host's pool is looked up once and the headers are sent as given unless ``Accept-Encoding`` is
missing.
"""

from __future__ import annotations

import threading
from time import sleep
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Optional

from urllib3.exceptions import HTTPError, ProtocolError
from urllib3.util.retry import Retry
from urllib3.util.timeout import Timeout

from kalshi._common import constants as C
from kalshi._transport import watchdog
from kalshi._transport.body import Reading, discard, drain, read_all, stream
from kalshi._transport.deadline import Deadline
from kalshi._transport.errors import connection_error, deadline_error, host_of
from kalshi._transport.plan import Plan
from kalshi._transport.proxies import proxy_passwords
from kalshi._transport.retry import NO_RETRY, KalshiRetry, error_retry, make_retry, status_retry
from kalshi._transport.timeouts import attempt_timeout, cut_by_budget, limits_for, make_timeout
from kalshi.exceptions import ApiClientClosedError, ApiTimeoutError

if TYPE_CHECKING:
    from kalshi._transport.pools import Pools
    from kalshi.configuration import Configuration

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

    Each call takes the configuration's snapshot (``Configuration.transport_settings()``) when it
    starts and keeps it to its end, retries included, so a new timeout, retry policy, deadline,
    size limit, rate limit, pool, TLS or proxy setting applies from the next call on.

    Args:
        configuration: the client's settings.
        secrets: returns every secret the client knows, to scrub from error text.
        shared_with: another transport whose pools and rate limiter this one uses while their
            settings for them are the same (``Kalshi.with_options``).
    """

    def __init__(
        self,
        configuration: Configuration,
        secrets: Optional[Callable[[], Iterable[str]]] = None,
        shared_with: Optional[RESTClientObject] = None,
    ) -> None:
        self.configuration: Configuration = configuration
        self._client_secrets: Optional[Callable[[], Iterable[str]]] = secrets
        self._shared_with: Optional[RESTClientObject] = shared_with
        self._lock: threading.Lock = threading.Lock()
        self._closed: bool = False
        earlier = () if shared_with is None else (shared_with._current(),)
        self._plan: Plan = Plan(configuration.transport_settings(), earlier)

    # ---- settings

    def _current(self) -> Plan:
        """The transport's objects for the configuration's current snapshot (built when it is new)."""
        settings = self.configuration.transport_settings()
        plan = self._plan
        if plan.settings is settings:
            return plan
        parent = None if self._shared_with is None else self._shared_with._current()
        old, plan = plan, Plan(settings, (plan,) if parent is None else (plan, parent))
        self._plan = plan
        if old.pools is not plan.pools:
            self._release(old.pools)  # the pool, TLS or proxy settings changed: close the old connections
        return plan

    def _release(self, pools: Pools) -> None:
        """Close ``pools`` unless they are the ``shared_with`` transport's, which closes its own."""
        if self._shared_with is None or pools is not self._shared_with._plan.pools:
            pools.clear()

    @property
    def timeout(self) -> Timeout:
        """The configured timeouts, as urllib3 applies them."""
        return self._current().limits.timeout

    @property
    def retries(self) -> Retry:
        """The configured retry policy, as urllib3's ``Retry``."""
        return self._current().retries

    @property
    def deadline(self) -> float:
        return self._current().settings.deadline

    @property
    def max_response_size(self) -> int:
        return self._current().settings.max_response_size

    def known_secrets(self) -> list[str]:
        """Every secret this transport knows of: the client's, and proxy passwords."""
        plan = self._plan
        secrets = list(self._client_secrets()) if self._client_secrets is not None else []
        secrets += proxy_passwords({"proxy": plan.settings.proxy or "", **plan.pools.env})
        secrets += (value for _, value in plan.settings.proxy_headers)
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
        plan = self._current()  # this call's snapshot, kept to its end
        budget = Deadline(plan.settings.deadline) if deadline is None else deadline
        policy = plan.retries
        limits = plan.limits if timeout is None else limits_for(timeout)
        retry_statuses = plan.retry_statuses
        bucket = plan.bucket
        if "Accept-Encoding" not in headers:
            headers = {**headers, "Accept-Encoding": C.ACCEPT_ENCODING}
        secrets = self.known_secrets
        attempts = 0
        while True:
            if bucket is not None and not bucket.acquire(budget.remaining()):
                raise ApiTimeoutError(
                    f"the client-side rate limit ({bucket.rate:g}/s) has no free slot within the call's "
                    f"deadline of {budget.seconds:g} s [{method} {url}]",
                    budget="rate_limit",
                    host=host_of(url),
                    method=method,
                    url=url,
                )
            opener, target = plan.pools.opener(url)
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
                if status in retry_statuses:
                    retry = status_retry(policy, resp, method, url, budget, bucket)
                    if retry is not None:
                        policy, wait = retry
                        drain(resp, budget)
                        if wait > 0:
                            sleep(wait)
                        continue
                # urllib3 left the socket's timeout at the attempt's read timeout.
                current = limits.read if applied is limits.timeout else applied.read_timeout
                reading = Reading(limits.read, current, plan.settings.max_response_size, method, url, secrets)
                if not preload_content:
                    # Read later, by the caller: bounded by the read timeout and the size limit, not the deadline.
                    return RESTResponse(resp, None, attempts, stream(resp, Deadline(None), reading))
                return RESTResponse(resp, read_all(resp, budget, reading), attempts)
            except HTTPError as err:
                # Past the deadline, whatever broke the attempt (the watchdog ends a header wait by
                # shutting the socket) is the deadline running out.
                if cut_by_budget(err, applied, limits) or budget.remaining() == 0:
                    raise deadline_error(budget, method, url, err, secrets) from err
                retry_after_error = error_retry(policy, err, method, url, budget)
                if isinstance(retry_after_error, str):
                    raise connection_error(err, method, url, secrets, note=retry_after_error) from err
                policy, wait = retry_after_error
                if wait > 0:
                    sleep(wait)

    def close(self) -> None:
        """Close every pooled connection; later requests raise ``ApiClientClosedError``.

        Pools used through ``shared_with`` are that transport's: they stay open until it closes."""
        with self._lock:
            self._closed = True
        self._release(self._plan.pools)
