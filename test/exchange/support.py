"""Helpers of the exchange tests: an engine to drive in-process, a raw HTTP client, the invariants.

The invariant checker reads only what a user can see (balances, positions, orders and the fees
total) and compares it with the cash the test itself put in and took out, so it does not trust
the ledger's own bookkeeping.
"""

from __future__ import annotations

import http.client
import json
import threading
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Protocol, Tuple

from kalshi._fake.accounts import Account, Accounts
from kalshi._fake.clock import SimulatedClock
from kalshi._fake.engine import Engine
from kalshi._fake.ids import Ids
from kalshi._fake.markets import Market
from kalshi._fake.orders import Order
from kalshi._fake.queries import Queries
from kalshi.testing import FakeKalshiServer

JsonDict = Dict[str, Any]


class View(Protocol):
    """What the invariant checker reads: FakeKalshiServer's inspection API, or EngineView's."""

    def balance_of(self, user_id: str) -> int: ...

    def positions_of(self, user_id: str) -> Dict[str, JsonDict]: ...

    def orders_of(self, user_id: str) -> List[JsonDict]: ...

    @property
    def fees_collected(self) -> int: ...


class Sim:
    """An Engine driven in-process, with helpers to add users and markets and place orders."""

    def __init__(self, seed: int = 0) -> None:
        self.lock = threading.RLock()
        self.clock = SimulatedClock()
        self.engine = Engine(self.lock, Accounts(self.lock), self.clock, Ids(seed))
        self.queries = Queries(self.engine)
        self.users: List[str] = []
        self.deposited = 0
        self.withdrawn = 0
        self._count = 0

    def user(self, balance: int = 10_000) -> str:
        self._count += 1
        user_id = f"user-{self._count}"
        self.engine.add_user(Account(user_id, f"{user_id}@example.com", "secret-pw", [], []), balance)
        self.users.append(user_id)
        self.deposited += balance
        return user_id

    def market(self, ticker: str = "TEST") -> str:
        market_id = f"market-{ticker}"
        now = self.clock.now()
        self.engine.add_market(Market(market_id, ticker, f"Title of {ticker}", "Test", created=now, close=now + 3600))
        return market_id

    def yes(self, user_id: str, market_id: str, price: int, count: int, **options: Any) -> Order:
        return self.engine.place(user_id, market_id, True, price, count, **options)

    def no(self, user_id: str, market_id: str, price: int, count: int, **options: Any) -> Order:
        return self.engine.place(user_id, market_id, False, price, count, **options)

    def balance(self, user_id: str) -> int:
        return self.queries.balance(user_id)

    def position(self, user_id: str, market_id: str) -> JsonDict:
        return self.queries.position(user_id, market_id)

    def book(self, market_id: str) -> JsonDict:
        return self.queries.order_book(market_id)

    def history_types(self, user_id: str) -> List[str]:
        return [entry["type"] for entry in self.engine.accounts.account(user_id).history]

    def notifications(self, user_id: str) -> List[JsonDict]:
        return list(self.engine.accounts.account(user_id).notifications)

    @property
    def view(self) -> "EngineView":
        return EngineView(self.engine)

    def check(self) -> None:
        check_invariants(self.view, self.users, self.queries.market_ids(), self.deposited - self.withdrawn)


class EngineView:
    """The inspection API of FakeKalshiServer, over a bare Engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._queries = Queries(engine)

    def balance_of(self, user_id: str) -> int:
        return self._queries.balance(user_id)

    def positions_of(self, user_id: str) -> Dict[str, JsonDict]:
        return {p["market_id"]: p for p in self._queries.positions(user_id)}

    def orders_of(self, user_id: str) -> List[JsonDict]:
        return self._queries.orders(user_id, lambda order: True, queue=False)

    @property
    def fees_collected(self) -> int:
        return self._engine.ledger.fees_collected


def check_invariants(view: View, users: Iterable[str], market_ids: Iterable[str], net_cash: int) -> None:
    """Assert the exchange's invariants from what users can see; ``net_cash`` = deposits - withdrawals."""
    users = list(users)
    yes_held = {market_id: 0 for market_id in market_ids}
    no_held = dict(yes_held)
    balances = reserved = 0
    for user_id in users:
        balance = view.balance_of(user_id)
        assert balance >= 0, f"{user_id} has a negative balance {balance}"
        balances += balance
        for order in view.orders_of(user_id):
            for field in ("remaining_count", "place_count", "maker_fill_count", "taker_fill_count", "decrease_count"):
                assert order[field] >= 0, f"{field} < 0 in {order}"
            filled = order["maker_fill_count"] + order["taker_fill_count"]
            assert filled + order["decrease_count"] + order["remaining_count"] <= order["place_count"], order
            if order["status"] == "resting":
                assert order["remaining_count"] > 0, order
                reserved += order["remaining_count"] * order["price"]
            else:
                assert order["remaining_count"] == 0, order
            if order["status"] == "executed":  # the rest, after any decrease, was filled
                assert filled + order["decrease_count"] == order["place_count"], order
        for market_id, position in view.positions_of(user_id).items():
            assert position["position_cost"] >= 0, position
            yes_held[market_id] += max(position["position"], 0)
            no_held[market_id] += max(-position["position"], 0)
    assert yes_held == no_held, f"yes held {yes_held} != no held {no_held}"
    fees = view.fees_collected
    assert fees >= 0
    open_pairs = sum(yes_held.values())
    assert balances + reserved + 100 * open_pairs + fees == net_cash, (
        f"cash not conserved: balances {balances} + reserved {reserved} + 100 * pairs {open_pairs}"
        f" + fees {fees} != {net_cash}"
    )


