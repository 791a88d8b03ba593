"""A request for creating a new user (no operation of v1 uses it)."""

from kalshi.model_utils import Model, field


class CreateUserRequest(Model):
    """A request for creating a new user (no operation of v1 uses it)."""

    email: str
    password: str = field(secret=True)
