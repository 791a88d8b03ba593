"""Response of ``GET /ranged_markets_by_ticker/{ticker}``."""

from kalshi.model.ranged_market import RangedMarket
from kalshi.model_utils import Model


class GetRangedMarketByTickerResponse(Model):
    """Response of ``GET /ranged_markets_by_ticker/{ticker}``."""

    ranged_markets: RangedMarket
