"""The user's linked bank accounts (no operation of v1 uses it)."""

from typing import List

from kalshi.model.bank_account_details import BankAccountDetails
from kalshi.model_utils import ListResponse


class UserListLedgerxBankAccountsResponse(ListResponse):
    """The user's linked bank accounts (no operation of v1 uses it)."""

    accounts: List[BankAccountDetails]
