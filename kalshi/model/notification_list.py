"""A page of notifications: a JSON array on the wire."""

from typing import ClassVar, Type

from kalshi.model.notification import Notification
from kalshi.model_utils import ListModel


class NotificationList(ListModel[Notification]):
    """Behaves as a list of ``Notification`` (len, iteration, indexing); ``.value`` is the list."""

    __slots__ = ()
    item_type: ClassVar[Type[Notification]] = Notification
