"""``client.orders``: place, change, list, wait for and reconcile your orders."""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone
from typing import Iterator, List, Literal, Optional, Union

from kalshi._call.paging import iter_pages
from kalshi._operations.user import (
    USER_ORDER_CANCEL,
    USER_ORDER_CREATE,
    USER_ORDER_DECREASE,
    USER_ORDERS_GET,
)
from kalshi._trading.caller import Resource
from kalshi._trading.order_args import (
    check_count,
    check_flag,
    check_max_cost,
    check_price,
    check_side,
    expiration_ts,
    order_id_of,
)
from kalshi._trading.outcome import unknown_outcome
from kalshi._trading.reconcile import earliest_creation, matching_order
from kalshi.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTypeError,
    ApiValueError,
    OrderOutcomeUnknownError,
    OrderWaitTimeoutError,
)
from kalshi.model.order import Order
from kalshi.model.user_order_create_request import UserOrderCreateRequest
from kalshi.model.user_order_decrease_request import UserOrderDecreaseRequest

__all__ = ["Orders", "OrderStatusFilter", "Side"]

Side = Literal["yes", "no"]
OrderStatusFilter = Literal["resting", "canceled", "executed"]
_STATUSES = ("resting", "canceled", "executed")
_PAGE_SIZE = 100


