"""Order and Fill, the records the matching engine creates; plain data, mutated by the engine only."""

from __future__ import annotations

from dataclasses import dataclass

RESTING = "resting"
CANCELED = "canceled"
EXECUTED = "executed"


@dataclass(eq=False)
class Order:
    """One order; ``price`` is what the order's side bids, in cents (1-99)."""

    order_id: str
    user_id: str
    market_id: str
    is_yes: bool
    price: int
    initial_count: int  # the count asked for
    place_count: int  # the count placed, after max_cost_cents / sell_position_capped
    remaining: int  # still resting; 0 once executed or canceled
    created: float
    expiration: float | None
    sequence: int  # time priority: lower is older
    status: str = RESTING
    updated: float = 0.0
    decrease_count: int = 0
    maker_fill_count: int = 0
    taker_fill_count: int = 0
    taker_fill_cost: int = 0
    taker_fees: int = 0
    last_update_op: str = "order_create"

    @property
    def reserved(self) -> int:
        """Cents this order still holds back from its owner's balance."""
        return self.remaining * self.price


@dataclass(frozen=True)
class Fill:
    """One execution between a taker and a resting maker order."""

    trade_id: str
    market_id: str
    ts: float
    count: int
    taker: Order
    maker: Order
    taker_price: int  # what the taker's side paid per contract: 100 - maker.price
    taker_fee: int

    @property
    def yes_price(self) -> int:
        """The trade's price in yes terms, as the public tape and last_price show it."""
        return self.taker_price if self.taker.is_yes else self.maker.price
