"""A withdrawal account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model_utils import Model


class WithdrawalHistory(Model):
    """Represents a withdrawal account history item; amounts are in cents."""

    amount: Optional[int] = None
    created_at: Optional[datetime] = None
    fee: Optional[int] = None
    returned_amount: Optional[int] = None
    status: Optional[str] = None
    updated_at: Optional[datetime] = None
