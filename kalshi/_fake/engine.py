"""The matching engine: every change of exchange state happens here, under the exchange's one lock.

Routes and the public set-up API call these methods (reads go through ``queries.Queries``). Each
one runs inside ``atomic``: it takes the lock, first applies what the simulated clock has passed
(orders whose ``expiration_unix_ts`` it reached expire, markets whose close date it reached close),
and then applies the change to the book, the ledger, the market statistics and the users' history
and notifications together, so no reader ever sees half of it. Refusals raise ``ApiError`` (a
400/404 JSONError on the wire) before anything has changed; any other error undoes what the change
did so far (see ``undo.UndoLog``), so the exchange is left exactly as it was.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from .accounts import Account, Accounts
from .book import Book
from .clock import LATEST, SimulatedClock, rfc3339
from .errors import ApiError
from .ids import Ids
from .ledger import Ledger, taker_fee
from .markets import ACTIVE, CLOSED, SETTLED, Market, RangedMarket
from .orders import CANCELED, EXECUTED, RESTING, Fill, Order
from .responses import JsonDict
from .undo import UndoLog
from .wire import (
    cash_history,
    history_entry,
    notification,
    order_history,
    trade_history,
)


def _bad(message: str, code: str = "invalid_parameters") -> ApiError:
    return ApiError(400, code, message)


def _due(heap: list[tuple[float, int, str]], now: float) -> bool:
    """Tell whether the earliest event of a (time, sequence, id) heap is at or before ``now``."""
    return bool(heap) and heap[0][0] <= now


def _check_cents(cents: object, name: str) -> None:
    """Refuse an amount that is not an int: a float or bool balance would break every client."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"{name} must be an int number of cents, got {type(cents).__name__}")


