"""The rules behind ``OrderOutcomeUnknownError`` and ``orders.reconcile``, on errors and data made here.

Which transport failures certainly sent nothing (``kalshi._transport.sent``), and how reconcile puts the
send time on the exchange's clock and picks the order (``kalshi._trading.reconcile``). The same
rules run over real faults in test/trading/test_order_outcomes.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Optional

import pytest
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ProtocolError, ReadTimeoutError

from kalshi._trading.reconcile import CLOCK_MARGIN, earliest_creation, matching_order
from kalshi._trading.state import KnownOrders
from kalshi._transport.sent import may_have_been_sent
from kalshi.exceptions import ApiConnectionError, ApiTimeoutError, OrderOutcomeUnknownError
from kalshi.models import Order

SENT = datetime(2026, 12, 7, 9, 30, 0, 250_000, tzinfo=timezone.utc)
MARKET = "0b5e3f6a-8d2c-4e71-9a0f-3c6d1e2b4a59"


def _error(cls: type = ApiConnectionError, cause: Optional[BaseException] = None, **kw: object) -> ApiConnectionError:
    error: ApiConnectionError = cls("failed", **kw)
    error.__cause__ = cause  # as the transport raises it: ``raise ... from err``
    return error


@pytest.mark.parametrize(
    ("error", "sent"),
    [
        (_error(cause=NewConnectionError(None, "refused")), False),  # type: ignore[arg-type]
        (_error(cause=MaxRetryError(None, "/", NewConnectionError(None, "refused"))), False),  # type: ignore[arg-type]
        (_error(ApiTimeoutError, ConnectTimeoutError("slow"), budget="connect"), False),
        (_error(ApiTimeoutError, None, budget="rate_limit"), False),
        (_error(ApiTimeoutError, ConnectTimeoutError("slow"), budget="deadline"), False),
        (_error(ApiTimeoutError, ReadTimeoutError(None, "/", "slow"), budget="read"), True),  # type: ignore[arg-type]
        (_error(ApiTimeoutError, ReadTimeoutError(None, "/", "slow"), budget="deadline"), True),  # type: ignore[arg-type]
        (_error(ApiTimeoutError, None, budget="deadline"), True),  # an earlier attempt may have gone out
        (_error(cause=ProtocolError("reset")), True),
        (_error(), True),  # nothing tells: assume it went out
    ],
)
def test_only_a_failure_that_certainly_sent_nothing_is_not_sent(error: ApiConnectionError, sent: bool) -> None:
    assert may_have_been_sent(error) is sent


def test_the_send_time_is_put_on_the_exchanges_clock_by_its_date_header() -> None:
    received = SENT + timedelta(seconds=2)
    # The exchange's clock is an hour behind this one; its Date is whole seconds.
    date = (received - timedelta(hours=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    earliest = earliest_creation(SENT, {"Date": date}, received)
    behind = SENT - timedelta(hours=1)
    assert behind - CLOCK_MARGIN - timedelta(seconds=1) <= earliest <= behind - CLOCK_MARGIN
    # No Date, or one that is not a date: this machine's clock, with the margin.
    assert earliest_creation(SENT, {}, received) == SENT - CLOCK_MARGIN
    assert earliest_creation(SENT, {"Date": "yesterday"}, received) == SENT - CLOCK_MARGIN


def _order(order_id: str, created: datetime, *, count: int = 3, price: int = 30, is_yes: bool = True) -> Order:
    return Order(order_id=order_id, market_id=MARKET, is_yes=is_yes, price=price, place_count=count, create_ts=created)


def _unknown(count: int = 3, max_cost: Optional[int] = None) -> OrderOutcomeUnknownError:
    return OrderOutcomeUnknownError(
        "lost",
        market="T",
        market_id=MARKET,
        side="yes",
        count=count,
        price=30,
        expiration_unix_ts=None,
        max_cost=max_cost,
        sell_position_capped=False,
        sent_at=SENT,
    )


def test_the_oldest_matching_order_created_since_the_send_wins_and_known_ones_never_do() -> None:
    later, latest = SENT + timedelta(seconds=1), SENT + timedelta(seconds=2)
    orders = [
        _order("newest", latest),
        _order("other-price", later, price=31),
        _order("other-side", later, is_yes=False),
        _order("other-count", later, count=4),
        _order("before", SENT - timedelta(seconds=5)),
        _order("oldest", later),
    ]
    known = KnownOrders()
    found = matching_order(orders, _unknown(), SENT, known)
    assert found is not None and found.order_id == "oldest"
    known.add("oldest")
    found = matching_order(orders, _unknown(), SENT, known)
    assert found is not None and found.order_id == "newest"
    known.add("newest")
    assert matching_order(orders, _unknown(), SENT, known) is None


def test_a_capped_order_may_have_been_placed_for_fewer() -> None:
    orders = [_order("fewer", SENT, count=2)]
    assert matching_order(orders, _unknown(count=5), SENT, KnownOrders()) is None
    found = matching_order(orders, _unknown(count=5, max_cost=60), SENT, KnownOrders())
    assert found is not None and found.order_id == "fewer"
