"""Fixtures of the trader's client tests: a fake exchange of the test's own with one market and two users.

``desk.alice`` and ``desk.bob`` are ``kalshi.Kalshi`` clients of their own accounts (no retries,
short timeouts), closed after the test; nothing they do is shared with other tests.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from kalshi.testing import FakeKalshiServer

from .trading_support import ALICE, BOB, OPENING, TICKER, Desk, trader


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
