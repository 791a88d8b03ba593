"""Response of ``GET /cached/markets/{market_id}`` and ``GET /cached/markets_by_ticker/{ticker_name}``
and ``GET /markets/{market_id}``.
"""

from kalshi.model.market import Market
from kalshi.model_utils import Model


class UserGetMarketResponse(Model):
    """Response of ``GET /cached/markets/{market_id}`` and ``GET
    /cached/markets_by_ticker/{ticker_name}`` and ``GET /markets/{market_id}``.
    """

    market: Market
