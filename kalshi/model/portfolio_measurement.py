"""Portfolio measurement is simply a snapshot of the portfolio of a user on a timestamp."""

from typing import Optional

from kalshi.model.cent import Cent
from kalshi.model_utils import Model


class PortfolioMeasurement(Model):
    """Portfolio measurement is simply a snapshot of the portfolio of a user on a timestamp."""

    a: Cent
    cumulative_deposits: Cent
    cumulative_number_settlements: int
    cumulative_withdrawals: Cent
    ts: int
    v: Cent
    balance_change: Optional[Cent] = None
    reason: Optional[str] = None
