"""``client.fills``: your executions (``UserTrade``s)."""

from __future__ import annotations

from typing import Iterator, Optional, Union

from kalshi._operations.user import USER_TRADES_GET
from kalshi._trading.caller import Resource
from kalshi._trading.order_args import order_id_of
from kalshi.model.order import Order
from kalshi.model.user_trade import UserTrade

__all__ = ["Fills"]

_PAGE_SIZE = 100


class Fills(Resource):
    """Your fills: ``list()``."""

    __slots__ = ()

    def list(self, market: Optional[str] = None, *, order: Union[Order, str, None] = None) -> Iterator[UserTrade]:
        """Your ``UserTrade``s, newest first, every page, fetched lazily as you iterate.

        ``market``: only this market's (ticker or id); ``order``: only this order's (an
        ``Order`` or an order id).
        """
        order_id = None if order is None else order_id_of(order)
        self._caller.log_in("fills.list()")
        market_id = None if market is None else self._caller.market_id(market)
        args = {"market_id": market_id, "order_id": order_id}
        fills: Iterator[UserTrade] = self._caller.pages(USER_TRADES_GET, args, "trades", _PAGE_SIZE, "fills.list()")
        return fills
