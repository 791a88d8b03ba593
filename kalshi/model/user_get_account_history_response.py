"""Response of ``GET /users/{user_id}/account/history``."""

from typing import List

from kalshi.model.account_history_entry import AccountHistoryEntry
from kalshi.model_utils import ListResponse


class UserGetAccountHistoryResponse(ListResponse):
    """The user's account history, newest first."""

    entries: List[AccountHistoryEntry]
