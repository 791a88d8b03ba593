"""``client.account``: your account's history of deposits, withdrawals, orders, trades and settlements."""

# No ``from __future__ import annotations``: TypedDict reads its annotations at class creation.
from typing import TYPE_CHECKING, Any, Dict, TypedDict

from kalshi._operations.account import USER_GET_ACCOUNT_HISTORY
from kalshi._trading.caller import Resource
from kalshi.exceptions import ApiTypeError
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["Account", "AccountHistoryFilters"]


class AccountHistoryFilters(TypedDict, total=False):
    """The filters of ``account.history``: the API's own (see ``AccountApi.user_get_account_history``)."""

    should_return_deposits: bool
    should_return_withdrawals: bool
    should_return_orders: bool
    should_return_settlements: bool
    should_return_trades: bool
    limit: int


_FILTERS = frozenset(AccountHistoryFilters.__annotations__)


class Account(Resource):
    """Your account: ``history(**filters)``."""

    __slots__ = ()

    def history(self, **filters: "Unpack[AccountHistoryFilters]") -> "UserGetAccountHistoryResponse":
        """Your account history, newest first (``entries``, with ``to_dataframe()`` and ``plot()``).

        ``filters`` are the API's: ``should_return_deposits``, ``should_return_withdrawals``,
        ``should_return_orders``, ``should_return_settlements``, ``should_return_trades`` (bools)
        and ``limit`` (an int). An unknown filter is refused by name before anything is sent.
        """
        args: Dict[str, Any] = {}
        for name, value in filters.items():
            if name not in _FILTERS:
                raise ApiTypeError(
                    f"account.history() got an unexpected filter {name!r} (filters: {', '.join(sorted(_FILTERS))})",
                    path_to_item=[name],
                )
            args[name] = value
        history: UserGetAccountHistoryResponse = self._caller.call(USER_GET_ACCOUNT_HISTORY, args, "account.history()")
        return history