class Wire:
    """A minimal HTTP/1.1 JSON client of a FakeKalshiServer (keep-alive, one connection, one thread)."""

    def __init__(self, server: FakeKalshiServer) -> None:
        self._connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        self.authorization: Optional[str] = None
        self.user_id: Optional[str] = None

    def close(self) -> None:
        self._connection.close()

    def login(self, email: str, password: str) -> str:
        status, _, body = self.call("POST", "/log_in", body={"email": email, "password": password})
        assert status == 200, body
        self.user_id = body["user_id"]
        self.authorization = f"{body['user_id']} {body['token']}"
        return self.user_id

    def call(
        self, method: str, path: str, query: str = "", body: Any = None, raw: Optional[bytes] = None
    ) -> Tuple[int, Dict[str, str], Any]:
        """Send one request to /v1 + ``path``; return (status, lower-cased headers, parsed JSON or None)."""
        headers = {"Accept": "application/json"}
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self.authorization is not None:
            headers["Authorization"] = self.authorization
        target = "/v1" + path + (f"?{query}" if query else "")
        self._connection.request(method, target, body=data, headers=headers)
        response = self._connection.getresponse()
        payload = response.read()
        parsed = json.loads(payload) if payload else None
        return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed

    def ok(self, method: str, path: str, expected: int = 200, **kwargs: Any) -> Any:
        """``call`` that asserts the status and returns the parsed body."""
        status, _, body = self.call(method, path, **kwargs)
        assert status == expected, (method, path, status, body)
        return body

    def order(self, market_id: str, side: str, price: int, count: int, **extra: Any) -> JsonDict:
        body = {"market_id": market_id, "side": side, "price": price, "count": count, **extra}
        return self.ok("POST", f"/users/{self.user_id}/orders", 201, body=body)["order"]


def reader(server: FakeKalshiServer, user_id: str) -> Wire:
    """A Wire acting for ``user_id`` through a fixed Authorization value (no log-in needed)."""
    wire = Wire(server)
    wire.authorization = f"reader-of-{user_id}"
    wire.user_id = user_id
    server.authorize(wire.authorization, user_id)
    return wire


def exchange_state(server: FakeKalshiServer, readers: Iterable[Wire]) -> JsonDict:
    """Everything the readers' users and the public can see, to compare before and after a change."""
    public = Wire(server)
    try:
        markets = public.ok("GET", "/markets")["markets"]
    finally:
        public.close()
    state: JsonDict = {
        "markets": markets,
        "books": {market_id: server.book_of(market_id) for market_id in server.market_ids},
        "fees": server.fees_collected,
    }
    for wire in readers:
        me = f"/users/{wire.user_id}"
        state[wire.user_id or ""] = {
            "tape": wire.ok("GET", "/trades")["trades"],
            "balance": wire.ok("GET", me + "/balance")["balance"],
            "positions": wire.ok("GET", me + "/positions")["market_positions"],
            "orders": wire.ok("GET", me + "/orders")["orders"],
            "fills": wire.ok("GET", me + "/trades")["trades"],
            "portfolio": wire.ok("GET", me + "/portfolio/history")["values"],
            "history": wire.ok("GET", me + "/account/history")["entries"],
            "notifications": server.notifications_of(wire.user_id or ""),
        }
    return state


class World(NamedTuple):
    """An exchange with a demo client, a maker client and the market they trade in."""

    server: FakeKalshiServer
    demo: Wire
    maker: Wire
    market_id: str
