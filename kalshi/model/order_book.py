"""Contains the number of pending resting order for each price on a specific market."""

from typing import List

from kalshi.model.price_level import PriceLevel
from kalshi.model_utils import Model


class OrderBook(Model):
    """Contains the number of pending resting order for each price on a specific market."""

    no: List[PriceLevel]
    yes: List[PriceLevel]
