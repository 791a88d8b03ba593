"""``python -m kalshi demo``: a paper trade on the embedded simulated exchange, start to settlement.

A second simulated user, with a ``Kalshi`` client of its own, makes a market; the demo user lists
the markets, reads the book, buys, is filled, checks position, balance and fills (every call through
``kalshi.Kalshi``, by ticker); the exchange's set-up API settles the market; the demo user reads the
history and notifications that follow. Last, a market with simulated traders (a market maker and a
noise trader around a wandering fair price) moves for six simulated hours, hour by hour.
Everything goes over HTTP to 127.0.0.1 and takes well under a second; the output is the same every run.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from itertools import islice
from typing import Any, Callable, Mapping, Optional

from kalshi import Kalshi
from kalshi.cli.money import contracts, dollars, price
from kalshi.model.account_history_entry import AccountHistoryEntry
from kalshi.model.notification import Notification
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

__all__ = ["describe_entry", "describe_notification", "run"]

TICKER = "FED-21DEC-HIKE"
MOVING = "MOVING-DEMO"
HOURS = 6
MAKER_EMAIL = "maker@example.com"
MAKER_PASSWORD = "maker-password"  # noqa: S105 - a simulated user's password, not a secret
Out = Callable[[str], None]


def _side(is_yes: Optional[bool]) -> str:
    return "yes" if is_yes else "no"


def describe_entry(entry: AccountHistoryEntry) -> str:
    """One readable line for an account history entry, with amounts in dollars and prices in cents."""
    data = entry.data
    if data is None:
        return entry.type
    if data.deposit is not None:
        d = data.deposit
        return f"{d.created_at:%Y-%m-%d %H:%M}  Deposit     {dollars(d.amount):>10}  {d.deposit_type} {d.status}"
    if data.withdrawal is not None:
        w = data.withdrawal
        return f"{w.created_at:%Y-%m-%d %H:%M}  Withdrawal  {dollars(w.amount):>10}  {w.status}"
    if data.order is not None:
        o = data.order
        return (
            f"{o.created_at:%Y-%m-%d %H:%M}  Order       {contracts(o.original_count)} {_side(o.is_yes)} at "
            f"{price(o.price)}, {o.filled_count} filled  {o.market_title}"
        )
    if data.trade is not None:
        t = data.trade
        return (
            f"{t.created_at:%Y-%m-%d %H:%M}  Trade       {_side(t.is_yes)} at {price(t.price)}, "
            f"{dollars(t.amount)}, fee {dollars(t.fee)}  {t.market_title}"
        )
    if data.settlement is not None:
        s = data.settlement
        return (
            f"{s.settled_time:%Y-%m-%d %H:%M}  Settlement  {dollars(s.profit):>10} profit, "
            f"result {s.market_result}  {s.market_title}"
        )
    return entry.type


def describe_notification(notification: Notification) -> str:
    """One readable line for a notification (``*`` marks an unread one)."""
    content: Mapping[str, Any] = notification.content or {}
    kind = notification.type or ""
    if kind == "order_filled":
        what = f"{contracts(content.get('count'))} {_side(content.get('is_yes'))} at {price(content.get('price'))}"
    elif kind == "market_settled":
        what = f"result {content.get('market_result')}, profit {dollars(content.get('profit'))}"
    elif kind == "order_canceled":
        what = f"{contracts(content.get('count'))} canceled"
    elif "amount" in content:
        what = dollars(content.get("amount"))
    else:
        what = ""
    when = f"{notification.created_ts:%Y-%m-%d %H:%M}" if notification.created_ts else "-"
    mark = " " if notification.is_read else "*"
    return f"{mark} {when}  {kind:<15} {what}"


def _make_market(server: FakeKalshiServer, out: Out) -> None:
    """The counterparty: a second user quotes both sides through its own SDK client."""
    server.add_user(MAKER_EMAIL, MAKER_PASSWORD, balance=500_000, history=[], notifications=[])
    with Kalshi(MAKER_EMAIL, MAKER_PASSWORD, host=server.host) as maker:
        maker.orders.create(TICKER, side="yes", price=35, count=20)
        maker.orders.create(TICKER, side="no", price=38, count=20)
    out(
        f"1. A market maker ({MAKER_EMAIL}, a second simulated user with its own SDK client) quotes {TICKER}:\n"
        f"   it bids {price(35)} for yes and {price(38)} for no ({contracts(20)} each), "
        f"so yes is offered at {price(100 - 38)}."
    )


def _tour(server: FakeKalshiServer, client: Kalshi, out: Out) -> None:
    listed = client.markets.list()
    out(f"\n2. markets.list(): {len(listed)} markets; the first three:")
    for m in listed[:3]:
        out(
            f"   {m.ticker_name:<17} yes bid {price(m.yes_bid):>4}  yes ask {price(m.yes_ask):>4}  "
            f"last {price(m.last_price) if m.volume else '-':>4}  {m.title}"
        )

    book = client.markets.book(TICKER)
    out(f"\n3. The order book of {TICKER} (bids, best first):")
    for level in book.yes:
        out(f"   yes: {contracts(level.count)} at {price(level.price)}")
    for level in book.no:
        out(f"   no:  {contracts(level.count)} at {price(level.price)}  (yes offered at {price(100 - level.price)})")

    before = client.balance()
    order = client.orders.create(TICKER, side="yes", price=65, count=10)
    filled = order.taker_fill_count or 0
    paid = order.taker_fill_cost or 0
    each = paid // filled if filled else 0
    out(
        f"\n4. Buy {contracts(10)} yes at up to {price(65)}: {order.status}, filled {contracts(filled)} "
        f"at {price(each)} (the maker's price; {price(65 - each)} a contract saved), "
        f"cost {dollars(paid)}, fee {dollars(order.taker_fees)}"
    )

    position = client.positions.get(TICKER)
    out(
        f"\n5. Position: {contracts(position.position)} yes, cost {dollars(position.position_cost)}, "
        f"fees {dollars(position.fees_paid)}"
    )
    out(f"   Balance: {dollars(client.balance())} (was {dollars(before)})")
    fills = list(client.fills.list(TICKER))
    out(f"   Fills: {len(fills)}")
    for fill in fills:
        role = "taker" if fill.is_taker else "maker"
        what = f"{contracts(fill.count)} {_side(fill.is_yes)} at {price(fill.price)}"
        out(f"   {fill.create_date:%Y-%m-%d %H:%M}  {what}, {role}")

    server.settle(server.market_id(TICKER), "yes")  # the exchange's set-up API: the market resolves "yes"
    market = client.markets.get(TICKER)
    position = client.positions.get(TICKER)
    out(f"\n6. The market settles (server.settle): {TICKER} is {market.status}, result {market.result!r}")
    pnl, fees = position.realized_pnl or 0, position.fees_paid or 0
    out(
        f"   Paid out {dollars(100 * filled)} for {contracts(filled)}. Balance: "
        f"{dollars(client.balance())}; realized P&L {dollars(pnl)}, "
        f"fees {dollars(fees)}, net {dollars(pnl - fees)}"
    )

    history = client.account.history(limit=4)
    out("\n7. Account history, newest first (the settlement, the fill, the order as placed):")
    for entry in history.entries:
        out("   " + describe_entry(entry))

    out("\n8. Notifications, newest first (* unread):")
    for notification in islice(client.notifications.list(), 3):
        out("   " + describe_notification(notification))


def _moving_market(server: FakeKalshiServer, client: Kalshi, out: Out) -> None:
    """A market whose simulated traders move it as the clock advances, read hour by hour."""
    market_id = server.add_market(ticker=MOVING, title="A market that moves", fair_price={"start": 50, "volatility": 8})
    server.add_agent(market_id, "market_maker", spread=4, depth=20)
    server.add_agent(market_id, "noise_trader", mean_interval=30, max_size=5)
    out(
        f"\n9. A market that moves: {MOVING} gets simulated traders (server.add_agent), a market maker quoting\n"
        f"   {price(4)} wide around a fair price that wanders from {price(50)}, and a noise trader taking its quotes."
    )
    out(f"   {'time (UTC)':<16}  {'fair':>6}  {'last':>5} {'bid':>5} {'ask':>5}  {'volume':>6}")
    for _ in range(HOURS):
        server.advance_clock(3600)  # an hour of simulated trading
        m = client.markets.get(MOVING)
        out(
            f"   {_clock(server)}  {server.fair_price_of(market_id) or 0:5.1f}¢"
            f"  {price(m.last_price):>5} {price(m.yes_bid):>5} {price(m.yes_ask):>5}  {m.volume or 0:>6,}"
        )
    trades = [p.price for p in client.markets.history(MOVING).market_stats_points if p.price]
    out(f"   {len(trades)} trades in {HOURS} hours, from {price(min(trades))} to {price(max(trades))}.")


def _clock(server: FakeKalshiServer) -> str:
    return f"{datetime.fromtimestamp(server.now, tz=timezone.utc):%Y-%m-%d %H:%M}"


def _print(text: str) -> None:
    """``print``, but a terminal that cannot show "¢" (an ASCII locale) gets "c" instead of a crash."""
    try:
        print(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
        print(text.replace("¢", "c").encode(encoding, "replace").decode(encoding))


def run(out: Out = _print) -> int:
    """Run the tour, printing with ``out``; returns the exit code."""
    with FakeKalshiServer() as server:
        out(f"A simulated exchange is running at {server.host} (no network, no account needed).")
        _make_market(server, out)
        with Kalshi(DEMO_EMAIL, DEMO_PASSWORD, host=server.host) as client:
            out(f"\nThe demo user logs in as {DEMO_EMAIL} (user_id {client.user_id}).")
            _tour(server, client, out)
            _moving_market(server, client, out)
            client.api_client.logout()  # closing the client does not end the session: this does
    out("\nLogged out. Every call above went over HTTP to the simulated exchange on 127.0.0.1.")
    return 0
