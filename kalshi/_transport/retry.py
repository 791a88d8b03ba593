"""The retry policy, whole: to change how the SDK retries, change this file.

- **What is retried**: a failed connection, whatever the method (nothing was sent); a read error
  or a status in ``RETRY_STATUSES`` only for the methods in ``RETRY_METHODS``, so a POST
  (``/log_in``, an order) is never repeated once it may have reached the server.
  ``Configuration.retries`` sets the count (``DEFAULT_MAX_RETRIES`` in
  ``kalshi._common.constants``, with the other defaults), or replaces the policy with a urllib3
  ``Retry`` of the caller's own.
- **Backoff**: exponential from ``DEFAULT_BACKOFF_FACTOR``, capped at ``DEFAULT_BACKOFF_MAX``,
  jittered over [half, whole] (``KalshiRetry``).
- **Retry-After**: read by ``kalshi._common.retry_after`` (seconds, a decimal, or an HTTP date;
  anything else falls back to the backoff), capped at ``MAX_RETRY_AFTER``; a 429's also pauses the client's
  rate limiter.
- **The deadline's say**: a retry is started only when its wait still leaves ``MIN_ATTEMPT`` of the
  call's budget (``Deadline``) for the attempt itself; otherwise the last response is the answer
  (a status) or the failure is raised with a note (an error).

The transport (``kalshi.rest``) sends single attempts (``NO_RETRY``), asks ``status_retry`` or
``error_retry`` after each what to do, and does it (drains the answer, sleeps, raises).
"""

from __future__ import annotations

import random
from typing import Any, Optional, Union

from urllib3.exceptions import HTTPError, MaxRetryError
from urllib3.util.retry import Retry

from kalshi._common.constants import DEFAULT_MAX_RETRIES
from kalshi._common.retry_after import parse_retry_after
from kalshi._transport.deadline import Deadline
from kalshi._transport.ratelimit import TokenBucket

__all__ = [
    "DEFAULT_BACKOFF_FACTOR",
    "DEFAULT_BACKOFF_MAX",
    "MAX_RETRY_AFTER",
    "MIN_ATTEMPT",
    "NO_RETRY",
    "RETRY_METHODS",
    "RETRY_STATUSES",
    "KalshiRetry",
    "error_retry",
    "make_retry",
    "retry_statuses",
    "status_retry",
]

DEFAULT_BACKOFF_FACTOR = 0.5
DEFAULT_BACKOFF_MAX = 20.0
# A Retry-After larger than this is clipped: a trading script should not sleep for an hour.
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# GET and PUT are idempotent in this API; POST (/log_in, /log_out) is never retried on a status.
RETRY_METHODS = frozenset({"GET", "PUT", "HEAD", "OPTIONS", "DELETE"})
# A retry is only started when at least this much of the budget is left after its wait: less is
# not enough to connect and read an answer, so the attempt could only time out.
MIN_ATTEMPT = 0.05

# What one urllib3 attempt gets: no retry, no redirect (the loop in kalshi.rest retries). The
# object urllib3 would build from ``retries=False`` on every call, built once (it never changes).
NO_RETRY = Retry(False, redirect=False)


class KalshiRetry(Retry):
    """urllib3's ``Retry`` with jittered, capped backoff."""

    def get_backoff_time(self) -> float:
        base = min(super().get_backoff_time(), DEFAULT_BACKOFF_MAX)
        return base * self._jitter()

    def _jitter(self) -> float:
        # Spread retries of many clients over [base/2, base]; a method of its own so tests can pin it.
        return 0.5 + random.random() / 2  # noqa: S311 - not for security


def make_retry(retries: Any) -> Retry:
    """The urllib3 policy for ``Configuration.retries``: an int count or a ready ``Retry``."""
    if isinstance(retries, Retry):
        return retries
    count = DEFAULT_MAX_RETRIES if retries is None else int(retries)
    if count == 0:
        return Retry(total=0, redirect=False, raise_on_status=False)
    return KalshiRetry(
        total=count,
        connect=count,
        read=count,
        status=count,
        other=0,
        redirect=False,
        backoff_factor=DEFAULT_BACKOFF_FACTOR,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=RETRY_METHODS,
        respect_retry_after_header=True,
        raise_on_status=False,
    )


def retry_statuses(policy: Retry) -> frozenset[int]:
    """Every status ``policy.is_retry`` can say yes to: its forced list, and those a ``Retry-After``
    makes retryable. Any other status skips the policy's checks."""
    statuses = frozenset(policy.status_forcelist or ())
    if policy.respect_retry_after_header:
        statuses |= Retry.RETRY_AFTER_STATUS_CODES
    return statuses


def _budget_allows(budget: Deadline, wait: float) -> bool:
    left = budget.remaining()
    return left is None or wait + MIN_ATTEMPT <= left


def status_retry(
    policy: Retry, resp: Any, method: str, url: str, budget: Deadline, bucket: Optional[TokenBucket]
) -> Optional[tuple[Retry, float]]:
    """``(next policy, seconds to wait first)`` if this response's status is to be retried, else
    None: the response is the answer. Only asked for a status in ``retry_statuses(policy)``."""
    if not policy.is_retry(method, resp.status, "Retry-After" in resp.headers):
        return None
    seconds = parse_retry_after(resp.headers.get("Retry-After"))
    if seconds is not None:
        seconds = min(seconds, MAX_RETRY_AFTER)
        if resp.status == 429 and bucket is not None:
            bucket.pause(seconds)
    try:
        following = policy.increment(method, url, response=resp)
    except MaxRetryError:
        return None  # exhausted: this response is the answer
    wait = seconds if seconds is not None and policy.respect_retry_after_header else following.get_backoff_time()
    if not _budget_allows(budget, wait):
        return None  # no time left to wait and try again: this response is the answer
    return following, wait


def error_retry(
    policy: Retry, err: HTTPError, method: str, url: str, budget: Deadline
) -> Union[tuple[Retry, float], str]:
    """``(next policy, seconds to wait first)`` after a failed attempt, or why it is not retried:
    "" when the policy says no, a note when the deadline does."""
    try:
        following = policy.increment(method, url, error=err)
    except HTTPError:  # MaxRetryError, or the error itself for a request that must not repeat
        return ""
    wait = following.get_backoff_time()
    if not _budget_allows(budget, wait):
        return "no time left in the call's deadline to retry"
    return following, wait
