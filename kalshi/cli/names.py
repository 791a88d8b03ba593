"""How a table names things: markets by ticker, ids by their first 8 characters (whole with ``--wide``).

A table must fit a 100-column terminal; ``--wide`` gives up that bound to show every id and text whole.
"""

from __future__ import annotations

from typing import Callable, Dict, Iterable, Optional

from kalshi.models import Market

__all__ = ["MAX_WIDTH", "SHORT_ID", "Names"]

MAX_WIDTH = 100
SHORT_ID = 8  # like git's short hashes: enough to tell a person's orders apart, and a prefix the commands take


class Names:
    """The names a table shows, and the width it must keep to (None with ``--wide``)."""

    def __init__(self, markets: Callable[[], Iterable[Market]], *, wide: bool) -> None:
        self.wide = wide
        self.max_width: Optional[int] = None if wide else MAX_WIDTH
        self._read_markets = markets
        self._tickers: Optional[Dict[str, str]] = None

    def id(self, value: Optional[str]) -> str:
        """An id as a table shows it: its first 8 characters, or all of it with ``--wide``."""
        if not value:
            return ""
        return value if self.wide else value[:SHORT_ID]

    def market(self, market_id: Optional[str], ticker: Optional[str] = None) -> str:
        """A market's ticker (the market list is read once, on first need), else its shortened id."""
        if ticker:
            return ticker
        if not market_id:
            return ""
        if self._tickers is None:
            self._tickers = {m.id: m.ticker_name for m in self._read_markets() if m.id and m.ticker_name}
        return self._tickers.get(market_id) or self.id(market_id)
