"""``client.exchange``: the exchange's status."""

from __future__ import annotations

from kalshi._operations.exchange import GET_EXCHANGE_STATUS
from kalshi._trading.caller import Resource
from kalshi.exchange_status import ExchangeStatus

__all__ = ["Exchange"]


class Exchange(Resource):
    """The exchange itself: ``status()``."""

    __slots__ = ()

    def status(self) -> ExchangeStatus:
        """Whether the exchange and trading are active (``ExchangeStatus``); logs in first, as the spec asks."""
        status: ExchangeStatus = self._caller.call(GET_EXCHANGE_STATUS, {}, "exchange.status()")
        return status
