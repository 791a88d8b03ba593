"""MarketPosition is your accumulated position on a specific market considering all orders and trades."""

from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Int32, Model


class MarketPosition(Model):
    """MarketPosition is your accumulated position on a specific market considering all orders and
    trades.
    """

    fees_paid: Optional[Cent] = None
    final_position: Optional[Int32] = None
    final_position_cost: Optional[Cent] = None
    market_id: Optional[str] = None
    position: Optional[Int32] = None
    position_cost: Optional[Cent] = None
    realized_pnl: Optional[Cent] = None
    resting_orders_count: Optional[Int32] = None
    total_cost: Optional[Cent] = None
    user_id: Optional[str] = None
    volume: Optional[Int32] = None
