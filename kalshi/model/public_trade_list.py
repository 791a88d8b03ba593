"""A list of PublicTrade: a JSON array on the wire."""

from typing import ClassVar, Type

from kalshi.model.public_trade import PublicTrade
from kalshi.model_utils import ListModel


class PublicTradeList(ListModel[PublicTrade]):
    """Behaves as a list of ``PublicTrade`` (len, iteration, indexing); ``.value`` is the list."""

    __slots__ = ()
    item_type: ClassVar[Type[PublicTrade]] = PublicTrade
