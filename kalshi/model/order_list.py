"""A list of Order: a JSON array on the wire."""

from typing import ClassVar, Type

from kalshi.model.order import Order
from kalshi.model_utils import ListModel


class OrderList(ListModel[Order]):
    """Behaves as a list of ``Order`` (len, iteration, indexing); ``.value`` is the list."""

    __slots__ = ()
    item_type: ClassVar[Type[Order]] = Order
