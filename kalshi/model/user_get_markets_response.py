"""Response of ``GET /cached/markets`` and ``GET /markets``."""

from typing import List

from kalshi.model.market import Market
from kalshi.model_utils import ListResponse


class UserGetMarketsResponse(ListResponse):
    """Response of ``GET /cached/markets`` and ``GET /markets``."""

    markets: List[Market]
