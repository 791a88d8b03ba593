"""What each account subcommand does inside its log-in session, as plain data for ``output``.

The trading subcommands live in ``kalshi.cli.trading``; ``COMMANDS`` holds both.
"""

from __future__ import annotations

from typing import Callable, Mapping

from kalshi.cli.context import Context, Result
from kalshi.cli.progress import every_page
from kalshi.cli.trading import TRADING_COMMANDS
from kalshi.models import ChangeSubscriptionRequest, NotificationList

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
    page_size: int = a.page_size
    page: int = a.page
    if a.all:

        def fetch(number: int) -> NotificationList:
            return ctx.account.user_get_notifications(ctx.user_id, page_size, number).notifications

        every = every_page(fetch, ctx.progress, page_size=page_size, start_page=page, what="notifications --all")
        return NotificationList(every).to_records()
    return ctx.account.user_get_notifications(ctx.user_id, page_size, page).to_records()


def mark_read(ctx: Context) -> Result:
    notification_id: str = ctx.args.notification_id
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
