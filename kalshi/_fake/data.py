"""Deterministic wire-format demo data for the fake exchange and for benchmarks.

Everything here is plain JSON-ready dicts shaped exactly as the v1 API sends them, so the
fake exchange (``kalshi.testing``) can serve them without any SDK code in between.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

__all__ = [
    "DEMO_BALANCE",
    "DEMO_EMAIL",
    "DEMO_HISTORY_SIZE",
    "DEMO_NOTIFICATION_COUNT",
    "DEMO_PASSWORD",
    "DEMO_SEED",
    "DEMO_USER_ID",
    "HISTORY_TYPES",
    "demo_history",
    "demo_notifications",
    "make_history_entries",
    "make_notifications",
]

DEMO_BALANCE = 1_000_000  # cents: $10,000.00 of paper money
DEMO_EMAIL = "demo@kalshi.example"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - a published demo credential, not a secret
DEMO_USER_ID = "8a2f1c7e-5b3d-4e9a-9c61-2f7d4b0e3a15"
DEMO_SEED = 20211102
DEMO_HISTORY_SIZE = 25
DEMO_NOTIFICATION_COUNT = 12

HISTORY_TYPES = ("Deposit", "Withdrawal", "Order", "Trade", "Settlement")

JsonDict = dict[str, Any]
_Market = tuple[str, str]  # (market_id, market_title)

_SECOND_US = 1_000_000
_MINUTE_US = 60 * _SECOND_US
_HOUR_US = 60 * _MINUTE_US
# The newest generated event; fixed so that every run produces identical data. Naive on purpose:
# it is only ever formatted, always as UTC with a literal "Z".
_NEWEST = datetime(2021, 11, 2, 14, 3, 7, 123456)

_MARKET_TITLES = (
    "Will the Fed raise rates at the December meeting?",
    "Will CPI inflation be above 6.0% in November?",
    "Will the S&P 500 close above 4,700 on Friday?",
    "Will Bitcoin close above $60,000 this week?",
    "Will NYC see more than 2 inches of snow in December?",
    "Will gas prices average above $3.40 this week?",
    "Will initial jobless claims exceed 270,000?",
    "Will the 10-year Treasury yield close above 1.6%?",
    "Will a named storm make US landfall in November?",
    "Will the Senate pass the infrastructure bill by Friday?",
    "Will Tesla deliver more than 250,000 vehicles in Q4?",
    "Will US GDP growth exceed 5% in Q4?",
)
_NOTIFICATION_TYPES = (
    "order_filled",
    "order_canceled",
    "market_settled",
    "deposit_applied",
    "withdrawal_applied",
)


def _uuid4(rng: random.Random) -> str:
    """Return a valid uuid4 string drawn from ``rng`` (so it is reproducible)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _timestamp(offset_us: int, rng: random.Random) -> str:
    """Format ``_NEWEST - offset_us`` as RFC 3339 UTC, with or without fractional seconds."""
    moment = _NEWEST - timedelta(microseconds=offset_us)
    # Real responses mix both forms; clients must parse either.
    if rng.random() < 0.6:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _time_points(n: int, rng: random.Random) -> list[tuple[int, int]]:
    """Return ``n`` (offset, room) pairs, newest first.

    ``offset`` is how long before the newest event an entry starts; ``room`` is how much later
    its secondary timestamps may be while staying older than the previous (newer) entry, so the
    list is sorted newest first whichever timestamp field a reader sorts by.
    """
    points: list[tuple[int, int]] = []
    offset = rng.randint(0, _HOUR_US)
    gap_to_newer = _HOUR_US
    for _ in range(n):
        points.append((offset, gap_to_newer))
        gap_to_newer = rng.randint(5 * _MINUTE_US, 12 * _HOUR_US)
        offset += gap_to_newer
    return points


