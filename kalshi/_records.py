"""Flat records and pandas DataFrames from list-shaped responses (notebooks, CSV, the CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from kalshi._kinds import Field, _DateTime, _Scalar
from kalshi.model_utils import Model

if TYPE_CHECKING:
    import pandas

__all__ = ["columns_of", "history_record", "model_record", "records_to_dataframe"]

_PANDAS_HINT = (
    "to_dataframe() needs pandas, an optional extra of this SDK: pip install 'kalshi-v1-sdk[pandas]'"
)


def history_record(entry: Any) -> dict[str, Any]:
    """One account history entry as a flat dict: ``type`` plus the populated sub-record's fields."""
    record: dict[str, Any] = {"type": entry.type}
    data = entry.data
    if data is not None:
        for f in data._fields:
            sub = getattr(data, f.name)
            if sub is not None:
                record.update(model_record(sub))
    return record


def model_record(model: Model) -> dict[str, Any]:
    """A model's own fields by python name (datetimes stay datetimes), unknown fields appended."""
    record = {f.name: getattr(model, f.name) for f in model._fields}
    if model._extra:
        record.update(model._extra)
    return record


def columns_of(models: Iterable[type[Model]], first: Sequence[str] = ()) -> dict[str, Field]:
    """The union of the models' fields by python name, in declaration order, after ``first``."""
    columns: dict[str, Any] = {name: None for name in first}
    for cls in models:
        for f in cls._fields:
            columns.setdefault(f.name, f)
    return columns


def records_to_dataframe(records: list[dict[str, Any]], columns: dict[str, Field]) -> pandas.DataFrame:
    """A DataFrame with stable columns: aware UTC timestamps, nullable ints and bools."""
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError(_PANDAS_HINT) from err
    names = list(columns)
    names += [k for r in records for k in r if k not in columns and k not in names]
    frame: pandas.DataFrame = pd.DataFrame.from_records(records, columns=names)
    for name, f in columns.items():
        if f is None:
            continue
        kind = f.kind
        if isinstance(kind, _DateTime):
            frame[name] = pd.to_datetime(
                frame[name].map(lambda v: v if isinstance(v, datetime) else None), utc=True
            )
        elif isinstance(kind, _Scalar) and kind.tp is int:
            frame[name] = frame[name].astype("Int64")  # cents and counts stay integers next to gaps
        elif isinstance(kind, _Scalar) and kind.tp is bool:
            frame[name] = frame[name].astype("boolean")
    return frame
