"""What each account subcommand does inside its log-in session, as plain data for ``output``.

The trading subcommands live in ``kalshi.cli.trading``; ``COMMANDS`` holds both.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, List, Mapping, Optional

from kalshi._call.paging import iter_pages
from kalshi.cli.context import Context, Result
from kalshi.cli.grid import when
from kalshi.cli.parser import MAX_PAGE_SIZE
from kalshi.cli.prefixes import resolve
from kalshi.cli.progress import collect
from kalshi.cli.trading import TRADING_COMMANDS
from kalshi.models import ChangeSubscriptionRequest, Notification, NotificationList

__all__ = ["COMMANDS", "Context", "Result"]


def login(ctx: Context) -> Result:
    """The log-in worked: who it is (never the token)."""
    return {"user_id": ctx.login.user_id, "access_level": ctx.login.access_level}


def logout(ctx: Context) -> Result:
    """Close the session now, reporting a failure (the session's own final log-out is then a no-op)."""
    ctx.client.logout()
    return {"ok": True, "user_id": ctx.user_id, "logged_out": True}


def history(ctx: Context) -> Result:
    a = ctx.args
    response = ctx.account.user_get_account_history(
        ctx.user_id,
        should_return_deposits=a.deposits,
        should_return_withdrawals=a.withdrawals,
        should_return_orders=a.orders,
        should_return_settlements=a.settlements,
        should_return_trades=a.trades,
        limit=a.limit,
    )
    return response.to_records()


def notifications(ctx: Context) -> Result:
    a = ctx.args
    if a.all or a.limit is not None:
        return NotificationList(_notifications_from(ctx, a.page_size, a.page, a.limit)).to_records()
    return ctx.account.user_get_notifications(ctx.user_id, a.page_size, a.page).to_records()


def _notifications_from(ctx: Context, page_size: int, start_page: int, limit: Optional[int]) -> List[Notification]:
    """The notifications of every page from ``start_page`` on, at most ``limit``, with a progress line."""

    def fetch(number: int) -> NotificationList:
        return ctx.account.user_get_notifications(ctx.user_id, page_size, number).notifications

    pages = iter_pages(fetch, page_size=page_size, start_page=start_page, what="notifications")
    return collect(pages, ctx.progress, page_size=page_size, limit=limit)


def mark_read(ctx: Context) -> Result:
    given: str = ctx.args.notification_id

    def about(n: Notification) -> str:
        read = "read" if n.is_read else "unread"
        return "  ".join(part for part in (when(n.created_ts), n.type or "", read) if part)

    candidates = partial(_notifications_from, ctx, MAX_PAGE_SIZE, 1, None)
    notification_id = resolve(given, candidates, lambda n: n.id or "", about, what="notification")
    ctx.account.notification_mark_read(ctx.user_id, notification_id)
    return {"ok": True, "notification_id": notification_id, "is_read": True}


def preferences(ctx: Context) -> Result:
    response = ctx.account.get_notification_preferences(ctx.user_id)
    return {"subscription_level": response.preferences.subscription_level}


def subscribe(ctx: Context) -> Result:
    level: str = ctx.args.level
    ctx.account.change_subscription(
        ctx.user_id, change_subscription_request=ChangeSubscriptionRequest(subscription_level=level)
    )
    return {"ok": True, "subscription_level": level}


# Every subcommand that runs in a log-in session ("demo" needs none and runs on its own).
COMMANDS: Mapping[str, Callable[[Context], Result]] = {
    "login": login,
    "logout": logout,
    "history": history,
    "notifications": notifications,
    "mark-read": mark_read,
    "preferences": preferences,
    "subscribe": subscribe,
    **TRADING_COMMANDS,
}
