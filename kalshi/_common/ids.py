"""Whether a text is a whole id: the exchange's ids (markets, orders, notifications) are UUIDs."""

from __future__ import annotations

import re

__all__ = ["is_uuid"]

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def is_uuid(text: str) -> bool:
    """True when ``text`` is exactly a UUID (any case), not a ticker, a prefix or a name."""
    return _UUID.fullmatch(text) is not None
