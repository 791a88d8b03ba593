"""A deposit account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.deposit_status import DepositStatus
from kalshi.model.deposit_type import DepositType
from kalshi.model_utils import Model


class DepositHistory(Model):
    """Represents a deposit account history item; amounts are in cents."""

    amount: Optional[Cent] = None
    created_at: Optional[datetime] = None
    deposit_type: Optional[DepositType] = None
    fee: Optional[Cent] = None
    returned_amount: Optional[Cent] = None
    status: Optional[DepositStatus] = None
    updated_at: Optional[datetime] = None
