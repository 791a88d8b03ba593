"""The total time budget of one call: connect, every read, retries and backoff sleeps together."""

from __future__ import annotations

from time import monotonic
from typing import Optional

__all__ = ["Deadline"]


class Deadline:
    """A budget of ``seconds`` from now; None means unbounded."""

    __slots__ = ("expires", "seconds")

    def __init__(self, seconds: Optional[float]) -> None:
        self.seconds: Optional[float] = seconds
        self.expires: Optional[float] = None if seconds is None else monotonic() + seconds

    def remaining(self) -> Optional[float]:
        """Seconds left (never negative), or None when unbounded."""
        if self.expires is None:
            return None
        return max(0.0, self.expires - monotonic())

    def cap(self, seconds: Optional[float]) -> tuple[Optional[float], bool]:
        """``min(seconds, remaining)``, and whether the budget is the smaller one."""
        left = self.remaining()
        if left is None or (seconds is not None and seconds <= left):
            return seconds, False
        return left, True
