"""Response of ``GET /users/{user_id}/account/history``."""

from typing import List

from kalshi.model.account_history_entry import AccountHistoryEntry
from kalshi.model_utils import Model


class UserGetAccountHistoryResponse(Model):
    """The user's account history, newest first."""

    entries: List[AccountHistoryEntry]
