"""Money and positions: balances, reservations, netted holdings, fees and portfolio measurements.

Every amount is in integer cents. The engine calls these methods under its lock; nothing here
locks or knows about orders, so the cash rules live in one small place:

    available + reserved + 100 * open pairs + fees collected == deposits - withdrawals
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .responses import JsonDict


def taker_fee(count: int, price: int) -> int:
    """Return ceil(0.07 * count * P * (1 - P)) dollars in cents, rounded up; P = price / 100."""
    # 0.07 * count * (p/100) * (1 - p/100) dollars = 7 * count * p * (100 - p) / 10_000 cents.
    return -(-7 * count * price * (100 - price) // 10_000)


@dataclass
class Holding:
    """One user's netted position in one market: positive is yes contracts, negative is no."""

    position: int = 0
    position_cost: int = 0  # what the contracts now held cost
    realized_pnl: int = 0
    fees_paid: int = 0
    total_cost: int = 0  # everything ever paid for contracts in this market
    volume: int = 0  # contracts ever traded
    final_position: int = 0  # set at settlement
    final_position_cost: int = 0


@dataclass
class Closed:
    """What one purchase closed: ``pairs`` yes+no pairs paid out at 100 cents each."""

    pairs: int
    pnl: int


@dataclass
class Wallet:
    """One user's cash, cumulative flows, holdings by market id and portfolio measurements."""

    available: int = 0
    reserved: int = 0
    deposits: int = 0
    withdrawals: int = 0
    settlements: int = 0
    holdings: dict[str, Holding] = field(default_factory=dict)
    measurements: list[JsonDict] = field(default_factory=list)


class Ledger:
    """All wallets, plus the fees the exchange collected; ``mark`` gives a market's last yes price."""

    def __init__(self, now: Callable[[], float], mark: Callable[[str], int]) -> None:
        self._now = now
        self._mark = mark
        self.wallets: dict[str, Wallet] = {}
        self.fees_collected = 0

    def open(self, user_id: str) -> Wallet:
        """Create the empty wallet of a new user."""
        wallet = Wallet()
        self.wallets[user_id] = wallet
        return wallet

    def held(self, user_id: str, market_id: str) -> Holding:
        """Return the user's holding in a market to read, or a detached empty one: reads create nothing."""
        holding = self.wallets[user_id].holdings.get(market_id)
        return Holding() if holding is None else holding

    def holding(self, user_id: str, market_id: str) -> Holding:
        """Return the user's holding in a market to change, creating an empty one."""
        holdings = self.wallets[user_id].holdings
        if market_id not in holdings:
            holdings[market_id] = Holding()
        return holdings[market_id]

    # -- cash in and out -------------------------------------------------------

    def deposit(self, user_id: str, cents: int) -> None:
        """Add ``cents`` to the available balance."""
        wallet = self.wallets[user_id]
        wallet.available += cents
        wallet.deposits += cents
        self._measure(user_id, cents, "deposit")

    def withdraw(self, user_id: str, cents: int) -> None:
        """Take ``cents`` from the available balance (the caller checked it is there)."""
        wallet = self.wallets[user_id]
        wallet.available -= cents
        wallet.withdrawals += cents
        self._measure(user_id, -cents, "withdrawal")

    def reserve(self, user_id: str, cents: int) -> None:
        """Hold ``cents`` of the available balance back for a resting order."""
        if cents:
            wallet = self.wallets[user_id]
            wallet.available -= cents
            wallet.reserved += cents
            self._measure(user_id, -cents, "order")

    def release(self, user_id: str, cents: int, reason: str) -> None:
        """Return ``cents`` of a reservation to the available balance."""
        if cents:
            wallet = self.wallets[user_id]
            wallet.reserved -= cents
            wallet.available += cents
            self._measure(user_id, cents, reason)

    # -- trades and settlement -------------------------------------------------

    def buy(
        self, user_id: str, market_id: str, is_yes: bool, count: int, price: int, fee: int, reserved: bool
    ) -> Closed:
        """Book ``count`` contracts bought at ``price`` (from the reservation if ``reserved``).

        Contracts of the opposite side the user holds are closed first: each yes+no pair is paid
        out at 100 cents at once and its profit realized.
        """
        wallet = self.wallets[user_id]
        cost = count * price
        if reserved:
            wallet.reserved -= cost
        else:
            wallet.available -= cost
        wallet.available -= fee
        self.fees_collected += fee
        holding = self.holding(user_id, market_id)
        holding.fees_paid += fee
        holding.total_cost += cost
        holding.volume += count
        signed = count if is_yes else -count
        opposite_held = -holding.position if is_yes else holding.position
        pairs = min(count, max(opposite_held, 0))
        pnl = 0
        if pairs:
            # The closed contracts' share of the cost basis; the last one takes the rounding.
            basis = holding.position_cost * pairs // opposite_held
            pnl = 100 * pairs - pairs * price - basis
            holding.position_cost += (count - pairs) * price - basis
            holding.realized_pnl += pnl
            wallet.available += 100 * pairs
        else:
            holding.position_cost += cost
        holding.position += signed
        change = 100 * pairs - fee - (0 if reserved else cost)
        if change:
            self._measure(user_id, change, "trade")
        return Closed(pairs, pnl)

    def settle(self, user_id: str, market_id: str, yes_won: bool) -> tuple[Holding, int, int]:
        """Pay 100 cents per winning contract; return (holding, payout, profit)."""
        wallet = self.wallets[user_id]
        holding = self.holding(user_id, market_id)
        won = holding.position > 0 if yes_won else holding.position < 0
        payout = 100 * abs(holding.position) if won else 0
        profit = payout - holding.position_cost
        holding.final_position = holding.position
        holding.final_position_cost = holding.position_cost
        holding.realized_pnl += profit
        holding.position = 0
        holding.position_cost = 0
        wallet.available += payout
        wallet.settlements += 1
        self._measure(user_id, payout, "settlement")
        return holding, payout, profit

    # -- measurements ----------------------------------------------------------

    def value(self, user_id: str) -> int:
        """Return the portfolio value: cash, reservations and positions at last price."""
        wallet = self.wallets[user_id]
        value = wallet.available + wallet.reserved
        for market_id, holding in wallet.holdings.items():
            if holding.position:
                last = self._mark(market_id)
                value += holding.position * last if holding.position > 0 else -holding.position * (100 - last)
        return value

    def _measure(self, user_id: str, change: int, reason: str) -> None:
        """Append a PortfolioMeasurement after a change of the available balance."""
        wallet = self.wallets[user_id]
        wallet.measurements.append(
            {
                "a": wallet.available,
                "v": self.value(user_id),
                "ts": int(self._now()),
                "balance_change": change,
                "reason": reason,
                "cumulative_deposits": wallet.deposits,
                "cumulative_withdrawals": wallet.withdrawals,
                "cumulative_number_settlements": wallet.settlements,
            }
        )
