"""Body of ``GET /users/{user_id}/portfolio/history``."""

from datetime import datetime
from typing import Optional

from kalshi.model_utils import Int64, Model


class UserGetPortfolioHistoryRequest(Model):
    """Request for fetching user portfolio history."""

    max_date: Optional[datetime] = None
    max_ts: Optional[Int64] = None
    min_date: Optional[datetime] = None
    min_ts: Optional[Int64] = None
