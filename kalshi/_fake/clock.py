"""The simulated clock of the fake exchange, and RFC 3339 formatting of its instants."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from functools import lru_cache

# Later than every seeded demo record, so new activity sorts after the seeded history.
DEFAULT_START = datetime(2021, 11, 3, 9, 30, tzinfo=timezone.utc)
# The last instant RFC 3339 can write (9999-12-31T23:59:59Z): no timestamp of the fake may pass it.
LATEST = 253_402_300_799


class SimulatedClock:
    """A clock that only moves when told to, so runs are reproducible.

    ``now()`` is a unix timestamp in seconds (a float). The fake exchange reads every timestamp it
    writes from here and expires orders when ``advance`` passes their ``expiration_unix_ts``.
    """

    def __init__(self, start: datetime | float = DEFAULT_START) -> None:
        if isinstance(start, datetime):
            if start.tzinfo is None:
                raise ValueError("start must be an aware datetime (e.g. tzinfo=timezone.utc)")
            start = start.timestamp()
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        """Return the current simulated time as unix seconds."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` (>= 0) and return the new time."""
        if not 0 <= seconds <= LATEST:  # also refuses NaN, which compares false
            raise ValueError("the simulated clock never goes backwards, nor past the year 9999")
        with self._lock:
            if self._now + seconds > LATEST:
                raise ValueError("the simulated clock cannot pass 9999-12-31T23:59:59Z")
            self._now += seconds
            return self._now

    def __repr__(self) -> str:
        return f"SimulatedClock({rfc3339(self.now())!r})"


@lru_cache(maxsize=4096)  # the clock stands still between advances: most calls repeat
def rfc3339(ts: float) -> str:
    """Format unix seconds as RFC 3339 UTC with a ``Z``; fractions only when there are some."""
    moment = datetime.fromtimestamp(ts, tz=timezone.utc)
    if moment.microsecond:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_date(ts: float) -> str:
    """Return the UTC calendar day of unix seconds ``ts`` as YYYY-MM-DD."""
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d")
