"""Flat records and pandas DataFrames from list-shaped models (notebooks, CSV, the CLI).

A record is an item's fields by python name; a nested model's fields are merged in (an account
history entry becomes ``type`` plus the fields of its populated sub-record). Duck-typed on the
field table, so it sits below the model classes.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable

from kalshi._model.fields import DateTimeKind, Field, NestedKind, ScalarKind
from kalshi._model.units import unit_of

if TYPE_CHECKING:
    import pandas

__all__ = ["columns_of", "flat_record", "records_to_dataframe"]

_PANDAS_HINT = (
    "to_dataframe() needs pandas, an optional extra of this SDK: pip install pandas"
    " (or, from a checkout of the SDK, pip install '.[pandas]')"
)


def _is_model(kind: Any) -> bool:
    return isinstance(kind, NestedKind) and hasattr(kind.cls, "_fields")


def flat_record(model: Any) -> dict[str, Any]:
    """One item as a flat dict; unknown fields are appended (an item kept as received that is not
    a model, by unchecked parsing, gives an empty record)."""
    record: dict[str, Any] = {}
    if hasattr(model, "_fields"):
        _merge(model, record)
    return record


def _merge(model: Any, record: dict[str, Any]) -> None:
    for f in model._fields:
        value = getattr(model, f.name)
        if _is_model(f.kind) and (value is None or isinstance(value, f.kind.cls)):
            if value is not None:
                _merge(value, record)
        else:
            record[f.name] = value
    if model._extra:
        record.update(model._extra)


def columns_of(item_type: Any) -> dict[str, Field]:
    """The record columns of an item type, in declaration order, nested models merged in."""
    columns: dict[str, Field] = {}
    for f in item_type._fields:
        if _is_model(f.kind):
            for name, sub in columns_of(f.kind.cls).items():
                columns.setdefault(name, sub)
        else:
            columns.setdefault(f.name, f)
    return columns


def records_to_dataframe(records: list[dict[str, Any]], columns: dict[str, Field]) -> pandas.DataFrame:
    """A DataFrame with stable columns: aware UTC timestamps, nullable ints and bools.

    Money and prices stay exact integers; ``attrs["units"]`` names the unit of each such column
    (``"cents"``, ``"cents per contract"`` for a price, ``"dollars"``).
    """
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError(_PANDAS_HINT) from err
    names = list(columns)
    names += _extra_names(records, columns)
    frame: pandas.DataFrame = pd.DataFrame.from_records(records, columns=names)
    for name, f in columns.items():
        kind = f.kind
        if isinstance(kind, DateTimeKind):
            frame[name] = pd.to_datetime(
                frame[name].map(lambda v: v if isinstance(v, datetime) else None), utc=True
            )
        elif isinstance(kind, ScalarKind) and kind.tp is int:
            frame[name] = frame[name].astype("Int64")  # cents and counts stay integers next to gaps
        elif isinstance(kind, ScalarKind) and kind.tp is bool:
            frame[name] = frame[name].astype("boolean")
    units = {name: unit_of(name, f.unit) for name, f in columns.items()}
    frame.attrs["units"] = {name: unit for name, unit in units.items() if unit is not None}
    return frame


def _extra_names(records: Iterable[dict[str, Any]], columns: dict[str, Field]) -> list[str]:
    seen: dict[str, None] = {}
    for r in records:
        for k in r:
            if k not in columns:
                seen.setdefault(k, None)
    return list(seen)
