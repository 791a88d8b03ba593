"""Models: construction, conversion to and from the wire, repr, and conformance to the spec."""

from __future__ import annotations

import collections.abc
import copy
import json
import os
import pickle
import pprint
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kalshi
import kalshi.models
from kalshi.models import (
    AccountHistoryEntry,
    AccountHistoryEntryData,
    ChangeSubscriptionRequest,
    DepositHistory,
    GetNotificationPreferencesResponse,
    JSONError,
    LoginRequest,
    LoginResponse,
    Notification,
    NotificationList,
    OrderHistory,
    SettlementHistory,
    SubscriptionPreference,
    TradeHistory,
    UserGetAccountHistoryResponse,
    UserGetNotificationsResponse,
    WithdrawalHistory,
)

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1-account.json").read_text())
SCHEMAS: Dict[str, Any] = SPEC["components"]["schemas"]
# Schemas that are objects or arrays have a model class; the others (Cent, DepositStatus, ...)
# are aliases of primitive types.
MODEL_SCHEMAS = sorted(name for name, s in SCHEMAS.items() if s.get("type") in ("object", "array"))

UTC = timezone.utc
PASSWORD = "hunter2-very-secret"
TOKEN = "tok-0123456789abcdef"


def _trade_wire(price: Any = 45) -> Dict[str, Any]:
    return {
        "type": "Trade",
        "data": {
            "Trade": {
                "amount": 900,
                "created_at": "2021-11-02T14:03:07.123456Z",
                "fee": 13,
                "is_yes": True,
                "market_id": "2a31e156-393b-4313-80d3-76cf68713dc8",
                "market_title": "Will it snow?",
                "price": price,
            }
        },
    }


def _deposit_wire() -> Dict[str, Any]:
    return {
        "type": "Deposit",
        "data": {
            "Deposit": {
                "amount": 5000,
                "created_at": "2021-11-01T10:00:00Z",
                "deposit_type": "ach",
                "fee": 0,
                "returned_amount": 0,
                "status": "applied",
                "updated_at": "2021-11-01T10:05:00.5Z",
            }
        },
    }


def _notification_wire(n: int, is_read: bool = False) -> Dict[str, Any]:
    return {
        "id": f"id-{n}",
        "user_id": "u-1",
        "type": "order_filled",
        "content": {"market_title": "Will it snow?", "count": n, "nested": {"k": [1, 2]}},
        "link": "/markets/x",
        "is_read": is_read,
        "is_delivered": True,
        "created_ts": f"2021-11-0{n}T12:00:00Z",
    }


# --------------------------------------------------------------------------- construction


def test_construction_by_keyword_sets_the_attributes() -> None:
    trade = TradeHistory(amount=900, fee=13, is_yes=False, market_title="m", price=45)

    assert (trade.amount, trade.fee, trade.is_yes, trade.market_title, trade.price) == (900, 13, False, "m", 45)
    assert trade.created_at is None and trade.market_id is None


def test_nested_models_can_be_given_as_models_or_dicts() -> None:
    from_model = AccountHistoryEntry(type="Trade", data=AccountHistoryEntryData(trade=TradeHistory(price=5)))
    # The constructor accepts a dict at run time; the annotation names only the model.
    from_dict = AccountHistoryEntry(type="Trade", data={"trade": {"price": 5}})  # type: ignore[arg-type]

    assert from_dict == from_model
    assert from_dict.data is not None
    assert isinstance(from_dict.data.trade, TradeHistory)


@pytest.mark.parametrize(
    "model, kwargs, missing",
    [
        (ChangeSubscriptionRequest, {}, "subscription_level"),
        (LoginRequest, {"email": "a@b.c"}, "password"),
        (LoginResponse, {"token": TOKEN, "user_id": "u"}, "access_level"),
        (AccountHistoryEntry, {"data": None}, "type"),
        (GetNotificationPreferencesResponse, {}, "preferences"),
        (UserGetAccountHistoryResponse, {}, "entries"),
        (UserGetNotificationsResponse, {}, "notifications"),
    ],
)
def test_missing_required_field_is_a_type_error_naming_it(model: type, kwargs: Dict[str, Any], missing: str) -> None:
    with pytest.raises(TypeError, match=missing):
        model(**kwargs)


