"""Response of ``GET /users/{user_id}/positions/{market_id}``."""

from kalshi.model.market_position import MarketPosition
from kalshi.model_utils import Model


class UserGetMarketPositionResponse(Model):
    """Response of ``GET /users/{user_id}/positions/{market_id}``."""

    market_position: MarketPosition
