"""Portfolio measurement is simply a snapshot of the portfolio of a user on a timestamp."""

from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Int64, Model


class PortfolioMeasurement(Model):
    """Portfolio measurement is simply a snapshot of the portfolio of a user on a timestamp."""

    a: Cent
    cumulative_deposits: Cent
    cumulative_number_settlements: Int64
    cumulative_withdrawals: Cent
    ts: Int64
    v: Cent
    balance_change: Optional[Cent] = None
    reason: Optional[str] = None
