"""Response of ``GET /users/{user_id}/balance``."""

from kalshi.model.cent import Cent
from kalshi.model_utils import Model


class UserGetBalanceResponse(Model):
    """Response of ``GET /users/{user_id}/balance``."""

    balance: Cent