class Engine:
    """Markets, books, orders, fills and the ledger of one fake exchange."""

    def __init__(self, lock: threading.RLock, accounts: Accounts, clock: SimulatedClock, ids: Ids) -> None:
        self.lock = lock
        self.accounts = accounts
        self.clock = clock
        self.ids = ids
        self.ledger = Ledger(clock.now, self._last_price)
        self.exchange_active = True
        self.trading_active = True
        self.markets: dict[str, Market] = {}
        self.tickers: dict[str, str] = {}  # ticker -> market id
        self.ranged: dict[str, RangedMarket] = {}
        self.books: dict[str, Book] = {}
        self.orders: dict[str, Order] = {}
        self.user_orders: dict[str, list[Order]] = {}  # oldest first
        self.tape: list[Fill] = []  # oldest first
        self.user_fills: dict[str, list[tuple[Fill, bool]]] = {}  # (fill, is_taker), oldest first
        self._expiries: list[tuple[float, int, str]] = []  # heap of (expiration, sequence, order id)
        self._closings: list[tuple[float, int, str]] = []  # heap of (close date, sequence, market id)
        self._next_sequence = 0
        self._undo: UndoLog | None = None  # the undo log of the change in progress

    @contextmanager
    def atomic(self) -> Iterator[UndoLog]:
        """Hold the lock for an all-or-nothing change; an error inside undoes everything it changed.

        A block inside another joins the outer one, so a whole request is undone together.
        """
        with self.lock:
            if self._undo is not None:
                yield self._undo
                return
            undo = self._undo = UndoLog()
            try:
                yield undo
            except BaseException:
                undo.rollback()
                raise
            finally:
                self._undo = None

    def _sequence(self) -> int:
        """Return the next time-priority sequence number."""
        sequence = self._next_sequence
        self._next_sequence += 1
        return sequence

    def _restorer(self) -> Callable[[], None]:
        """Return a function that puts the ids, sequence numbers, ledger totals, orders and tape back."""
        rewind_ids = self.ids.restorer()
        sequence, totals = self._next_sequence, dict(vars(self.ledger))
        orders, tape = len(self.orders), len(self.tape)

        def restore() -> None:
            rewind_ids()
            self._next_sequence = sequence
            vars(self.ledger).update(totals)
            while len(self.orders) > orders:
                self.orders.popitem()
            del self.tape[tape:]

        return restore

    # -- users and cash ----------------------------------------------------------

    def add_user(self, account: Account, balance: int) -> None:
        """Register ``account`` with an opening ``balance`` (counted as a deposit, not in history)."""
        _check_cents(balance, "balance")
        if balance < 0:
            raise ValueError("balance must be >= 0")
        with self.atomic():
            account.created = self.clock.now()
            self.accounts.add_user(account)
            self.ledger.open(account.user_id)
            self.user_orders[account.user_id] = []
            self.user_fills[account.user_id] = []
            if balance:
                self.ledger.deposit(account.user_id, balance)

    def deposit(self, user_id: str, cents: int) -> None:
        """Credit ``cents`` (> 0) and write the Deposit history entry and notification."""
        _check_cents(cents, "cents")
        if cents <= 0:
            raise ValueError("cents must be > 0")
        with self.atomic() as undo:
            self.sweep()
            self._require_user(user_id)
            self._keep(undo, None, (), (user_id,))
            self.ledger.deposit(user_id, cents)
            now = self.clock.now()
            self._history(user_id, cash_history("Deposit", cents, now))
            self._notify(user_id, "deposit_applied", {"amount": cents}, "/portfolio/history")

    def withdraw(self, user_id: str, cents: int) -> None:
        """Debit ``cents`` (> 0, at most the available balance) with history and notification."""
        _check_cents(cents, "cents")
        if cents <= 0:
            raise ValueError("cents must be > 0")
        with self.atomic() as undo:
            self.sweep()
            self._require_user(user_id)
            available = self.ledger.wallets[user_id].available
            if cents > available:
                raise ValueError(f"cannot withdraw {cents} cents: only {available} available")
            self._keep(undo, None, (), (user_id,))
            self.ledger.withdraw(user_id, cents)
            now = self.clock.now()
            self._history(user_id, cash_history("Withdrawal", cents, now))
            self._notify(user_id, "withdrawal_applied", {"amount": cents}, "/portfolio/history")

    # -- markets -----------------------------------------------------------------

    def add_market(self, market: Market) -> None:
        """List ``market`` (its id and ticker must be new) with an empty book; it closes at ``market.close``."""
        with self.atomic() as undo:
            if market.ticker in self.tickers:
                raise ValueError(f"ticker {market.ticker!r} is already listed")
            undo.call(self, self._restorer)
            undo.keep((id(self), "listing"), added=(self.markets, self.tickers, self.books))
            undo.copied(self._closings)
            self.markets[market.market_id] = market
            self.tickers[market.ticker] = market.market_id
            self.books[market.market_id] = Book()
            market.add_stats_point(market.created, 0, 100)
            heapq.heappush(self._closings, (market.close, self._sequence(), market.market_id))

    def add_ranged(self, ranged: RangedMarket) -> None:
        """Register a ranged market group."""
        with self.lock:
            self.ranged[ranged.ranged_id] = ranged

    def close_market(self, market_id: str) -> None:
        """Stop trading a market before its close date; its resting orders are canceled."""
        with self.atomic() as undo:
            self.sweep()
            market = self.known_market(market_id)
            if market.status != ACTIVE:
                raise ValueError(f"market {market.ticker} is already {market.status}")
            self._close(undo, market)

    def settle(self, market_id: str, result: str) -> None:
        """Settle an active or closed market: cancel its book, pay 100 cents per winning contract, tell holders."""
        if not isinstance(result, str):
            raise TypeError(f"result must be a str, got {type(result).__name__}")
        if result not in ("yes", "no"):
            raise ValueError("result must be 'yes' or 'no'")
        with self.atomic() as undo:
            self.sweep()
            market = self.known_market(market_id)
            if market.status == SETTLED:
                raise ValueError(f"market {market.ticker} is already settled")
            holders = [user_id for user_id in self.ledger.wallets if self.ledger.held(user_id, market_id).position]
            self._keep(undo, market, self.books[market_id].resting(), holders)
            self._cancel_all(market, "market_settle")
            now = self.clock.now()
            for user_id in holders:
                holding, _payout, profit = self.ledger.settle(user_id, market_id, result == "yes")
                position, cost = holding.final_position, holding.final_position_cost
                self._history(
                    user_id,
                    history_entry(
                        "Settlement",
                        {
                            "market_id": market_id,
                            "market_title": market.title,
                            "market_result": result,
                            "yes_count": max(position, 0),
                            "no_count": max(-position, 0),
                            "yes_total_cost": cost if position > 0 else 0,
                            "no_total_cost": cost if position < 0 else 0,
                            "profit": profit,
                            "determined_time": rfc3339(now),
                            "settled_time": rfc3339(now),
                        },
                    ),
                )
                content = {"market_title": market.title, "market_result": result, "profit": profit}
                self._notify(user_id, "market_settled", content, "/markets/" + market_id)
            market.status = SETTLED
            market.result = result
            market.open_interest = 0
            market.add_stats_point(now, 0, 100)

    def set_status(self, exchange_active: bool, trading_active: bool) -> None:
        """Set the flags GET /exchange/status reports; either one off refuses new orders."""
        with self.atomic():
            self.exchange_active = exchange_active
            self.trading_active = trading_active

    def advance_clock(self, seconds: float) -> None:
        """Move the simulated clock; expire the orders and close the markets whose time it passes."""
        with self.atomic():
            self.clock.advance(seconds)
            self.sweep()

    # -- orders ------------------------------------------------------------------

    def place(
        self,
        user_id: str,
        market_id: str,
        is_yes: bool,
        price: int,
        count: int,
        *,
        expiration: float | None = None,
        max_cost: int | None = None,
        capped: bool = False,
    ) -> Order:
        """Match a new order in price-time priority and rest what is left; return the order."""
        with self.atomic() as undo:
            self.sweep()
            market = self.known_market(market_id)
            if not (self.exchange_active and self.trading_active):
                paused = "the exchange is not active" if not self.exchange_active else "trading is paused"
                raise _bad(f"{paused}: no new orders are accepted", "trading_paused")
            if market.status != ACTIVE:
                raise _bad(f"market {market.ticker} is {market.status}", "market_closed")
            now = self.clock.now()
            if expiration is not None and not now < expiration <= LATEST:
                raise _bad(f"expiration_unix_ts must be in the future and at most {LATEST} (the year 9999)")
            placed = count
            if max_cost is not None:
                placed = min(placed, max_cost // price)
            if capped:
                position = self.ledger.held(user_id, market_id).position
                placed = min(placed, max(-position if is_yes else position, 0))
            if placed < 1:
                raise _bad("nothing to place: max_cost_cents or sell_position_capped leave 0 contracts")
            book = self.books[market_id]
            planned = book.matches(is_yes, price, placed)
            filled = sum(quantity for _, quantity in planned)
            cost = (placed - filled) * price + sum(
                quantity * (100 - maker.price) + taker_fee(quantity, 100 - maker.price)
                for maker, quantity in planned
            )
            available = self.ledger.wallets[user_id].available
            if cost > available:
                raise _bad(f"insufficient balance: the order costs {cost} cents, {available} available",
                           "insufficient_balance")
            makers = [maker for maker, _ in planned]
            self._keep(undo, market, makers, (user_id,), ((is_yes, price),))
            if expiration is not None:
                undo.copied(self._expiries)
            quote = self.quote(market_id)
            order = Order(
                order_id=self.ids.uuid(),
                user_id=user_id,
                market_id=market_id,
                is_yes=is_yes,
                price=price,
                initial_count=count,
                place_count=placed,
                remaining=placed,
                created=now,
                updated=now,
                expiration=expiration,
                sequence=self._sequence(),
            )
            self.orders[order.order_id] = order
            self.user_orders[user_id].append(order)
            self._history(user_id, order_history(order, market.title, now))
            for maker, quantity in planned:
                self._fill(market, order, maker, quantity, now)
            if order.remaining:
                book.add(order)
                self.ledger.reserve(user_id, order.reserved)
                if expiration is not None:
                    heapq.heappush(self._expiries, (expiration, order.sequence, order.order_id))
            else:
                order.status = EXECUTED
            self._quote_moved(market, quote)
            return order

    def decrease(self, user_id: str, order_id: str, by: int) -> tuple[Order, int]:
        """Reduce a resting order's remaining count by up to ``by``; return it and the reduction."""
        with self.atomic() as undo:
            self.sweep()
            order = self._own_resting_order(user_id, order_id)
            market = self.markets[order.market_id]
            self._keep(undo, market, (order,))
            quote = self.quote(order.market_id)
            reduced = min(by, order.remaining)
            if reduced == order.remaining:
                self.books[order.market_id].remove(order)
                order.status = CANCELED
            order.remaining -= reduced
            order.decrease_count += reduced
            self._touch(order, "order_decrease")
            self.ledger.release(user_id, reduced * order.price, "decrease")
            self._history(user_id, order_history(order, market.title, order.updated))
            self._quote_moved(market, quote)
            return order, reduced

    def cancel(self, user_id: str, order_id: str) -> tuple[Order, int]:
        """Cancel the rest of a resting order; return it and how many contracts were canceled."""
        with self.atomic() as undo:
            self.sweep()
            order = self._own_resting_order(user_id, order_id)
            market = self.markets[order.market_id]
            self._keep(undo, market, (order,))
            quote = self.quote(order.market_id)
            reduced = order.remaining
            self._cancel(order, market, "order_cancel", notify=False)
            self._quote_moved(market, quote)
            return order, reduced

    # -- internals (callers hold the lock) -------------------------------------------

    def known_market(self, market_id: str) -> Market:
        """Return a listed market, or raise a 404 ApiError."""
        market = self.markets.get(market_id)
        if market is None:
            raise ApiError(404, "not_found", f"no market with id {market_id!r}")
        return market

    def _require_user(self, user_id: str) -> None:
        if user_id not in self.ledger.wallets:
            raise KeyError(f"unknown user {user_id!r}")

    def _own_resting_order(self, user_id: str, order_id: str) -> Order:
        order = self.orders.get(order_id)
        if order is None or order.user_id != user_id:
            raise ApiError(404, "not_found", f"no order with id {order_id!r}")
        if not self.exchange_active:
            raise _bad("the exchange is not active", "exchange_inactive")
        if order.status != RESTING:
            raise _bad(f"order {order_id} is {order.status}, not resting", "order_not_resting")
        return order

    def _fill(self, market: Market, taker: Order, maker: Order, quantity: int, now: float) -> None:
        """Execute ``quantity`` contracts between ``taker`` and the resting ``maker``."""
        price = 100 - maker.price
        fee = taker_fee(quantity, price)
        fill = Fill(self.ids.uuid(), market.market_id, now, quantity, taker, maker, price, fee)
        maker.remaining -= quantity
        maker.maker_fill_count += quantity
        self._touch(maker, "order_fill")
        if maker.remaining == 0:
            self.books[market.market_id].remove(maker)
            maker.status = EXECUTED
        taker.remaining -= quantity
        taker.taker_fill_count += quantity
        taker.taker_fill_cost += quantity * price
        taker.taker_fees += fee
        market.trade_at(fill.yes_price)  # positions are valued at the trade's price from here on
        closed_taker = self.ledger.buy(taker.user_id, market.market_id, taker.is_yes, quantity, price, fee, False)
        closed_maker = self.ledger.buy(maker.user_id, market.market_id, maker.is_yes, quantity, maker.price, 0, True)
        market.open_interest += quantity - closed_taker.pairs - closed_maker.pairs
        self.tape.append(fill)
        yes_bid, yes_ask = self.quote(market.market_id)
        market.record_trade(now, quantity, fill.yes_price, yes_bid, yes_ask)
        for order, is_taker in ((taker, True), (maker, False)):
            self.user_fills[order.user_id].append((fill, is_taker))
            self._history(order.user_id, trade_history(fill, is_taker, market.title))
            content = {
                "market_title": market.title,
                "count": quantity,
                "price": price if is_taker else maker.price,
                "is_yes": order.is_yes,
            }
            self._notify(order.user_id, "order_filled", content, "/markets/" + market.market_id)

    def _cancel(self, order: Order, market: Market, op: str, notify: bool) -> None:
        """Cancel the rest of a resting order and release its reservation."""
        self.books[order.market_id].remove(order)
        reserved = order.reserved
        count = order.remaining
        order.remaining = 0
        order.status = CANCELED
        self._touch(order, op)
        self.ledger.release(order.user_id, reserved, "cancel")
        self._history(order.user_id, order_history(order, market.title, order.updated))
        if notify:
            content = {"market_title": market.title, "count": count}
            self._notify(order.user_id, "order_canceled", content, "/markets/" + market.market_id)

    def _cancel_all(self, market: Market, op: str) -> None:
        for order in self.books[market.market_id].resting():
            self._cancel(order, market, op, notify=True)

    def _close(self, undo: UndoLog, market: Market) -> None:
        """Close an active market: cancel its resting orders and refuse new ones."""
        self._keep(undo, market, self.books[market.market_id].resting())
        self._cancel_all(market, "market_close")
        market.status = CLOSED

    def sweep(self) -> None:
        """Apply what the clock has passed, oldest first: expire orders, close markets at their close date."""
        now = self.clock.now()
        if not (_due(self._expiries, now) or _due(self._closings, now)):
            return  # the common case, checked without opening a change
        with self.atomic() as undo:
            undo.copied(self._expiries)
            undo.copied(self._closings)
            while True:
                expiry = self._expiries[0] if _due(self._expiries, now) else None
                closing = self._closings[0] if _due(self._closings, now) else None
                if expiry is not None and (closing is None or expiry <= closing):
                    self._expire(undo, heapq.heappop(self._expiries)[2])
                elif closing is not None:
                    market = self.markets[heapq.heappop(self._closings)[2]]
                    if market.status == ACTIVE:
                        self._close(undo, market)
                else:
                    return

    def _expire(self, undo: UndoLog, order_id: str) -> None:
        """Cancel what is left of an order whose expiration the clock reached."""
        order = self.orders[order_id]
        if order.status == RESTING:
            market = self.markets[order.market_id]
            self._keep(undo, market, (order,))
            quote = self.quote(order.market_id)
            self._cancel(order, market, "order_expire", notify=True)
            self._quote_moved(market, quote)

    def _keep(
        self,
        undo: UndoLog,
        market: Market | None,
        orders: Iterable[Order],
        users: Iterable[str] = (),
        levels: Iterable[tuple[bool, int]] = (),
    ) -> None:
        """Register in ``undo`` how to put back all that a change may touch.

        That is ``market`` (its fields, stats and the book levels of ``orders`` and ``levels``),
        ``orders`` and, for their owners and ``users``, wallets, holdings, measurements, order and
        fill lists, history and notifications; plus the id generator and the engine's own lists.
        """
        orders = list(orders)
        undo.call(self, self._restorer)
        market_id = ""
        if market is not None:
            market_id = market.market_id
            undo.keep((id(market), "market"), attributes=(market,), appended=(market.stats, market.recent))
            book = self.books[market_id]
            keys = frozenset({*levels, *((order.is_yes, order.price) for order in orders)})
            undo.call((id(book), keys), lambda: book.restorer(keys))
        undo.keep((id(self), "orders", tuple(map(id, orders))), attributes=orders)
        for user_id in {*users, *(order.user_id for order in orders)}:
            wallet = self.ledger.wallets[user_id]
            account = self.accounts.account(user_id)
            holding = wallet.holdings.get(market_id)
            undo.keep(
                (user_id, market_id),
                attributes=(wallet,) if holding is None else (wallet, holding),
                appended=(wallet.measurements, self.user_orders[user_id], self.user_fills[user_id]),
                prepended=(account.history, account.notifications),
                added=(wallet.holdings,),
            )

    def _touch(self, order: Order, op: str) -> None:
        order.updated = self.clock.now()
        order.last_update_op = op

    def quote(self, market_id: str) -> tuple[int, int]:
        """Return (yes_bid, yes_ask): 0 with no yes bids, 100 with no no bids."""
        book = self.books[market_id]
        best_yes, best_no = book.best(True), book.best(False)
        return (best_yes or 0, 100 - best_no if best_no is not None else 100)

    def _quote_moved(self, market: Market, before: tuple[int, int]) -> None:
        market.quote_moved(*self.quote(market.market_id), *before)

    def _last_price(self, market_id: str) -> int:
        return self.markets[market_id].last_price

    def _history(self, user_id: str, entry: JsonDict) -> None:
        self.accounts.account(user_id).history.insert(0, entry)

    def _notify(self, user_id: str, kind: str, content: JsonDict, link: str) -> None:
        note = notification(self.ids.uuid(), user_id, kind, content, link, self.clock.now())
        self.accounts.account(user_id).notifications.insert(0, note)
