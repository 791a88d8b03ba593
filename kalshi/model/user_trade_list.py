"""A list of UserTrade: a JSON array on the wire."""

from typing import ClassVar, Type

from kalshi.model.user_trade import UserTrade
from kalshi.model_utils import ListModel


class UserTradeList(ListModel[UserTrade]):
    """Behaves as a list of ``UserTrade`` (len, iteration, indexing); ``.value`` is the list."""

    __slots__ = ()
    item_type: ClassVar[Type[UserTrade]] = UserTrade