def test_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="colour"):
        TradeHistory(price=5, colour="red")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "model, field, value",
    [
        (TradeHistory, "price", "45"),
        (TradeHistory, "price", True),  # a bool is not an int count of cents
        (TradeHistory, "price", 4.5),
        (TradeHistory, "is_yes", "yes"),
        (TradeHistory, "market_title", 7),
        (DepositHistory, "created_at", 1635861787),
        (DepositHistory, "created_at", "not a timestamp"),
        (Notification, "content", ["not", "an", "object"]),
        (AccountHistoryEntry, "data", "Trade"),
        (UserGetAccountHistoryResponse, "entries", {"type": "Trade"}),
    ],
)
def test_wrong_type_is_an_api_type_error_naming_the_field(model: type, field: str, value: Any) -> None:
    kwargs: Dict[str, Any] = {field: value}
    if model is AccountHistoryEntry:
        kwargs["type"] = "Trade"
    with pytest.raises(kalshi.ApiTypeError, match=field) as info:
        model(**kwargs)
    assert isinstance(info.value, TypeError)
    assert info.value.path_to_item is not None and field in info.value.path_to_item


def test_wrong_type_deep_inside_a_nested_dict_names_the_path() -> None:
    with pytest.raises(kalshi.ApiTypeError) as info:
        UserGetAccountHistoryResponse(
            entries=[{"type": "Trade", "data": {"trade": {"price": "1"}}}]  # type: ignore[list-item]
        )

    assert info.value.path_to_item == ["UserGetAccountHistoryResponse", "entries", 0, "data", "trade", "price"]


def test_none_is_accepted_for_optional_fields() -> None:
    notification = Notification(id=None, is_read=None, created_ts=None, content=None)

    assert notification.id is None and notification.is_read is None and notification.content is None
    assert notification == Notification()


def test_none_for_a_required_field_is_refused() -> None:
    with pytest.raises(kalshi.ApiTypeError, match="subscription_level"):
        ChangeSubscriptionRequest(subscription_level=None)  # type: ignore[arg-type]


def test_string_timestamps_given_to_the_constructor_are_parsed() -> None:
    # Parsed at run time; the annotation names only datetime.
    deposit = DepositHistory(created_at="2021-11-02T14:03:07Z")  # type: ignore[arg-type]

    assert deposit.created_at == datetime(2021, 11, 2, 14, 3, 7, tzinfo=UTC)


# --------------------------------------------------------------------------- to_dict / from_dict


def test_to_dict_uses_python_names_and_plain_nested_containers() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": [_trade_wire(), _deposit_wire()]})

    plain = response.to_dict()

    assert type(plain) is dict and type(plain["entries"]) is list
    first = plain["entries"][0]
    assert type(first) is dict and type(first["data"]) is dict and type(first["data"]["trade"]) is dict
    assert first["type"] == "Trade"
    assert first["data"]["trade"]["price"] == 45
    assert first["data"]["trade"]["created_at"] == datetime(2021, 11, 2, 14, 3, 7, 123456, tzinfo=UTC)
    assert first["data"]["deposit"] is None
    assert "Trade" not in first["data"]
    assert plain["entries"][1]["data"]["deposit"]["deposit_type"] == "ach"


def test_to_dict_of_a_notification_list_field_is_a_list_of_dicts() -> None:
    response = UserGetNotificationsResponse.from_wire({"notifications": [_notification_wire(1)]})

    plain = response.to_dict()

    assert type(plain["notifications"]) is list
    assert plain["notifications"][0]["id"] == "id-1"
    assert plain["notifications"][0]["content"]["nested"] == {"k": [1, 2]}


def test_from_dict_reads_python_names() -> None:
    data = AccountHistoryEntryData.from_dict({"withdrawal": {"amount": 100, "status": "pending"}})

    assert data.withdrawal == WithdrawalHistory(amount=100, status="pending")


def test_from_dict_reads_wire_names() -> None:
    data = AccountHistoryEntryData.from_dict({"Withdrawal": {"amount": 100, "status": "pending"}})

    assert data.withdrawal == WithdrawalHistory(amount=100, status="pending")


