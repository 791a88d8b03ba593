"""Order outcomes are never lost: a create that fails after sending raises OrderOutcomeUnknownError,
and ``orders.reconcile`` tells from the exchange whether it landed. Every fault is a real one on the
wire of the fake exchange (a reset after handling, a reset before, a 5xx, a late answer)."""

from __future__ import annotations

import http.client
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import List, TypedDict

import pytest

import kalshi
from kalshi.testing import FakeKalshiServer

from .trading_support import ALICE, TICKER, Desk, trader


class _Match(TypedDict):
    path_contains: str
    method: str


ORDERS: _Match = {"path_contains": "/orders", "method": "POST"}


def _posts(server: FakeKalshiServer) -> int:
    return sum(1 for r in server.requests if r.method == "POST" and r.raw_path.endswith("/orders"))


def _unknown(desk: Desk, **order: object) -> kalshi.OrderOutcomeUnknownError:
    arguments = {"side": "yes", "count": 3, "price": 30, **order}
    with pytest.raises(kalshi.OrderOutcomeUnknownError) as caught:
        desk.alice.orders.create(TICKER, **arguments)  # type: ignore[arg-type]
    return caught.value


@pytest.fixture
def ready(desk: Desk) -> Desk:
    desk.alice.markets.book(TICKER)  # the ticker is known
    desk.alice.balance()  # logged in
    desk.server.clear_requests()
    return desk


def test_a_landed_order_whose_answer_was_lost_is_found_by_reconcile_once(ready: Desk) -> None:
    ready.server.drop_response_next(**ORDERS)
    before = datetime.now(timezone.utc)

    error = _unknown(ready)

    assert isinstance(error, kalshi.ApiConnectionError)
    assert isinstance(error.__cause__, kalshi.ApiConnectionError)
    assert "reset" in str(error.__cause__)
    assert "reconcile" in str(error)
    assert (error.market, error.market_id, error.side, error.count, error.price) == (
        TICKER,
        ready.market_id,
        "yes",
        3,
        30,
    )
    assert (error.expiration_unix_ts, error.max_cost, error.sell_position_capped) == (None, None, False)
    assert before <= error.sent_at <= datetime.now(timezone.utc)
    assert _posts(ready.server) == 1  # sent once, never again
    (placed,) = ready.server.orders_of(ready.alice_id)

    found = ready.alice.orders.reconcile(error)

    assert found is not None
    assert found.order_id == placed["order_id"]
    assert (found.market_id, found.is_yes, found.price, found.place_count) == (ready.market_id, True, 30, 3)
    assert ready.alice.orders.reconcile(error) is None  # each order is handed out once
    assert _posts(ready.server) == 1


def test_an_order_reset_before_handling_did_not_land_and_reconcile_says_none(ready: Desk) -> None:
    ready.server.reset_next(**ORDERS)

    error = _unknown(ready)

    assert isinstance(error.__cause__, kalshi.ApiConnectionError)
    assert ready.server.orders_of(ready.alice_id) == []
    assert ready.alice.orders.reconcile(error) is None
    assert _posts(ready.server) == 1


def test_a_5xx_is_an_unknown_outcome_and_is_not_retried(desk: Desk) -> None:
    client = trader(desk.server, *ALICE, retries=3)  # retries GET and PUT; an order is never repeated
    try:
        client.markets.book(TICKER)
        desk.server.fail_next(status=503, **ORDERS)
        with pytest.raises(kalshi.OrderOutcomeUnknownError) as caught:
            client.orders.create(TICKER, side="no", count=2, price=55)

        cause = caught.value.__cause__
        assert isinstance(cause, kalshi.ServiceException) and cause.status == 503
        assert _posts(desk.server) == 1
        assert client.orders.reconcile(caught.value) is None  # the 503 was canned: nothing placed
    finally:
        client.close()


def test_a_timeout_after_sending_is_an_unknown_outcome_reconciled_once_the_exchange_acted(desk: Desk) -> None:
    client = trader(desk.server, *ALICE, timeout=(2, 0.3))
    try:
        client.markets.book(TICKER)
        client.balance()
        desk.server.delay_next(seconds=1.0, **ORDERS)  # the exchange handles it after the client gave up
        with pytest.raises(kalshi.OrderOutcomeUnknownError) as caught:
            client.orders.create(TICKER, side="yes", count=4, price=20)

        cause = caught.value.__cause__
        assert isinstance(cause, kalshi.ApiTimeoutError) and cause.budget == "read"
        _until(lambda: len(desk.server.orders_of(desk.alice_id)) == 1)
        found = client.orders.reconcile(caught.value)
        assert found is not None and found.place_count == 4
    finally:
        client.close()


def _until(condition: object, seconds: float = 10.0) -> None:
    """Wait for the fake exchange to reach a state (bounded), without asserting on time."""
    ends = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < ends, "the exchange never got there"
        time.sleep(0.02)


def test_an_unreadable_2xx_is_an_unknown_outcome(ready: Desk) -> None:
    ready.server.invalid_json_next(**ORDERS)

    error = _unknown(ready)

    assert isinstance(error.__cause__, kalshi.ApiDecodeError) and error.__cause__.status == 200


