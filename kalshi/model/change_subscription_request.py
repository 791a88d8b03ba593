"""Body of ``PUT /users/{user_id}/subscribe``."""

from kalshi.model_utils import Model


class ChangeSubscriptionRequest(Model):
    """The e-mail subscription level to switch to: ``subscription_level`` is ``"none"``, ``"basic"`` or
    ``"all"``.
    """

    subscription_level: str
