"""Response of ``GET /users/{user_id}/notifications``."""

from typing import TYPE_CHECKING, Any, Dict, List

from kalshi.model.notification import Notification
from kalshi.model.notification_list import NotificationList
from kalshi.model_utils import Model

if TYPE_CHECKING:
    import pandas


class UserGetNotificationsResponse(Model):
    """One page of the user's notifications, newest first."""

    notifications: NotificationList

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per notification (python names; ``content`` stays a dict)."""
        return self.notifications.to_records()

    def to_dataframe(self) -> "pandas.DataFrame":
        """The notifications as a DataFrame (needs the ``[pandas]`` extra); ``created_ts`` is UTC."""
        from kalshi._records import columns_of, records_to_dataframe

        return records_to_dataframe(self.to_records(), columns_of([Notification]))

    def _repr_html_(self) -> str:
        from kalshi._display import records_table

        return records_table(type(self).__name__, self.to_records())
