"""Represents a trade from the user perspective."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.trade_status import TradeStatus
from kalshi.model_utils import Int32, Model


class UserTrade(Model):
    """Represents a trade from the user perspective."""

    count: Optional[Int32] = None
    create_date: Optional[datetime] = None
    id: Optional[str] = None
    is_taker: Optional[bool] = None
    is_yes: Optional[bool] = None
    market_id: Optional[str] = None
    order_id: Optional[str] = None
    price: Optional[Cent] = None
    status: Optional[TradeStatus] = None
