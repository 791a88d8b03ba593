"""An embedded fake Kalshi v1 exchange, so you can test your own scripts offline.

``FakeKalshiServer`` is a real HTTP/1.1 server on 127.0.0.1 built on the standard library only.
Point your code at it instead of Kalshi and it runs unchanged, with no network and no account::

    from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

    with FakeKalshiServer() as server:
        configuration = kalshi.Configuration(host=server.host)
        ...

Besides the API routes it records every request, lets tests inject faults (error statuses,
delays, connection resets, truncated or invalid bodies, canned responses) and exposes the
exchange's state for assertions. It never prints anything. It deliberately shares no code with
the SDK (no urllib3, no other ``kalshi`` module), so it is also an independent oracle for the
SDK's own tests. The implementation lives in the private package ``kalshi._fake``.
"""

from __future__ import annotations

from ._fake.data import (
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DEMO_USER_ID,
    make_history_entries,
    make_notifications,
)
from ._fake.recorded import RecordedRequest
from ._fake.server import FakeKalshiServer

__all__ = [
    "DEMO_EMAIL",
    "DEMO_PASSWORD",
    "DEMO_USER_ID",
    "FakeKalshiServer",
    "RecordedRequest",
    "make_history_entries",
    "make_notifications",
]

# Users import these from here: help() and tracebacks should say so.
FakeKalshiServer.__module__ = RecordedRequest.__module__ = __name__
