"""An embedded simulated Kalshi v1 exchange, so you can paper-trade and test scripts offline.

``FakeKalshiServer`` is a real HTTP/1.1 server on 127.0.0.1 built on the standard library only,
with a deterministic matching engine behind all 36 v1 operations (its rules are in
docs/testing.md). Point your code at it instead of Kalshi and it runs unchanged, with no network
and no account::

    from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

    with FakeKalshiServer() as server:
        configuration = kalshi.Configuration(host=server.host)
        ...

Besides the API routes it has a set-up API (users, cash, markets, settlement, exchange status,
a ``SimulatedClock``, simulated traders), records every request, lets tests inject faults (error statuses, delays,
connection resets, truncated or invalid bodies, canned responses) and exposes the exchange's
state for assertions. The ``kalshi_server`` and ``kalshi_client`` pytest fixtures come from the
``kalshi.pytest_plugin`` plugin. It never prints anything. It deliberately shares no code with
the SDK (no urllib3, no other ``kalshi`` module), so it is also an independent oracle for the
SDK's own tests. The implementation lives in the private package ``kalshi._fake``.
"""

from __future__ import annotations

from ._fake.clock import SimulatedClock
from ._fake.data import (
    DEMO_BALANCE,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DEMO_USER_ID,
    make_history_entries,
    make_notifications,
)
from ._fake.ledger import taker_fee
from ._fake.recorded import RecordedRequest
from ._fake.server import FakeKalshiServer
from ._fake.state_file import StateFileError

__all__ = [
    "DEMO_BALANCE",
    "DEMO_EMAIL",
    "DEMO_PASSWORD",
    "DEMO_USER_ID",
    "FakeKalshiServer",
    "RecordedRequest",
    "SimulatedClock",
    "StateFileError",
    "make_history_entries",
    "make_notifications",
    "taker_fee",
]

# Users import these from here: help() and tracebacks should say so.
FakeKalshiServer.__module__ = RecordedRequest.__module__ = SimulatedClock.__module__ = __name__
taker_fee.__module__ = StateFileError.__module__ = __name__
