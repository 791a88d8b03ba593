"""Encapsulates meta-data of bank accounts."""

from typing import Optional

from kalshi.model_utils import Model


class BankAccountDetails(Model):
    """Encapsulates meta-data of bank accounts."""

    bank_id: str
    mask: str
    name: str
    plaid_item_needs_relink: bool
    subtype: str
    type: str
    routing_number: Optional[str] = None
