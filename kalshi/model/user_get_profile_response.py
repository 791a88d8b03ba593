"""Response of ``GET /users/{user_id}``."""

from kalshi.model.user import User
from kalshi.model_utils import Model


class UserGetProfileResponse(Model):
    """Response of ``GET /users/{user_id}``."""

    user: User
