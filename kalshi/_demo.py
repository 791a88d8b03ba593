"""``python -m kalshi demo``: a tour of every call against the embedded fake exchange."""

from __future__ import annotations

from typing import Callable, Optional

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.model.account_history_entry import AccountHistoryEntry
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.model.login_request import LoginRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer


def _money(cents: Optional[int]) -> str:
    if cents is None:
        return "-"
    return f"{'-' if cents < 0 else ''}${abs(cents) / 100:,.2f}"


def describe_entry(entry: AccountHistoryEntry) -> str:
    """One readable line for an account history entry."""
    data = entry.data
    if data is None:
        return entry.type
    if data.deposit is not None:
        d = data.deposit
        return f"{d.created_at:%Y-%m-%d %H:%M}  Deposit     {_money(d.amount):>10}  {d.deposit_type} {d.status}"
    if data.withdrawal is not None:
        w = data.withdrawal
        return f"{w.created_at:%Y-%m-%d %H:%M}  Withdrawal  {_money(w.amount):>10}  {w.status}"
    if data.order is not None:
        o = data.order
        side = "yes" if o.is_yes else "no"
        return (
            f"{o.created_at:%Y-%m-%d %H:%M}  Order       {o.original_count} {side} @ {o.price}¢"
            f"  filled {o.filled_count}  {o.market_title}"
        )
    if data.trade is not None:
        t = data.trade
        side = "yes" if t.is_yes else "no"
        return f"{t.created_at:%Y-%m-%d %H:%M}  Trade       {side} @ {t.price}¢, amount {t.amount}  {t.market_title}"
    if data.settlement is not None:
        s = data.settlement
        return (
            f"{s.settled_time:%Y-%m-%d %H:%M}  Settlement  {_money(s.profit):>10}  "
            f"result {s.market_result}  {s.market_title}"
        )
    return entry.type


def run(out: Callable[[str], None] = print) -> int:
    """Run the tour, printing with ``out``; returns the exit code."""
    with FakeKalshiServer() as server:
        out(f"Embedded fake exchange running at {server.host}")
        configuration = kalshi.Configuration(host=server.host)
        with kalshi.ApiClient(configuration) as api_client:
            login = AuthApi(api_client).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD))
            # The v1 API authenticates with "Authorization: <user_id> <token>".
            configuration.api_key["cookie"] = login.token
            configuration.api_key_prefix["cookie"] = login.user_id
            user_id = login.user_id
            out(f"Logged in as {DEMO_EMAIL}: user_id={user_id}, access_level={login.access_level}")

            account = AccountApi(api_client)
            prefs = account.get_notification_preferences(user_id)
            out(f"\n1. get_notification_preferences: subscription_level={prefs.preferences.subscription_level!r}")

            account.change_subscription(
                user_id, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic")
            )
            prefs = account.get_notification_preferences(user_id)
            out(f"2. change_subscription('basic'): now {prefs.preferences.subscription_level!r}")

            history = account.user_get_account_history(user_id, limit=8)
            out(f"\n3. user_get_account_history(limit=8): {len(history.entries)} entries, newest first")
            for entry in history.entries:
                out("   " + describe_entry(entry))
            trades = account.user_get_account_history(user_id, should_return_trades=True)
            out(f"   only trades (should_return_trades=True): {len(trades.entries)} entries")

            page = account.user_get_notifications(user_id, page_size=5, page_number=1)
            out(f"\n4. user_get_notifications(page_size=5, page_number=1): {len(page.notifications)} notifications")
            for n in page.notifications:
                mark = " " if n.is_read else "*"
                when = f"{n.created_ts:%Y-%m-%d %H:%M}" if n.created_ts else "-"
                out(f"   {mark} {when}  {n.type:<18} {n.id}")

            unread = next((n for n in page.notifications if not n.is_read), None)
            if unread is not None and unread.id is not None:
                account.notification_mark_read(user_id, unread.id)
                again = account.user_get_notifications(user_id, page_size=5, page_number=1)
                now = next(n for n in again.notifications if n.id == unread.id)
                out(f"\n5. notification_mark_read({unread.id}): is_read is now {now.is_read}")

            AuthApi(api_client).logout()
            out("\nLogged out. Every call above went over HTTP to the embedded fake exchange.")
    return 0
