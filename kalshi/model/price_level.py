"""One price level of an order book: ``[price, count]`` on the wire."""

from typing import NamedTuple

from kalshi.model.cent import Cent
from kalshi.model_utils import Int32


class PriceLevel(NamedTuple):
    """One price of an order book side: ``[price, count]`` on the wire, e.g. ``[30, 50]``.

    ``price`` is in cents (1 to 99); ``count`` is the number of contracts resting at that price.
    """

    price: Cent
    count: Int32  # type: ignore[assignment]  # the spec's name; it hides tuple.count(), of no use here
