"""``client.portfolio``: the value of your portfolio over time."""

from __future__ import annotations

from kalshi._operations.portfolio import USER_GET_PORTFOLIO_HISTORY
from kalshi._trading.caller import Resource
from kalshi.model.user_get_portfolio_history_response import UserGetPortfolioHistoryResponse

__all__ = ["Portfolio"]


class Portfolio(Resource):
    """Your portfolio: ``history()``."""

    __slots__ = ()

    def history(self) -> UserGetPortfolioHistoryResponse:
        """Snapshots of your portfolio's value (``values``), with ``to_dataframe()`` and ``plot()``."""
        history: UserGetPortfolioHistoryResponse = self._caller.call(
            USER_GET_PORTFOLIO_HISTORY, {}, "portfolio.history()"
        )
        return history
