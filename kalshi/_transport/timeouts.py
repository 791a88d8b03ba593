"""Retry policy and timeouts of the transport, as urllib3 objects.

``make_retry`` and ``make_timeout`` turn ``Configuration.retries`` / ``timeout`` into urllib3's
``Retry`` and ``Timeout``. ``limits_for`` does the same for a per-call ``_request_timeout`` and
keeps the result (``Limits``: the ``Timeout`` with its seconds read once, as urllib3 computes them
on every access): a ``Timeout`` costs about as much to build as a whole tiny request's overhead,
and a program uses a handful of values. ``attempt_timeout`` cuts one attempt's timeouts to what is
left of the call's deadline, building nothing in the common case. ``retry_statuses`` lists the
statuses a policy may retry, so that any other status skips its checks.
"""

from __future__ import annotations

import random
from typing import Any, Optional

from urllib3.exceptions import ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.util.retry import Retry
from urllib3.util.timeout import Timeout

from kalshi._common import constants as C

__all__ = [
    "NO_RETRY",
    "KalshiRetry",
    "Limits",
    "attempt_timeout",
    "cut_by_budget",
    "limits_for",
    "make_retry",
    "make_timeout",
    "retry_statuses",
]

# Per-call timeouts seen so far; a program uses a few. Cleared, not grown, past this many.
_CACHE_LIMIT = 64

# What one urllib3 attempt gets: no retry, no redirect (the loop in kalshi.rest retries). The
# object urllib3 would build from ``retries=False`` on every call, built once (it never changes).
NO_RETRY = Retry(False, redirect=False)


class Limits:
    """A connect-and-read ``Timeout`` with its seconds (None: no limit) read once."""

    __slots__ = ("connect", "read", "timeout")

    def __init__(self, timeout: Timeout) -> None:
        self.timeout: Timeout = timeout
        self.connect: Optional[float] = _seconds_or_none(timeout.connect_timeout)
        self.read: Optional[float] = _seconds_or_none(timeout.read_timeout)


_limits: dict[Any, Limits] = {}


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


def limits_for(value: Any) -> Limits:
    """The ``Limits`` of a per-call timeout, built once per value (a ``Timeout`` is not cached: it
    may be changed by whoever holds it, so it is converted every time)."""
    if isinstance(value, Timeout):
        return Limits(make_timeout(value))
    key = tuple(value) if isinstance(value, list) else value
    found = _limits.get(key)
    if found is None:
        if len(_limits) >= _CACHE_LIMIT:
            _limits.clear()
        found = _limits[key] = Limits(make_timeout(value))
    return found


def attempt_timeout(limits: Limits, left: Optional[float]) -> Timeout:
    """The timeouts cut to ``left`` seconds of the call's budget (None: unbounded); the configured
    ``Timeout`` itself whenever it fits, which is the common case."""
    connect, read = limits.connect, limits.read
    if left is None or (connect is not None and read is not None and connect <= left and read <= left):
        return limits.timeout
    return Timeout(connect=_cut(connect, left), read=_cut(read, left))


def cut_by_budget(err: HTTPError, applied: Timeout, limits: Limits) -> bool:
    """Whether ``err`` is a timeout whose limit was the call's budget rather than the configured timeout."""
    # NewConnectionError subclasses urllib3's timeout errors, but a refused connection is no timeout.
    if applied is limits.timeout or isinstance(err, NewConnectionError):
        return False
    if isinstance(err, ConnectTimeoutError):
        return applied.connect_timeout != limits.timeout.connect_timeout
    if isinstance(err, (ReadTimeoutError, Urllib3TimeoutError)):
        return applied.read_timeout != limits.timeout.read_timeout
    return False


def retry_statuses(policy: Retry) -> frozenset[int]:
    """Every status ``policy.is_retry`` can say yes to: its forced list, and those a ``Retry-After``
    makes retryable."""
    statuses = frozenset(policy.status_forcelist or ())
    if policy.respect_retry_after_header:
        statuses |= Retry.RETRY_AFTER_STATUS_CODES
    return statuses


def _seconds_or_none(value: Any) -> Optional[float]:
    # Floats throughout, so that attempt_timeout can tell a number from urllib3's sentinel.
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _cut(seconds: Optional[float], left: float) -> float:
    return seconds if seconds is not None and seconds <= left else left
