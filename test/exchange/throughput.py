"""Engine throughput over loopback: orders per second with 1 and 8 client threads.

Run from the project root: ``python test/exchange/throughput.py [orders_per_thread]``.
"raw" clients speak HTTP/1.1 with http.client; "sdk" clients go through ``kalshi.ApiClient``.
Every order is a POST /users/{id}/orders that crosses or rests (prices 40-60, both sides).
"""

from __future__ import annotations

import http.client
import json
import random
import sys
import threading
import time
from typing import Callable, List

import kalshi
from kalshi.testing import FakeKalshiServer

PASSWORD = "bench-secret"  # noqa: S105 - a test account


def _raw_trader(server: FakeKalshiServer, email: str, market_id: str, count: int, seed: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.request("POST", "/v1/log_in", json.dumps({"email": email, "password": PASSWORD}),
                       {"Content-Type": "application/json"})
    login = json.loads(connection.getresponse().read())
    headers = {"Content-Type": "application/json", "Authorization": f"{login['user_id']} {login['token']}"}
    rng = random.Random(seed)  # noqa: S311 - reproducible test traffic
    for _ in range(count):
        body = {"market_id": market_id, "side": rng.choice(["yes", "no"]), "price": rng.randint(40, 60), "count": 1}
        connection.request("POST", f"/v1/users/{login['user_id']}/orders", json.dumps(body), headers)
        response = connection.getresponse()
        response.read()
        assert response.status == 201, response.status
    connection.close()


def _sdk_trader(server: FakeKalshiServer, email: str, market_id: str, count: int, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible test traffic
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        client.login(email, PASSWORD)
        for _ in range(count):
            body = {"market_id": market_id, "side": rng.choice(["yes", "no"]), "price": rng.randint(40, 60), "count": 1}
            client.call_api("/users/{user_id}/orders", "POST", path_params={"user_id": client.user_id},
                            body=body, response_type=None, auth_settings=["cookie"])


def measure(trader: Callable[..., None], threads: int, per_thread: int) -> float:
    """Return orders per second for ``threads`` clients placing ``per_thread`` orders each."""
    with FakeKalshiServer(seed=1) as server:
        market_id = server.add_market(ticker="BENCH", title="Benchmark market")
        emails = [f"bench{i}@example.com" for i in range(threads)]
        for email in emails:
            server.add_user(email, PASSWORD, balance=10**9, history=[], notifications=[])
        failures: List[BaseException] = []

        def run(email: str, seed: int) -> None:
            try:
                trader(server, email, market_id, per_thread, seed)
            except BaseException as error:  # noqa: BLE001 - re-raised below, in the main thread
                failures.append(error)

        workers: List[threading.Thread] = [
            threading.Thread(target=run, args=(email, i)) for i, email in enumerate(emails)
        ]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - start
        if failures:
            raise failures[0]
        assert server.errors == []
        return threads * per_thread / elapsed


if __name__ == "__main__":
    per_thread = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for name, trader in (("raw http.client", _raw_trader), ("sdk ApiClient", _sdk_trader)):
        for threads in (1, 8):
            rate = measure(trader, threads, per_thread // threads if threads > 1 else per_thread)
            print(f"{name:16} {threads} thread(s): {rate:8.0f} orders/s")
