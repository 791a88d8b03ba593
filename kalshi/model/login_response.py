"""Response of ``POST /log_in``."""

from kalshi.model_utils import Model, field


class LoginResponse(Model):
    """A new session: send ``"<user_id> <token>"`` as the Authorization header. The token never shows
    in ``repr`` or ``str``.
    """

    access_level: str
    token: str = field(secret=True)
    user_id: str
