"""The user_id of a user just created (no operation of v1 uses it)."""

from typing import Optional

from kalshi.model_utils import Model


class CreateUserResponse(Model):
    """The new user's ``user_id`` (the spec's description, "Response for submitting an order", is a
    slip).
    """

    user_id: str
    code: Optional[str] = None
