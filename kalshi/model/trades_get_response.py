"""Response of ``GET /trades``."""

from kalshi.model.public_trade_list import PublicTradeList
from kalshi.model_utils import ListResponse


class TradesGetResponse(ListResponse):
    """Response of ``GET /trades``."""

    trades: PublicTradeList
