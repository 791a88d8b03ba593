"""A ranged market: a group of markets on ranges of one underlying value."""

from typing import Optional

from kalshi.model.side import Side
from kalshi.model_utils import Model


class RangedMarket(Model):
    """A ranged market: a group of markets on ranges of one underlying value."""

    id: Optional[str] = None
    mini_title: Optional[str] = None
    mutually_exclusive_side: Optional[Side] = None
    ticker: Optional[str] = None
    title: Optional[str] = None
