"""Response of ``GET /users/{user_id}/notifications/preferences``."""

from kalshi.model.subscription_preference import SubscriptionPreference
from kalshi.model_utils import Model


class GetNotificationPreferencesResponse(Model):
    """The current user's e-mail notification preferences."""

    preferences: SubscriptionPreference
