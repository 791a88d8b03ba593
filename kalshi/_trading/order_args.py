"""An order's arguments, checked before anything is sent.

Each refusal is an ``ApiTypeError`` (a value of the wrong kind: a bool is not a count) or an
``ApiValueError`` (out of range) that names the argument and what it may be.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import Literal, Optional, Union

from kalshi._trading.refs import id_of
from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model.order import Order

__all__ = ["check_count", "check_flag", "check_max_cost", "check_price", "check_side", "expiration_ts", "order_id_of"]

MIN_PRICE, MAX_PRICE = 1, 99  # cents: a contract pays 100 when it wins


def _int(value: object, name: str, allowed: str) -> int:
    # A bool is an int to Python, not a count or a price to a trader.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiTypeError(f"{name} must be an int {allowed}, got {type(value).__name__}", path_to_item=[name])
    return int(value)


def check_side(side: object) -> Literal["yes", "no"]:
    """``"yes"`` or ``"no"``, exactly (lower case)."""
    if isinstance(side, str) and side == "yes":
        return "yes"
    if isinstance(side, str) and side == "no":
        return "no"
    raise ApiValueError(f"side must be 'yes' or 'no', got {side!r}", path_to_item=["side"])


def check_price(price: object) -> int:
    """A price in cents, 1 to 99."""
    allowed = f"from {MIN_PRICE} to {MAX_PRICE} (cents)"
    value = _int(price, "price", allowed)
    if not MIN_PRICE <= value <= MAX_PRICE:
        raise ApiValueError(f"price must be {allowed}, got {value}", path_to_item=["price"])
    return value


def check_count(count: object, name: str = "count") -> int:
    """A number of contracts, at least 1."""
    value = _int(count, name, ">= 1 (contracts)")
    if value < 1:
        raise ApiValueError(f"{name} must be >= 1 (contracts), got {value}", path_to_item=[name])
    return value


def check_max_cost(max_cost: object) -> Optional[int]:
    """None, or the most the order may cost, in cents (at least 1)."""
    if max_cost is None:
        return None
    value = _int(max_cost, "max_cost", ">= 1 (cents) or None")
    if value < 1:
        raise ApiValueError(f"max_cost must be >= 1 (cents) or None, got {value}", path_to_item=["max_cost"])
    return value


def check_flag(value: object, name: str) -> bool:
    """True or False, nothing else."""
    if not isinstance(value, bool):
        raise ApiTypeError(f"{name} must be True or False, got {type(value).__name__}", path_to_item=[name])
    return value


def expiration_ts(expires: object, now: datetime) -> Optional[int]:
    """The order's expiration as unix seconds: from an aware datetime, a timedelta from ``now``, or None.

    It must be later than ``now`` (this machine's clock): an order that expired before it was sent
    would never rest. Rounded up to the second, so it is never earlier than asked for.
    """
    if expires is None:
        return None
    if isinstance(expires, timedelta):
        if expires <= timedelta(0):
            raise ApiValueError(
                f"expires must be a positive timedelta (from now), got {expires!r}", path_to_item=["expires"]
            )
        when = now + expires
    elif isinstance(expires, datetime):
        if expires.tzinfo is None or expires.utcoffset() is None:
            raise ApiValueError(
                "expires must be timezone-aware (e.g. datetime.now(timezone.utc) + ...), got a naive datetime",
                path_to_item=["expires"],
            )
        if expires <= now:
            raise ApiValueError(
                f"expires must be in the future, got {expires.astimezone(timezone.utc).isoformat()} "
                f"(now {now.isoformat()})",
                path_to_item=["expires"],
            )
        when = expires
    else:
        raise ApiTypeError(
            f"expires must be an aware datetime, a timedelta from now, or None, got {type(expires).__name__}",
            path_to_item=["expires"],
        )
    return math.ceil(when.timestamp())


def order_id_of(order: Union[Order, str]) -> str:
    """The id of ``order`` (an ``Order`` or an order id), refused before sending if it has none."""
    return id_of(order, Order, "order_id", "order")
