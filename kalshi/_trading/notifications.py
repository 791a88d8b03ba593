"""``client.notifications``: your notifications."""

from __future__ import annotations

from typing import Iterator, Union

from kalshi._operations.account import NOTIFICATION_MARK_READ, USER_GET_NOTIFICATIONS
from kalshi._trading.caller import Caller
from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model.notification import Notification

__all__ = ["Notifications"]

_PAGE_SIZE = 50  # the API's largest page


def _notification_id(notification: Union[Notification, str]) -> str:
    if isinstance(notification, Notification):
        if not notification.id:
            raise ApiValueError("notification has no id", path_to_item=["notification"])
        return notification.id
    if not isinstance(notification, str):
        raise ApiTypeError(
            f"notification must be a Notification or a notification id (str), got {type(notification).__name__}",
            path_to_item=["notification"],
        )
    if not notification.strip():
        raise ApiValueError(
            f"notification must be a Notification or its id, got {notification!r}", path_to_item=["notification"]
        )
    return notification


class Notifications:
    """Your notifications: ``list()`` and ``mark_read(notification)``."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(self) -> Iterator[Notification]:
        """Every ``Notification``, newest first, every page, fetched lazily as you iterate."""
        notes: Iterator[Notification] = self._caller.pages(
            USER_GET_NOTIFICATIONS, {}, "notifications", _PAGE_SIZE, "notifications.list()"
        )
        return notes

    def mark_read(self, notification: Union[Notification, str]) -> None:
        """Mark a notification (a ``Notification`` or its id) as read."""
        notification_id = _notification_id(notification)
        self._caller.call(NOTIFICATION_MARK_READ, {"notification_id": notification_id}, "notifications.mark_read()")
