"""Response of ``GET /ranged_markets/{ranged_market_id}``."""

from kalshi.model.ranged_market import RangedMarket
from kalshi.model_utils import Model


class GetRangedMarketResponse(Model):
    """Response of ``GET /ranged_markets/{ranged_market_id}``."""

    ranged_market: RangedMarket
