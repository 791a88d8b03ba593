"""Response of ``POST /users/{user_id}/orders``."""

from kalshi.model.order import Order
from kalshi.model_utils import Model


class UserOrderCreateResponse(Model):
    """Response for submitting an order."""

    order: Order
    status: str
