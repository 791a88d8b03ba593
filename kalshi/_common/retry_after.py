"""The value of a ``Retry-After`` header, in seconds: read by the retry policy and by
``TooManyRequestsException.retry_after``. Parsing only: what a wait means is the policy's
(``kalshi._transport.retry``)."""

from __future__ import annotations

import math
from time import time
from typing import Optional

__all__ = ["parse_retry_after"]


def parse_retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds to wait from a ``Retry-After`` value, or None if it is absent or unusable.

    Accepted: delay-seconds (``"7"``), a decimal (``"1.5"``: not in RFC 9110, but unambiguous and
    sent by real servers), and an HTTP date (a past date means 0). Rejected: negative numbers, NaN,
    infinity, and anything else. Huge values are returned as they are; the caller caps them.
    """
    if not value:
        return None
    value = value.strip()
    if value[:1].isdigit() or value[:1] in "+-.":
        try:
            seconds = float(value)
        except ValueError:
            return None
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    from email.utils import parsedate_to_datetime  # rare: only for an HTTP-date Retry-After

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" dates are naive; RFC 9110 dates are always GMT
        return None
    return max(0.0, when.timestamp() - time())
