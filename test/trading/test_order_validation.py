"""Bad order arguments are refused with a typed error naming them, and nothing reaches the exchange.

Every refusal is checked on ``server.request_count``: the client has logged in and resolved the
ticker first, so the only request a refused call could have sent is the order itself.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Tuple, Type

import pytest

import kalshi

from .trading_support import TICKER, Desk

VALID: Dict[str, Any] = {"side": "yes", "count": 5, "price": 40}
NOW = datetime.now(timezone.utc)

# (changed arguments, error class, text the message must hold)
REFUSALS: List[Tuple[Dict[str, Any], Type[Exception], str]] = [
    ({"side": "YES"}, kalshi.ApiValueError, "side must be 'yes' or 'no', got 'YES'"),
    ({"side": "buy"}, kalshi.ApiValueError, "side must be 'yes' or 'no'"),
    ({"side": True}, kalshi.ApiValueError, "side must be 'yes' or 'no', got True"),
    ({"price": 0}, kalshi.ApiValueError, "price must be from 1 to 99 (cents), got 0"),
    ({"price": 100}, kalshi.ApiValueError, "price must be from 1 to 99 (cents), got 100"),
    ({"price": -3}, kalshi.ApiValueError, "price must be from 1 to 99"),
    ({"price": 40.0}, kalshi.ApiTypeError, "price must be an int from 1 to 99 (cents), got float"),
    ({"price": True}, kalshi.ApiTypeError, "price must be an int from 1 to 99 (cents), got bool"),
    ({"price": "40"}, kalshi.ApiTypeError, "price must be an int from 1 to 99 (cents), got str"),
    ({"count": 0}, kalshi.ApiValueError, "count must be >= 1 (contracts), got 0"),
    ({"count": -5}, kalshi.ApiValueError, "count must be >= 1 (contracts), got -5"),
    ({"count": 2.5}, kalshi.ApiTypeError, "count must be an int >= 1 (contracts), got float"),
    ({"count": False}, kalshi.ApiTypeError, "count must be an int >= 1 (contracts), got bool"),
    ({"count": None}, kalshi.ApiTypeError, "count must be an int >= 1 (contracts), got NoneType"),
    ({"expires": NOW - timedelta(minutes=1)}, kalshi.ApiValueError, "expires must be in the future"),
    ({"expires": timedelta(seconds=-1)}, kalshi.ApiValueError, "expires must be a positive timedelta"),
    ({"expires": timedelta(0)}, kalshi.ApiValueError, "expires must be a positive timedelta"),
    ({"expires": datetime(2099, 1, 1)}, kalshi.ApiValueError, "expires must be timezone-aware"),
    ({"expires": 1_900_000_000}, kalshi.ApiTypeError, "expires must be an aware datetime, a timedelta from now"),
    ({"max_cost": 0}, kalshi.ApiValueError, "max_cost must be >= 1 (cents) or None, got 0"),
    ({"max_cost": True}, kalshi.ApiTypeError, "max_cost must be an int >= 1 (cents) or None, got bool"),
    ({"sell_position_capped": 1}, kalshi.ApiTypeError, "sell_position_capped must be True or False, got int"),
]


@pytest.fixture
def ready(desk: Desk) -> Desk:
    """Alice logged in with the ticker resolved: a refused order could only send the order itself."""
    desk.alice.markets.book(TICKER)
    assert desk.alice.balance() == 100_000
    desk.server.clear_requests()
    return desk


# Ids without the values: a datetime's would differ between the test processes of a parallel run.
@pytest.mark.parametrize(
    ("changes", "error", "text"), REFUSALS, ids=[f"{i}-{next(iter(r[0]))}" for i, r in enumerate(REFUSALS)]
)
def test_a_bad_order_argument_is_refused_before_sending(
    ready: Desk, changes: Dict[str, Any], error: Type[Exception], text: str
) -> None:
    with pytest.raises(error) as caught:
        ready.alice.orders.create(TICKER, **{**VALID, **changes})

    assert text in str(caught.value)
    assert caught.value.path_to_item == [next(iter(changes))]  # type: ignore[attr-defined]
    assert ready.server.request_count == 0
    assert ready.server.orders_of(ready.alice_id) == []


@pytest.mark.parametrize(
    ("market", "error"), [(5, kalshi.ApiTypeError), ("", kalshi.ApiValueError), (None, kalshi.ApiTypeError)]
)
def test_a_bad_market_is_refused_before_sending(ready: Desk, market: Any, error: Type[Exception]) -> None:
    with pytest.raises(error, match="market must be a ticker or a market id"):
        ready.alice.orders.create(market, **VALID)
    assert ready.server.request_count == 0


def test_a_refused_order_does_not_even_log_in(desk: Desk) -> None:
    with pytest.raises(kalshi.ApiValueError, match="price"):
        desk.alice.orders.create(TICKER, side="yes", count=1, price=0)
    assert desk.server.request_count == 0
    assert desk.server.login_count == 0


@pytest.mark.parametrize(
    ("count", "error", "text"),
    [
        (0, kalshi.ApiValueError, "count must be >= 1 (contracts), got 0"),
        (-2, kalshi.ApiValueError, "count must be >= 1 (contracts), got -2"),
        (True, kalshi.ApiTypeError, "count must be an int >= 1 (contracts), got bool"),
        (1.0, kalshi.ApiTypeError, "got float"),
    ],
)
def test_decrease_by_less_than_one_is_refused_before_sending(
    ready: Desk, count: Any, error: Type[Exception], text: str
) -> None:
    order = ready.alice.orders.create(TICKER, **VALID)
    ready.server.clear_requests()

    with pytest.raises(error) as caught:
        ready.alice.orders.decrease(order, count=count)

    assert text in str(caught.value)
    assert ready.server.request_count == 0
    assert ready.server.orders_of(ready.alice_id)[0]["remaining_count"] == 5


@pytest.mark.parametrize(
    ("call", "error", "text"),
    [
        (lambda c: c.orders.cancel(42), kalshi.ApiTypeError, "order must be an Order or its id (str), got int"),
        (lambda c: c.orders.cancel(""), kalshi.ApiValueError, "order must be an Order or its id, got ''"),
        (lambda c: c.orders.cancel(kalshi.models.Order()), kalshi.ApiValueError, "order has no order_id"),
        (lambda c: c.orders.list(status="open"), kalshi.ApiValueError, "status must be one of resting, canceled"),
        (lambda c: c.orders.list(side="Yes"), kalshi.ApiValueError, "side must be 'yes' or 'no'"),
        (lambda c: c.orders.wait("x", timeout=0), kalshi.ApiValueError, "timeout must be a positive, finite number"),
        (lambda c: c.orders.wait("x", timeout=1, poll=True), kalshi.ApiTypeError, "poll must be a number of seconds"),
        (lambda c: c.orders.reconcile(ValueError()), kalshi.ApiTypeError, "error must be the OrderOutcomeUnknownError"),
        (lambda c: c.fills.list(order=3), kalshi.ApiTypeError, "order must be an Order or its id (str), got int"),
        (lambda c: c.trades.list(date="07/12/2026"), kalshi.ApiValueError, "date must be 'YYYY-MM-DD'"),
        (lambda c: c.markets.history(TICKER, since=datetime(2021, 1, 1)), kalshi.ApiValueError, "timezone-aware"),
        (lambda c: c.account.history(deposits=True), kalshi.ApiTypeError, "unexpected filter 'deposits'"),
        (
            lambda c: c.notifications.mark_read(7),
            kalshi.ApiTypeError,
            "notification must be a Notification or its id (str), got int",
        ),
    ],
)
def test_other_bad_arguments_are_refused_before_sending(
    ready: Desk, call: Any, error: Type[Exception], text: str
) -> None:
    with pytest.raises(error) as caught:
        call(ready.alice)
    assert text in str(caught.value)
    assert ready.server.request_count == 0
