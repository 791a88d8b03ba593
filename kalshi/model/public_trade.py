"""Represents a trade that can be displayed publicly."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Int32, Model


class PublicTrade(Model):
    """Represents a trade that can be displayed publicly. This does not include maker and taker
    information.
    """

    count: Optional[Int32] = None
    create_date: Optional[datetime] = None
    market_id: Optional[str] = None
    price: Optional[Cent] = None
    trade_id: Optional[str] = None
