"""A request to deposit money from a linked bank account (no operation of v1 uses it)."""

from kalshi.model.cent import Cent
from kalshi.model_utils import Model


class UserDepositRequest(Model):
    """A request to deposit money from a linked bank account (no operation of v1 uses it)."""

    amount_cents: Cent
    bank_id: str
    fee_cents: Cent