def test_from_dict_of_to_dict_gives_back_an_equal_model() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": [_trade_wire(), _deposit_wire()]})

    assert UserGetAccountHistoryResponse.from_dict(response.to_dict()) == response


def test_from_dict_checks_types() -> None:
    with pytest.raises(kalshi.ApiTypeError, match="price"):
        TradeHistory.from_dict({"price": "1"})


def test_from_dict_missing_required_field_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="subscription_level"):
        ChangeSubscriptionRequest.from_dict({})


# --------------------------------------------------------------------------- wire names


@pytest.mark.parametrize(
    "python_name, wire_name, record",
    [
        ("deposit", "Deposit", DepositHistory(amount=1)),
        ("order", "Order", OrderHistory(price=2)),
        ("settlement", "Settlement", SettlementHistory(profit=3)),
        ("trade", "Trade", TradeHistory(fee=4)),
        ("withdrawal", "Withdrawal", WithdrawalHistory(fee=5)),
    ],
)
def test_history_entry_data_uses_the_capitalised_wire_names(python_name: str, wire_name: str, record: Any) -> None:
    data = AccountHistoryEntryData(**{python_name: record})

    assert data.to_wire() == {wire_name: record.to_wire()}
    assert AccountHistoryEntryData.from_wire({wire_name: record.to_wire()}) == data


def test_to_wire_leaves_out_unset_fields_and_writes_timestamps_as_rfc3339() -> None:
    deposit = DepositHistory(amount=5, created_at=datetime(2021, 11, 2, 14, 3, 7, 120000, tzinfo=UTC))

    assert deposit.to_wire() == {"amount": 5, "created_at": "2021-11-02T14:03:07.12Z"}


def test_to_wire_output_is_json_serializable() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": [_trade_wire(), _deposit_wire()]})

    assert json.loads(json.dumps(response.to_wire())) == response.to_wire()


# --------------------------------------------------------------------------- python protocol


def test_equality_compares_every_field() -> None:
    assert TradeHistory(price=5, fee=1) == TradeHistory(price=5, fee=1)
    assert TradeHistory(price=5, fee=1) != TradeHistory(price=5, fee=2)
    assert TradeHistory(price=5) != DepositHistory(amount=5)
    assert TradeHistory(price=5) != {"price": 5}


def test_equality_takes_unknown_fields_into_account() -> None:
    plain = TradeHistory.from_wire({"price": 5})
    with_extra = TradeHistory.from_wire({"price": 5, "new_field": 1})

    assert plain != with_extra
    assert with_extra == TradeHistory.from_wire({"price": 5, "new_field": 1})


def test_repr_is_readable() -> None:
    assert repr(SubscriptionPreference(subscription_level="all")) == "SubscriptionPreference(subscription_level='all')"
    assert repr(TradeHistory(price=5, is_yes=True)) == "TradeHistory(is_yes=True, price=5)"


def test_pformat_of_a_big_model_is_multi_line_and_names_the_classes() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": [_trade_wire(), _deposit_wire()] * 3})

    text = pprint.pformat(response)

    assert text.count("\n") > 10
    assert text.startswith("UserGetAccountHistoryResponse(")
    assert "TradeHistory(" in text and "DepositHistory(" in text
    assert all(len(line) <= 120 for line in text.splitlines())


@pytest.mark.parametrize("clone", [copy.copy, copy.deepcopy, lambda m: pickle.loads(pickle.dumps(m))])
def test_models_can_be_copied_and_pickled(clone: Any) -> None:
    wire = {"entries": [_trade_wire(), {**_deposit_wire(), "extra": [1]}], "cursor": "c"}
    notifications = {"notifications": [_notification_wire(1)]}

    for model, sent in (
        (UserGetAccountHistoryResponse.from_wire(wire), wire),
        (UserGetNotificationsResponse.from_wire(notifications), notifications),
    ):
        copied = clone(model)
        assert copied == model
        assert copied.to_wire() == sent


def test_model_fields_are_slots() -> None:
    trade = TradeHistory(price=5)
    with pytest.raises(AttributeError):
        trade.colour = "red"  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- unknown fields


