"""Cents made readable: amounts in dollars (``$12.34``), prices in cents (``37¢``), counts with units."""

from __future__ import annotations

from typing import Optional

__all__ = ["contracts", "dollars", "price"]


def dollars(cents: Optional[int]) -> str:
    """``1234`` -> ``$12.34``, ``-5`` -> ``-$0.05``, None -> ``""``."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}${whole:,}.{part:02d}"


def price(cents: Optional[int]) -> str:
    """A contract price: ``37`` -> ``37¢``, None -> ``""``."""
    return "" if cents is None else f"{cents}¢"


def contracts(count: Optional[int]) -> str:
    """``1`` -> ``1 contract``, ``10`` -> ``10 contracts``, None -> ``""``."""
    if count is None:
        return ""
    return f"{count} contract" if count == 1 else f"{count} contracts"
