"""Body of ``PUT /users/{user_id}/password``."""

from kalshi.model_utils import Model, field


class UserChangePasswordRequest(Model):
    """Body of ``PUT /users/{user_id}/password``."""

    new_password: str = field(secret=True)
    old_password: str = field(secret=True)
