"""Connect and read timeouts of the transport, as urllib3 objects (the retry policy is ``retry``).

``make_timeout`` turns ``Configuration.timeout`` into urllib3's ``Timeout``; ``limits_for`` does
the same for a per-call ``_request_timeout`` (``Limits``: the ``Timeout`` with its seconds read
once, as urllib3 computes them on every access). ``attempt_timeout`` cuts one attempt's timeouts to
what is left of the call's deadline, building nothing in the common case.
"""

from __future__ import annotations

from typing import Any, Optional

from urllib3.exceptions import ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError, TimeoutStateError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.util.timeout import Timeout

__all__ = [
    "Limits",
    "attempt_timeout",
    "cut_by_budget",
    "limits_for",
    "make_timeout",
]


class Limits:
    """A connect-and-read ``Timeout`` with its seconds (None: no limit) read once."""

    __slots__ = ("connect", "read", "timeout")

    def __init__(self, timeout: Timeout) -> None:
        self.timeout: Timeout = timeout
        self.connect: Optional[float] = _seconds_or_none(timeout.connect_timeout)
        self.read: Optional[float] = _seconds_or_none(timeout.read_timeout)


def make_timeout(value: Any) -> Timeout:
    """A urllib3 ``Timeout`` (connect and read only) from seconds, a pair, a ``Timeout`` or None."""
    if isinstance(value, Timeout):
        # Read through urllib3's public properties: connect is already capped by total there.
        total = _seconds_or_none(value.total)
        try:
            read = _seconds_or_none(value.read_timeout)
        except TimeoutStateError:  # a total and no read timeout: the total is the read's limit too
            read = None
        if total is not None:
            read = total if read is None else min(read, total)
        return Timeout(connect=_seconds_or_none(value.connect_timeout), read=read)
    if value is None:
        return Timeout(connect=None, read=None)
    if isinstance(value, (tuple, list)):
        return Timeout(connect=_seconds_or_none(value[0]), read=_seconds_or_none(value[1]))
    return Timeout(connect=_seconds_or_none(value), read=_seconds_or_none(value))


def limits_for(value: Any) -> Limits:
    """The ``Limits`` of a timeout setting: a call's own, or the configuration's."""
    return Limits(make_timeout(value))


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


def _seconds_or_none(value: Any) -> Optional[float]:
    # Floats throughout, so that attempt_timeout can tell a number from urllib3's sentinel.
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _cut(seconds: Optional[float], left: float) -> float:
    return seconds if seconds is not None and seconds <= left else left
