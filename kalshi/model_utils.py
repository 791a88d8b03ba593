"""The public face of the model machinery (``kalshi._model``): base classes and field declarations.

A model declares each field once, as an annotated class attribute::

    class AccountHistoryEntryData(Model):
        deposit: Optional[DepositHistory] = field(wire="Deposit", default=None)

Subclasses inherit their parents' fields and may add their own; annotations may be strings
(``from __future__ import annotations``). Keyword construction, ``from_dict`` and ``from_wire``
follow one rule per field: required means present and not null.
"""

from typing import Annotated

from kalshi._common.timestamps import format_datetime, parse_datetime
from kalshi._model.base import ListModel, ListResponse, Model, ModelMeta, model_fields
from kalshi._model.fields import INT32, INT64, Field, field

# The spec's integer formats: an ``int`` to type checkers; at run time a value outside the range
# is refused like a value of the wrong type (construction, assignment, ``from_dict``, ``from_wire``).
Int32 = Annotated[int, INT32]
Int64 = Annotated[int, INT64]

__all__ = [
    "Field",
    "Int32",
    "Int64",
    "ListModel",
    "ListResponse",
    "Model",
    "ModelMeta",
    "field",
    "format_datetime",
    "model_fields",
    "parse_datetime",
]
