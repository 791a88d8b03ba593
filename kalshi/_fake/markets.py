"""Markets: their descriptive fields, trading statistics, stats history and the seeded catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

from .clock import rfc3339
from .responses import JsonDict

ACTIVE = "active"
CLOSED = "closed"
SETTLED = "settled"

_DAY = 86_400.0


@dataclass
class Market:
    """One binary market; prices are yes prices in cents."""

    market_id: str
    ticker: str
    title: str
    category: str
    created: float
    close: float
    sub_title: str = ""
    mini_title: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    ranged_group_ticker: str = ""
    ranged_group_name: str = ""
    strike_price: float = 0.0
    status: str = ACTIVE
    result: str = ""
    last_price: int = 0
    previous_price: int = 0
    previous_yes_bid: int = 0
    previous_yes_ask: int = 0
    volume: int = 0
    volume_cents: int = 0
    open_interest: int = 0
    recent: list[tuple[float, int, int]] = field(default_factory=list)  # (ts, count, cents)
    stats: list[JsonDict] = field(default_factory=list)

    def trade_at(self, yes_price: int) -> None:
        """Move the last price to a trade's, before the traders' portfolios are valued at it."""
        self.previous_price = self.last_price
        self.last_price = yes_price

    def record_trade(self, ts: float, count: int, yes_price: int, yes_bid: int, yes_ask: int) -> None:
        """Add a trade to volume and stats (after ``trade_at``; the caller updated ``open_interest``)."""
        self.volume += count
        self.volume_cents += count * yes_price
        self.recent.append((ts, count, count * yes_price))
        self.add_stats_point(ts, yes_bid, yes_ask)

    def quote_moved(self, yes_bid: int, yes_ask: int, old_bid: int, old_ask: int) -> None:
        """Remember the quote before a change, as the previous_yes_* fields show it."""
        if (yes_bid, yes_ask) != (old_bid, old_ask):
            self.previous_yes_bid = old_bid
            self.previous_yes_ask = old_ask

    def add_stats_point(self, ts: float, yes_bid: int, yes_ask: int) -> None:
        """Append a MarketStatsPoint with the market's current statistics."""
        self.stats.append(
            {
                "ts": int(ts),
                "price": self.last_price,
                "yes_bid": yes_bid,
                "yes_ask": yes_ask,
                "volume": self.volume,
                "open_interest": self.open_interest,
                "dollar_volume": self.volume_cents // 100,
                "dollar_open_interest": self.open_interest * self.last_price // 100,
            }
        )

    def wire(self, yes_bid: int, yes_ask: int, now: float) -> JsonDict:
        """Return the market as the v1 ``Market`` schema sends it."""
        recent = [(count, cents) for ts, count, cents in self.recent if ts > now - _DAY]
        return {
            "id": self.market_id,
            "ticker_name": self.ticker,
            "title": self.title,
            "sub_title": self.sub_title,
            "mini_title": self.mini_title or self.title,
            "category": self.category,
            "tags": list(self.tags),
            "metrics_tags": [],
            "status": self.status,
            "result": self.result,
            "option_type": "binary",
            "can_close_early": False,
            "close_unconfirmed": False,
            "create_date": rfc3339(self.created),
            "list_date": rfc3339(self.created),
            "open_date": rfc3339(self.created),
            "close_date": rfc3339(self.close),
            "expiration_date": rfc3339(self.close),
            "original_expiration_date": rfc3339(self.close),
            "frequency_in_days": 1,
            "description_context": self.description,
            "description_case_yes": f"Resolves yes if: {self.title}",
            "description_case_no": f"Resolves no otherwise: {self.title}",
            "settle_details": "",
            "settlement_sources": [{"name": "Fake exchange", "url": "http://127.0.0.1/"}],
            "expiration_value": "",
            "underlying": "",
            "image_url": "",
            "min_tick_size": "1",
            "strike_price": self.strike_price,
            "ranged_group_ticker": self.ranged_group_ticker,
            "ranged_group_name": self.ranged_group_name,
            "last_price": self.last_price,
            "previous_price": self.previous_price,
            "yes_bid": yes_bid,
            "yes_ask": yes_ask,
            "previous_yes_bid": self.previous_yes_bid,
            "previous_yes_ask": self.previous_yes_ask,
            "volume": self.volume,
            "recent_volume": sum(count for count, _ in recent),
            "dollar_volume": self.volume_cents // 100,
            "dollar_recent_volume": sum(cents for _, cents in recent) // 100,
            "open_interest": self.open_interest,
            "dollar_open_interest": self.open_interest * self.last_price // 100,
        }


@dataclass(frozen=True)
class RangedMarket:
    """A group of mutually exclusive markets sharing ``ticker`` as their ranged_group_ticker."""

    ranged_id: str
    ticker: str
    title: str
    mini_title: str
    side: str

    def wire(self) -> JsonDict:
        """Return the v1 ``RangedMarket`` schema."""
        return {
            "id": self.ranged_id,
            "ticker": self.ticker,
            "title": self.title,
            "mini_title": self.mini_title,
            "mutually_exclusive_side": self.side,
        }

