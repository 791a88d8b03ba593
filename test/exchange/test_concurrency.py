"""Eight threads place, decrease and cancel orders over real sockets; the invariants hold after."""

from __future__ import annotations

import random
import threading
from typing import Dict, List

from kalshi.testing import FakeKalshiServer

from .support import Wire, check_invariants

THREADS = 8
ORDERS_PER_THREAD = 60
BALANCE = 200_000


def _trader(server: FakeKalshiServer, email: str, markets: List[str], seed: int, problems: List[str]) -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible test traffic
    wire = Wire(server)
    try:
        user = wire.login(email, "trader-secret")
        resting: List[str] = []
        for _ in range(ORDERS_PER_THREAD):
            body = {
                "market_id": rng.choice(markets),
                "side": rng.choice(["yes", "no"]),
                "price": rng.randint(30, 70),
                "count": rng.randint(1, 20),
            }
            status, _, order = wire.call("POST", f"/users/{user}/orders", body=body)
            if status != 201:
                problems.append(f"create answered {status}: {order}")
                continue
            if order["order"]["status"] == "resting":
                resting.append(order["order"]["order_id"])
            if resting and rng.random() < 0.4:
                order_id = resting.pop(rng.randrange(len(resting)))
                if rng.random() < 0.5:
                    status, _, answer = wire.call("DELETE", f"/users/{user}/orders/{order_id}")
                    expected = 200
                else:
                    status, _, answer = wire.call(
                        "POST", f"/users/{user}/orders/{order_id}/decrease", body={"count": 2}
                    )
                    expected = 201
                # Another thread may have filled it in the meantime.
                if status != expected and not (status == 400 and answer["code"] == "order_not_resting"):
                    problems.append(f"cancel/decrease answered {status}: {answer}")
    except Exception as error:  # noqa: BLE001 - reported by the test, not swallowed
        problems.append(repr(error))
    finally:
        wire.close()


def test_eight_threads_keep_the_invariants() -> None:
    with FakeKalshiServer(seed=8) as server:
        markets = [server.add_market(ticker=f"CONC-{i}", title=f"Concurrency market {i}") for i in range(2)]
        emails = [f"trader{i}@example.com" for i in range(THREADS)]
        users = [
            server.add_user(email, "trader-secret", balance=BALANCE, history=[], notifications=[]) for email in emails
        ]
        problems: List[str] = []
        threads = [
            threading.Thread(target=_trader, args=(server, email, markets, seed, problems))
            for seed, email in enumerate(emails)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not any(thread.is_alive() for thread in threads)
        assert problems == []
        assert server.errors == []
        check_invariants(server, users, server.market_ids, THREADS * BALANCE)
        orders = [order for user in users for order in server.orders_of(user)]
        assert len(orders) == THREADS * ORDERS_PER_THREAD
        filled = sum(order["taker_fill_count"] for order in orders)
        assert filled == sum(order["maker_fill_count"] for order in orders) > 0
        wire = Wire(server)
        try:
            volume = sum(wire.ok("GET", f"/markets/{market_id}")["market"]["volume"] for market_id in markets)
            tape = wire.ok("GET", "/trades")["trades"]
        finally:
            wire.close()
        assert volume == filled == sum(trade["count"] for trade in tape)
        # The book holds exactly the resting remainders.
        for market_id in markets:
            book = server.book_of(market_id)
            for is_yes, side in ((True, "yes"), (False, "no")):
                expected: Dict[int, int] = {}
                for order in orders:
                    if order["market_id"] == market_id and order["is_yes"] is is_yes and order["status"] == "resting":
                        expected[order["price"]] = expected.get(order["price"], 0) + order["remaining_count"]
                assert book[side] == sorted(([p, c] for p, c in expected.items()), reverse=True)
