"""The e-mail subscription level of a user."""

from typing import Optional

from kalshi.model_utils import Model


class SubscriptionPreference(Model):
    """A user's e-mail subscription level (``"none"``, ``"basic"`` or ``"all"``)."""

    subscription_level: Optional[str] = None
