"""Response of ``GET /users/{user_id}/trades``."""

from kalshi.model.user_trade_list import UserTradeList
from kalshi.model_utils import ListResponse


class UserTradesGetResponse(ListResponse):
    """Response of ``GET /users/{user_id}/trades``."""

    trades: UserTradeList
