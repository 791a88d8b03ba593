"""A withdrawal account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.withdrawal_status import WithdrawalStatus
from kalshi.model_utils import Model


class WithdrawalHistory(Model):
    """Represents a withdrawal account history item; amounts are in cents."""

    amount: Optional[Cent] = None
    created_at: Optional[datetime] = None
    fee: Optional[Cent] = None
    returned_amount: Optional[Cent] = None
    status: Optional[WithdrawalStatus] = None
    updated_at: Optional[datetime] = None