def test_unknown_fields_are_kept_and_written_back_at_every_level() -> None:
    wire = {
        "entries": [
            {
                "type": "Trade",
                "data": {
                    "Trade": {"price": 45, "venue": "A"},
                    "Rebate": {"amount": 3},
                },
                "sequence": 17,
            }
        ],
        "cursor": "abc",
    }

    response = UserGetAccountHistoryResponse.from_wire(wire)

    assert response.to_wire() == wire
    assert response.additional_properties == {"cursor": "abc"}
    assert response.entries[0].additional_properties == {"sequence": 17}
    data = response.entries[0].data
    assert data is not None and data.trade is not None
    assert data.additional_properties == {"Rebate": {"amount": 3}}
    assert data.trade.additional_properties == {"venue": "A"}


def test_unknown_fields_inside_a_notification_list_are_kept() -> None:
    wire = {"notifications": [{**_notification_wire(1), "priority": "high"}], "total": 1}

    assert UserGetNotificationsResponse.from_wire(wire).to_wire() == wire


def test_null_in_optional_fields_is_fine() -> None:
    trade = TradeHistory.from_wire({"price": None, "created_at": None, "is_yes": None, "market_title": "m"})

    assert trade.price is None and trade.created_at is None and trade.is_yes is None
    assert trade.market_title == "m"
    assert trade.additional_properties == {}


# --------------------------------------------------------------------------- timestamps


