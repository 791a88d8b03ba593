"""Behaviour over HTTP: filters, paging, cached twins, stats, portfolio, watchlist, passwords."""

from __future__ import annotations

from typing import Iterator

import pytest

from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .support import Wire, World

ME = f"/users/{DEMO_USER_ID}"


@pytest.fixture
def world() -> Iterator[World]:
    """The maker rests no bids at 45 (10) and 40 (10); the demo user buys 15 yes with a limit of 60."""
    with FakeKalshiServer(seed=21) as server:
        market_id = server.add_market(ticker="HTTP", title="Over HTTP?")
        server.add_user("maker@example.com", "maker-secret", balance=100_000, history=[], notifications=[])
        demo, maker = Wire(server), Wire(server)
        demo.login(DEMO_EMAIL, DEMO_PASSWORD)
        maker.login("maker@example.com", "maker-secret")
        maker.order(market_id, "no", 45, 10)
        maker.order(market_id, "no", 40, 10)
        server.advance_clock(3600)
        demo.order(market_id, "yes", 60, 15)  # 10 at 55, then 5 at 60
        yield World(server, demo, maker, market_id)
        demo.close()
        maker.close()
        assert server.errors == []


def test_fills_and_tape(world: World) -> None:
    fills = world.demo.ok("GET", ME + "/trades")["trades"]
    summary = [(f["price"], f["count"], f["is_taker"], f["is_yes"]) for f in fills]
    assert summary == [(60, 5, True, True), (55, 10, True, True)]
    only_55 = world.demo.ok("GET", ME + "/trades", query="MaxPrice=55")["trades"]
    assert [f["price"] for f in only_55] == [55]
    assert world.demo.ok("GET", ME + "/trades", query="MinCount=6")["trades"] == [fills[1]]
    assert world.demo.ok("GET", ME + "/trades", query="page_size=1&page_number=2")["trades"] == [fills[1]]
    maker_fills = world.maker.ok("GET", f"/users/{world.maker.user_id}/trades")["trades"]
    assert [(f["price"], f["is_taker"], f["is_yes"]) for f in maker_fills] == [(40, False, False), (45, False, False)]
    tape = world.demo.ok("GET", "/trades")["trades"]
    assert [(t["price"], t["count"]) for t in tape] == [(60, 5), (55, 10)]
    day = tape[0]["create_date"][:10]
    assert world.demo.ok("GET", "/trades", query=f"trades_date={day}")["trades"] == tape
    assert world.demo.ok("GET", "/trades", query="trades_date=2000-01-01")["trades"] == []
    first_order = world.demo.ok("GET", ME + "/orders")["orders"][0]["order_id"]
    assert len(world.demo.ok("GET", ME + "/trades", query=f"order_id={first_order}")["trades"]) == 2


def test_order_filters_and_queue_position(world: World) -> None:
    maker = f"/users/{world.maker.user_id}"
    world.maker.order(world.market_id, "no", 30, 3)
    world.maker.order(world.market_id, "no", 30, 4)
    resting = world.maker.ok("GET", maker + "/orders", query="status=resting&get_queue_position=true")["orders"]
    assert [(o["remaining_count"], o["queue_position"]) for o in resting] == [(4, 3), (3, 0), (5, 0)]
    executed = world.maker.ok("GET", maker + "/orders", query="status=executed")["orders"]
    assert [o["price"] for o in executed] == [45]
    assert len(world.maker.ok("GET", maker + "/orders")["orders"]) == 4
    assert len(world.maker.ok("GET", maker + "/orders", query="min_price=40&max_price=44")["orders"]) == 1
    assert len(world.maker.ok("GET", maker + "/orders", query="max_remaining_count=3&is_yes=false")["orders"]) == 2
    later = world.maker.ok("GET", maker + "/orders", query="min_date=2021-11-03T10:00:00Z")["orders"]
    assert [o["remaining_count"] for o in later] == [4, 3]
    assert world.maker.ok("GET", maker + "/orders", query="page_size=3&page_number=2")["orders"][0]["price"] == 45


def test_cached_twins_serve_the_live_data(world: World) -> None:
    demo = world.demo
    assert demo.ok("GET", "/cached/markets") == demo.ok("GET", "/markets")
    assert demo.ok("GET", f"/cached/markets/{world.market_id}") == demo.ok("GET", f"/markets/{world.market_id}")
    assert demo.ok("GET", "/cached/markets_by_ticker/HTTP") == demo.ok("GET", "/markets_by_ticker/HTTP")
    history = f"/markets/{world.market_id}/stats_history"
    assert demo.ok("GET", "/cached" + history) == demo.ok("GET", history)


