"""Response of ``GET /markets/{market_id}/order_book``."""

from kalshi.model.order_book import OrderBook
from kalshi.model_utils import Model


class GetMarketOrderBookResponse(Model):
    """Response of ``GET /markets/{market_id}/order_book``."""

    order_book: OrderBook
