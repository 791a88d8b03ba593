"""A market settlement account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Int64, Model


class SettlementHistory(Model):
    """A settlement of a market where the user had a position; money in cents."""

    determined_time: Optional[datetime] = None
    market_id: Optional[str] = None
    market_result: Optional[str] = None
    market_title: Optional[str] = None
    no_count: Optional[Int64] = None
    no_total_cost: Optional[Cent] = None
    profit: Optional[Cent] = None
    settled_time: Optional[datetime] = None
    yes_count: Optional[Int64] = None
    yes_total_cost: Optional[Cent] = None
