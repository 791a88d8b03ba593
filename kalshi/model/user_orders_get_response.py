"""Response of ``GET /users/{user_id}/orders``."""

from kalshi.model.order_list import OrderList
from kalshi.model_utils import ListResponse


class UserOrdersGetResponse(ListResponse):
    """Response of ``GET /users/{user_id}/orders``."""

    orders: OrderList
