"""Response of ``GET /users/{user_id}/positions``."""

from typing import List

from kalshi.model.market_position import MarketPosition
from kalshi.model_utils import ListResponse


class UserGetMarketPositionsResponse(ListResponse):
    """Response of ``GET /users/{user_id}/positions``."""

    market_positions: List[MarketPosition]
