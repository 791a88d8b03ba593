"""A deposit account history item."""

from datetime import datetime
from typing import Optional

from kalshi.model_utils import Model


class DepositHistory(Model):
    """Represents a deposit account history item; amounts are in cents."""

    amount: Optional[int] = None
    created_at: Optional[datetime] = None
    deposit_type: Optional[str] = None
    fee: Optional[int] = None
    returned_amount: Optional[int] = None
    status: Optional[str] = None
    updated_at: Optional[datetime] = None
