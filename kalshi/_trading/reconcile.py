"""Which order, if any, a failed ``orders.create`` placed: the matching rule of ``orders.reconcile``.

An order of the exchange matches the error when it is on the same market, side and price, for the
same count (or fewer, when ``max_cost`` or ``sell_position_capped`` let the exchange place fewer),
was created at or after the time the order was sent, and is not one this client already handed out
(returned by ``orders.create`` or by an earlier ``reconcile``). Of several, the oldest is the one:
two failed orders sent one after the other are reconciled in their order.

The send time is this machine's clock; the exchange stamps orders with its own. The two are put on
one clock with the ``Date`` header of the exchange's answer to the reconcile (whole seconds, so the
window opens up to a second early, never late), with a margin of ``CLOCK_MARGIN`` for the rest.

The limit: two identical orders sent within that window (from this client or another) cannot be
told apart; reconcile returns the oldest one it has not returned before.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Iterable, Mapping, Optional

from kalshi._trading.state import KnownOrders
from kalshi.exceptions import OrderOutcomeUnknownError
from kalshi.model.order import Order

__all__ = ["CLOCK_MARGIN", "earliest_creation", "matching_order"]

CLOCK_MARGIN = timedelta(seconds=1)


def _exchange_date(headers: Mapping[str, str]) -> Optional[datetime]:
    value = headers.get("Date")
    if not value:
        return None
    from email.utils import parsedate_to_datetime  # on reconcile only

    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):  # not an HTTP date: fall back to this machine's clock
        return None
    return date if date.tzinfo is not None else date.replace(tzinfo=timezone.utc)


def earliest_creation(sent_at: datetime, headers: Mapping[str, str], received_at: datetime) -> datetime:
    """The earliest creation time, on the exchange's clock, of an order sent at ``sent_at``.

    ``headers`` are those of an answer received at ``received_at`` (this machine's clock).
    """
    date = _exchange_date(headers)
    offset = received_at - date if date is not None else timedelta(0)  # this clock minus the exchange's
    return sent_at - offset - CLOCK_MARGIN


def _same_order(order: Order, error: OrderOutcomeUnknownError) -> bool:
    placed = order.place_count
    if placed is None:
        return False
    # The exchange may place fewer contracts than asked when a cost cap or position cap applies.
    capped = error.max_cost is not None or error.sell_position_capped
    count_ok = placed == error.count or (capped and 0 < placed < error.count)
    return (
        count_ok
        and order.market_id == error.market_id
        and order.is_yes == (error.side == "yes")
        and order.price == error.price
    )


def matching_order(
    orders: Iterable[Order], error: OrderOutcomeUnknownError, earliest: datetime, known: KnownOrders
) -> Optional[Order]:
    """The oldest order of ``orders`` that matches ``error`` (see the module docstring), or None."""
    best: Optional[Order] = None
    for order in orders:
        created = order.create_ts
        if created is None or created < earliest or order.order_id in known or not _same_order(order, error):
            continue
        # Ties go to the later-listed order: the exchange lists newest first.
        if best is None or created <= best.create_ts:  # type: ignore[operator]  # set when best is
            best = order
    return best
