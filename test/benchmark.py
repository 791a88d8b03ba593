"""Benchmark: the SDK against the floor, a bare urllib3 request plus ``json.loads``.

    python test/benchmark.py                 # the full run (about a minute)
    python test/benchmark.py --quick         # tiny sizes, for a smoke test

Both clients call the same loopback server. It serves canned payloads over keep-alive, with
TCP_NODELAY, one write per response, so the server is not what gets measured. Calls alternate
between the two clients, and each case reports the medians and their ratio. It also reports the
import time of ``kalshi`` and the peak memory of deserializing the history, next to
``json.loads`` of the same bytes.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import urllib3  # noqa: E402

import kalshi  # noqa: E402
from kalshi.api.account_api import AccountApi  # noqa: E402
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse  # noqa: E402
from kalshi.testing import make_history_entries, make_notifications  # noqa: E402

USER = "8a2f1c7e-5b3d-4e9a-9c61-2f7d4b0e3a15"
AUTH = f"{USER} benchmark-token"

# Targets from the performance issue: the SDK's time over the bare call's, at most.
TARGETS = {"history": 2.0, "notifications": 1.3, "preferences": 1.15}
IMPORT_TARGET_MS = 25.0
MEMORY_TARGET = 2.0


class CannedServer:
    """A minimal HTTP/1.1 server: each path gets its precomputed response, written at once."""

    def __init__(self, routes: dict[str, bytes]) -> None:
        self._responses = {path: self._response(body) for path, body in routes.items()}
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @staticmethod
    def _response(body: bytes) -> bytes:
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
        )
        return head.encode() + body

    def __enter__(self) -> CannedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        buf = b""
        with conn:
            while True:
                while b"\r\n\r\n" not in buf:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buf += chunk
                head, _, buf = buf.partition(b"\r\n\r\n")
                target = head.split(b" ", 2)[1].decode()
                path = target.split("?", 1)[0]
                response = self._responses.get(path)
                if response is None:
                    response = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                conn.sendall(response)


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def compare(bare: Callable[[], Any], sdk: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median seconds of each, calls interleaved so drift hits both alike."""
    for _ in range(max(3, repeat // 10)):  # warm-up: connections, caches, compiled converters
        bare()
        sdk()
    gc.collect()
    bare_times, sdk_times = [], []
    for i in range(repeat):
        # Alternate which goes first so neither always runs on a warmer cache.
        if i % 2:
            bare_times.append(timed(bare))
            sdk_times.append(timed(sdk))
        else:
            sdk_times.append(timed(sdk))
            bare_times.append(timed(bare))
    return statistics.median(bare_times), statistics.median(sdk_times)


def import_time_ms(runs: int) -> float:
    """Median cumulative import time of ``kalshi`` and ``kalshi.api.account_api`` (microseconds to ms)."""
    code = "import kalshi; from kalshi.api import account_api"
    samples = []
    for _ in range(runs + 1):  # the first run may compile bytecode: dropped below
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            # Users import from cached bytecode: let the first (dropped) run write it.
            env={**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT)},
        ).stderr
        total = 0
        for line in out.splitlines():
            m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
            # Top-level entries only (no indentation): the kalshi package and anything it pulled in first.
            if m and not m.group(2) and (m.group(3) == "kalshi" or m.group(3).startswith("kalshi.")):
                total += int(m.group(1))
        samples.append(total / 1000)
    return statistics.median(samples[1:])


def peak_memory(raw: bytes) -> tuple[int, int]:
    """Peak traced bytes of ``json.loads`` alone and of the SDK's whole deserialization."""

    def peak(fn: Callable[[], Any]) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            result = fn()
            _, top = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        del result
        return top

    UserGetAccountHistoryResponse.from_wire(json.loads(raw))  # compile converters outside the trace
    return peak(lambda: json.loads(raw)), peak(lambda: UserGetAccountHistoryResponse.from_wire(json.loads(raw)))


