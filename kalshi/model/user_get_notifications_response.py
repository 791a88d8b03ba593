"""Response of ``GET /users/{user_id}/notifications``."""

from kalshi.model.notification_list import NotificationList
from kalshi.model_utils import Model


class UserGetNotificationsResponse(Model):
    """One page of the user's notifications, newest first."""

    notifications: NotificationList
