"""Watchlist is the list of markets that you have some activity on, this is used mostly by the UI."""

from typing import List, Optional

from kalshi.model_utils import Model


class Watchlist(Model):
    """Watchlist is the list of markets that you have some activity on, this is used mostly by the UI."""

    market_ids: Optional[List[str]] = None
