"""The trading subcommands: markets, order books, orders, positions, balance, fills, portfolio.

Each runs on the command's ``kalshi.Kalshi`` client (``ctx.trader``), which takes a ticker or a
market id wherever a market is named, and returns plain data (the SDK models' ``to_dict()``),
which ``output`` prints as JSON or hands to the command's table in ``kalshi.cli.views``.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Callable, Iterable, List, Mapping, Optional, TypeVar

from kalshi.api.user_api import UserApi
from kalshi.cli.context import Context, Result
from kalshi.cli.errors import CliError, describe
from kalshi.cli.progress import Progress
from kalshi.exceptions import OpenApiException, OrderOutcomeUnknownError
from kalshi.models import UserOrderDecreaseRequest

__all__ = ["TRADING_COMMANDS", "is_market_id"]

T = TypeVar("T")

# Orders and fills per request of `orders.list` and `fills.list` (the SDK's page size), for the
# progress line: a page has arrived when this many more items have.
_PAGE_SIZE = 100

# Market ids are UUIDs; tickers never are, so one argument can take either.
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_market_id(text: str) -> bool:
    """True when ``text`` is a market id (a UUID) rather than a ticker."""
    return bool(_UUID.match(text))


def _market_id(ctx: Context, market: str) -> str:
    """The id of a ``MARKET`` argument, for output that shows it (a ticker is looked up once)."""
    if is_market_id(market):
        return market
    found = ctx.trader.markets.get(market).id
    if found is None:
        raise CliError(f"the exchange answered market {market} without an id")
    return found


def _counted(items: Iterable[T], progress: Progress) -> List[T]:
    """Every item of a lazily paged list, showing ``page N, M entries`` as each page arrives."""
    every: List[T] = []
    try:
        for item in items:
            every.append(item)
            if len(every) % _PAGE_SIZE == 0:
                progress.page(_PAGE_SIZE)
        progress.page(len(every) % _PAGE_SIZE)  # the last page, short or empty
        return every
    finally:
        progress.clear()


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


def cancel(ctx: Context) -> Result:
    # The generated call: its answer says how many contracts were canceled (``reduced_by``), which
    # the Order that ``orders.cancel`` returns cannot tell.
    return UserApi(ctx.client).user_order_cancel(ctx.user_id, ctx.args.order_id).to_dict()


def decrease(ctx: Context) -> Result:
    request = UserOrderDecreaseRequest(count=ctx.args.by)
    api = UserApi(ctx.client)
    return api.user_order_decrease(ctx.user_id, ctx.args.order_id, user_order_decrease_request=request).to_dict()


def orders(ctx: Context) -> Result:
    a = ctx.args
    listed = ctx.trader.orders.list(a.market, status=a.status)
    return [o.to_dict() for o in _counted(listed, ctx.progress)]


def positions(ctx: Context) -> Result:
    market_name: Optional[str] = ctx.args.market
    if market_name is not None:
        return [ctx.trader.positions.get(market_name).to_dict()]
    return [p.to_dict() for p in ctx.trader.positions.list()]


def balance(ctx: Context) -> Result:
    return {"balance": ctx.trader.balance()}


def fills(ctx: Context) -> Result:
    a = ctx.args
    listed = ctx.trader.fills.list(a.market, order=a.order)
    return [t.to_dict() for t in _counted(listed, ctx.progress)]


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