def _later(offset: int, room: int, rng: random.Random) -> int:
    """Return an offset at least a second newer than ``offset`` but within ``room``."""
    return offset - rng.randint(_SECOND_US, max(_SECOND_US, room * 8 // 10))


def _markets(rng: random.Random) -> list[_Market]:
    """Return the pool of (market_id, market_title) pairs used by one generated data set."""
    return [(_uuid4(rng), title) for title in _MARKET_TITLES]


def _deposit(offset: int, room: int, rng: random.Random, markets: list[_Market]) -> JsonDict:
    """Return one DepositHistory record."""
    amount = rng.choice((500, 1000, 2500, 5000, 10000, 25000, 50000, 100000))
    deposit_type = rng.choice(("ach", "ach", "ach", "wire"))
    status = rng.choices(("applied", "pending", "returned"), weights=(7, 2, 1))[0]
    return {
        "amount": amount,
        "created_at": _timestamp(offset, rng),
        "deposit_type": deposit_type,
        "fee": 0 if deposit_type == "ach" else 1500,
        "returned_amount": amount if status == "returned" else 0,
        "status": status,
        "updated_at": _timestamp(_later(offset, room, rng), rng),
    }


def _withdrawal(offset: int, room: int, rng: random.Random, markets: list[_Market]) -> JsonDict:
    """Return one WithdrawalHistory record."""
    amount = rng.randint(10, 2000) * 100
    status = rng.choices(("applied", "pending", "returned"), weights=(7, 2, 1))[0]
    return {
        "amount": amount,
        "created_at": _timestamp(offset, rng),
        "fee": rng.choice((0, 0, 200)),
        "returned_amount": amount if status == "returned" else 0,
        "status": status,
        "updated_at": _timestamp(_later(offset, room, rng), rng),
    }


def _order(offset: int, room: int, rng: random.Random, markets: list[_Market]) -> JsonDict:
    """Return one OrderHistory record whose counts add up to ``original_count``."""
    market_id, title = rng.choice(markets)
    original = rng.randint(1, 200)
    filled = rng.randint(0, original)
    rest = original - filled
    # The unfilled remainder ends up in exactly one bucket, as it would on the exchange.
    bucket = rng.choices(("remaining", "canceled", "close", "fcc"), weights=(4, 3, 2, 1))[0]
    return {
        "canceled_count": rest if bucket == "canceled" else 0,
        "close_cancel_count": rest if bucket == "close" else 0,
        "created_at": _timestamp(offset, rng),
        "fcc_canceled_count": rest if bucket == "fcc" else 0,
        "filled_count": filled,
        "is_yes": rng.random() < 0.5,
        "market_id": market_id,
        "market_title": title,
        "original_count": original,
        "price": rng.randint(1, 99),
        "remaining_count": rest if bucket == "remaining" else 0,
        "updated_at": _timestamp(_later(offset, room, rng), rng),
    }


def _trade(offset: int, room: int, rng: random.Random, markets: list[_Market]) -> JsonDict:
    """Return one TradeHistory record; ``amount`` is count times price in cents."""
    market_id, title = rng.choice(markets)
    count = rng.randint(1, 100)
    price = rng.randint(1, 99)
    return {
        "amount": count * price,
        "created_at": _timestamp(offset, rng),
        # A fee shaped like the exchange's: largest near 50 cents, rounded up to a cent.
        "fee": (count * price * (100 - price) * 7 + 9999) // 10000,
        "is_yes": rng.random() < 0.5,
        "market_id": market_id,
        "market_title": title,
        "price": price,
    }


def _settlement(offset: int, room: int, rng: random.Random, markets: list[_Market]) -> JsonDict:
    """Return one SettlementHistory record whose profit matches its counts and costs."""
    market_id, title = rng.choice(markets)
    yes_count = rng.randint(0, 100)
    no_count = rng.randint(0 if yes_count else 1, 100)
    yes_cost = yes_count * rng.randint(1, 99)
    no_cost = no_count * rng.randint(1, 99)
    result = rng.choice(("yes", "no"))
    payout = 100 * (yes_count if result == "yes" else no_count)
    return {
        "determined_time": _timestamp(offset, rng),
        "market_id": market_id,
        "market_result": result,
        "market_title": title,
        "no_count": no_count,
        "no_total_cost": no_cost,
        "profit": payout - yes_cost - no_cost,
        "settled_time": _timestamp(_later(offset, room, rng), rng),
        "yes_count": yes_count,
        "yes_total_cost": yes_cost,
    }


_RecordMaker = Callable[[int, int, random.Random, list[_Market]], JsonDict]
_RECORD_MAKERS: dict[str, _RecordMaker] = {
    "Deposit": _deposit,
    "Withdrawal": _withdrawal,
    "Order": _order,
    "Trade": _trade,
    "Settlement": _settlement,
}


def make_history_entries(n: int, seed: int = 0) -> list[JsonDict]:
    """Return ``n`` wire-format account history entries, newest first, reproducible per seed.

    Types are dealt round-robin and then shuffled, so any ``n >= 5`` holds all five types.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    markets = _markets(rng)
    types = [HISTORY_TYPES[i % len(HISTORY_TYPES)] for i in range(n)]
    rng.shuffle(types)
    entries: list[JsonDict] = []
    for entry_type, (offset, room) in zip(types, _time_points(n, rng)):
        record = _RECORD_MAKERS[entry_type](offset, room, rng, markets)
        entries.append({"type": entry_type, "data": {entry_type: record}})
    return entries


def _notification_body(
    kind: str, rng: random.Random, markets: list[_Market]
) -> tuple[JsonDict, str]:
    """Return the ``content`` object and ``link`` for a notification of type ``kind``."""
    market_id, title = rng.choice(markets)
    if kind == "order_filled":
        content: JsonDict = {
            "market_title": title,
            "count": rng.randint(1, 50),
            "price": rng.randint(1, 99),
            "is_yes": rng.random() < 0.5,
        }
    elif kind == "order_canceled":
        content = {"market_title": title, "count": rng.randint(1, 50)}
    elif kind == "market_settled":
        content = {
            "market_title": title,
            "market_result": rng.choice(("yes", "no")),
            "profit": rng.randint(-5000, 5000),
        }
    else:
        return {"amount": rng.randint(5, 500) * 100}, "/portfolio/history"
    return content, "/markets/" + market_id


def make_notifications(n: int, user_id: str, seed: int = 0) -> list[JsonDict]:
    """Return ``n`` wire-format notifications for ``user_id``, newest first, reproducible per seed.

    For ``n >= 2`` the newest is unread and the oldest read, so both states are always present.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    markets = _markets(rng)
    notifications: list[JsonDict] = []
    for offset, _room in _time_points(n, rng):
        kind = rng.choice(_NOTIFICATION_TYPES)
        content, link = _notification_body(kind, rng, markets)
        notifications.append(
            {
                "id": _uuid4(rng),
                "user_id": user_id,
                "type": kind,
                "content": content,
                "link": link,
                "is_read": rng.random() < 0.5,
                "is_delivered": rng.random() < 0.85,
                "created_ts": _timestamp(offset, rng),
            }
        )
    if n >= 2:
        notifications[0]["is_read"] = False
        notifications[-1]["is_read"] = True
    return notifications


def demo_history() -> list[JsonDict]:
    """Return a fresh copy of the demo account's history (25 entries, all five types)."""
    return make_history_entries(DEMO_HISTORY_SIZE, seed=DEMO_SEED)


def demo_notifications(user_id: str = DEMO_USER_ID) -> list[JsonDict]:
    """Return a fresh copy of the demo account's notifications, addressed to ``user_id``."""
    return make_notifications(DEMO_NOTIFICATION_COUNT, user_id, seed=DEMO_SEED)
