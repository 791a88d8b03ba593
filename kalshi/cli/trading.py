"""The trading subcommands: markets, order books, orders, positions, balance, fills, portfolio.

Each returns plain data (the SDK models' ``to_dict()``), which ``output`` prints as JSON or hands
to the command's table in ``kalshi.cli.views``.
"""

from __future__ import annotations

import re
from typing import Callable, Mapping, Optional

from kalshi.api.market_api import MarketApi
from kalshi.api.portfolio_api import PortfolioApi
from kalshi.api.user_api import UserApi
from kalshi.cli.context import Context, Result
from kalshi.cli.errors import CliError
from kalshi.cli.progress import every_page
from kalshi.models import Market, OrderList, UserOrderCreateRequest, UserOrderDecreaseRequest, UserTradeList

__all__ = ["TRADING_COMMANDS", "is_market_id"]

# Orders and fills per request of `orders` and `fills` (the SDK iterators' default).
_PAGE_SIZE = 100

# Market ids are UUIDs; tickers never are, so one argument can take either.
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_market_id(text: str) -> bool:
    """True when ``text`` is a market id (a UUID) rather than a ticker."""
    return bool(_UUID.match(text))


def _market(ctx: Context, market: str) -> Market:
    api = MarketApi(ctx.client)
    if is_market_id(market):
        return api.get_market(market).market
    return api.get_market_by_ticker(market).market


def _market_id(ctx: Context, market: str) -> str:
    """The id of a ``MARKET`` argument: a ticker costs one look-up."""
    if is_market_id(market):
        return market
    found = _market(ctx, market).id
    if found is None:
        raise CliError(f"the exchange answered market {market} without an id")
    return found


def _market_filter(ctx: Context, market: Optional[str]) -> Optional[str]:
    return None if market is None else _market_id(ctx, market)


def markets(ctx: Context) -> Result:
    listed = MarketApi(ctx.client).get_markets().markets
    status: Optional[str] = ctx.args.status
    return [m.to_dict() for m in listed if status is None or m.status == status]


def market(ctx: Context) -> Result:
    return _market(ctx, ctx.args.market).to_dict()


def book(ctx: Context) -> Result:
    market_id = _market_id(ctx, ctx.args.market)
    levels = MarketApi(ctx.client).get_market_order_book_cached(market_id).order_book
    return {
        "market_id": market_id,
        "yes": [list(level) for level in levels.yes],
        "no": [list(level) for level in levels.no],
    }


def order(ctx: Context) -> Result:
    a = ctx.args
    market_id = _market_id(ctx, a.market)
    request = UserOrderCreateRequest(
        market_id=market_id,
        side=a.side,
        price=a.price,
        count=a.count,
        max_cost_cents=a.max_cost,
        expiration_unix_ts=a.expires,
        sell_position_capped=True if a.sell_position_capped else None,
    )
    # Sent at most once (the SDK never retries a create): see the command's help.
    return UserApi(ctx.client).user_order_create(ctx.user_id, user_order_create_request=request).to_dict()


def cancel(ctx: Context) -> Result:
    return UserApi(ctx.client).user_order_cancel(ctx.user_id, ctx.args.order_id).to_dict()


def decrease(ctx: Context) -> Result:
    request = UserOrderDecreaseRequest(count=ctx.args.by)
    api = UserApi(ctx.client)
    return api.user_order_decrease(ctx.user_id, ctx.args.order_id, user_order_decrease_request=request).to_dict()


def orders(ctx: Context) -> Result:
    a = ctx.args
    api = UserApi(ctx.client)
    market_id = _market_filter(ctx, a.market)
    status: Optional[str] = a.status

    def fetch(number: int) -> OrderList:
        return api.user_orders_get(
            ctx.user_id, market_id=market_id, status=status, page_size=_PAGE_SIZE, page_number=number
        ).orders

    return [o.to_dict() for o in every_page(fetch, ctx.progress, page_size=_PAGE_SIZE, what="orders")]


def positions(ctx: Context) -> Result:
    api = UserApi(ctx.client)
    market_id = _market_filter(ctx, ctx.args.market)
    if market_id is not None:
        return [api.user_get_market_position(ctx.user_id, market_id).market_position.to_dict()]
    return [p.to_dict() for p in api.user_get_market_positions(ctx.user_id).market_positions]


def balance(ctx: Context) -> Result:
    return {"balance": UserApi(ctx.client).user_get_balance(ctx.user_id).balance}


def fills(ctx: Context) -> Result:
    a = ctx.args
    api = UserApi(ctx.client)
    market_id = _market_filter(ctx, a.market)
    order_id: Optional[str] = a.order

    def fetch(number: int) -> UserTradeList:
        return api.user_trades_get(
            ctx.user_id, market_id=market_id, order_id=order_id, page_size=_PAGE_SIZE, page_number=number
        ).trades

    return [t.to_dict() for t in every_page(fetch, ctx.progress, page_size=_PAGE_SIZE, what="fills")]


def portfolio(ctx: Context) -> Result:
    values = PortfolioApi(ctx.client).user_get_portfolio_history(ctx.user_id).values
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
