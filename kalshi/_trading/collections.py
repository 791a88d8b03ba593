"""``ModelList``: what a resource returns for a list of models that is not paged.

A plain ``list`` (index it, iterate it, ``len`` it) that also has what the SDK's list responses
have: ``to_records()``, ``to_dataframe()`` and a table in Jupyter, all from the model machinery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, TypeVar

from kalshi._model.records import columns_of, flat_record, records_to_dataframe
from kalshi.model_utils import Model

if TYPE_CHECKING:
    import pandas

__all__ = ["ModelList"]

M = TypeVar("M", bound=Model)


class ModelList(List[M]):
    """A list of ``item_type`` models, with records, a DataFrame and an HTML table."""

    __slots__ = ("item_type",)

    def __init__(self, item_type: type[M], items: Iterable[M] = ()) -> None:
        super().__init__(items)
        self.item_type: type[M] = item_type

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per item, python names; nested models merged in, datetimes kept."""
        return [flat_record(item) for item in self]

    def to_dataframe(self) -> pandas.DataFrame:
        """The items as a DataFrame (needs pandas): a column per field, stable even when empty."""
        return records_to_dataframe(self.to_records(), columns_of(self.item_type))

    def _repr_html_(self) -> str:
        """Jupyter display: a row per item, money in dollars, times in UTC."""
        from kalshi._model.display import list_table  # on first display only

        return list_table(f"{self.item_type.__name__} list", self)