def test_market_and_stats_after_trades(world: World) -> None:
    market = world.demo.ok("GET", f"/markets/{world.market_id}")["market"]
    assert (market["last_price"], market["previous_price"]) == (60, 55)
    assert (market["volume"], market["open_interest"]) == (15, 15)
    assert (market["yes_bid"], market["yes_ask"]) == (0, 60)  # 5 no contracts still bid at 40
    assert market["dollar_volume"] == (10 * 55 + 5 * 60) // 100
    points = world.demo.ok("GET", f"/markets/{world.market_id}/stats_history")["market_stats_points"]
    assert [p["volume"] for p in points] == [0, 10, 15]
    since = points[1]["ts"]
    assert len(world.demo.ok("GET", f"/markets/{world.market_id}/stats_history", query=f"last_seen_ts={since}")[
        "market_stats_points"]) == 2


def test_portfolio_history_and_filters(world: World) -> None:
    values = world.demo.ok("GET", ME + "/portfolio/history")["values"]
    assert values[0]["reason"] == "deposit" and values[-1]["reason"] == "trade"
    assert values[-1]["a"] == world.demo.ok("GET", ME + "/balance")["balance"]
    late = world.demo.ok("GET", ME + "/portfolio/history", body={"min_ts": values[-1]["ts"]})["values"]
    assert late == [v for v in values if v["ts"] >= values[-1]["ts"]] and len(late) < len(values)
    early = world.demo.ok("GET", ME + "/portfolio/history", body={"max_date": "2021-11-03T09:30:00Z"})["values"]
    assert [v["reason"] for v in early] == ["deposit"]
    status, _, _ = world.demo.call("GET", ME + "/portfolio/history", body={"min_ts": "soon"})
    assert status == 400


def test_history_and_notifications_over_http(world: World) -> None:
    entries = world.demo.ok("GET", ME + "/account/history", query="ShouldReturnTrades=true")["entries"]
    assert [e["data"]["Trade"]["price"] for e in entries[:2]] == [60, 55]
    notes = world.demo.ok("GET", ME + "/notifications", query="page_size=2&page_number=1")["notifications"]
    assert [n["type"] for n in notes] == ["order_filled", "order_filled"] and not notes[0]["is_read"]


def test_settlement_over_http(world: World) -> None:
    before = world.demo.ok("GET", ME + "/balance")["balance"]
    world.server.settle(world.market_id, "yes")
    assert world.demo.ok("GET", ME + "/balance")["balance"] == before + 1500
    position = world.demo.ok("GET", ME + f"/positions/{world.market_id}")["market_position"]
    assert (position["position"], position["final_position"], position["realized_pnl"]) == (0, 15, 1500 - 850)
    maker_orders = world.maker.ok("GET", f"/users/{world.maker.user_id}/orders", query="status=resting")["orders"]
    assert maker_orders == []
    entry = world.demo.ok("GET", ME + "/account/history", query="Limit=1")["entries"][0]
    assert entry["type"] == "Settlement" and entry["data"]["Settlement"]["profit"] == 650


def test_watchlist_and_profile(world: World) -> None:
    world.demo.ok("PUT", ME + f"/watchlist/{world.market_id}", 204)
    world.demo.ok("PUT", ME + f"/watchlist/{world.market_id}", 204)
    assert world.demo.ok("GET", ME + "/watchlist") == {"watchlist": {"market_ids": [world.market_id]}}
    profile = world.demo.ok("GET", ME)["user"]
    assert (profile["email"], profile["watchlist"]) == (DEMO_EMAIL, [world.market_id])
    world.demo.ok("DELETE", ME + f"/watchlist/{world.market_id}", 204)
    status, _, _ = world.demo.call("DELETE", ME + f"/watchlist/{world.market_id}")
    assert status == 404


def test_password_change_and_reset(world: World) -> None:
    wrong = {"old_password": "wrong-one", "new_password": "x" * 8}
    status, _, error = world.demo.call("PUT", ME + "/password", body=wrong)
    assert status == 400, error
    world.demo.ok("PUT", ME + "/password", 204, body={"old_password": DEMO_PASSWORD, "new_password": "changed-pw"})
    fresh = Wire(world.server)
    try:
        status, _, _ = fresh.call("POST", "/log_in", body={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
        assert status == 401
        fresh.login(DEMO_EMAIL, "changed-pw")
        fresh.ok("POST", "/passwords/reset", 202, body={"email": "nobody@example.com"})
        fresh.ok("POST", "/passwords/reset", 202, body={"email": DEMO_EMAIL})
        code = world.server.reset_code_of(DEMO_EMAIL)
        assert code is not None
        confirm = {"user_id": DEMO_USER_ID, "password": "after-reset"}
        fresh.ok("PUT", f"/passwords/reset/{code}/confirm", 204, body=confirm)
        status, _, _ = fresh.call("PUT", f"/passwords/reset/{code}/confirm", body=confirm)
        assert status == 400  # used once
        fresh.login(DEMO_EMAIL, "after-reset")
    finally:
        fresh.close()
