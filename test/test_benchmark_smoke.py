"""The benchmark runs end to end at tiny sizes and prints every row (no timing assertions here)."""

from __future__ import annotations

import gzip
import importlib.util
import os
import random
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import urllib3

BENCHMARK = Path(__file__).resolve().parent / "benchmark.py"
# The --quick sizes: history of 50 entries, scaling at 20 / 50 / 200, a page of 5 notifications.
TARGETED_ROWS = (
    "history, 50 entries (",
    "notifications, page of 5 |",
    "get_notification_preferences (tiny) |",
    "peak memory, history decode (json.loads / sdk) |",
    "import kalshi + kalshi.api.account_api (over import urllib3) |",
)
INFO_ROWS = (
    "history, 50 entries, gzip (",
    "history per entry, 20 entries |",
    "history per entry, 50 entries |",
    "history per entry, 200 entries |",
    "peak memory, history call (bare / sdk) |",
)
# The trader's client next to the same calls through the generated classes (issue 18).
FACADE_ROWS = (
    "Kalshi orders.create (ticker) over UserApi.user_order_create |",
    "Kalshi markets.book (ticker) over MarketApi.get_market_order_book_cached |",
)
PEER_ROWS = ("requests + json |", "urllib3 + orjson |", "urllib3 + msgspec typed Structs |")


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def only_row(lines: list[str], start: str) -> list[str]:
    matching = [line for line in lines if line.startswith("| " + start)]
    assert len(matching) == 1, (start, lines)
    return cells(matching[0])


def test_benchmark_quick_prints_every_row_and_exits_0() -> None:
    done = subprocess.run(  # noqa: S603 - this interpreter, our script
        [sys.executable, str(BENCHMARK), "--quick", "--seed", "7"],
        capture_output=True,
        encoding="utf-8",  # the tables print ×, ≤ and µ whatever the locale
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert "seed: 7  (repeat this order with --seed 7)" in lines
    assert any(re.match(r"command: python \S*benchmark\.py --quick --seed 7  \(in ", line) for line in lines)
    assert any(re.match(r"machine: Python 3\.\d+\.\d+ .*urllib3 \d.*\d+ cores; load average", line) for line in lines)

    for start in TARGETED_ROWS:
        row = only_row(lines, start)
        assert len(row) == 7, row
        assert re.fullmatch(r"\d+\.\d\d×", row[3]), row  # the median ratio
        assert row[5].startswith("≤ "), row
        assert row[6] in ("pass", "fail"), row
    for start in INFO_ROWS:
        row = only_row(lines, start)
        assert len(row) == 7, row
        assert row[5:] == ["—", "—"], row
    gzip_row = only_row(lines, "history, 50 entries, gzip (")
    assert re.search(r"\([\d,]+ B plain, [\d,]+ B gzip\)", gzip_row[0]), gzip_row
    for start in ("history per entry, 20 entries |", "history per entry, 200 entries |"):
        row = only_row(lines, start)
        assert row[1].endswith(" µs/entry") and row[2].endswith(" µs/entry"), row
    for start in FACADE_ROWS:
        row = only_row(lines, start)
        assert len(row) == 7, row
        assert row[1].endswith(" ms") and row[2].endswith(" ms"), row
        assert re.fullmatch(r"\d+\.\d\d×", row[3]), row  # Kalshi over the generated call
        assert row[5] == "≤ 1.05×" and row[6] in ("pass", "fail"), row
    lookups = only_row(lines, "ticker lookups over every Kalshi call above |")
    assert lookups[2] == "1" and lookups[6] == "pass", lookups  # resolved once, however many calls
    for start in PEER_ROWS:
        row = only_row(lines, start)
        assert len(row) == 5, row
        assert all(cell == "not installed" or re.fullmatch(r"\d+\.\d\d×|—", cell) for cell in row[1:]), row


def load_benchmark() -> Any:
    if "kalshi_benchmark" in sys.modules:
        return sys.modules["kalshi_benchmark"]
    spec = importlib.util.spec_from_file_location("kalshi_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_canned_server_answers_gzip_only_when_asked_and_stops_at_exit() -> None:
    bench = load_benchmark()
    body = b'{"entries": []}'
    server = bench.CannedServer({"/plain": body, "/packed": body}, {"/packed": gzip.compress(body)})
    with server:
        pool = urllib3.PoolManager()
        try:
            plain = pool.request("GET", f"http://127.0.0.1:{server.port}/plain")
            asked = pool.request("GET", f"http://127.0.0.1:{server.port}/packed", headers={"Accept-Encoding": "gzip"})
            unasked = pool.request("GET", f"http://127.0.0.1:{server.port}/packed")
            missing = pool.request("GET", f"http://127.0.0.1:{server.port}/nowhere")
        finally:
            pool.clear()
        assert (plain.status, plain.headers.get("Content-Encoding"), plain.data) == (200, None, body)
        assert (asked.headers["Content-Encoding"], asked.data) == ("gzip", body)
        assert (unasked.headers.get("Content-Encoding"), unasked.data) == (None, body)
        assert missing.status == 404
        assert server.gzip_served == 1
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", server.port), timeout=2):
        pass
    assert not any(thread.is_alive() for thread in server._threads)


def test_canned_server_skips_request_bodies_and_counts_requests_per_path() -> None:
    bench = load_benchmark()
    with bench.CannedServer({"/orders": b'{"ok": true}'}, {}) as server:
        pool = urllib3.PoolManager()
        try:
            url = f"http://127.0.0.1:{server.port}/orders"
            answers = [pool.request("POST", url, body=b'{"count": %d}' % n).data for n in range(3)]
            answers.append(pool.request("GET", url).data)  # the same connection: the bodies were skipped
        finally:
            pool.clear()
    assert answers == [b'{"ok": true}'] * 4
    assert server.served == {"/orders": 4}


def test_interleave_order_is_shuffled_per_round_and_repeats_with_the_seed() -> None:
    bench = load_benchmark()

    def orders(seed: int) -> list[str]:
        calls: list[str] = []
        variants = {name: (lambda name=name: calls.append(name)) for name in ("bare", "sdk", "peer")}
        times = bench.interleave(variants, 12, 1, random.Random(seed))  # noqa: S311 - an order, not a secret
        assert [len(t) for t in times.values()] == [12, 12, 12]
        return calls[6:]  # after the warm-up (two calls each)

    first = orders(3)
    assert first == orders(3)
    rounds = {tuple(first[i : i + 3]) for i in range(0, 36, 3)}
    assert all(sorted(r) == ["bare", "peer", "sdk"] for r in rounds)
    assert len(rounds) > 1
