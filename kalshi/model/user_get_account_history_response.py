"""Response of ``GET /users/{user_id}/account/history``."""

from typing import TYPE_CHECKING, Any, Dict, List

from kalshi.model.account_history_entry import AccountHistoryEntry
from kalshi.model.deposit_history import DepositHistory
from kalshi.model.order_history import OrderHistory
from kalshi.model.settlement_history import SettlementHistory
from kalshi.model.trade_history import TradeHistory
from kalshi.model.withdrawal_history import WithdrawalHistory
from kalshi.model_utils import Model

if TYPE_CHECKING:
    import pandas

_SUB_RECORDS = (DepositHistory, WithdrawalHistory, OrderHistory, TradeHistory, SettlementHistory)


class UserGetAccountHistoryResponse(Model):
    """The user's account history, newest first."""

    entries: List[AccountHistoryEntry]

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per entry: ``type`` plus the fields of its populated sub-record."""
        from kalshi._records import history_record

        return [history_record(entry) for entry in self.entries]

    def to_dataframe(self) -> "pandas.DataFrame":
        """The entries as a DataFrame (needs the ``[pandas]`` extra).

        A column per field of any entry type. Timestamps are timezone-aware UTC, and cents and
        counts are nullable integers (``Int64``), so a deposit row has no ``price``.
        """
        from kalshi._records import columns_of, records_to_dataframe

        return records_to_dataframe(self.to_records(), columns_of(_SUB_RECORDS, first=("type",)))

    def _repr_html_(self) -> str:
        from kalshi._display import records_table

        return records_table(type(self).__name__, self.to_records())
