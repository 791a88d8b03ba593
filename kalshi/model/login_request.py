"""Body of ``POST /log_in``."""

from kalshi.model_utils import Model, field


class LoginRequest(Model):
    """E-mail and password; the password never shows in ``repr`` or ``str``."""

    email: str
    password: str = field(secret=True, min_length=6)
