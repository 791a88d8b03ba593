"""Body of ``POST /users/{user_id}/orders/{order_id}/decrease``."""

from typing import Optional

from kalshi.model_utils import Int32, Model


class UserOrderDecreaseRequest(Model):
    """Body of ``POST /users/{user_id}/orders/{order_id}/decrease``."""

    count: Optional[Int32] = None
