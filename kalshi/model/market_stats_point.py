"""One point of a market's statistics history (price, bid/ask, volume, open interest)."""

from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Model


class MarketStatsPoint(Model):
    """One point of a market's statistics history (price, bid/ask, volume, open interest)."""

    dollar_open_interest: Optional[int] = None
    dollar_volume: Optional[int] = None
    open_interest: Optional[int] = None
    price: Optional[Cent] = None
    ts: Optional[int] = None
    volume: Optional[int] = None
    yes_ask: Optional[Cent] = None
    yes_bid: Optional[Cent] = None
