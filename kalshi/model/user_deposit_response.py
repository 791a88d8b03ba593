"""The id of a deposit just requested (no operation of v1 uses it)."""

from kalshi.model_utils import Model


class UserDepositResponse(Model):
    """The id of a deposit just requested (no operation of v1 uses it)."""

    deposit_id: str
