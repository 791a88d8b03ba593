"""RFC 3339 timestamps: parsed into aware datetimes, written as the API writes them."""

from __future__ import annotations

import sys
from datetime import datetime, timezone

__all__ = ["format_datetime", "fromisoformat", "parse_datetime"]

_PY311 = sys.version_info >= (3, 11)


def _fromisoformat_legacy(text: str) -> datetime:
    """``fromisoformat`` before 3.11: it reads neither ``Z`` nor fractions other than 3 or 6 digits."""
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(_six_digit_fraction(text))


def _six_digit_fraction(text: str) -> str:
    # Go (the server) trims trailing zeros, so 1 to 9 fraction digits are normal: pad or cut to 6.
    dot = text.find(".", 19)
    if dot == -1:
        return text
    # The fraction runs to the "+HH:MM" / "-HH:MM" offset, or to the end when there is none.
    end = len(text) - 6 if len(text) - dot > 7 and text[-6] in "+-" else len(text)
    return text[: dot + 1] + (text[dot + 1 : end] + "000000")[:6] + text[end:]


# What the compiled converters call inline: C speed for every RFC 3339 shape the API sends.
fromisoformat = datetime.fromisoformat if _PY311 else _fromisoformat_legacy


def parse_datetime(text: str) -> datetime:
    """Parse an RFC 3339 timestamp into an aware datetime; no offset means UTC."""
    try:
        value = fromisoformat(text)
    except ValueError:
        from dateutil.parser import isoparse  # only for the rare shapes fromisoformat refuses

        value = isoparse(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def format_datetime(value: datetime) -> str:
    """RFC 3339 text for a datetime, with ``Z`` for UTC as the API writes it."""
    text = value.isoformat()
    if value.microsecond:
        # Trim trailing zeros of the fraction, as Go's RFC 3339 output (the server's) does.
        head, dot, rest = text.partition(".")
        digits, offset = rest[:6].rstrip("0"), rest[6:]
        text = f"{head}.{digits}{offset}"
    return text[:-6] + "Z" if text.endswith("+00:00") else text

