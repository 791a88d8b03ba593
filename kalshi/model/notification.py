"""A notification for the logged-in user."""

from datetime import datetime
from typing import Any, Dict, Optional

from kalshi.model_utils import Model


class Notification(Model):
    """A notification; ``content`` is a free-form JSON object whose shape depends on ``type``."""

    content: Optional[Dict[str, Any]] = None
    created_ts: Optional[datetime] = None
    id: Optional[str] = None
    is_delivered: Optional[bool] = None
    is_read: Optional[bool] = None
    link: Optional[str] = None
    type: Optional[str] = None
    user_id: Optional[str] = None
