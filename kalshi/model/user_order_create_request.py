"""Body of ``POST /users/{user_id}/orders``."""

from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.side import SideLiteral
from kalshi.model_utils import Int32, Int64, Model


class UserOrderCreateRequest(Model):
    """Request for submitting an order."""

    count: Int32
    market_id: str
    price: Cent
    side: SideLiteral
    expiration_unix_ts: Optional[Int64] = None
    max_cost_cents: Optional[Cent] = None
    sell_position_capped: Optional[bool] = None
