"""to_records() and to_dataframe() of the list-shaped responses."""

from __future__ import annotations

import builtins
import sys
from datetime import datetime, timezone
from typing import Any

import pandas as pd
import pytest

from kalshi.models import UserGetAccountHistoryResponse, UserGetMarketsResponse, UserGetNotificationsResponse
from kalshi.testing import make_history_entries, make_notifications

SUB_KEYS = ("Deposit", "Withdrawal", "Order", "Trade", "Settlement")


@pytest.fixture(scope="module")
def wire_history() -> dict[str, Any]:
    return {"entries": make_history_entries(40)}


@pytest.fixture(scope="module")
def history(wire_history: dict[str, Any]) -> UserGetAccountHistoryResponse:
    return UserGetAccountHistoryResponse.from_wire(wire_history)


def test_history_records_are_flat_type_plus_the_populated_sub_record(
    history: UserGetAccountHistoryResponse, wire_history: dict[str, Any]
) -> None:
    records = history.to_records()

    assert len(records) == len(wire_history["entries"])
    for record, wire in zip(records, wire_history["entries"]):
        sub = wire["data"][wire["type"]]
        assert record["type"] == wire["type"]
        assert set(record) == {"type", *sub}
        assert all(not isinstance(v, dict) for v in record.values())  # flat
        for key, value in sub.items():
            if key.endswith(("_at", "_time")):
                assert isinstance(record[key], datetime) and record[key].tzinfo is not None
            else:
                assert record[key] == value


def test_history_records_keep_unknown_fields() -> None:
    wire = {"entries": [{"type": "Deposit", "data": {"Deposit": {"amount": 5, "new_field": "x"}}}]}
    assert UserGetAccountHistoryResponse.from_wire(wire).to_records() == [
        {
            "type": "Deposit",
            "amount": 5,
            "created_at": None,
            "deposit_type": None,
            "fee": None,
            "returned_amount": None,
            "status": None,
            "updated_at": None,
            "new_field": "x",
        }
    ]


def test_history_dataframe_dtypes(history: UserGetAccountHistoryResponse) -> None:
    frame = history.to_dataframe()

    assert len(frame) == len(history.entries)
    assert list(frame.columns[:1]) == ["type"]
    for column in ("created_at", "updated_at", "determined_time", "settled_time"):
        dtype = frame[column].dtype
        assert isinstance(dtype, pd.DatetimeTZDtype), column
        assert str(dtype.tz) == "UTC"
    for column in ("amount", "fee", "price", "profit", "filled_count", "yes_total_cost"):
        assert frame[column].dtype == "Int64", column  # cents and counts stay integers
    assert frame["is_yes"].dtype == "boolean"


def test_history_dataframe_values_match_the_models(history: UserGetAccountHistoryResponse) -> None:
    frame = history.to_dataframe()
    row: Any  # a namedtuple made from the frame's columns
    for row, entry in zip(frame.itertuples(index=False), history.entries):
        assert row.type == entry.type
        trade = entry.data.trade if entry.data else None
        if trade is not None:
            assert row.price == trade.price
            assert row.created_at.to_pydatetime() == trade.created_at
        else:
            assert pd.isna(row.price) or entry.type == "Order"


def test_timestamps_with_offsets_become_utc() -> None:
    wire = {"entries": [{"type": "Trade", "data": {"Trade": {"created_at": "2021-11-02T10:00:00-04:00"}}}]}
    frame = UserGetAccountHistoryResponse.from_wire(wire).to_dataframe()
    assert frame.loc[0, "created_at"] == pd.Timestamp(datetime(2021, 11, 2, 14, 0, tzinfo=timezone.utc))


def test_empty_history_has_the_columns_and_dtypes() -> None:
    frame = UserGetAccountHistoryResponse(entries=[]).to_dataframe()
    assert len(frame) == 0
    assert frame["amount"].dtype == "Int64"
    assert isinstance(frame["created_at"].dtype, pd.DatetimeTZDtype)


def test_notification_records_and_dataframe() -> None:
    wire = {"notifications": make_notifications(7, "u-1")}
    response = UserGetNotificationsResponse.from_wire(wire)

    records = response.to_records()
    assert [r["id"] for r in records] == [n["id"] for n in wire["notifications"]]
    assert records[0]["content"] == wire["notifications"][0]["content"]

    frame = response.to_dataframe()
    assert list(frame["id"]) == [n["id"] for n in wire["notifications"]]
    assert isinstance(frame["created_ts"].dtype, pd.DatetimeTZDtype)
    assert frame["is_read"].dtype == "boolean"
    assert frame.loc[0, "content"] == wire["notifications"][0]["content"]


def test_without_pandas_the_error_gives_a_working_install_command(
    history: UserGetAccountHistoryResponse, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(
        ImportError, match=r"pip install pandas \(or, from a checkout of the SDK, pip install '\.\[pandas\]'\)"
    ):
        history.to_dataframe()


def test_dataframes_keep_exact_cents_and_name_each_money_or_price_columns_unit(
    history: UserGetAccountHistoryResponse,
) -> None:
    frame = history.to_dataframe()
    assert frame.attrs["units"] == {
        "amount": "cents",
        "fee": "cents",
        "returned_amount": "cents",
        "price": "cents per contract",
        "no_total_cost": "cents",
        "profit": "cents",
        "yes_total_cost": "cents",
    }
    assert frame["amount"].dtype == "Int64" and "filled_count" not in frame.attrs["units"]  # a count has no unit

    markets = UserGetMarketsResponse.from_wire(
        {"markets": [{"ticker_name": "FED", "yes_bid": 35, "yes_ask": 62, "last_price": 0, "dollar_volume": 1234}]}
    ).to_dataframe()
    units = markets.attrs["units"]
    assert {c: units[c] for c in ("yes_bid", "yes_ask", "last_price", "previous_price")} == dict.fromkeys(
        ("yes_bid", "yes_ask", "last_price", "previous_price"), "cents per contract"
    )
    assert units["dollar_volume"] == "dollars" and "volume" not in units
    assert markets.loc[0, "yes_bid"] == 35 and markets.loc[0, "dollar_volume"] == 1234  # exact, unscaled
