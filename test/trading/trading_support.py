"""Helpers of the trader's client tests: the desk (a fake exchange, one market, two traders)."""

from __future__ import annotations

from dataclasses import dataclass

import kalshi
from kalshi.testing import FakeKalshiServer

TICKER = "TRD-FED"
ALICE = ("alice@example.com", "alice-password-1")
BOB = ("bob@example.com", "bob-password-1")
OPENING = 100_000  # cents each user starts with


@dataclass
class Desk:
    server: FakeKalshiServer
    market_id: str
    alice_id: str
    bob_id: str
    alice: kalshi.Kalshi
    bob: kalshi.Kalshi


def trader(server: FakeKalshiServer, email: str, password: str, **options: object) -> kalshi.Kalshi:
    """A client of ``server`` that never retries and gives up quickly."""
    settings = {"retries": 0, "timeout": (2, 5), **options}
    return kalshi.Kalshi(email, password, host=server.host, **settings)  # type: ignore[arg-type]
