"""``client.notifications``: your notifications."""

from __future__ import annotations

from typing import Iterator, Union

from kalshi._operations.account import NOTIFICATION_MARK_READ, USER_GET_NOTIFICATIONS
from kalshi._trading.caller import Resource
from kalshi._trading.refs import id_of
from kalshi.model.notification import Notification

__all__ = ["Notifications"]

_PAGE_SIZE = 50  # the API's largest page


class Notifications(Resource):
    """Your notifications: ``list()`` and ``mark_read(notification)``."""

    __slots__ = ()

    def list(self) -> Iterator[Notification]:
        """Every ``Notification``, newest first, every page, fetched lazily as you iterate."""
        notes: Iterator[Notification] = self._caller.pages(
            USER_GET_NOTIFICATIONS, {}, "notifications", _PAGE_SIZE, "notifications.list()"
        )
        return notes

    def mark_read(self, notification: Union[Notification, str]) -> None:
        """Mark a notification (a ``Notification`` or its id) as read."""
        notification_id = id_of(notification, Notification, "id", "notification")
        self._caller.call(NOTIFICATION_MARK_READ, {"notification_id": notification_id}, "notifications.mark_read()")
