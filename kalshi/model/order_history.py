"""An order account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Int64, Model


class OrderHistory(Model):
    """An order submitted, edited or canceled; ``price`` is in cents, counts in contracts."""

    canceled_count: Optional[Int64] = None
    close_cancel_count: Optional[Int64] = None
    created_at: Optional[datetime] = None
    fcc_canceled_count: Optional[Int64] = None
    filled_count: Optional[Int64] = None
    is_yes: Optional[bool] = None
    market_id: Optional[str] = None
    market_title: Optional[str] = None
    original_count: Optional[Int64] = None
    price: Optional[Cent] = None
    remaining_count: Optional[Int64] = None
    updated_at: Optional[datetime] = None
