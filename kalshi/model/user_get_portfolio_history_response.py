"""Response of ``GET /users/{user_id}/portfolio/history``."""

from typing import List, Optional

from kalshi._model.plot import PortfolioHistoryPlot
from kalshi.model.portfolio_measurement import PortfolioMeasurement
from kalshi.model_utils import ListResponse


class UserGetPortfolioHistoryResponse(PortfolioHistoryPlot, ListResponse):
    """Response of ``GET /users/{user_id}/portfolio/history``."""

    values: Optional[List[PortfolioMeasurement]] = None
