"""Fixtures of the trader's client tests: a fake exchange of the test's own with one market and two users.

``desk.alice`` and ``desk.bob`` are ``kalshi.Kalshi`` clients of their own accounts (no retries,
short timeouts), closed after the test; nothing they do is shared with other tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import pytest

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


@pytest.fixture
def desk() -> Iterator[Desk]:
    with FakeKalshiServer(seed=11) as server:
        market_id = server.add_market(ticker=TICKER, title="Will the Fed raise rates?", category="Economics")
        alice_id = server.add_user(*ALICE, balance=OPENING, history=[], notifications=[])
        bob_id = server.add_user(*BOB, balance=OPENING, history=[], notifications=[])
        alice, bob = trader(server, *ALICE), trader(server, *BOB)
        try:
            yield Desk(server, market_id, alice_id, bob_id, alice, bob)
        finally:
            alice.close()
            bob.close()
        assert server.errors == []
