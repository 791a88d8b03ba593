"""The user's previous deposits (no operation of v1 uses it)."""

from typing import List

from kalshi.model.deposit import Deposit
from kalshi.model_utils import ListResponse


class GetUserDepositsResponse(ListResponse):
    """The user's previous deposits (no operation of v1 uses it)."""

    deposits: List[Deposit]
