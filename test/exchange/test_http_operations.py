"""End to end over HTTP: every v1 operation answers with the spec's status and JSON field names.

Each case drives a fresh exchange over a real socket with http.client (no SDK code in the way),
then checks the body against the operation's response schema in test/spec/kalshi-v1.json:
required fields present, no field the schema does not name, JSON types as declared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, NamedTuple, Optional

import pytest

from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

from .support import Wire

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text())
OPERATIONS = {
    operation["operationId"]: (method.upper(), path, operation)
    for path, methods in SPEC["paths"].items()
    for method, operation in methods.items()
}
_TYPES: Dict[str, Any] = {"string": str, "boolean": bool, "object": dict, "array": list, "number": (int, float)}


def _resolve(node: Dict[str, Any]) -> Dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def assert_shape(value: Any, schema: Dict[str, Any], where: str = "$") -> None:
    """Assert ``value`` has exactly the spec's field names and JSON types, recursively."""
    schema = _resolve(schema)
    kind = schema.get("type")
    if value is None:
        return
    if kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r} is not an integer"
    elif kind in _TYPES:
        assert isinstance(value, _TYPES[kind]), f"{where}: {value!r} is not a {kind}"
    if kind == "array" and "items" in schema:
        for index, item in enumerate(value):
            assert_shape(item, schema["items"], f"{where}[{index}]")
    properties = schema.get("properties")
    if kind == "object" and properties is not None:
        missing = set(schema.get("required", ())) - set(value)
        assert not missing, f"{where}: missing required {sorted(missing)}"
        unknown = set(value) - set(properties)
        assert not unknown, f"{where}: fields the spec does not name: {sorted(unknown)}"
        for name, item in value.items():
            assert_shape(item, properties[name], f"{where}.{name}")


def response_schema(operation_id: str, status: int) -> Optional[Dict[str, Any]]:
    response = _resolve(OPERATIONS[operation_id][2]["responses"][str(status)])
    if "content" in response:
        return response["content"]["application/json"]["schema"]
    return None if "description" in response and "properties" not in response else response


class Ctx(NamedTuple):
    server: FakeKalshiServer
    demo: Wire
    other: Wire
    market_id: str
    resting_id: str
    notification_id: str


class Case(NamedTuple):
    status: int
    call: Callable[[Ctx], Any]  # returns (status, headers, body) from Wire.call


def _user(ctx: Ctx) -> str:
    return f"/users/{ctx.demo.user_id}"


