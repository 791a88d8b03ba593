"""Represents a withdrawal."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.withdrawal_status import WithdrawalStatus
from kalshi.model_utils import Model


class Withdrawal(Model):
    """Represents a withdrawal."""

    amount_cents: Optional[Cent] = None
    bank_id: Optional[str] = None
    created_ts: Optional[datetime] = None
    id: Optional[str] = None
    return_code: Optional[str] = None
    return_reason: Optional[str] = None
    status: Optional[WithdrawalStatus] = None
    user_id: Optional[str] = None
