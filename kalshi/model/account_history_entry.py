"""One item of a user's account history."""

from typing import Optional

from kalshi.model.account_history_entry_data import AccountHistoryEntryData
from kalshi.model_utils import Model


class AccountHistoryEntry(Model):
    """An account history item: ``type`` (``Deposit``, ``Withdrawal``, ``Order``, ``Trade`` or
    ``Settlement``) and ``data``, the matching sub-record, e.g. ``entry.data.deposit``.
    """

    type: str
    data: Optional[AccountHistoryEntryData] = None
