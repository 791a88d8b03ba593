"""Engine throughput over loopback: orders per second, and the cost of listing a user's orders.

Run from the project root: ``PYTHONPATH=. python test/exchange/throughput.py [orders_per_thread [rounds]]``.

1. "raw" clients speak HTTP/1.1 with http.client; "sdk" clients go through ``kalshi.ApiClient``;
   both against an in-process FakeKalshiServer, with 1 and 8 client threads.
2. SDK clients against four exchanges: an in-process FakeKalshiServer, the same with a state file,
   and ``python -m kalshi serve`` without and with ``--state`` (a process of its own).
3. Listing one user's orders (with queue positions) as their number doubles: the time per order
   should stay flat.

Every order is a POST /users/{id}/orders that crosses or rests (prices 40-60, both sides).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Tuple

import kalshi
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

PASSWORD = "bench-secret"  # noqa: S105 - a test account
ROOT = Path(__file__).resolve().parents[2]
# (host, port, [(email, password)] one per client thread, market id)
Exchange = Tuple[str, int, List[Tuple[str, str]], str]


def _raw_trader(port: int, email: str, password: str, market_id: str, count: int, seed: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/v1/log_in", json.dumps({"email": email, "password": password}),
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


def _sdk_trader(port: int, email: str, password: str, market_id: str, count: int, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible test traffic
    with kalshi.ApiClient(kalshi.Configuration(host=f"http://127.0.0.1:{port}/v1")) as client:
        client.login(email, password)
        for _ in range(count):
            body = {"market_id": market_id, "side": rng.choice(["yes", "no"]), "price": rng.randint(40, 60), "count": 1}
            client.call_api("/users/{user_id}/orders", "POST", path_params={"user_id": client.user_id},
                            body=body, response_type=None, auth_settings=["cookie"])


@contextlib.contextmanager
def in_process(threads: int, state: Optional[str] = None) -> Iterator[Exchange]:
    """A FakeKalshiServer in this process, with one funded user per client thread."""
    with FakeKalshiServer(seed=1, state=state) as server:
        market_id = server.add_market(ticker="BENCH", title="Benchmark market")
        accounts = [(f"bench{i}@example.com", PASSWORD) for i in range(threads)]
        for email, password in accounts:
            server.add_user(email, password, balance=10**9, history=[], notifications=[])
        yield "127.0.0.1", server.port, accounts, market_id
        assert server.errors == []


@contextlib.contextmanager
def served(threads: int, state: Optional[str] = None) -> Iterator[Exchange]:
    """``python -m kalshi serve`` in a process of its own; every client thread is the demo user."""
    args = [sys.executable, "-m", "kalshi", "serve", *(["--state", state] if state else [])]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    try:
        assert process.stdout is not None
        host = process.stdout.readline().strip()
        port = int(host.rsplit(":", 1)[1].split("/")[0])
        with kalshi.ApiClient(kalshi.Configuration(host=host)) as client:
            market_id = client.call_api("/markets", "GET", response_type=dict)["markets"][0]["id"]
        yield "127.0.0.1", port, [(DEMO_EMAIL, DEMO_PASSWORD)] * threads, market_id
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
        assert process.returncode == 0, process.returncode


def measure(exchange: Exchange, trader: Callable[..., None], per_thread: int) -> float:
    """Return orders per second of one client thread per account of ``exchange``."""
    _, port, accounts, market_id = exchange
    failures: List[BaseException] = []

    def run(email: str, password: str, seed: int) -> None:
        try:
            trader(port, email, password, market_id, per_thread, seed)
        except BaseException as error:  # noqa: BLE001 - re-raised below, in the main thread
            failures.append(error)

    workers = [threading.Thread(target=run, args=(*account, i)) for i, account in enumerate(accounts)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    if failures:
        raise failures[0]
    return len(accounts) * per_thread / elapsed


def listing_cost(sizes: Tuple[int, ...] = (1_000, 2_000, 4_000, 8_000)) -> List[Tuple[int, float]]:
    """Return (orders, microseconds per order) of one GET /users/{id}/orders with queue positions."""
    costs = []
    for size in sizes:
        with FakeKalshiServer(seed=1) as server:
            user = server.add_user("lister@example.com", PASSWORD, balance=10**9, history=[], notifications=[])
            market_id = server.market_ids[0]
            with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
                client.login("lister@example.com", PASSWORD)
                for i in range(size):  # one deep price level: the worst case for queue positions
                    client.call_api("/users/{user_id}/orders", "POST", path_params={"user_id": user},
                                    body={"market_id": market_id, "side": "yes", "price": 40, "count": 1 + i % 3},
                                    response_type=None, auth_settings=["cookie"])
                timings = []
                for _ in range(3):  # the fastest of three: the machine may be busy
                    start = time.perf_counter()
                    client.call_api("/users/{user_id}/orders", "GET", path_params={"user_id": user},
                                    query_params=[("get_queue_position", "true")], response_type=None,
                                    auth_settings=["cookie"])
                    timings.append(time.perf_counter() - start)
                costs.append((size, min(timings) * 1e6 / size))
    return costs


def main(per_thread: int, rounds: int = 5) -> None:
    for name, trader in (("raw http.client", _raw_trader), ("sdk ApiClient", _sdk_trader)):
        for threads in (1, 8):
            with in_process(threads) as exchange:
                rate = measure(exchange, trader, per_thread // threads if threads > 1 else per_thread)
            print(f"{name:16} {threads} thread(s): {rate:8.0f} orders/s")
    print()
    # The four exchanges in a shuffled order each round; medians and paired ratios resist a busy machine.
    rng = random.Random(0)  # noqa: S311 - an order of runs
    with tempfile.TemporaryDirectory() as directory:
        for threads in (1, 8):
            count = per_thread // threads if threads > 1 else per_thread
            rates: dict[str, List[float]] = {}
            for round_number in range(rounds):
                state = os.path.join(directory, f"{threads}-{round_number}")
                variants = [
                    ("FakeKalshiServer", in_process(threads)),
                    ("FakeKalshiServer(state=)", in_process(threads, state + "-in-process.db")),
                    ("kalshi serve", served(threads)),
                    ("kalshi serve --state", served(threads, state + "-served.db")),
                ]
                rng.shuffle(variants)
                for label, target in variants:
                    with target as exchange:
                        rates.setdefault(label, []).append(measure(exchange, _sdk_trader, count))
            for label in ("FakeKalshiServer", "FakeKalshiServer(state=)", "kalshi serve", "kalshi serve --state"):
                print(f"sdk {threads} thread(s) against {label:25}: {statistics.median(rates[label]):6.0f} orders/s "
                      f"(min {min(rates[label]):.0f}, max {max(rates[label]):.0f})")
            pairs = (("FakeKalshiServer", "FakeKalshiServer(state=)"), ("kalshi serve", "kalshi serve --state"))
            for memory, kept in pairs:
                ratios = [with_state / without for with_state, without in zip(rates[kept], rates[memory])]
                print(f"  {kept} / {memory}: median paired ratio {statistics.median(ratios):.2f}")
    print()
    for size, micros in listing_cost():
        print(f"listing {size:5} orders with queue positions: {micros:6.1f} us per order")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