CASES: Dict[str, Case] = {
    "Login": Case(200, lambda c: c.other.call(
        "POST", "/log_in", body={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})),
    "Logout": Case(204, lambda c: c.other.call("POST", "/log_out")),
    "GetExchangeStatus": Case(200, lambda c: c.demo.call("GET", "/exchange/status")),
    "GetMarkets": Case(200, lambda c: c.demo.call("GET", "/markets")),
    "GetMarketsCached": Case(200, lambda c: c.demo.call("GET", "/cached/markets")),
    "GetMarket": Case(200, lambda c: c.demo.call("GET", f"/markets/{c.market_id}")),
    "GetMarketCached": Case(200, lambda c: c.demo.call("GET", f"/cached/markets/{c.market_id}")),
    "GetMarketByTicker": Case(200, lambda c: c.demo.call("GET", "/markets_by_ticker/TEST-1")),
    "GetMarketByTickerCached": Case(200, lambda c: c.demo.call("GET", "/cached/markets_by_ticker/TEST-1")),
    "GetMarketHistory": Case(200, lambda c: c.demo.call(
        "GET", f"/markets/{c.market_id}/stats_history", query="last_seen_ts=0")),
    "GetMarketHistoryCached": Case(200, lambda c: c.demo.call("GET", f"/cached/markets/{c.market_id}/stats_history")),
    "GetMarketOrderBookCached": Case(200, lambda c: c.demo.call("GET", f"/markets/{c.market_id}/order_book")),
    "GetRangedMarket": Case(200, lambda c: c.demo.call("GET", "/ranged_markets/" + _ranged_id(c))),
    "GetRangedMarketByTicker": Case(200, lambda c: c.demo.call("GET", "/ranged_markets_by_ticker/GAS-21NOV")),
    "GetTrades": Case(200, lambda c: c.demo.call("GET", "/trades", query="page_size=5&page_number=1")),
    "ResetPassword": Case(202, lambda c: c.demo.call("POST", "/passwords/reset", body={"email": DEMO_EMAIL})),
    "ResetPasswordConfirm": Case(204, lambda c: _confirm_reset(c)),
    "UserGetProfile": Case(200, lambda c: c.demo.call("GET", _user(c))),
    "UserGetAccountHistory": Case(200, lambda c: c.demo.call(
        "GET", _user(c) + "/account/history", query="ShouldReturnTrades=true&Limit=5")),
    "UserGetBalance": Case(200, lambda c: c.demo.call("GET", _user(c) + "/balance")),
    "UserGetNotifications": Case(200, lambda c: c.demo.call(
        "GET", _user(c) + "/notifications", query="page_size=5&page_number=1")),
    "NotificationMarkRead": Case(204, lambda c: c.demo.call(
        "PUT", _user(c) + f"/notifications/{c.notification_id}/read")),
    "GetNotificationPreferences": Case(200, lambda c: c.demo.call("GET", _user(c) + "/notifications/preferences")),
    "ChangeSubscription": Case(204, lambda c: c.demo.call(
        "PUT", _user(c) + "/subscribe", body={"subscription_level": "basic"})),
    "UserOrdersGet": Case(200, lambda c: c.demo.call(
        "GET", _user(c) + "/orders", query="get_queue_position=true&status=resting")),
    "UserOrderCreate": Case(201, lambda c: c.demo.call(
        "POST", _user(c) + "/orders", body={"market_id": c.market_id, "side": "no", "price": 30, "count": 2})),
    "UserOrderCancel": Case(200, lambda c: c.demo.call("DELETE", _user(c) + f"/orders/{c.resting_id}")),
    "UserOrderDecrease": Case(201, lambda c: c.demo.call(
        "POST", _user(c) + f"/orders/{c.resting_id}/decrease", body={"count": 1})),
    "UserChangePassword": Case(204, lambda c: c.demo.call(
        "PUT", _user(c) + "/password", body={"old_password": DEMO_PASSWORD, "new_password": "new-secret"})),
    "UserGetPortfolioHistory": Case(200, lambda c: c.demo.call(
        "GET", _user(c) + "/portfolio/history", body={"min_ts": 0})),
    "UserGetMarketPositions": Case(200, lambda c: c.demo.call("GET", _user(c) + "/positions")),
    "UserGetMarketPosition": Case(200, lambda c: c.demo.call("GET", _user(c) + f"/positions/{c.market_id}")),
    "UserTradesGet": Case(200, lambda c: c.demo.call(
        "GET", _user(c) + "/trades", query=f"market_id={c.market_id}&MinPrice=1&max_count=100")),
    "UserGetWatchlist": Case(200, lambda c: _watch(c) and c.demo.call("GET", _user(c) + "/watchlist")),
    "UserAddWatchlist": Case(204, lambda c: c.demo.call("PUT", _user(c) + f"/watchlist/{c.market_id}")),
    "UserRemoveWatchlist": Case(204, lambda c: _watch(c) and c.demo.call(
        "DELETE", _user(c) + f"/watchlist/{c.market_id}")),
}


def _ranged_id(ctx: Ctx) -> str:
    body = ctx.demo.ok("GET", "/ranged_markets_by_ticker/GAS-21NOV")
    return str(body["ranged_markets"]["id"])


def _confirm_reset(ctx: Ctx) -> Any:
    ctx.demo.ok("POST", "/passwords/reset", 202, body={"email": DEMO_EMAIL})
    code = ctx.server.reset_code_of(DEMO_EMAIL)
    return ctx.demo.call(
        "PUT", f"/passwords/reset/{code}/confirm", body={"user_id": ctx.demo.user_id, "password": "reset-secret"}
    )


def _watch(ctx: Ctx) -> bool:
    ctx.demo.ok("PUT", _user(ctx) + f"/watchlist/{ctx.market_id}", 204)
    return True


@pytest.fixture
def ctx() -> Iterator[Ctx]:
    """A fresh exchange where the demo user bought from another user and has an order resting."""
    with FakeKalshiServer(seed=5) as server:
        market_id = server.add_market(ticker="TEST-1", title="Will the test pass?")
        server.add_user("maker@example.com", "maker-secret", balance=50_000, history=[], notifications=[])
        demo, other = Wire(server), Wire(server)
        demo.login(DEMO_EMAIL, DEMO_PASSWORD)
        other.login("maker@example.com", "maker-secret")
        other.order(market_id, "no", 45, 20)
        demo.order(market_id, "yes", 60, 5)  # fills 5 at 55
        resting = demo.order(market_id, "yes", 20, 4)
        notification_id = server.notifications_of(str(demo.user_id))[0]["id"]
        yield Ctx(server, demo, other, market_id, resting["order_id"], notification_id)
        demo.close()
        other.close()
        assert server.errors == []


