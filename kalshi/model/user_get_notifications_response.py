"""Response of ``GET /users/{user_id}/notifications``."""

from kalshi.model.notification_list import NotificationList
from kalshi.model_utils import ListResponse


class UserGetNotificationsResponse(ListResponse):
    """One page of the user's notifications, newest first."""

    notifications: NotificationList
