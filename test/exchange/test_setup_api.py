"""The public set-up and inspection API of FakeKalshiServer, its fault filters and its redacted log."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterator

import pytest

from kalshi.testing import DEMO_BALANCE, DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer, SimulatedClock

from .support import Wire


@pytest.fixture
def server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer(seed=11) as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture
def demo(server: FakeKalshiServer) -> Iterator[Wire]:
    wire = Wire(server)
    wire.login(DEMO_EMAIL, DEMO_PASSWORD)
    yield wire
    wire.close()


def test_ids_are_reproducible_per_seed() -> None:
    def ids(seed: int) -> list:
        with FakeKalshiServer(seed=seed) as fake:
            user = fake.add_user("x@example.com", "secret-x", history=[], notifications=[])
            market = fake.add_market(ticker="T", title="T?")
            return [*fake.market_ids, user, market]

    assert ids(1) == ids(1)
    assert ids(1) != ids(2)


def test_seeded_catalogue(server: FakeKalshiServer, demo: Wire) -> None:
    markets = demo.ok("GET", "/markets")["markets"]
    assert len(markets) == len(server.market_ids) >= 8
    assert len({m["category"] for m in markets}) >= 4
    ranged = [m for m in markets if m["ranged_group_ticker"] == "GAS-21NOV"]
    assert len(ranged) == 3
    assert demo.ok("GET", "/ranged_markets_by_ticker/GAS-21NOV")["ranged_markets"]["ticker"] == "GAS-21NOV"
    assert server.market_id(markets[0]["ticker_name"]) == markets[0]["id"]
    with pytest.raises(KeyError):
        server.market_id("NOPE")


def test_users_and_cash(server: FakeKalshiServer) -> None:
    assert server.balance_of(DEMO_USER_ID) == DEMO_BALANCE
    user = server.add_user("cash@example.com", "cash-secret", balance=1_000, history=[], notifications=[])
    assert server.balance_of(user) == 1_000 and server.history_of(user) == []
    server.deposit(user, 500)
    server.withdraw(user, 200)
    assert server.balance_of(user) == 1_300
    assert [e["type"] for e in server.history_of(user)] == ["Withdrawal", "Deposit"]
    assert [n["type"] for n in server.notifications_of(user)] == ["withdrawal_applied", "deposit_applied"]
    with pytest.raises(ValueError):
        server.withdraw(user, 1_301)
    with pytest.raises(ValueError):
        server.deposit(user, 0)
    with pytest.raises(KeyError):
        server.balance_of("nobody")
    with pytest.raises(ValueError):
        server.add_user("cash@example.com", "other-secret")
    server.authorize("KEY", "key-user")
    assert server.balance_of("key-user") == DEMO_BALANCE


def test_markets_set_up(server: FakeKalshiServer, demo: Wire) -> None:
    market_id = server.add_market(ticker="SETUP", title="Set up?", category="Sports")
    with pytest.raises(ValueError):
        server.add_market(ticker="SETUP", title="Again?")
    wire = demo.ok("GET", "/markets_by_ticker/SETUP")["market"]
    assert (wire["id"], wire["category"], wire["status"], wire["result"]) == (market_id, "Sports", "active", "")
    server.close_market(market_id)
    assert demo.ok("GET", f"/markets/{market_id}")["market"]["status"] == "closed"
    with pytest.raises(ValueError):
        server.close_market(market_id)
    with pytest.raises(ValueError):
        server.settle(market_id, "maybe")
    server.settle(market_id, "no")
    assert demo.ok("GET", f"/markets/{market_id}")["market"]["result"] == "no"
    with pytest.raises(KeyError):
        server.settle("nope", "yes")


def test_clock(server: FakeKalshiServer) -> None:
    start = server.now
    server.advance_clock(90)
    assert server.now == start + 90 == server.clock.now()
    with pytest.raises(ValueError):
        server.advance_clock(-1)
    with pytest.raises(ValueError):
        SimulatedClock(datetime(2024, 1, 1))  # naive
    clock = SimulatedClock(datetime(2024, 1, 1, tzinfo=timezone.utc))
    with FakeKalshiServer(clock=clock) as fake:
        user = fake.add_user("t@example.com", "time-secret", history=[], notifications=[])
        fake.deposit(user, 1)
        assert fake.history_of(user)[0]["data"]["Deposit"]["created_at"] == "2024-01-01T00:00:00Z"


def test_exchange_status(server: FakeKalshiServer, demo: Wire) -> None:
    server.set_exchange_status(exchange_active=False)
    _, headers, _ = demo.call("GET", "/exchange/status")
    assert (headers["exchange_active"], headers["trading_active"]) == ("false", "true")
    server.set_exchange_status(exchange_active=True, trading_active=True)
    _, headers, _ = demo.call("GET", "/exchange/status")
    assert (headers["exchange_active"], headers["trading_active"]) == ("true", "true")
    anonymous = Wire(server)
    try:
        status, _, _ = anonymous.call("GET", "/exchange/status")
    finally:
        anonymous.close()
    assert status == 401


def test_inspection_matches_the_api(server: FakeKalshiServer, demo: Wire) -> None:
    market_id = server.market_ids[0]
    order = demo.order(market_id, "yes", 30, 10)
    assert server.orders_of(DEMO_USER_ID) == demo.ok("GET", f"/users/{DEMO_USER_ID}/orders")["orders"]
    assert server.book_of(market_id) == demo.ok("GET", f"/markets/{market_id}/order_book")["order_book"]
    assert server.balance_of(DEMO_USER_ID) == demo.ok("GET", f"/users/{DEMO_USER_ID}/balance")["balance"]
    positions = demo.ok("GET", f"/users/{DEMO_USER_ID}/positions")["market_positions"]
    assert server.positions_of(DEMO_USER_ID) == {p["market_id"]: p for p in positions}
    assert server.orders_of(DEMO_USER_ID)[0]["order_id"] == order["order_id"]
    assert server.fees_collected == 0


def test_fault_filters_work_on_trading_routes(server: FakeKalshiServer, demo: Wire) -> None:
    market_id = server.market_ids[0]
    server.fail_next(1, 503, method="POST", path_contains="/orders")
    status, _, _ = demo.call("GET", f"/users/{DEMO_USER_ID}/orders")
    assert status == 200  # a GET does not match the POST filter
    body = {"market_id": market_id, "side": "no", "price": 10, "count": 1}
    status, _, error = demo.call("POST", f"/users/{DEMO_USER_ID}/orders", body=body)
    assert (status, error["code"]) == (503, "service_unavailable")
    assert server.orders_of(DEMO_USER_ID) == []
    server.respond_next(1, 200, b'{"markets": []}', path_contains="/markets")
    assert demo.ok("GET", "/markets") == {"markets": []}
    with pytest.raises(TypeError):
        server.delay_next(1, 0.1, "/markets")  # type: ignore[misc]
    with pytest.raises(TypeError):
        server.respond_next(1, 200, b"", {"X": "1"})  # type: ignore[misc]


def test_request_reprs_redact_credentials(server: FakeKalshiServer, demo: Wire) -> None:
    demo.ok("PUT", f"/users/{DEMO_USER_ID}/password", 204,
            body={"old_password": DEMO_PASSWORD, "new_password": "brand-new-secret"})
    login, change = server.requests
    assert json.loads(login.body)["password"] == DEMO_PASSWORD  # the attribute keeps what arrived
    text = repr(server.requests)
    token = demo.authorization.split()[1] if demo.authorization else "?"
    for secret in (DEMO_PASSWORD, "brand-new-secret", token):
        assert secret not in text
    assert "***" in repr(change) and DEMO_EMAIL in repr(login)
    assert "raw_path='/v1/log_in'" in repr(login)


@pytest.mark.parametrize("amount", [2.5, 100.0, True, False, "500", None])
def test_setup_amounts_must_be_ints(server: FakeKalshiServer, amount: object) -> None:
    user = server.add_user("ints@example.com", "ints-secret", balance=1_000, history=[], notifications=[])
    market_id = server.add_market(ticker="INTS", title="Ints only?")
    with pytest.raises(TypeError):
        server.deposit(user, amount)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        server.withdraw(user, amount)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        server.add_user("other@example.com", "other-secret", balance=amount)  # type: ignore[arg-type]
    with pytest.raises(TypeError if not isinstance(amount, str) else ValueError):
        server.settle(market_id, amount)  # type: ignore[arg-type]
    assert server.balance_of(user) == 1_000 and server.history_of(user) == []
    assert type(server.balance_of(user)) is int
    # The refused add_user registered nobody and minted no id: the e-mail is still free and the
    # next id is the one a twin exchange mints.
    with FakeKalshiServer(seed=11) as twin:
        twin.add_user("ints@example.com", "ints-secret", balance=1_000, history=[], notifications=[])
        twin.add_market(ticker="INTS", title="Ints only?")
        assert server.add_user("other@example.com", "other-secret") == twin.add_user("other@example.com", "x-secret")


@pytest.mark.parametrize("seconds", [float("nan"), -1, 1e13])
def test_the_clock_refuses_what_no_timestamp_can_show(server: FakeKalshiServer, seconds: float) -> None:
    start = server.now
    with pytest.raises(ValueError):
        server.advance_clock(seconds)
    assert server.now == start
    assert server.balance_of(DEMO_USER_ID) == DEMO_BALANCE  # reads still work
