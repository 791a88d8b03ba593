"""The seeded catalogue every FakeKalshiServer starts with: demo markets and one ranged market."""

from __future__ import annotations

from .engine import Engine
from .markets import Market, RangedMarket

_DAY = 86_400.0

# The seeded catalogue: (ticker, title, category, days until close).
DEMO_MARKETS = (
    ("FED-21DEC-HIKE", "Will the Fed raise rates at the December meeting?", "Economics", 45),
    ("CPI-21NOV-6.0", "Will CPI inflation be above 6.0% in November?", "Economics", 30),
    ("INX-21NOV05-4700", "Will the S&P 500 close above 4,700 on Friday?", "Financials", 3),
    ("BTC-21NOV-60K", "Will Bitcoin close above $60,000 this week?", "Crypto", 5),
    ("SNOW-NYC-21DEC-2", "Will NYC see more than 2 inches of snow in December?", "Climate", 60),
    ("INFRA-21NOV05", "Will the Senate pass the infrastructure bill by Friday?", "Politics", 3),
)
# The seeded ranged market: mutually exclusive ranges of one quantity.
DEMO_RANGED = ("GAS-21NOV", "US average gas price this week", "Gas prices")
DEMO_RANGES = ((3.2, "below $3.30"), (3.3, "$3.30 to $3.40"), (3.4, "above $3.40"))


def seed_markets(engine: Engine) -> None:
    """List the demo markets (ids from the engine's seeded generator, times from its clock)."""
    now = engine.clock.now()
    for ticker, title, category, days in DEMO_MARKETS:
        engine.add_market(
            Market(engine.ids.uuid(), ticker, title, category, created=now, close=now + days * _DAY, tags=[category])
        )
    group_ticker, group_title, mini_title = DEMO_RANGED
    engine.add_ranged(RangedMarket(engine.ids.uuid(), group_ticker, group_title, mini_title, "yes"))
    for strike, label in DEMO_RANGES:
        engine.add_market(
            Market(
                engine.ids.uuid(),
                f"{group_ticker}-{strike:.2f}",
                f"{group_title}: {label}?",
                "Economics",
                created=now,
                close=now + 7 * _DAY,
                sub_title=label,
                mini_title=label,
                ranged_group_ticker=group_ticker,
                ranged_group_name=group_title,
                strike_price=strike,
                tags=["Economics"],
            )
        )
