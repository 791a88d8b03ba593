"""What one snapshot of the settings means to the transport, built once per snapshot.

A ``Plan`` turns a ``TransportSettings`` into urllib3's ``Timeout`` and ``Retry``, the statuses
worth asking the retry policy about, the connection pools and the rate limiter. The pools and the
limiter carry over from an earlier plan whose settings for them are equal, so that changing a
timeout keeps the open connections and the rate limiter's budget.
"""

from __future__ import annotations

from typing import Iterable, Optional

from urllib3.util.retry import Retry

from kalshi._transport.pools import Pools
from kalshi._transport.ratelimit import TokenBucket
from kalshi._transport.retry import make_retry, retry_statuses
from kalshi._transport.settings import TransportSettings
from kalshi._transport.timeouts import Limits, limits_for

__all__ = ["Plan"]


class Plan:
    """The transport's objects for one ``TransportSettings``; never changed once built."""

    __slots__ = ("bucket", "limits", "pools", "retries", "retry_statuses", "settings")

    def __init__(self, settings: TransportSettings, earlier: Iterable[Plan] = ()) -> None:
        self.settings: TransportSettings = settings
        self.limits: Limits = limits_for(settings.timeout)
        self.retries: Retry = make_retry(settings.retries)
        self.retry_statuses: frozenset[int] = retry_statuses(self.retries)
        pools: Optional[Pools] = None
        bucket: Optional[TokenBucket] = None
        fresh_bucket = True
        for plan in earlier:
            if pools is None and plan.settings.pool_key() == settings.pool_key():
                pools = plan.pools
            if fresh_bucket and plan.settings.rate_key() == settings.rate_key():
                bucket, fresh_bucket = plan.bucket, False
        self.pools: Pools = Pools(settings) if pools is None else pools
        if fresh_bucket and settings.rate_limit is not None:
            rate = settings.rate_limit
            bucket = TokenBucket(rate, settings.rate_limit_burst or max(1, round(rate)))
        self.bucket: Optional[TokenBucket] = bucket
