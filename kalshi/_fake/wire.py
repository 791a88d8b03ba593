"""Wire-format (v1 JSON) views of the engine's records: orders, fills, positions, history, notices."""

from __future__ import annotations

from .clock import rfc3339
from .ledger import Holding
from .orders import Fill, Order
from .responses import JsonDict


def order_wire(order: Order, queue_position: int = 0) -> JsonDict:
    """Return the v1 ``Order`` schema for ``order``."""
    wire: JsonDict = {
        "order_id": order.order_id,
        "user_id": order.user_id,
        "market_id": order.market_id,
        "is_yes": order.is_yes,
        "price": order.price,
        "status": order.status,
        "create_ts": rfc3339(order.created),
        "place_count": order.place_count,
        "remaining_count": order.remaining,
        "decrease_count": order.decrease_count,
        "maker_fill_count": order.maker_fill_count,
        "taker_fill_count": order.taker_fill_count,
        "taker_fill_cost": order.taker_fill_cost,
        "taker_fees": order.taker_fees,
        "close_cancel_count": 0,
        "fcc_cancel_count": 0,
        "extra_count": 0,
        "extra_cost": 0,
        "queue_position": queue_position,
        "last_update_op": order.last_update_op,
    }
    if order.expiration is not None:
        wire["expiration_ts"] = rfc3339(order.expiration)
    return wire


def public_trade_wire(fill: Fill) -> JsonDict:
    """Return the v1 ``PublicTrade`` schema; the price is in yes terms."""
    return {
        "trade_id": fill.trade_id,
        "market_id": fill.market_id,
        "price": fill.yes_price,
        "count": fill.count,
        "create_date": rfc3339(fill.ts),
    }


def user_trade_wire(fill: Fill, is_taker: bool) -> JsonDict:
    """Return the v1 ``UserTrade`` schema for one side of ``fill``."""
    order = fill.taker if is_taker else fill.maker
    return {
        "id": fill.trade_id,
        "market_id": fill.market_id,
        "order_id": order.order_id,
        "is_yes": order.is_yes,
        "is_taker": is_taker,
        "price": fill.taker_price if is_taker else order.price,
        "count": fill.count,
        "status": "executed",
        "create_date": rfc3339(fill.ts),
    }


def position_wire(user_id: str, market_id: str, holding: Holding, resting: int) -> JsonDict:
    """Return the v1 ``MarketPosition`` schema."""
    return {
        "user_id": user_id,
        "market_id": market_id,
        "position": holding.position,
        "position_cost": holding.position_cost,
        "realized_pnl": holding.realized_pnl,
        "fees_paid": holding.fees_paid,
        "total_cost": holding.total_cost,
        "volume": holding.volume,
        "resting_orders_count": resting,
        "final_position": holding.final_position,
        "final_position_cost": holding.final_position_cost,
    }


def history_entry(entry_type: str, record: JsonDict) -> JsonDict:
    """Wrap a record as an ``AccountHistoryEntry``."""
    return {"type": entry_type, "data": {entry_type: record}}


def order_history(order: Order, market_title: str, now: float) -> JsonDict:
    """Return an ``Order`` history entry with the order's counts as they are now."""
    filled = order.maker_fill_count + order.taker_fill_count
    return history_entry(
        "Order",
        {
            "market_id": order.market_id,
            "market_title": market_title,
            "is_yes": order.is_yes,
            "price": order.price,
            "original_count": order.place_count,
            "filled_count": filled,
            "remaining_count": order.remaining,
            "canceled_count": order.place_count - filled - order.remaining,
            "close_cancel_count": 0,
            "fcc_canceled_count": 0,
            "created_at": rfc3339(order.created),
            "updated_at": rfc3339(now),
        },
    )


def trade_history(fill: Fill, is_taker: bool, market_title: str) -> JsonDict:
    """Return a ``Trade`` history entry for one side of ``fill``; the maker's fee is 0."""
    order = fill.taker if is_taker else fill.maker
    price = fill.taker_price if is_taker else order.price
    return history_entry(
        "Trade",
        {
            "market_id": fill.market_id,
            "market_title": market_title,
            "is_yes": order.is_yes,
            "price": price,
            "amount": fill.count * price,
            "fee": fill.taker_fee if is_taker else 0,
            "created_at": rfc3339(fill.ts),
        },
    )


def cash_history(entry_type: str, cents: int, now: float) -> JsonDict:
    """Return a ``Deposit`` or ``Withdrawal`` history entry, applied at once."""
    record: JsonDict = {
        "amount": cents,
        "fee": 0,
        "returned_amount": 0,
        "status": "applied",
        "created_at": rfc3339(now),
        "updated_at": rfc3339(now),
    }
    if entry_type == "Deposit":
        record["deposit_type"] = "ach"
    return history_entry(entry_type, record)


def notification(
    notification_id: str, user_id: str, kind: str, content: JsonDict, link: str, now: float
) -> JsonDict:
    """Return an unread, delivered v1 ``Notification``."""
    return {
        "id": notification_id,
        "user_id": user_id,
        "type": kind,
        "content": content,
        "link": link,
        "is_read": False,
        "is_delivered": True,
        "created_ts": rfc3339(now),
    }
