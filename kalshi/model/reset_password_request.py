"""Body of ``POST /passwords/reset``."""

from kalshi.model_utils import Model


class ResetPasswordRequest(Model):
    """Body of ``POST /passwords/reset``."""

    email: str