def test_every_spec_operation_has_a_case_and_a_route() -> None:
    assert set(CASES) == set(OPERATIONS)
    with FakeKalshiServer() as server:
        served = set(server.operations)
    assert served == {(method, "/v1" + path) for method, path, _ in OPERATIONS.values()}


@pytest.mark.parametrize("operation_id", sorted(CASES))
def test_operation(operation_id: str, ctx: Ctx) -> None:
    case = CASES[operation_id]
    status, headers, body = case.call(ctx)
    assert status == case.status, body
    assert str(status) in OPERATIONS[operation_id][2]["responses"]
    schema = response_schema(operation_id, status)
    if schema is None:
        assert body is None
    else:
        assert headers["content-type"] == "application/json"
        assert_shape(body, schema)


def test_exchange_status_travels_in_headers(ctx: Ctx) -> None:
    ctx.server.set_exchange_status(trading_active=False)
    status, headers, body = ctx.demo.call("GET", "/exchange/status")
    assert (status, headers["exchange_active"], headers["trading_active"], body) == (200, "true", "false", None)
    order = {"market_id": ctx.market_id, "side": "yes", "price": 5, "count": 1}
    status, _, error = ctx.demo.call("POST", f"/users/{ctx.demo.user_id}/orders", body=order)
    assert status == 400 and error["code"] == "trading_paused"
    assert set(error) == {"code", "message", "details", "service"}


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/trades", "pagesize=5"),
        ("/markets", "limit=5"),
        ("/users/{user}/orders", "min_Price=5"),
        ("/users/{user}/trades", "min_price=5"),  # the spec spells it MinPrice here
        ("/users/{user}/orders", "status=open"),
        ("/users/{user}/trades", "min_date=yesterday"),
        ("/trades", "trades_date=2021-13"),
    ],
)
def test_bad_query_parameters_are_refused(ctx: Ctx, path: str, query: str) -> None:
    status, _, body = ctx.demo.call("GET", path.format(user=ctx.demo.user_id), query=query)
    assert status == 400, body


@pytest.mark.parametrize(
    "body",
    [
        {"market_id": "M", "side": "maybe", "price": 5, "count": 1},
        {"market_id": "M", "side": "yes", "price": 100, "count": 1},
        {"market_id": "M", "side": "yes", "price": 5, "count": 0},
        {"market_id": "M", "side": "yes", "price": 5, "count": True},
        {"market_id": "M", "side": "yes", "price": 5},
        {"market_id": "M", "side": "yes", "price": 5, "count": 1, "colour": "red"},
    ],
)
def test_bad_order_bodies_are_refused(ctx: Ctx, body: Dict[str, Any]) -> None:
    body = {**body, "market_id": ctx.market_id}
    status, _, error = ctx.demo.call("POST", f"/users/{ctx.demo.user_id}/orders", body=body)
    assert status == 400, error
    assert ctx.server.orders_of(str(ctx.demo.user_id))[0]["price"] == 20  # nothing new was placed


def test_unknown_ids_are_404(ctx: Ctx) -> None:
    user = f"/users/{ctx.demo.user_id}"
    for method, path in [
        ("GET", "/markets/nope"),
        ("GET", "/cached/markets_by_ticker/NOPE"),
        ("GET", "/ranged_markets/nope"),
        ("DELETE", user + "/orders/nope"),
        ("GET", user + "/positions/nope"),
        ("PUT", user + "/watchlist/nope"),
    ]:
        status, _, body = ctx.demo.call(method, path)
        assert status == 404, (method, path, body)


def test_other_users_data_is_forbidden(ctx: Ctx) -> None:
    status, _, _ = ctx.other.call("DELETE", f"/users/{ctx.demo.user_id}/orders/{ctx.resting_id}")
    assert status == 403
    status, _, _ = ctx.other.call("DELETE", f"/users/{ctx.other.user_id}/orders/{ctx.resting_id}")
    assert status == 404  # not theirs: it does not exist for them


def test_the_shape_check_catches_wrong_bodies() -> None:
    schema = response_schema("GetMarkets", 200)
    assert schema is not None
    assert_shape({"markets": [{"id": "x", "volume": 3}]}, schema)
    wrong: Dict[str, Any]
    for wrong in ({}, {"markets": [{"bogus": 1}]}, {"markets": [{"volume": "3"}]}, {"markets": {}}):
        with pytest.raises(AssertionError):
            assert_shape(wrong, schema)
