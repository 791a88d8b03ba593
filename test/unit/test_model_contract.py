"""The model contract at its edges: keywords, assignment, integer ranges and unchecked parsing.

Assignment follows the construction rules (the same per-field rule as ``Model(...)`` and
``from_dict``); unchecked parsing (``from_wire(x, check=False)``, ``_check_return_type=False``)
still returns an instance of the class, and writes back what it kept as it was received.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Callable, Dict

import pytest

import kalshi
from kalshi.apis import AccountApi, UserApi
from kalshi.models import (
    GetMarketOrderBookResponse,
    Order,
    OrderList,
    UserGetAccountHistoryResponse,
    UserOrderCreateRequest,
    UserOrdersGetResponse,
)
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


# --------------------------------------------------------------------------- keywords


@pytest.mark.parametrize("name", ["self", "cls", "kwargs"])
def test_any_unknown_keyword_is_an_api_type_error_naming_it(name: str) -> None:
    with pytest.raises(kalshi.ApiTypeError, match=f"unexpected keyword argument '{name}'") as info:
        Order(**{name: 1})  # type: ignore[arg-type]
    assert info.value.path_to_item == [name]


def test_a_positional_argument_is_an_api_type_error() -> None:
    with pytest.raises(kalshi.ApiTypeError, match="keyword arguments only"):
        Order(5)  # type: ignore[misc]


# --------------------------------------------------------------------------- assignment


def test_assignment_of_a_wrong_type_is_refused_and_keeps_the_old_value() -> None:
    order = Order(price=40)
    with pytest.raises(kalshi.ApiTypeError, match="'Order.price' is str, expected int") as info:
        order.price = "x"  # type: ignore[assignment]
    assert info.value.path_to_item == ["Order", "price"]
    assert order.price == 40
    assert order.to_wire() == {"price": 40}


def test_assignment_of_an_unknown_attribute_is_an_api_attribute_error() -> None:
    order = Order()
    with pytest.raises(kalshi.ApiAttributeError, match="Order has no field 'nope'") as info:
        order.nope = 1  # type: ignore[attr-defined]
    assert isinstance(info.value, AttributeError)
    assert info.value.path_to_item == ["nope"]
    with pytest.raises(kalshi.ApiAttributeError):
        order._extra = {"nope": 1}


def test_assignment_follows_the_construction_rules() -> None:
    order = Order()
    order.price = 41
    order.create_ts = "2021-11-02T14:03:07Z"  # type: ignore[assignment]  # text is read as at construction
    order.is_yes = None
    assert order.create_ts == datetime(2021, 11, 2, 14, 3, 7, tzinfo=timezone.utc)
    assert order.to_wire() == {"price": 41, "create_ts": "2021-11-02T14:03:07Z"}
    with pytest.raises(kalshi.ApiTypeError):
        order.is_yes = 1  # type: ignore[assignment]


def test_a_required_field_cannot_be_set_to_none_or_deleted() -> None:
    request = UserOrderCreateRequest(count=1, market_id="m", price=40, side="yes")
    with pytest.raises(kalshi.ApiTypeError, match="required but null"):
        request.count = None  # type: ignore[assignment]
    with pytest.raises(kalshi.ApiAttributeError, match="cannot be deleted"):
        del request.count
    assert request.count == 1


def test_decoded_models_check_assignment_too() -> None:
    response = UserOrdersGetResponse.from_wire({"orders": [{"price": 40, "order_id": "o-1"}]})
    order = response.orders[0]
    assert type(order) is Order and type(response) is UserOrdersGetResponse
    with pytest.raises(kalshi.ApiTypeError):
        order.price = "x"  # type: ignore[assignment]
    with pytest.raises(kalshi.ApiAttributeError):
        response.nope = 1  # type: ignore[attr-defined]
    unchecked = Order.from_wire({"price": "x"}, check=False)
    assert type(unchecked) is Order
    with pytest.raises(kalshi.ApiTypeError):
        unchecked.create_ts = 5  # type: ignore[assignment]


def test_assignment_on_a_model_from_a_call(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0)
    history = AccountApi(client).user_get_account_history(DEMO_USER_ID, limit=2)
    entry = history.entries[0]
    with pytest.raises(kalshi.ApiTypeError):
        entry.type = 5  # type: ignore[assignment]
    with pytest.raises(kalshi.ApiAttributeError):
        entry.nope = 5  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- integer ranges


@pytest.mark.parametrize(
    "build",
    [
        lambda v: Order(place_count=v),
        lambda v: Order.from_dict({"place_count": v}),
        lambda v: UserOrderCreateRequest(count=v, market_id="m", price=40, side="yes"),
    ],
)
def test_int32_fields_refuse_values_outside_int32(build: Callable[[int], Any]) -> None:
    assert build(INT32_MAX) is not None and build(-INT32_MAX - 1) is not None
    for value in (INT32_MAX + 1, -INT32_MAX - 2, 10**400):
        with pytest.raises(kalshi.ApiTypeError, match="int32"):
            build(value)


@pytest.mark.parametrize(
    "build",
    [
        lambda v: Order(price=v),
        lambda v: UserOrderCreateRequest(count=1, market_id="m", price=40, side="yes", expiration_unix_ts=v),
    ],
)
def test_int64_fields_refuse_values_outside_int64(build: Callable[[int], Any]) -> None:
    assert build(INT64_MAX) is not None and build(-INT64_MAX - 1) is not None
    for value in (INT64_MAX + 1, -INT64_MAX - 2, 10**400):
        with pytest.raises(kalshi.ApiTypeError, match="int64"):
            build(value)


def test_assignment_checks_the_range() -> None:
    order = Order()
    with pytest.raises(kalshi.ApiTypeError, match="int32"):
        order.place_count = 2**31
    with pytest.raises(kalshi.ApiTypeError, match="int64"):
        order.price = 10**400


def test_a_response_s_integers_are_read_as_sent() -> None:
    """The converter tests the type of an integer, not its range (documented: a range test per
    integer would cost it about a tenth of its time)."""
    response = UserOrdersGetResponse.from_wire({"orders": [{"price": 1}, {"price": 10**400}]})
    assert response.orders[1].price == 10**400
    assert response.to_wire() == {"orders": [{"price": 1}, {"price": 10**400}]}
    book = GetMarketOrderBookResponse.from_wire({"order_book": {"yes": [[10**400, 1]], "no": []}})
    assert book.order_book.yes[0].price == 10**400  # a price level's integers too
    with pytest.raises(kalshi.ApiResponseTypeError, match="place_count"):
        Order.from_wire({"place_count": True})


def test_a_request_body_with_an_out_of_range_integer_is_refused_before_sending(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0)
    wire = {"count": 2**31, "market_id": "m", "price": 40, "side": "yes"}
    body = UserOrderCreateRequest.from_wire(wire)  # read as sent, like a response
    with pytest.raises(kalshi.ApiValueError, match="count is outside the range of int32"):
        UserApi(client).user_order_create(DEMO_USER_ID, user_order_create_request=body)
    with pytest.raises(kalshi.ApiTypeError, match="int32"):
        UserApi(client).user_order_create(DEMO_USER_ID, user_order_create_request=wire)  # type: ignore[call-overload]
    assert server.requests == []


# --------------------------------------------------------------------------- unchecked parsing


@pytest.mark.parametrize("value", [5, None, "text", [1, 2], True])
def test_unchecked_parsing_of_a_wrong_top_level_shape_is_an_api_type_error(value: Any) -> None:
    with pytest.raises(kalshi.ApiTypeError, match="Order"):
        Order.from_wire(value, check=False)


@pytest.mark.parametrize("value", [5, None, {"orders": []}, "text"])
def test_unchecked_parsing_of_a_list_model_needs_an_array(value: Any) -> None:
    with pytest.raises(kalshi.ApiTypeError, match="OrderList"):
        OrderList.from_wire(value, check=False)


WRONG: Dict[str, Any] = {
    "orders": [
        None,
        5,
        {"price": "x", "create_ts": True, "place_count": "many", "status": 3, "order_id": "o-1"},
        {"price": 40, "create_ts": "not a time", "is_yes": "yes"},
    ]
}


def test_unchecked_parsing_keeps_and_writes_back_what_it_received() -> None:
    response = UserOrdersGetResponse.from_wire(json.loads(json.dumps(WRONG)), check=False)
    assert isinstance(response, UserOrdersGetResponse)
    assert response.to_wire() == WRONG
    as_dict = response.to_dict()
    assert as_dict["orders"][0] is None and as_dict["orders"][1] == 5
    assert as_dict["orders"][2]["create_ts"] is True and as_dict["orders"][3]["is_yes"] == "yes"
    assert "Order(" in repr(response) and "<table" in response._repr_html_()


def test_unchecked_parsing_of_nested_shapes_writes_them_back() -> None:
    book = {"order_book": {"yes": [[40, 2], "x", [1, 2, 3], None], "no": 5}}
    parsed = GetMarketOrderBookResponse.from_wire(json.loads(json.dumps(book)), check=False)
    assert parsed.to_wire() == book
    history = {"entries": [{"type": "Trade", "data": 7}, {"type": 5, "data": {"Trade": [1]}}, "x"]}
    kept = UserGetAccountHistoryResponse.from_wire(json.loads(json.dumps(history)), check=False)
    assert kept.to_wire() == history
    assert kept.to_dict()["entries"][2] == "x"
    assert kept.to_records() == [{"type": "Trade", "data": 7}, {"type": 5, "trade": [1]}, {}]
    not_a_list = UserGetAccountHistoryResponse.from_wire({"entries": 5}, check=False)
    assert not_a_list.to_wire() == {"entries": 5} and not_a_list.to_records() == []
    assert "0 rows" in not_a_list._repr_html_()


def test_check_return_type_false_still_returns_the_class_or_an_api_type_error(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0)
    server.respond_next(body=b"5")
    with pytest.raises(kalshi.ApiTypeError) as info:
        UserApi(client).user_orders_get(DEMO_USER_ID, _check_return_type=False)
    assert isinstance(info.value, kalshi.ApiException) and info.value.status == 200
    server.respond_next(body=json.dumps(WRONG).encode())
    kept = UserApi(client).user_orders_get(DEMO_USER_ID, _check_return_type=False)
    assert isinstance(kept, UserOrdersGetResponse)
    assert kept.to_wire() == WRONG
