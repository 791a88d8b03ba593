"""One point of a market's statistics history (price, bid/ask, volume, open interest)."""

from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Int64, Model


class MarketStatsPoint(Model):
    """One point of a market's statistics history (price, bid/ask, volume, open interest)."""

    dollar_open_interest: Optional[Int64] = None
    dollar_volume: Optional[Int64] = None
    open_interest: Optional[Int64] = None
    price: Optional[Cent] = None
    ts: Optional[Int64] = None
    volume: Optional[Int64] = None
    yes_ask: Optional[Cent] = None
    yes_bid: Optional[Cent] = None
