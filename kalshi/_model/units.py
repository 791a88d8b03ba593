"""What an integer field counts, from its ``Cent`` unit and its name: a price, an amount, or dollars.

The spec types every price and every amount of money as ``Cent`` (integer cents); only the name
tells them apart. Prices (``price``, ``yes_bid``, ``last_price``, ...) are cents per contract, 1 to
99, and display as ``62¢``; amounts (costs, fees, balances, ``a``/``v``) display in dollars. The
``dollar_*`` fields of a market are whole dollars. The display and ``to_dataframe()``'s
``attrs["units"]`` both read it here, so they agree.
"""

from __future__ import annotations

from typing import Optional

__all__ = ["CENTS", "DOLLARS", "PRICE", "unit_of"]

# The unit names of ``DataFrame.attrs["units"]``.
PRICE = "cents per contract"
CENTS = "cents"
DOLLARS = "dollars"

_PRICE_SUFFIXES = ("_price", "yes_bid", "yes_ask")


def unit_of(name: str, unit: Optional[str]) -> Optional[str]:
    """``PRICE``, ``CENTS``, ``DOLLARS`` or None for a field ``name`` whose annotation says ``unit``."""
    if unit == "cents":
        return PRICE if name == "price" or name.endswith(_PRICE_SUFFIXES) else CENTS
    if name.startswith("dollar_"):
        return DOLLARS
    return None
