"""Represents a deposit."""

from datetime import datetime
from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model.deposit_status import DepositStatus
from kalshi.model.deposit_type import DepositType
from kalshi.model_utils import Model


class Deposit(Model):
    """Represents a deposit."""

    amount_cents: Optional[Cent] = None
    bank_id: Optional[str] = None
    created_ts: Optional[datetime] = None
    deposit_type: Optional[DepositType] = None
    id: Optional[str] = None
    return_code: Optional[str] = None
    return_reason: Optional[str] = None
    status: Optional[DepositStatus] = None
    user_id: Optional[str] = None
