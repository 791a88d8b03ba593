"""The trading subcommands: markets, order books, orders, positions, balance, fills, portfolio.

Each runs on the command's ``kalshi.Kalshi`` client (``ctx.trader``), which takes a ticker or a
market id wherever a market is named, and returns plain data (the SDK models' ``to_dict()``),
which ``output`` prints as JSON or hands to the command's table in ``kalshi.cli.views``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable, List, Mapping, Optional

from kalshi._common.ids import is_uuid
from kalshi.cli.context import Context, Result
from kalshi.cli.errors import CliError, describe
from kalshi.cli.grid import yes_no
from kalshi.cli.money import price
from kalshi.cli.prefixes import resolve
from kalshi.cli.progress import collect
from kalshi.exceptions import OpenApiException, OrderOutcomeUnknownError
from kalshi.models import Order

if TYPE_CHECKING:
    from kalshi._trading.orders import ChangedOrder

__all__ = ["TRADING_COMMANDS"]

# Orders and fills per request of `orders.list` and `fills.list` (the SDK's page size), for the
# progress line: a page has arrived when this many more items have.
_PAGE_SIZE = 100


def _market_id(ctx: Context, market: str) -> str:
    """The id of a ``MARKET`` argument, for output that shows it (a ticker is looked up once)."""
    if is_uuid(market):
        return market
    found = ctx.trader.markets.get(market).id
    if found is None:
        raise CliError(f"the exchange answered market {market} without an id")
    return found


def _order_id(ctx: Context, given: str, *, resting: bool) -> str:
    """The order an ``ORDER_ID`` argument names: a whole id, or the unique start of one of your orders' ids.

    ``cancel`` and ``decrease`` look among the resting orders only, the ones they can change.
    """

    def candidates() -> List[Order]:
        listed = ctx.trader.orders.list(status="resting" if resting else None)
        return collect(listed, ctx.progress, page_size=_PAGE_SIZE)

    def about(o: Order) -> str:
        return f"{ctx.names.market(o.market_id)}  {o.place_count} {yes_no(o.is_yes)} at {price(o.price)}  {o.status}"

    what = "resting order" if resting else "order"
    return resolve(given, candidates, lambda o: o.order_id or "", about, what=what)


def markets(ctx: Context) -> Result:
    status: Optional[str] = ctx.args.status
    return [m.to_dict() for m in ctx.trader.markets.list() if status is None or m.status == status]


def market(ctx: Context) -> Result:
    return ctx.trader.markets.get(ctx.args.market).to_dict()


def book(ctx: Context) -> Result:
    market_id = _market_id(ctx, ctx.args.market)
    levels = ctx.trader.markets.book(market_id)
    return {
        "market_id": market_id,
        "yes": [list(level) for level in levels.yes],
        "no": [list(level) for level in levels.no],
    }


def order(ctx: Context) -> Result:
    a = ctx.args
    expires = None if a.expires is None else datetime.fromtimestamp(a.expires, tz=timezone.utc)
    # Sent at most once (the SDK never retries a create): see the command's help.
    try:
        created = ctx.trader.orders.create(
            a.market,
            side=a.side,
            count=a.count,
            price=a.price,
            expires=expires,
            max_cost=a.max_cost,
            sell_position_capped=bool(a.sell_position_capped),
        )
    except OrderOutcomeUnknownError as error:
        cause = error.__cause__
        what = describe(cause) if isinstance(cause, OpenApiException) else type(cause).__name__
        raise CliError(
            f"{what}: the order may or may not have been placed; run `kalshi orders --market {a.market}` "
            "to see whether it landed before sending it again"
        ) from None
    return {"order": created.to_dict(), "status": created.status}


def _changed(order: ChangedOrder) -> Result:
    # The exchange's answer, as `kalshi order` prints its own: the order, and what the change took off.
    record = order.to_dict()
    reduced_by = record.pop("reduced_by")
    return {"order": record, "reduced_by": reduced_by}


def cancel(ctx: Context) -> Result:
    return _changed(ctx.trader.orders.cancel(_order_id(ctx, ctx.args.order_id, resting=True)))


def decrease(ctx: Context) -> Result:
    order_id = _order_id(ctx, ctx.args.order_id, resting=True)
    return _changed(ctx.trader.orders.decrease(order_id, count=ctx.args.count))


def orders(ctx: Context) -> Result:
    a = ctx.args
    listed = ctx.trader.orders.list(a.market, status=a.status)
    return [o.to_dict() for o in collect(listed, ctx.progress, page_size=_PAGE_SIZE, limit=a.limit)]


def positions(ctx: Context) -> Result:
    market_name: Optional[str] = ctx.args.market
    if market_name is not None:
        return [ctx.trader.positions.get(market_name).to_dict()]
    return [p.to_dict() for p in ctx.trader.positions.list()]


def balance(ctx: Context) -> Result:
    return {"balance": ctx.trader.balance()}


def fills(ctx: Context) -> Result:
    a = ctx.args
    order = None if a.order is None else _order_id(ctx, a.order, resting=False)
    listed = ctx.trader.fills.list(a.market, order=order)
    return [t.to_dict() for t in collect(listed, ctx.progress, page_size=_PAGE_SIZE, limit=a.limit)]


def portfolio(ctx: Context) -> Result:
    values = ctx.trader.portfolio.history().values
    return [v.to_dict() for v in values or []]


TRADING_COMMANDS: Mapping[str, Callable[[Context], Result]] = {
    "markets": markets,
    "market": market,
    "book": book,
    "order": order,
    "cancel": cancel,
    "decrease": decrease,
    "orders": orders,
    "positions": positions,
    "balance": balance,
    "fills": fills,
    "portfolio": portfolio,
}
