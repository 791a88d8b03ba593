"""The id of a withdrawal just requested (no operation of v1 uses it)."""

from kalshi.model_utils import Model


class UserWithdrawalResponse(Model):
    """The id of a withdrawal just requested (no operation of v1 uses it)."""

    withdrawal_id: str
