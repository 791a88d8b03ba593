"""Response of ``GET /users/{user_id}/portfolio/history``."""

from typing import List, Optional

from kalshi.model.portfolio_measurement import PortfolioMeasurement
from kalshi.model_utils import ListResponse


class UserGetPortfolioHistoryResponse(ListResponse):
    """Response of ``GET /users/{user_id}/portfolio/history``."""

    values: Optional[List[PortfolioMeasurement]] = None
