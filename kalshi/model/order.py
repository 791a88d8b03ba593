"""Represents user orders in the api."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.order_status import OrderStatus
from kalshi.model_utils import Int32, Model


class Order(Model):
    """Represents user orders in the api."""

    close_cancel_count: Optional[Int32] = None
    create_ts: Optional[datetime] = None
    decrease_count: Optional[Int32] = None
    expiration_ts: Optional[datetime] = None
    extra_cost: Optional[Cent] = None
    extra_count: Optional[Int32] = None
    fcc_cancel_count: Optional[Int32] = None
    is_yes: Optional[bool] = None
    last_update_op: Optional[str] = None
    maker_fill_count: Optional[Int32] = None
    market_id: Optional[str] = None
    order_id: Optional[str] = None
    place_count: Optional[Int32] = None
    price: Optional[Cent] = None
    queue_position: Optional[Int32] = None
    remaining_count: Optional[Int32] = None
    status: Optional[OrderStatus] = None
    taker_fees: Optional[Cent] = None
    taker_fill_cost: Optional[Cent] = None
    taker_fill_count: Optional[Int32] = None
    user_id: Optional[str] = None
