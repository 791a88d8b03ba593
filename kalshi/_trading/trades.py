"""``client.trades``: the public trade tape. No log-in needed."""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from typing import Iterator, Union

from kalshi._operations.default import GET_TRADES
from kalshi._trading.caller import Resource
from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model.public_trade import PublicTrade

__all__ = ["Trades"]

_PAGE_SIZE = 100


def _day(date: Union[Date, str, None]) -> Union[str, None]:
    if date is None:
        return None
    if isinstance(date, datetime):  # a datetime is a date too: its day would silently drop the time
        raise ApiTypeError("date must be a date or 'YYYY-MM-DD', got a datetime", path_to_item=["date"])
    if isinstance(date, Date):
        return date.isoformat()
    if isinstance(date, str):
        try:
            return Date.fromisoformat(date).isoformat()
        except ValueError:
            raise ApiValueError(f"date must be 'YYYY-MM-DD', got {date!r}", path_to_item=["date"]) from None
    raise ApiTypeError(f"date must be a date, 'YYYY-MM-DD' or None, got {type(date).__name__}", path_to_item=["date"])


class Trades(Resource):
    """The public tape: ``list()``."""

    __slots__ = ()

    def list(self, *, date: Union[Date, str, None] = None) -> Iterator[PublicTrade]:
        """Every ``PublicTrade``, newest first, every page, fetched lazily as you iterate.

        ``date``: only that UTC day's trades (a ``datetime.date`` or ``"YYYY-MM-DD"``).
        """
        args = {"trades_date": _day(date)}
        trades: Iterator[PublicTrade] = self._caller.pages(GET_TRADES, args, "trades", _PAGE_SIZE, "trades.list()")
        return trades
