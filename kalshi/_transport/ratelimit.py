"""An optional client-side rate limiter: one token bucket shared by every thread of a client.

Implemented as a virtual schedule (GCRA): each request reserves the next free slot under a lock
and sleeps outside it, so threads are served in arrival order and never spin. A 429 with
``Retry-After`` pauses the whole bucket: requests already waiting check the pause again when
they wake up.
"""

from __future__ import annotations

import threading
from time import monotonic, sleep
from typing import Optional

__all__ = ["TokenBucket"]


class TokenBucket:
    """``rate`` requests per second on average, up to ``burst`` at once after an idle spell."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate: float = rate
        self.burst: int = burst
        self._interval: float = 1.0 / rate
        self._tolerance: float = (burst - 1) * self._interval
        self._lock: threading.Lock = threading.Lock()
        self._next: float = 0.0  # when the schedule is free again (the "theoretical arrival time")
        self._paused_until: float = 0.0

    def pause(self, seconds: float) -> None:
        """Let no request start for ``seconds`` (a 429's ``Retry-After``)."""
        with self._lock:
            self._paused_until = max(self._paused_until, monotonic() + seconds)

    def wait_time(self, budget: Optional[float]) -> Optional[float]:
        """Reserve a slot and return how long to sleep for it; None (nothing reserved) if over ``budget``."""
        with self._lock:
            now = monotonic()
            start = max(self._next, now, self._paused_until)
            wait = max(0.0, start - self._tolerance - now, self._paused_until - now)
            if budget is not None and wait > budget:
                return None
            self._next = start + self._interval
            return wait

    def acquire(self, budget: Optional[float]) -> bool:
        """Wait for a slot; False (without waiting) when it would take longer than ``budget`` seconds."""
        started = monotonic()
        while True:
            left = None if budget is None else budget - (monotonic() - started)
            wait = self.wait_time(left)
            if wait is None:
                return False
            if wait > 0:
                sleep(wait)
            # A 429 seen by another thread while this one slept pauses it too.
            if self._paused_until <= monotonic():
                return True
