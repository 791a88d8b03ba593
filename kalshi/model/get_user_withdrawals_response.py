"""The user's previous withdrawals (no operation of v1 uses it)."""

from typing import List

from kalshi.model.withdrawal import Withdrawal
from kalshi.model_utils import ListResponse


class GetUserWithdrawalsResponse(ListResponse):
    """The user's previous withdrawals (no operation of v1 uses it)."""

    withdrawals: List[Withdrawal]
