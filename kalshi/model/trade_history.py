"""A trade account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Model


class TradeHistory(Model):
    """A trade execution (order matching); ``price`` and ``fee`` are in cents."""

    amount: Optional[Cent] = None
    created_at: Optional[datetime] = None
    fee: Optional[Cent] = None
    is_yes: Optional[bool] = None
    market_id: Optional[str] = None
    market_title: Optional[str] = None
    price: Optional[Cent] = None
