"""Response of ``GET /cached/markets/{market_id}/stats_history`` and ``GET
/markets/{market_id}/stats_history``.
"""

from typing import List

from kalshi._model.plot import MarketHistoryPlot
from kalshi.model.market_stats_point import MarketStatsPoint
from kalshi.model_utils import ListResponse


class GetMarketHistoryResponse(MarketHistoryPlot, ListResponse):
    """Response of ``GET /cached/markets/{market_id}/stats_history`` and ``GET
    /markets/{market_id}/stats_history``.
    """

    market_stats_points: List[MarketStatsPoint]
