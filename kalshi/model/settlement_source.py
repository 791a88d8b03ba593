"""A source a market is settled from: a name and a URL."""

from typing import Optional

from kalshi.model_utils import Model


class SettlementSource(Model):
    """A source a market is settled from: a name and a URL."""

    name: Optional[str] = None
    url: Optional[str] = None