def _seconds(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ApiTypeError(f"{name} must be a number of seconds, got {type(value).__name__}", path_to_item=[name])
    if not math.isfinite(value) or value <= 0:
        raise ApiValueError(f"{name} must be a positive, finite number of seconds, got {value!r}", path_to_item=[name])
    return float(value)


class Orders(Resource):
    """Your orders: ``create``, ``cancel``, ``decrease``, ``list``, ``wait`` and ``reconcile``.

    ``market`` is a ticker or a market id; ``order`` an ``Order`` or an order id. Prices are in
    cents (1 to 99), counts in contracts.
    """

    __slots__ = ()

    def create(
        self,
        market: str,
        *,
        side: Side,
        count: int,
        price: int,
        expires: Union[datetime, timedelta, None] = None,
        max_cost: Optional[int] = None,
        sell_position_capped: bool = False,
    ) -> Order:
        """Place an order and return the created ``Order`` (resting, or executed if it crossed).

        Args:
            market: the market's ticker or id.
            side: ``"yes"`` or ``"no"``.
            count: contracts, at least 1.
            price: what you bid per contract for ``side``, in cents, 1 to 99.
            expires: when the order leaves the book: an aware ``datetime``, a ``timedelta`` from
                now, or None (good until canceled). It must be in the future.
            max_cost: the most the order may cost in cents; the exchange places fewer contracts
                rather than exceed it.
            sell_position_capped: place only as many contracts as close your opposite position.

        Every argument is checked before anything is sent (``ApiTypeError`` / ``ApiValueError``
        naming it). The order is sent once. If it fails after it may have reached the exchange
        (a timeout after sending, a connection reset or closed before the answer, a 5xx), this
        raises ``OrderOutcomeUnknownError``: ask ``reconcile(error)`` before sending it again.
        A refusal (4xx) raises the ordinary ``ApiException`` subclass: nothing was placed.

        Example::

            order = client.orders.create("FED-23DEC-T3.00", side="yes", count=10, price=40)
        """
        wire_side = check_side(side)
        price = check_price(price)
        count = check_count(count)
        max_cost = check_max_cost(max_cost)
        capped = check_flag(sell_position_capped, "sell_position_capped")
        expiration = None if expires is None else expiration_ts(expires, datetime.now(timezone.utc))
        caller = self._caller
        caller.log_in("orders.create()")  # first: no credentials means nothing is sent, not even a lookup
        market_id = caller.market_id(market)
        request = UserOrderCreateRequest(
            market_id=market_id,
            side=wire_side,
            price=price,
            count=count,
            expiration_unix_ts=expiration,
            max_cost_cents=max_cost,
            sell_position_capped=True if capped else None,
        )
        sent_at = datetime.now(timezone.utc)
        try:
            created = caller.call(USER_ORDER_CREATE, {"user_order_create_request": request}, "orders.create()")
        except (ApiConnectionError, ApiException) as err:
            unknown = unknown_outcome(err, market, request, sent_at)
            if unknown is None:
                raise
            raise unknown from err
        order: Order = created.order
        caller.state.known_orders.add(order.order_id)
        return order

    def cancel(self, order: Union[Order, str]) -> Order:
        """Cancel what is left of a resting order; return the ``Order`` after the change.

        A 400 (``BadRequestException``) when it is no longer resting, a 404 when it is not yours.
        """
        order_id = order_id_of(order)
        response = self._caller.call(USER_ORDER_CANCEL, {"order_id": order_id}, "orders.cancel()")
        changed: Order = response.order
        return changed

    def decrease(self, order: Union[Order, str], *, count: int) -> Order:
        """Take ``count`` contracts (at least 1) off a resting order; return the ``Order`` after it."""
        order_id = order_id_of(order)
        count = check_count(count)
        body = UserOrderDecreaseRequest(count=count)
        args = {"order_id": order_id, "user_order_decrease_request": body}
        changed: Order = self._caller.call(USER_ORDER_DECREASE, args, "orders.decrease()").order
        return changed

    def list(
        self,
        market: Optional[str] = None,
        *,
        status: Optional[OrderStatusFilter] = None,
        side: Optional[Side] = None,
    ) -> Iterator[Order]:
        """Your orders, newest first, every page, fetched lazily as you iterate.

        Args:
            market: only this market's (ticker or id).
            status: only ``"resting"``, ``"canceled"`` or ``"executed"`` ones.
            side: only ``"yes"`` or ``"no"`` ones.

        Arguments are checked (and a ticker resolved) now; pages are fetched as the iteration
        reaches them. Wrap it in ``list(...)`` to have them all.
        """
        if status is not None and status not in _STATUSES:
            raise ApiValueError(
                f"status must be one of {', '.join(_STATUSES)} or None, got {status!r}", path_to_item=["status"]
            )
        is_yes = None if side is None else check_side(side) == "yes"
        self._caller.log_in("orders.list()")
        market_id = None if market is None else self._caller.market_id(market)
        args = {"market_id": market_id, "status": status, "is_yes": is_yes}
        orders: Iterator[Order] = self._caller.pages(USER_ORDERS_GET, args, "orders", _PAGE_SIZE, "orders.list()")
        return orders

    def wait(self, order: Union[Order, str], *, timeout: float, poll: float = 1.0) -> Order:
        """Poll until the order is no longer resting (executed or canceled), and return it.

        Args:
            order: an ``Order`` or an order id (an ``Order`` is found faster: its market is known).
            timeout: seconds to wait at most.
            poll: seconds between two looks at the order (default 1).

        Raises ``OrderWaitTimeoutError`` (an ``ApiTimeoutError``) when ``timeout`` passes with the
        order still resting; its ``order`` is the last ``Order`` seen.
        """
        order_id = order_id_of(order)
        market_id = order.market_id if isinstance(order, Order) else None
        limit = _seconds(timeout, "timeout")
        interval = _seconds(poll, "poll")
        ends = time.monotonic() + limit
        while True:
            current = self._find(order_id, market_id)
            if current.status != "resting":
                return current
            left = ends - time.monotonic()
            if left <= 0:
                raise OrderWaitTimeoutError(f"order {order_id} is still resting after {limit:g} s", order=current)
            time.sleep(min(interval, left))

    def _find(self, order_id: str, market_id: Optional[str]) -> Order:
        args = {"market_id": market_id}
        for found in self._caller.pages(USER_ORDERS_GET, args, "orders", _PAGE_SIZE, "orders.wait()"):
            if found.order_id == order_id:
                return found  # type: ignore[no-any-return]  # the pages hold Orders
        raise ApiValueError(f"order {order_id!r} is not one of your orders", path_to_item=["order"])

    def reconcile(self, error: OrderOutcomeUnknownError) -> Optional[Order]:
        """The order a failed ``create`` placed, or None when it placed none.

        ``error`` is the ``OrderOutcomeUnknownError`` ``create`` raised. The exchange is asked
        for your orders on that market, side and price; the one that matches is returned:

        - same market, side, price and count (or fewer contracts, when ``max_cost`` or
          ``sell_position_capped`` let the exchange place fewer);
        - created at or after the time the order was sent (``error.sent_at``, put on the
          exchange's clock with the ``Date`` header of its answer, with a second's margin);
        - not already returned by ``create`` or by an earlier ``reconcile`` of this client, so
          each order is returned once; of several, the oldest.

        The limit: two identical orders sent within the same second cannot be told apart. And
        after a timeout the exchange may still be working on the request: None means it had
        not placed the order when asked; ask again later to be sure.
        """
        if not isinstance(error, OrderOutcomeUnknownError):
            raise ApiTypeError(
                f"error must be the OrderOutcomeUnknownError orders.create() raised, got {type(error).__name__}",
                path_to_item=["error"],
            )
        caller = self._caller
        args = {
            "market_id": error.market_id,
            "is_yes": error.side == "yes",
            "min_price": error.price,
            "max_price": error.price,
            "page_size": _PAGE_SIZE,
        }
        first = caller.call_with_headers(USER_ORDERS_GET, {**args, "page_number": 1}, "orders.reconcile()")
        received_at = datetime.now(timezone.utc)
        earliest = earliest_creation(error.sent_at, first.headers, received_at)

        def fetch(page: int) -> List[Order]:
            if page == 1:
                return list(first.data.orders)
            return list(caller.call(USER_ORDERS_GET, {**args, "page_number": page}, "orders.reconcile()").orders)

        orders = iter_pages(fetch, page_size=_PAGE_SIZE, what="orders.reconcile()")
        match = matching_order(orders, error, earliest, caller.state.known_orders)
        if match is not None:
            caller.state.known_orders.add(match.order_id)
        return match
