"""Trading endpoints: create, list, decrease and cancel orders, and the user's fills."""

from __future__ import annotations

from .clock import LATEST
from .engine import Engine
from .errors import ApiError
from .gate import Gate, Route
from .orders import Fill, Order
from .params import (
    bool_field,
    int_field,
    json_object_body,
    page,
    parse_bool,
    parse_datetime,
    parse_int,
    parse_string,
    reject_unknown,
    reject_unknown_fields,
    required_int_field,
    string_field,
)
from .queries import Queries
from .recorded import RecordedRequest
from .responses import JsonDict, Response, json_response

_INT32_MAX = 2**31 - 1
_ORDER_FIELDS = ("market_id", "count", "side", "price", "expiration_unix_ts", "max_cost_cents", "sell_position_capped")
_ORDER_FILTERS = (
    "market_id",
    "is_yes",
    "min_price",
    "max_price",
    "min_place_count",
    "max_place_count",
    "min_initial_count",
    "max_initial_count",
    "min_remaining_count",
    "max_remaining_count",
    "min_date",
    "max_date",
    "get_queue_position",
    "status",
    "page_size",
    "page_number",
)
_FILL_FILTERS = (
    "market_id",
    "order_id",
    "MinPrice",
    "MaxPrice",
    "MinCount",
    "max_count",
    "min_date",
    "max_date",
    "page_size",
    "page_number",
)
_STATUSES = ("resting", "canceled", "executed")


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


class OrderRoutes:
    """The order endpoints, over the matching engine."""

    def __init__(self, engine: Engine, queries: Queries, gate: Gate) -> None:
        self._engine = engine
        self._queries = queries
        self._gate = gate

    def routes(self) -> list[Route]:
        """Return this group's route table."""
        user = ("v1", "users", "{user_id}")
        return [
            ((*user, "orders"), "POST", self._create),
            ((*user, "orders"), "GET", self._list),
            ((*user, "orders", "{order_id}"), "DELETE", self._cancel),
            ((*user, "orders", "{order_id}", "decrease"), "POST", self._decrease),
            ((*user, "trades"), "GET", self._fills),
        ]

    def _create(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """POST /users/{user_id}/orders: 201 with the order as placed and matched."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        body = json_object_body(request)
        reject_unknown_fields(body, _ORDER_FIELDS)
        market_id = string_field(body, "market_id")
        side = string_field(body, "side")
        if side not in ("yes", "no"):
            raise ApiError(400, "invalid_parameters", f"side must be 'yes' or 'no', got {side!r}")
        count = required_int_field(body, "count", 1, _INT32_MAX)
        price = required_int_field(body, "price", 1, 99)
        expiration = int_field(body, "expiration_unix_ts", 0, LATEST)  # RFC 3339 ends with the year 9999
        max_cost = int_field(body, "max_cost_cents", 0)
        capped = bool_field(body, "sell_position_capped")
        order = self._engine.place(
            user_id,
            market_id,
            side == "yes",
            price,
            count,
            expiration=float(expiration) if expiration else None,  # 0 means "never", as in the spec
            max_cost=max_cost,
            capped=bool(capped),
        )
        wire = self._queries.snapshot(order)
        return json_response(201, {"order": wire, "status": wire["status"]})

    def _list(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/orders: newest first, every status unless filtered."""
        user_id = self._gate.user(request, params)
        query = request.query
        reject_unknown(query, _ORDER_FILTERS)
        market_id = parse_string(query, "market_id")
        is_yes = parse_bool(query, "is_yes")
        status = parse_string(query, "status")
        if status is not None and status not in _STATUSES:
            raise ApiError(400, "invalid_parameters", f"status must be one of: {', '.join(_STATUSES)}")
        ranges = {
            "price": (parse_int(query, "min_price", 0), parse_int(query, "max_price", 0)),
            "place_count": (parse_int(query, "min_place_count", 0), parse_int(query, "max_place_count", 0)),
            "initial_count": (parse_int(query, "min_initial_count", 0), parse_int(query, "max_initial_count", 0)),
            "remaining": (parse_int(query, "min_remaining_count", 0), parse_int(query, "max_remaining_count", 0)),
            "created": (parse_datetime(query, "min_date"), parse_datetime(query, "max_date")),
        }
        queue = bool(parse_bool(query, "get_queue_position"))

        def keep(order: Order) -> bool:
            return (
                (market_id is None or order.market_id == market_id)
                and (is_yes is None or order.is_yes == is_yes)
                and (status is None or order.status == status)
                and all(_within(getattr(order, name), *bounds) for name, bounds in ranges.items())
            )

        orders = self._queries.orders(user_id, keep, queue)
        return json_response(200, {"orders": page(orders, query)})

    def _cancel(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """DELETE /users/{user_id}/orders/{order_id}: 200 with the order and how much was canceled."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        order, reduced = self._engine.cancel(user_id, params["order_id"])
        return json_response(200, self._changed(order, reduced))

    def _decrease(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """POST /users/{user_id}/orders/{order_id}/decrease: ``count`` is how many to take off."""
        user_id = self._gate.user(request, params)
        reject_unknown(request.query, ())
        body = json_object_body(request)
        reject_unknown_fields(body, ("count",))
        by = required_int_field(body, "count", 1, _INT32_MAX)
        order, reduced = self._engine.decrease(user_id, params["order_id"], by)
        return json_response(201, self._changed(order, reduced))

    def _changed(self, order: Order, reduced: int) -> JsonDict:
        return {"order": self._queries.snapshot(order), "reduced_by": reduced}

    def _fills(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        """GET /users/{user_id}/trades: the user's side of each execution, newest first."""
        user_id = self._gate.user(request, params)
        query = request.query
        reject_unknown(query, _FILL_FILTERS)
        market_id = parse_string(query, "market_id")
        order_id = parse_string(query, "order_id")
        prices = (parse_int(query, "MinPrice", 0), parse_int(query, "MaxPrice", 0))
        counts = (parse_int(query, "MinCount", 0), parse_int(query, "max_count", 0))
        dates = (parse_datetime(query, "min_date"), parse_datetime(query, "max_date"))

        def keep(fill: Fill, is_taker: bool) -> bool:
            order = fill.taker if is_taker else fill.maker
            price = fill.taker_price if is_taker else order.price
            return (
                (market_id is None or fill.market_id == market_id)
                and (order_id is None or order.order_id == order_id)
                and _within(price, *prices)
                and _within(fill.count, *counts)
                and _within(fill.ts, *dates)
            )

        return json_response(200, {"trades": page(self._queries.fills(user_id, keep), query)})