@pytest.fixture
def new_york_local_time() -> Iterator[None]:
    """Run the test with the process's local zone set to America/New_York."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        assert time.strftime("%Z", time.localtime(0)) in ("EST", "EDT")  # the zone really applies
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.mark.usefixtures("new_york_local_time")
def test_z_means_utc_whatever_the_local_zone() -> None:
    deposit = DepositHistory.from_wire({"created_at": "2021-11-02T14:03:07Z"})

    assert deposit.created_at is not None and deposit.created_at.tzinfo is not None
    assert deposit.created_at.utcoffset() == timedelta(0)
    assert deposit.created_at == datetime(2021, 11, 2, 14, 3, 7, tzinfo=UTC)
    assert deposit.created_at.timestamp() == 1635861787
    assert deposit.to_wire() == {"created_at": "2021-11-02T14:03:07Z"}


@pytest.mark.usefixtures("new_york_local_time")
def test_timestamps_without_offset_are_utc_whatever_the_local_zone() -> None:
    deposit = DepositHistory.from_wire({"created_at": "2021-11-02T14:03:07"})

    assert deposit.created_at == datetime(2021, 11, 2, 14, 3, 7, tzinfo=UTC)


def test_offsets_are_preserved() -> None:
    deposit = DepositHistory.from_wire({"created_at": "2021-11-02T14:03:07.5+02:00"})

    assert deposit.created_at is not None
    assert deposit.created_at.utcoffset() == timedelta(hours=2)
    assert deposit.created_at == datetime(2021, 11, 2, 12, 3, 7, 500000, tzinfo=UTC)
    assert deposit.to_wire() == {"created_at": "2021-11-02T14:03:07.5+02:00"}


def test_negative_offsets_are_preserved() -> None:
    deposit = DepositHistory.from_wire({"updated_at": "2021-11-02T09:03:07-05:00"})

    assert deposit.updated_at is not None
    assert deposit.updated_at.utcoffset() == timedelta(hours=-5)
    assert deposit.to_wire() == {"updated_at": "2021-11-02T09:03:07-05:00"}


@pytest.mark.parametrize(
    "text, microsecond",
    [
        ("2021-11-02T14:03:07Z", 0),
        ("2021-11-02T14:03:07.1Z", 100000),
        ("2021-11-02T14:03:07.123Z", 123000),
        ("2021-11-02T14:03:07.123456Z", 123456),
        ("2021-11-02T14:03:07.123456789Z", 123456),  # Go writes nanoseconds; the rest is dropped
        ("2021-11-02T14:03:07.000000001Z", 0),
    ],
)
def test_fractions_of_any_length_parse(text: str, microsecond: int) -> None:
    settlement = SettlementHistory.from_wire({"settled_time": text})

    assert settlement.settled_time == datetime(2021, 11, 2, 14, 3, 7, microsecond, tzinfo=UTC)


def test_notification_created_ts_is_an_aware_datetime() -> None:
    notification = Notification.from_wire(_notification_wire(3))

    assert notification.created_ts == datetime(2021, 11, 3, 12, 0, tzinfo=UTC)


# --------------------------------------------------------------------------- NotificationList


def _notification_list() -> NotificationList:
    return NotificationList.from_wire([_notification_wire(1), _notification_wire(2, True), _notification_wire(3)])


def test_notification_list_has_a_length_and_iterates_notifications() -> None:
    notifications = _notification_list()

    assert len(notifications) == 3
    assert [n.id for n in notifications] == ["id-1", "id-2", "id-3"]
    assert all(isinstance(n, Notification) for n in notifications)
    assert isinstance(notifications, collections.abc.Sequence)


def test_notification_list_supports_indexing_and_slicing() -> None:
    notifications = _notification_list()

    assert notifications[1].is_read is True
    assert notifications[-1].id == "id-3"
    assert [n.id for n in notifications[:2]] == ["id-1", "id-2"]
    with pytest.raises(IndexError):
        notifications[3]


def test_notification_list_value_is_the_plain_list() -> None:
    notifications = _notification_list()

    assert type(notifications.value) is list
    assert notifications.value == list(notifications)


def test_notification_list_equals_a_list_with_the_same_notifications() -> None:
    notifications = _notification_list()

    assert notifications == [Notification.from_wire(_notification_wire(n, n == 2)) for n in (1, 2, 3)]
    assert notifications == _notification_list()
    assert notifications != notifications[:2]
    assert NotificationList() == []


def test_notification_list_can_be_built_from_dicts() -> None:
    notifications = NotificationList([{"id": "a", "is_read": True}])

    assert notifications == [Notification(id="a", is_read=True)]


def test_notifications_field_accepts_a_plain_list() -> None:
    # A plain list is accepted at run time; the annotation names only NotificationList.
    response = UserGetNotificationsResponse(notifications=[Notification(id="a")])  # type: ignore[arg-type]

    assert isinstance(response.notifications, NotificationList)
    assert response.notifications[0].id == "a"


def test_notification_list_round_trips_through_the_wire() -> None:
    wire = [_notification_wire(1), _notification_wire(2, True)]

    assert NotificationList.from_wire(wire).to_wire() == wire


# --------------------------------------------------------------------------- secrets


def test_login_request_repr_and_str_never_contain_the_password() -> None:
    request = LoginRequest(email="me@example.com", password=PASSWORD)

    for text in (repr(request), str(request), pprint.pformat(request), request.to_str()):
        assert PASSWORD not in text
        assert "me@example.com" in text
    assert request.password == PASSWORD
    assert request.to_wire() == {"email": "me@example.com", "password": PASSWORD}


def test_login_response_repr_and_str_never_contain_the_token() -> None:
    response = LoginResponse.from_wire({"token": TOKEN, "user_id": "u-1", "access_level": "full"})

    for text in (repr(response), str(response), pprint.pformat(response), response.to_str()):
        assert TOKEN not in text
        assert "u-1" in text
    assert response.token == TOKEN


def test_type_error_about_a_password_does_not_show_it() -> None:
    with pytest.raises(kalshi.ApiTypeError) as info:
        LoginRequest(email=["not", "a", "string"], password=PASSWORD)  # type: ignore[arg-type]

    assert PASSWORD not in str(info.value)


# --------------------------------------------------------------------------- wrong-typed responses


def test_wrong_typed_response_field_names_its_path() -> None:
    wire = {"entries": [_deposit_wire(), _trade_wire(), _trade_wire(price="45")]}

    with pytest.raises(kalshi.ApiTypeError) as info:
        UserGetAccountHistoryResponse.from_wire(wire)

    assert "entries[2].data.Trade.price" in str(info.value)
    assert info.value.path_to_item == ["entries", 2, "data", "Trade", "price"]
    assert isinstance(info.value, TypeError)


def test_check_false_keeps_the_raw_value() -> None:
    wire = {"entries": [_deposit_wire(), _trade_wire(), _trade_wire(price="45")]}

    response = UserGetAccountHistoryResponse.from_wire(wire, check=False)

    raw, checked = response.entries[2].data, response.entries[1].data
    assert raw is not None and raw.trade is not None and checked is not None and checked.trade is not None
    assert raw.trade.price == "45"
    assert checked.trade.price == 45


@pytest.mark.parametrize(
    "wire, path",
    [
        ({"entries": [{"data": {}}]}, "entries[0].type"),
        ({"entries": "none"}, "entries"),
        ({"entries": [_trade_wire(), {"type": 5}]}, "entries[1].type"),
        (
            {"entries": [{"type": "Deposit", "data": {"Deposit": {"created_at": "yesterday"}}}]},
            "entries[0].data.Deposit.created_at",
        ),
        ({"entries": [{"type": "Deposit", "data": []}]}, "entries[0].data"),
    ],
)
def test_response_type_errors_name_the_path(wire: Dict[str, Any], path: str) -> None:
    with pytest.raises(kalshi.ApiTypeError, match=path.replace("[", r"\[").replace("]", r"\]")):
        UserGetAccountHistoryResponse.from_wire(wire)


def test_wrong_typed_notification_field_names_its_path() -> None:
    wire = {"notifications": [_notification_wire(1), {**_notification_wire(2), "is_read": "no"}]}

    with pytest.raises(kalshi.ApiTypeError, match=r"notifications\[1\]\.is_read"):
        UserGetNotificationsResponse.from_wire(wire)


def test_check_false_keeps_an_unparseable_timestamp_as_text() -> None:
    deposit = DepositHistory.from_wire({"created_at": "yesterday"}, check=False)

    assert deposit.created_at == "yesterday"


def test_a_response_that_is_not_an_object_is_a_type_error() -> None:
    with pytest.raises(kalshi.ApiTypeError, match="GetNotificationPreferencesResponse"):
        GetNotificationPreferencesResponse.from_wire(["preferences"])


# --------------------------------------------------------------------------- conformance to the spec


def test_every_spec_schema_has_a_model_class() -> None:
    # The account part here; the whole spec is checked by test/codegen/test_spec_drift_models.py.
    assert set(MODEL_SCHEMAS) | {"JSONError"} <= set(kalshi.models.__all__)


@pytest.mark.parametrize("name", [n for n in MODEL_SCHEMAS if SCHEMAS[n]["type"] == "object"])
def test_model_wire_names_are_the_spec_properties(name: str) -> None:
    model = getattr(kalshi.models, name)

    assert set(model.attribute_map.values()) == set(SCHEMAS[name]["properties"])


@pytest.mark.parametrize("name", [n for n in MODEL_SCHEMAS if SCHEMAS[n].get("required")])
def test_each_required_spec_property_is_required_on_the_wire(name: str) -> None:
    model = getattr(kalshi.models, name)
    complete = _minimal_wire(SCHEMAS[name])
    model.from_wire(complete)  # every required property present: accepted
    for missing in SCHEMAS[name]["required"]:
        wire = {k: v for k, v in complete.items() if k != missing}
        with pytest.raises(kalshi.ApiTypeError, match=missing) as info:
            model.from_wire(wire)
        assert "missing" in str(info.value)


def _minimal_wire(schema: Dict[str, Any]) -> Any:
    """The smallest valid wire value for a spec schema: its required properties only."""
    if "$ref" in schema:
        return _minimal_wire(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]])
    kind = schema["type"]
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _minimal_wire(props[k]) for k in schema.get("required", ())}
    if kind == "array":
        return []
    if kind == "string":
        return "2021-01-01T00:00:00Z" if schema.get("format") == "date-time" else "text"
    return {"integer": 1, "boolean": True}[kind]


def test_json_error_model_has_the_error_header_fields() -> None:
    fields = set(SPEC["components"]["responses"]["JSONError"]["headers"])

    assert set(JSONError.attribute_map.values()) == fields
    assert JSONError.from_wire({"code": "c", "message": "m"}) == JSONError(code="c", message="m")


# --------------------------------------------------------------------------- property: wire round trip


def _canonical_timestamp(moment: datetime, microsecond: int, offset_minutes: int) -> str:
    """RFC 3339 as the SDK writes it: no fraction for whole seconds, trailing zeros trimmed."""
    text = moment.replace(microsecond=0, tzinfo=None).isoformat()
    if microsecond:
        text += "." + f"{microsecond:06d}".rstrip("0")
    if offset_minutes == 0:
        return text + "Z"
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"


_fractions = st.one_of(
    st.just(0),
    st.integers(1, 999).map(lambda ms: ms * 1000),  # 3 digits (fewer once trailing zeros go)
    st.integers(1, 999_999),  # 6 digits
)
_offsets = st.one_of(st.just(0), st.just(0), st.integers(-(23 * 60 + 59), 23 * 60 + 59))
timestamps = st.builds(
    _canonical_timestamp,
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    _fractions,
    _offsets,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
# Keys no schema uses: a server newer than this SDK.
unknown_keys = st.text(min_size=1, max_size=6).map(lambda s: "x-unknown-" + s)
int64 = st.integers(-(2**63), 2**63 - 1)


def _value_strategy(prop: Dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        target = SCHEMAS[name]
        return wire_strategy(name) if target.get("type") in ("object", "array") else _value_strategy(target)
    kind = prop["type"]
    if kind == "integer":
        return int64
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        return timestamps if prop.get("format") == "date-time" else st.text(max_size=12)
    if kind == "object":
        return st.dictionaries(st.text(max_size=6), json_values, max_size=3)
    if kind == "array":
        return st.lists(_value_strategy(prop["items"]), max_size=3)
    raise AssertionError(f"no strategy for {prop}")


def wire_strategy(name: str) -> st.SearchStrategy[Any]:
    """Wire JSON for spec schema ``name``, as a server might send it (unknown keys included)."""
    schema = SCHEMAS[name]
    if schema["type"] == "array":
        return st.lists(_value_strategy(schema["items"]), max_size=3)
    required = set(schema.get("required", ()))
    props = schema["properties"]
    known = st.fixed_dictionaries(
        {k: _value_strategy(v) for k, v in props.items() if k in required},
        optional={k: _value_strategy(v) for k, v in props.items() if k not in required},
    )
    extra = st.dictionaries(unknown_keys, json_values, max_size=2)
    return st.builds(lambda a, b: {**a, **b}, known, extra)


_PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize("name", MODEL_SCHEMAS)
@_PROPERTY_SETTINGS
@given(data=st.data())
def test_models_round_trip_through_their_wire_form(name: str, data: st.DataObject) -> None:
    model = getattr(kalshi.models, name)
    wire = data.draw(wire_strategy(name), label="wire")

    built = model.from_wire(wire)

    assert built.to_wire() == wire
    assert model.from_wire(json.loads(json.dumps(built.to_wire()))) == built


@pytest.mark.parametrize("name", [n for n in MODEL_SCHEMAS if SCHEMAS[n]["type"] == "object"])
@_PROPERTY_SETTINGS
@given(data=st.data())
def test_models_round_trip_through_to_dict(name: str, data: st.DataObject) -> None:
    model = getattr(kalshi.models, name)
    built = model.from_wire(data.draw(wire_strategy(name), label="wire"))

    assert model.from_dict(built.to_dict()) == built


_timestamp_parts = st.tuples(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30, 23, 59, 59)), _fractions, _offsets
)


@_PROPERTY_SETTINGS
@given(parts=_timestamp_parts)
def test_timestamps_parse_to_the_instant_and_offset_they_name(parts: Any) -> None:
    moment, microsecond, offset_minutes = parts
    expected = moment.replace(microsecond=microsecond, tzinfo=timezone(timedelta(minutes=offset_minutes)))

    parsed = DepositHistory.from_wire({"created_at": _canonical_timestamp(moment, microsecond, offset_minutes)})

    assert parsed.created_at == expected
    assert parsed.created_at.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("digits", range(1, 10))
@pytest.mark.parametrize("suffix", ["Z", "+00:00", "-04:00", ""])
def test_timestamps_with_any_fraction_length_parse_exactly(digits: int, suffix: str) -> None:
    from datetime import timedelta

    from kalshi.model_utils import parse_datetime

    fraction = "123456789"[:digits]
    value = parse_datetime(f"2021-11-02T13:44:27.{fraction}{suffix}")
    offset = timedelta(hours=-4) if suffix == "-04:00" else timedelta(0)
    assert value.utcoffset() == offset  # no offset at all means UTC
    assert value.microsecond == int((fraction + "000000")[:6])
    assert (value.year, value.month, value.day, value.hour, value.minute, value.second) == (2021, 11, 2, 13, 44, 27)
