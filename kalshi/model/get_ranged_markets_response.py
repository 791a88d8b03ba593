"""A list of ranged markets (no operation of v1 uses it)."""

from typing import List

from kalshi.model.ranged_market import RangedMarket
from kalshi.model_utils import ListResponse


class GetRangedMarketsResponse(ListResponse):
    """A list of ranged markets (no operation of v1 uses it)."""

    ranged_markets: List[RangedMarket]
