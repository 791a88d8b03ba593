"""Body of ``PUT /passwords/reset/{code}/confirm``."""

from kalshi.model_utils import Model, field


class ConfirmPasswordResetRequest(Model):
    """Body of ``PUT /passwords/reset/{code}/confirm``."""

    password: str = field(secret=True, min_length=6)
    user_id: str
