"""The public face of the model machinery (``kalshi._model``): base classes and field declarations.

A model declares each field once, as an annotated class attribute::

    class AccountHistoryEntryData(Model):
        deposit: Optional[DepositHistory] = field(wire="Deposit", default=None)

Subclasses inherit their parents' fields and may add their own; annotations may be strings
(``from __future__ import annotations``). Keyword construction, ``from_dict`` and ``from_wire``
follow one rule per field: required means present and not null.
"""

from kalshi._model.base import ListModel, ListResponse, Model, ModelMeta, model_fields
from kalshi._model.fields import Field, field
from kalshi._timestamps import format_datetime, parse_datetime

__all__ = [
    "Field",
    "ListModel",
    "ListResponse",
    "Model",
    "ModelMeta",
    "field",
    "format_datetime",
    "model_fields",
    "parse_datetime",
]