def run(history_size: int, notifications: int, repeat: int, out: Callable[[str], None] = print) -> bool:
    history_body = json.dumps({"entries": make_history_entries(history_size)}).encode()
    notes_body = json.dumps({"notifications": make_notifications(notifications, USER)}).encode()
    prefs_body = json.dumps({"preferences": {"subscription_level": "all"}}).encode()
    routes = {
        f"/v1/users/{USER}/account/history": history_body,
        f"/v1/users/{USER}/notifications": notes_body,
        f"/v1/users/{USER}/notifications/preferences": prefs_body,
    }
    ok = True
    with CannedServer(routes) as server:
        host = f"http://127.0.0.1:{server.port}/v1"
        pool = urllib3.PoolManager()
        headers = {"Authorization": AUTH, "Accept": "application/json"}

        def bare(path: str) -> Callable[[], Any]:
            url = host + path
            return lambda: json.loads(pool.request("GET", url, headers=headers).data)

        configuration = kalshi.Configuration(host=host, api_key={"cookie": AUTH})
        with kalshi.ApiClient(configuration) as api_client:
            api = AccountApi(api_client)
            cases = [
                (
                    f"history ({history_size} entries, {len(history_body) / 1e6:.2f} MB)",
                    "history",
                    bare(f"/users/{USER}/account/history"),
                    lambda: api.user_get_account_history(USER),
                    max(5, repeat // 10),
                ),
                (
                    f"notifications (page of {notifications})",
                    "notifications",
                    bare(f"/users/{USER}/notifications?page_size={notifications}&page_number=1"),
                    lambda: api.user_get_notifications(USER, min(notifications, 50), 1),
                    repeat,
                ),
                (
                    "get_notification_preferences (tiny)",
                    "preferences",
                    bare(f"/users/{USER}/notifications/preferences"),
                    lambda: api.get_notification_preferences(USER),
                    repeat * 2,
                ),
            ]
            out(f"{'case':<44} {'bare ms':>9} {'sdk ms':>9} {'ratio':>7} {'target':>7}  ok")
            for label, key, bare_fn, sdk_fn, n in cases:
                b, s = compare(bare_fn, sdk_fn, n)
                ratio = s / b
                met = ratio <= TARGETS[key]
                ok &= met
                out(f"{label:<44} {b * 1e3:>9.3f} {s * 1e3:>9.3f} {ratio:>6.2f}x {TARGETS[key]:>6.2f}x  {'yes' if met else 'NO'}")
        pool.clear()

    ms = import_time_ms(3 if repeat > 20 else 1)
    met = ms <= IMPORT_TARGET_MS
    ok &= met
    out(f"{'import kalshi + kalshi.api.account_api':<44} {'':>9} {ms:>9.1f} {'':>7} {IMPORT_TARGET_MS:>5.0f}ms  {'yes' if met else 'NO'}")

    json_peak, sdk_peak = peak_memory(history_body)
    ratio = sdk_peak / json_peak
    met = ratio <= MEMORY_TARGET
    ok &= met
    out(
        f"{'peak memory, history (MB: json.loads, sdk)':<44} {json_peak / 1e6:>9.2f} {sdk_peak / 1e6:>9.2f} "
        f"{ratio:>6.2f}x {MEMORY_TARGET:>6.2f}x  {'yes' if met else 'NO'}"
    )
    out(
        f"\nPython {platform.python_version()}, urllib3 {urllib3.__version__}, {platform.machine()}, "
        f"{os.cpu_count()} cores; medians over interleaved calls"
    )
    out("all targets met" if ok else "some targets missed")
    return ok


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--history-size", type=int, default=5000)
    parser.add_argument("--notifications", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=300, help="calls per case (history uses a tenth)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that every row runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.history_size, args.notifications, args.repeat = 50, 5, 10
    run(args.history_size, args.notifications, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
