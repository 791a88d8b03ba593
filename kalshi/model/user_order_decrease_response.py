"""Response of ``DELETE /users/{user_id}/orders/{order_id}`` and ``POST
/users/{user_id}/orders/{order_id}/decrease``.
"""

from kalshi.model.order import Order
from kalshi.model_utils import Int32, Model


class UserOrderDecreaseResponse(Model):
    """Response of ``DELETE /users/{user_id}/orders/{order_id}`` and ``POST
    /users/{user_id}/orders/{order_id}/decrease``.
    """

    order: Order
    reduced_by: Int32