def test_a_refusal_stays_the_ordinary_exception(ready: Desk) -> None:
    with pytest.raises(kalshi.BadRequestException) as caught:
        ready.alice.orders.create(TICKER, side="yes", count=10_000, price=99)  # more than the balance
    assert not isinstance(caught.value, kalshi.OrderOutcomeUnknownError)

    ready.server.fail_next(status=400, **ORDERS)
    with pytest.raises(kalshi.BadRequestException):
        ready.alice.orders.create(TICKER, side="yes", count=1, price=10)
    assert ready.server.orders_of(ready.alice_id) == []


def test_an_error_before_sending_stays_the_ordinary_exception() -> None:
    with FakeKalshiServer() as server:
        host = server.host
    # Nothing listens there any more: the connection is refused, the order never left.
    client = kalshi.Kalshi("a@example.com", "password-1", host=host, retries=0)
    market_id = "0b5e3f6a-8d2c-4e71-9a0f-3c6d1e2b4a59"
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        client.with_options(timeout=1).orders.create(market_id, side="yes", count=1, price=10)
    assert not isinstance(caught.value, kalshi.OrderOutcomeUnknownError)
    assert "could not connect" in str(caught.value)
    client.close()


def test_two_identical_lost_orders_are_reconciled_one_each(ready: Desk) -> None:
    ready.server.drop_response_next(2, **ORDERS)
    first, second = _unknown(ready, count=2), _unknown(ready, count=2)

    found = [ready.alice.orders.reconcile(first), ready.alice.orders.reconcile(second)]

    ids: List[str] = [o.order_id for o in found if o is not None and o.order_id is not None]
    assert sorted(ids) == sorted(o["order_id"] for o in ready.server.orders_of(ready.alice_id))
    assert len(set(ids)) == 2
    assert ready.alice.orders.reconcile(first) is None


def test_an_identical_order_placed_before_is_not_mistaken_for_the_lost_one(ready: Desk) -> None:
    placed = ready.alice.orders.create(TICKER, side="yes", count=3, price=30)  # the same order, answered
    ready.server.reset_next(**ORDERS)

    error = _unknown(ready)

    assert [o["order_id"] for o in ready.server.orders_of(ready.alice_id)] == [placed.order_id]
    assert ready.alice.orders.reconcile(error) is None


def test_an_order_created_before_the_send_does_not_match(ready: Desk) -> None:
    # Another client of Alice's (which this one knows nothing of) places the identical order; the
    # exchange's clock moves on before this client's order is sent and lost.
    other = trader(ready.server, *ALICE)
    try:
        other.orders.create(TICKER, side="yes", count=3, price=30)
    finally:
        other.close()
    ready.server.advance_clock(60)
    ready.server.reset_next(**ORDERS)

    error = _unknown(ready)

    assert ready.alice.orders.reconcile(error) is None


def test_a_capped_order_matches_when_the_exchange_placed_fewer(ready: Desk) -> None:
    ready.server.drop_response_next(**ORDERS)

    error = _unknown(ready, count=10, price=50, max_cost=200)  # at most 4 contracts at 50

    found = ready.alice.orders.reconcile(error)
    assert found is not None and found.place_count == 4
    assert error.max_cost == 200


def test_the_fake_exchange_dates_its_answers_with_its_simulated_clock() -> None:
    with FakeKalshiServer() as server:
        server.advance_clock(3600.4)
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            connection.request("GET", "/v1/markets")
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        assert parsedate_to_datetime(response.headers["Date"]).timestamp() == int(server.now)


def test_drop_response_next_acts_on_the_request_then_resets_without_answering() -> None:
    with FakeKalshiServer() as server:
        server.drop_response_next(path_contains="/watchlist/", method="PUT")
        market_id = server.market_ids[0]
        client = kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0))
        try:
            client.login(kalshi.testing.DEMO_EMAIL, kalshi.testing.DEMO_PASSWORD)
            api = kalshi.UserApi(client)
            api.user_get_watchlist()  # not matched: answered
            with pytest.raises(kalshi.ApiConnectionError, match="reset"):
                api.user_add_watchlist(market_id=market_id)
            assert api.user_get_watchlist().watchlist.market_ids == [market_id]  # it took effect
            api.user_remove_watchlist(market_id=market_id)  # the fault was used up
        finally:
            client.close()
        assert server.errors == []


def test_an_answer_too_large_to_read_is_an_unknown_outcome_and_the_order_is_found(ready: Desk) -> None:
    small = ready.alice.with_options(max_response_size=64)  # the created order's answer is larger

    with pytest.raises(kalshi.OrderOutcomeUnknownError) as caught:
        small.orders.create(TICKER, side="no", count=7, price=35)

    assert isinstance(caught.value.__cause__, kalshi.ApiResponseTooLargeError)
    found = ready.alice.orders.reconcile(caught.value)
    assert found is not None and (found.is_yes, found.place_count, found.price) == (False, 7, 35)
