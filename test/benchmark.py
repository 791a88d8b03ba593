"""Benchmark: the SDK against the floor, a bare urllib3 ``PoolManager.request`` plus ``json.loads``.

    python test/benchmark.py                  # the full run (about a minute on an idle machine)
    python test/benchmark.py --rounds 300     # more rounds, tighter spread
    python test/benchmark.py --seed 1234      # repeat a run's order of variants
    python test/benchmark.py --quick          # every row at tiny sizes, in a few seconds (smoke test)
    python test/benchmark.py --without queries --without segments  # what an optimisation is worth

Every client calls the same loopback server, which answers each path with canned bytes in one
write, over keep-alive with TCP_NODELAY, so the server is not what gets measured. The variants of
a case run round by round, in a random (seeded) order each round; every round gives one paired
ratio per variant (its time over the bare call's in that round), so drift and load from other
processes hit both sides of a ratio alike. Each case reports the medians, the median of the
paired ratios and their interquartile range.

The trader's client (``kalshi.Kalshi``) has rows of its own: ``orders.create`` and ``markets.book``
by ticker, each paired in the same rounds with the same call through the generated classes, the
ratio taken over the generated call; and the number of ticker lookups they sent (one).

Also measured in the same run: import time of the SDK over ``import urllib3`` (fresh child
processes, compiled bytecode), peak traced memory of decoding the history next to ``json.loads``
of the same bytes, and reference lines for ``requests``, ``orjson`` and ``msgspec`` when installed.
It prints a Markdown table with the performance issue's targets, and exits 0 whatever they say:
it is a measurement, not a test.

``--without NAME`` measures what one optimisation of the call path is worth: the three main cases
get a variant ``-NAME``, the SDK with that optimisation turned off, in the same rounds, and the
run ends with its ratio over the SDK as it is (above 1: the optimisation saves that much).
"""

from __future__ import annotations

import argparse
import compileall
import functools
import gc
import gzip
import importlib
import json
import os
import platform
import random
import shlex
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import urllib3  # noqa: E402

import kalshi  # noqa: E402
from kalshi.api.account_api import AccountApi  # noqa: E402
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse  # noqa: E402
from kalshi.testing import make_history_entries, make_notifications  # noqa: E402

USER = "8a2f1c7e-5b3d-4e9a-9c61-2f7d4b0e3a15"
GZIP_USER = "8a2f1c7e-5b3d-4e9a-9c61-00000000f21b"
AUTH = f"{USER} benchmark-token"
PEERS = ("requests", "orjson", "msgspec")

# The performance issue's targets: the SDK over the bare call (import: over ``import urllib3``).
TARGETS = {"history": 1.6, "notifications": 1.05, "preferences": 1.0, "memory": 1.1, "import": 0.25}
# The trader's client (kalshi.Kalshi) over the same call through the generated classes (issue 18).
FACADE_TARGET = 1.05
MARKET_ID = "5f0c2a9e-3b7d-4c1e-8a6f-9d2e4b1c7a30"
TICKER = "BENCH-23DEC-T3.00"


def user_for(size: int) -> str:
    """A user id per history size, so each size has a path of its own on the canned server."""
    return f"00000000-0000-4000-8000-{size:012d}"


# ---- ablations: one optimisation of the call path turned off, to measure what it is worth


def _swap(owner: Any, name: str, value: Any) -> Callable[[], None]:
    old = getattr(owner, name)
    setattr(owner, name, value)
    return lambda: setattr(owner, name, old)


def _uncached_segment(value: str, safe: str) -> str:
    from urllib.parse import quote

    encoded = quote(value, safe=safe)
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded


def _ablations() -> dict[str, Callable[[], Callable[[], None]]]:
    """Each turns its optimisation off and returns what turns it on again."""
    import http.client

    from kalshi import api_client as api_client_module
    from kalshi._call import endpoint as endpoint_module
    from kalshi._call.endpoint import render_query
    from kalshi._transport import pools as pools_module

    connection = pools_module._WatchedHTTPConnection
    return {
        "segments": lambda: _swap(endpoint_module, "_segment", _uncached_segment),
        "queries": lambda: _swap(api_client_module, "_query_text", render_query),
        "fast-headers": lambda: _swap(connection, "response_class", http.client.HTTPResponse),
    }


def ablated(call: Callable[[], Any], turn_off: Callable[[], Callable[[], None]]) -> Callable[[], Any]:
    def run() -> Any:
        turn_on = turn_off()
        try:
            return call()
        finally:
            turn_on()

    return run


# ---- the loopback server


class CannedServer:
    """A minimal HTTP/1.1 server on 127.0.0.1: each path gets its precomputed response, in one write.

    ``gzipped`` holds compressed forms of some routes: those paths are answered gzip-compressed to a
    request whose head mentions gzip (the Accept-Encoding value), plain otherwise. ``__exit__`` closes
    the listener and every connection.
    """

    def __init__(self, routes: dict[str, bytes], gzipped: dict[str, bytes]) -> None:
        assert set(gzipped) <= set(routes), "a compressed route needs its plain form too"
        self._plain = {path: self._response(body) for path, body in routes.items()}
        self._gzip = {path: self._response(body, "gzip") for path, body in gzipped.items()}
        self.gzip_served = 0
        self.served: dict[str, int] = {}  # requests per path
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = [threading.Thread(target=self._accept, daemon=True)]

    @staticmethod
    def _response(body: bytes, encoding: Optional[str] = None) -> bytes:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        if encoding:
            head += f"Content-Encoding: {encoding}\r\n"
        return (head + "Connection: keep-alive\r\n\r\n").encode() + body

    def __enter__(self) -> CannedServer:
        self._threads[0].start()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._sock.shutdown(socket.SHUT_RDWR)  # on Linux, close() alone does not wake a blocked accept()
        except OSError:
            pass  # not connected: some platforms refuse to shut a listener down, and close() wakes it there
        self._sock.close()
        for conn in list(self._conns):
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # the client closed it first
        for thread in list(self._threads):
            thread.join(timeout=2)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:  # the listener was closed: the run is over
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._conns.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        buf = b""
        with conn:
            while True:
                read = received(conn, buf, lambda data: b"\r\n\r\n" in data)
                if read is None:
                    return
                head, _, buf = read.partition(b"\r\n\r\n")
                length = content_length(head)
                read = received(conn, buf, _at_least(length))  # a POST's body: skipped
                if read is None:
                    return
                buf = read[length:]
                path = head.split(b" ", 2)[1].split(b"?", 1)[0].decode()
                self.served[path] = self.served.get(path, 0) + 1
                response = self._plain.get(path)
                if path in self._gzip and b"gzip" in head:
                    response = self._gzip[path]
                    self.gzip_served += 1
                if response is None:
                    response = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                try:
                    conn.sendall(response)
                except OSError:
                    return


def _at_least(length: int) -> Callable[[bytes], bool]:
    return lambda data: len(data) >= length


def received(conn: socket.socket, buf: bytes, enough: Callable[[bytes], bool]) -> Optional[bytes]:
    """``buf`` and what more arrives until ``enough`` says so; None once the client has gone."""
    while not enough(buf):
        try:
            chunk = conn.recv(65536)
        except OSError:
            return None
        if not chunk:
            return None
        buf += chunk
    return buf


def content_length(head: bytes) -> int:
    """The Content-Length of a request head, 0 when it has none."""
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


# ---- timing


@dataclass
class Case:
    """One measured case: per-variant seconds per call, one entry per round."""

    key: str
    label: str
    times: dict[str, list[float]]
    size: int = 0  # entries, for the per-entry rows

    def median(self, variant: str) -> float:
        return statistics.median(self.times[variant])

    def ratios(self, variant: str, base: str = "bare") -> list[float]:
        return [v / b for v, b in zip(self.times[variant], self.times[base])]


def interleave(
    variants: dict[str, Callable[[], Any]], rounds: int, batch: int, rng: random.Random
) -> dict[str, list[float]]:
    """Seconds per call of each variant, per round; the order of the variants is shuffled every round."""
    for call in variants.values():  # warm-up: connections, caches, compiled converters
        call()
        call()
    gc.collect()
    times: dict[str, list[float]] = {name: [] for name in variants}
    order = list(variants)
    clock = time.perf_counter
    for _ in range(rounds):
        rng.shuffle(order)
        for name in order:
            call = variants[name]
            started = clock()
            for _ in range(batch):
                call()
            times[name].append((clock() - started) / batch)
    return times


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


# ---- import time


def import_times(rounds: int, rng: random.Random) -> dict[str, list[float]]:
    """Seconds to import the SDK and urllib3, each in a fresh child, interleaved, from compiled bytecode."""
    compileall.compile_dir(str(ROOT / "kalshi"), quiet=1)
    compileall.compile_dir(str(Path(urllib3.__file__).parent), quiet=1)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    env["PYTHONPATH"] = str(ROOT)
    codes = {"sdk": "import kalshi; from kalshi.api import account_api", "urllib3": "import urllib3"}

    def child(code: str) -> float:
        script = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
        done = subprocess.run(  # noqa: S603 - this interpreter, fixed code
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT, env=env
        )
        return float(done.stdout)

    for code in codes.values():  # writes any bytecode still missing; not counted
        child(code)
    times: dict[str, list[float]] = {name: [] for name in codes}
    order = list(codes)
    for _ in range(rounds):
        rng.shuffle(order)
        for name in order:
            times[name].append(child(codes[name]))
    return times


# ---- memory


def traced_peak(fn: Callable[[], Any], repeat: int) -> int:
    """Median peak of bytes traced by tracemalloc while ``fn`` runs (its result is alive at the peak)."""
    peaks = []
    for _ in range(repeat):
        gc.collect()
        tracemalloc.start()
        try:
            result = fn()
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        del result
    return int(statistics.median(peaks))


def decode_peaks(body: bytes, peers: dict[str, Optional[ModuleType]], repeat: int) -> dict[str, int]:
    """Peak traced bytes of decoding the history: json.loads alone, the SDK's models, and the peers."""
    UserGetAccountHistoryResponse.from_wire(json.loads(body))  # compile the converters outside the trace
    peaks = {
        "json.loads": traced_peak(lambda: json.loads(body), repeat),
        "sdk": traced_peak(lambda: UserGetAccountHistoryResponse.from_wire(json.loads(body)), repeat),
    }
    orjson, msgspec = peers["orjson"], peers["msgspec"]
    if orjson is not None:
        peaks["orjson"] = traced_peak(lambda: orjson.loads(body), repeat)
    if msgspec is not None:
        decode = msgspec_history_decoder(msgspec)
        peaks["msgspec"] = traced_peak(lambda: decode(body), repeat)
    return peaks


# ---- peers


def optional(name: str) -> Optional[ModuleType]:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def msgspec_history_decoder(msgspec: ModuleType) -> Callable[[bytes], Any]:
    """A typed msgspec decoder of the history, as a hand-written client would have it (unknown fields dropped)."""

    def struct(name: str, fields: list[tuple[str, Any]]) -> Any:
        return msgspec.defstruct(name, [(n, Optional[t], None) for n, t in fields], forbid_unknown_fields=False)

    money = [("amount", int), ("created_at", datetime), ("fee", int), ("returned_amount", int), ("status", str)]
    market = [("market_id", str), ("market_title", str)]
    deposit = struct("Deposit", [*money, ("deposit_type", str), ("updated_at", datetime)])
    withdrawal = struct("Withdrawal", [*money, ("updated_at", datetime)])
    counts = ["canceled_count", "close_cancel_count", "fcc_canceled_count", "filled_count", "original_count"]
    order = struct(
        "Order",
        [
            *market,
            *((c, int) for c in counts),
            ("created_at", datetime),
            ("is_yes", bool),
            ("price", int),
            ("remaining_count", int),
            ("updated_at", datetime),
        ],
    )
    trade = struct(
        "Trade", [*market, ("amount", int), ("created_at", datetime), ("fee", int), ("is_yes", bool), ("price", int)]
    )
    settlement = struct(
        "Settlement",
        [
            *market,
            ("determined_time", datetime),
            ("market_result", str),
            ("no_count", int),
            ("no_total_cost", int),
            ("profit", int),
            ("settled_time", datetime),
            ("yes_count", int),
            ("yes_total_cost", int),
        ],
    )
    data = struct(
        "Data",
        [
            ("Deposit", deposit),
            ("Withdrawal", withdrawal),
            ("Order", order),
            ("Trade", trade),
            ("Settlement", settlement),
        ],
    )
    entry = msgspec.defstruct("Entry", [("type", str), ("data", Optional[data], None)], forbid_unknown_fields=False)
    entries = list[entry]  # type: ignore[valid-type]  # a class made at run time
    response = msgspec.defstruct("History", [("entries", entries)], forbid_unknown_fields=False)
    return msgspec.json.Decoder(response).decode  # type: ignore[no-any-return]


# ---- the run


@dataclass
class Sizes:
    history: int
    scaling: tuple[int, int, int]
    notifications: int
    rounds: int
    batch_tiny: int
    batch_notes: int
    import_rounds: int
    memory_repeat: int


@dataclass
class Results:
    cases: list[Case] = field(default_factory=list)
    scaling: list[Case] = field(default_factory=list)
    imports: Optional[Case] = None
    memory: dict[str, int] = field(default_factory=dict)
    gzip_bytes: tuple[int, int] = (0, 0)
    sdk_gzip: bool = False
    sdk_orjson: bool = False
    peers: dict[str, bool] = field(default_factory=dict)
    facade: list[Case] = field(default_factory=list)
    ticker_lookups: int = 0


def run(sizes: Sizes, rng: random.Random, out: Callable[[str], None], without: tuple[str, ...] = ()) -> Results:
    res = Results()
    scaling_sizes = sorted(set(sizes.scaling) | {sizes.history})
    bodies = {n: json.dumps({"entries": make_history_entries(n)}).encode() for n in scaling_sizes}
    history_body = bodies[sizes.history]
    gzip_body = gzip.compress(history_body, compresslevel=6, mtime=0)
    res.gzip_bytes = (len(history_body), len(gzip_body))
    notes_body = json.dumps({"notifications": make_notifications(sizes.notifications, USER)}).encode()
    prefs_body = json.dumps({"preferences": {"subscription_level": "all"}}).encode()
    paths = {
        "history": f"/users/{USER}/account/history",
        "gzip": f"/users/{GZIP_USER}/account/history",
        "notifications": f"/users/{USER}/notifications",
        "preferences": f"/users/{USER}/notifications/preferences",
    }
    routes = {f"/v1/users/{user_for(n)}/account/history": body for n, body in bodies.items()}
    routes.update(
        {
            "/v1" + paths["history"]: history_body,
            "/v1" + paths["gzip"]: history_body,
            "/v1" + paths["notifications"]: notes_body,
            "/v1" + paths["preferences"]: prefs_body,
        }
    )
    routes.update(trading_routes())
    with CannedServer(routes, {"/v1" + paths["gzip"]: gzip_body}) as server:
        host = f"http://127.0.0.1:{server.port}/v1"
        pool = urllib3.PoolManager()
        headers = {"Authorization": AUTH, "Accept": "application/json"}
        gzip_headers = {**headers, "Accept-Encoding": "gzip, deflate"}

        def bare(
            path: str, loads: Callable[[bytes], Any] = json.loads, hdrs: dict[str, str] = headers
        ) -> Callable[[], Any]:
            url = host + path
            return lambda: loads(pool.request("GET", url, headers=hdrs).data)

        configuration = kalshi.Configuration(host=host, api_key={"cookie": AUTH})
        with kalshi.ApiClient(configuration) as api_client:
            api = AccountApi(api_client)
            n_notes = sizes.notifications
            sdk: dict[str, Callable[[], Any]] = {
                "history": lambda: api.user_get_account_history(USER),
                "gzip": lambda: api.user_get_account_history(GZIP_USER),
                "notifications": lambda: api.user_get_notifications(USER, n_notes, 1),
                "preferences": lambda: api.get_notification_preferences(USER),
            }
            for call in sdk.values():  # before any peer is imported: tells which decoder the SDK loads itself
                call()
            res.sdk_gzip = server.gzip_served > 0
            res.sdk_orjson = sys.modules.get("orjson") is not None  # None: blocked, as when measuring without it
            peer_modules = {name: optional(name) for name in PEERS}
            res.peers = {name: module is not None for name, module in peer_modules.items()}
            notes_query = f"{paths['notifications']}?page_size={n_notes}&page_number=1"

            sessions: list[Any] = []  # requests sessions, closed with the pool

            def with_peers(path: str, typed_history: bool) -> dict[str, Callable[[], Any]]:
                extra: dict[str, Callable[[], Any]] = {}
                requests, orjson, msgspec = (peer_modules[name] for name in PEERS)
                if requests is not None:
                    session = requests.Session()
                    sessions.append(session)
                    url = host + path
                    extra["requests"] = lambda: json.loads(session.get(url, headers=headers).content)
                if orjson is not None:
                    extra["orjson"] = bare(path, orjson.loads)
                if msgspec is not None and typed_history:
                    extra["msgspec"] = bare(path, msgspec_history_decoder(msgspec))
                return extra

            plan = [
                (
                    "history",
                    f"history, {sizes.history:,} entries ({len(history_body) / 1e6:.2f} MB)",
                    paths["history"],
                    1,
                ),
                ("notifications", f"notifications, page of {n_notes}", notes_query, sizes.batch_notes),
                ("preferences", "get_notification_preferences (tiny)", paths["preferences"], sizes.batch_tiny),
            ]
            ablations = _ablations()
            for key, label, path, batch in plan:
                variants = {"bare": bare(path), "sdk": sdk[key], **with_peers(path, key == "history")}
                variants.update({"-" + name: ablated(sdk[key], ablations[name]) for name in without})
                res.cases.append(Case(key, label, interleave(variants, sizes.rounds, batch, rng)))
                report_case(res.cases[-1], out, base="sdk" if without else "bare")
            if without:
                return res  # a measurement of the optimisations only

            plain, packed = res.gzip_bytes
            label = f"history, {sizes.history:,} entries, gzip ({plain:,} B plain, {packed:,} B gzip)"
            if res.sdk_gzip:
                variants = {"bare": bare(paths["gzip"], hdrs=gzip_headers), "sdk": sdk["gzip"]}
                res.cases.append(Case("gzip", label, interleave(variants, sizes.rounds, 1, rng)))
                report_case(res.cases[-1], out)
            else:
                res.cases.append(Case("gzip", label, {}))
                out(f"{label}: not measured, the SDK does not send Accept-Encoding: gzip")

            for n in sizes.scaling:
                if n == sizes.history:  # the main history case measured this size already
                    main = res.cases[0].times
                    pair = {"bare": main["bare"], "sdk": main["sdk"]}
                    res.scaling.append(Case("scaling", f"history per entry, {n:,} entries", pair, n))
                    continue
                user = user_for(n)
                variants = {
                    "bare": bare(f"/users/{user}/account/history"),
                    "sdk": functools.partial(api.user_get_account_history, user),
                }
                rounds = sizes.rounds if n <= sizes.history else max(3, sizes.rounds // 10)
                batch = max(1, sizes.history // max(n, 1) // 3)
                res.scaling.append(
                    Case("scaling", f"history per entry, {n:,} entries", interleave(variants, rounds, batch, rng), n)
                )
            for case in res.scaling:
                report_case(case, out, per_entry=True)

            res.facade, res.ticker_lookups = facade_cases(server, host, pool, api_client, sizes, rng)
            for case in res.facade:
                report_case(case, out, base="sdk")
            out(f"ticker lookups during the trader's client cases: {res.ticker_lookups}")

            bare_history = bare(paths["history"])
            res.memory["call bare"] = traced_peak(bare_history, sizes.memory_repeat)
            res.memory["call sdk"] = traced_peak(sdk["history"], sizes.memory_repeat)
        pool.clear()
        for session in sessions:
            session.close()

    res.memory.update(decode_peaks(history_body, peer_modules, sizes.memory_repeat))
    report_memory(res.memory, out)

    res.imports = Case("import", "import", import_times(sizes.import_rounds, rng))
    report_imports(res.imports, out)
    return res


# ---- the trader's client


def trading_routes() -> dict[str, bytes]:
    """Canned answers of a log-in, a ticker, an order book and a created order."""
    market = {"id": MARKET_ID, "ticker_name": TICKER, "title": "Fed above 3.00%?", "status": "active"}
    book = {"yes": [[40 - i, 10 + i] for i in range(10)], "no": [[55 - i, 5 + i] for i in range(10)]}
    order = {
        "order_id": "3c1d9e7a-2b4f-4a8e-9f60-1e7d5c3b2a90",
        "user_id": USER,
        "market_id": MARKET_ID,
        "is_yes": True,
        "price": 40,
        "place_count": 10,
        "remaining_count": 10,
        "status": "resting",
        "create_ts": "2026-12-07T09:30:00Z",
        "expiration_ts": None,
        "queue_position": 0,
        "taker_fill_count": 0,
        "taker_fill_cost": 0,
        "taker_fees": 0,
        "maker_fill_count": 0,
        "decrease_count": 0,
        "close_cancel_count": 0,
        "fcc_cancel_count": 0,
        "last_update_op": "order_create",
    }
    answers = {
        "/v1/log_in": {"access_level": "full", "token": "benchmark-token", "user_id": USER},
        f"/v1/markets_by_ticker/{TICKER}": {"market": market},
        f"/v1/markets/{MARKET_ID}/order_book": {"order_book": book},
        f"/v1/users/{USER}/orders": {"order": order, "status": "resting"},
    }
    return {path: json.dumps(body).encode() for path, body in answers.items()}


def facade_cases(
    server: CannedServer,
    host: str,
    pool: urllib3.PoolManager,
    api_client: kalshi.ApiClient,
    sizes: Sizes,
    rng: random.Random,
) -> tuple[list[Case], int]:
    """``Kalshi.orders.create`` and ``Kalshi.markets.book`` next to the generated calls, paired in one run.

    Returns the cases and how many ticker lookups the trader's client sent during them (1: the
    ticker is resolved once per client).
    """
    from kalshi.apis import MarketApi, UserApi
    from kalshi.models import UserOrderCreateRequest

    users, markets = UserApi(api_client), MarketApi(api_client)
    headers = {"Authorization": AUTH, "Accept": "application/json"}
    order_url, book_url = f"{host}/users/{USER}/orders", f"{host}/markets/{MARKET_ID}/order_book"
    order_body = {"market_id": MARKET_ID, "side": "yes", "price": 40, "count": 10}
    post_headers = {**headers, "Content-Type": "application/json"}

    def bare_create() -> Any:
        body = json.dumps(order_body).encode()
        return json.loads(pool.request("POST", order_url, body=body, headers=post_headers).data)

    def sdk_create() -> Any:
        request = UserOrderCreateRequest(market_id=MARKET_ID, side="yes", price=40, count=10)
        return users.user_order_create(USER, user_order_create_request=request).order

    lookup_path = f"/v1/markets_by_ticker/{TICKER}"
    before = server.served.get(lookup_path, 0)
    with kalshi.Kalshi("bench@example.com", "bench-password", host=host) as client:
        plan = [
            (
                "orders.create",
                "Kalshi orders.create (ticker) over UserApi.user_order_create",
                {
                    "bare": bare_create,
                    "sdk": sdk_create,
                    "facade": lambda: client.orders.create(TICKER, side="yes", count=10, price=40),
                },
            ),
            (
                "markets.book",
                "Kalshi markets.book (ticker) over MarketApi.get_market_order_book_cached",
                {
                    "bare": lambda: json.loads(pool.request("GET", book_url, headers=headers).data),
                    "sdk": lambda: markets.get_market_order_book_cached(MARKET_ID).order_book,
                    "facade": lambda: client.markets.book(TICKER),
                },
            ),
        ]
        cases = [
            Case(key, label, interleave(variants, sizes.rounds, sizes.batch_tiny, rng)) for key, label, variants in plan
        ]
    return cases, server.served.get(lookup_path, 0) - before


# ---- reports


def ratio_text(values: list[float]) -> str:
    q1, q3 = quartiles(values)
    return f"{statistics.median(values):.2f}x (IQR {q1:.2f}-{q3:.2f}x)"


def report_case(case: Case, out: Callable[[str], None], per_entry: bool = False, base: str = "bare") -> None:
    rounds = len(case.times["bare"])
    out(f"{case.label}  [{rounds} rounds]")
    for variant in case.times:
        if per_entry:
            value = f"{case.median(variant) / case.size * 1e6:9.3f} us/entry"
        else:
            value = f"{case.median(variant) * 1e3:9.3f} ms"
        ratio = "" if variant == "bare" else "  " + ratio_text(case.ratios(variant))
        if base != "bare" and variant not in ("bare", base):
            ratio += f"; over {base} " + ratio_text(case.ratios(variant, base))
        out(f"    {variant:<10} {value}{ratio}")


def report_memory(memory: dict[str, int], out: Callable[[str], None]) -> None:
    out("peak traced memory, history")
    base = memory["json.loads"]
    for name in ("json.loads", "sdk", "orjson", "msgspec"):
        if name in memory:
            out(f"    decode {name:<12} {memory[name] / 1e6:8.2f} MB  {memory[name] / base:.2f}x")
    call_base = memory["call bare"]
    out(f"    call bare          {call_base / 1e6:8.2f} MB")
    out(f"    call sdk           {memory['call sdk'] / 1e6:8.2f} MB  {memory['call sdk'] / call_base:.2f}x")


def report_imports(case: Case, out: Callable[[str], None]) -> None:
    out(f"import time, fresh processes, compiled bytecode  [{len(case.times['sdk'])} rounds]")
    out(f"    import urllib3                                    {case.median('urllib3') * 1e3:8.2f} ms")
    out(
        f"    import kalshi; from kalshi.api import account_api {case.median('sdk') * 1e3:8.2f} ms  "
        + ratio_text(case.ratios("sdk", "urllib3"))
    )


def verdict(value: float, target: Optional[float]) -> tuple[str, str]:
    if target is None:
        return "—", "—"
    return f"≤ {target:g}×", "pass" if value <= target else "fail"


def markdown(res: Results, out: Callable[[str], None]) -> None:
    out("| case | bare | sdk | sdk / bare (median of paired ratios) | IQR of ratios | target | result |")
    out("|---|---|---|---|---|---|---|")

    def row(label: str, bare: str, sdk: str, ratios: list[float], target: Optional[float]) -> None:
        median = statistics.median(ratios)
        q1, q3 = quartiles(ratios)
        goal, result = verdict(median, target)
        out(f"| {label} | {bare} | {sdk} | {median:.2f}× | {q1:.2f}–{q3:.2f}× | {goal} | {result} |")

    for case in res.cases:
        target = TARGETS.get(case.key)
        if not case.times:
            out(f"| {case.label} | — | — | not measured: the SDK does not ask for gzip | — | — | — |")
            continue
        row(
            case.label,
            f"{case.median('bare') * 1e3:.3f} ms",
            f"{case.median('sdk') * 1e3:.3f} ms",
            case.ratios("sdk"),
            target,
        )
    for case in res.scaling:
        per = case.size / 1e6
        row(
            case.label,
            f"{case.median('bare') / per:.3f} µs/entry",
            f"{case.median('sdk') / per:.3f} µs/entry",
            case.ratios("sdk"),
            None,
        )
    mem = res.memory
    for label, base, sdk, target in (
        ("peak memory, history decode (json.loads / sdk)", mem["json.loads"], mem["sdk"], TARGETS["memory"]),
        ("peak memory, history call (bare / sdk)", mem["call bare"], mem["call sdk"], None),
    ):
        goal, result = verdict(sdk / base, target)
        out(f"| {label} | {base / 1e6:.2f} MB | {sdk / 1e6:.2f} MB | {sdk / base:.2f}× | — | {goal} | {result} |")
    assert res.imports is not None
    imports = res.imports
    row(
        "import kalshi + kalshi.api.account_api (over import urllib3)",
        f"{imports.median('urllib3') * 1e3:.1f} ms",
        f"{imports.median('sdk') * 1e3:.1f} ms",
        imports.ratios("sdk", "urllib3"),
        TARGETS["import"],
    )

    out("")
    out("| trader's client, same run | generated call | Kalshi | Kalshi / generated (median of paired ratios) "
        "| IQR of ratios | target | result |")
    out("|---|---|---|---|---|---|---|")
    for case in res.facade:
        ratios = case.ratios("facade", "sdk")
        q1, q3 = quartiles(ratios)
        median = statistics.median(ratios)
        goal, result = verdict(median, FACADE_TARGET)
        out(
            f"| {case.label} | {case.median('sdk') * 1e3:.3f} ms | {case.median('facade') * 1e3:.3f} ms "
            f"| {median:.2f}× | {q1:.2f}–{q3:.2f}× | {goal} | {result} |"
        )
    lookups = "pass" if res.ticker_lookups == 1 else "fail"
    out(f"| ticker lookups over every Kalshi call above | — | {res.ticker_lookups} | — | — | 1 | {lookups} |")

    out("")
    out("| reference, same run (median paired ratio to bare) | history | notifications | tiny call | memory, decode |")
    out("|---|---|---|---|---|")
    names = {"requests": "requests + json", "orjson": "urllib3 + orjson", "msgspec": "urllib3 + msgspec typed Structs"}
    for peer, label in names.items():
        if not res.peers.get(peer):
            out(f"| {label} | not installed | not installed | not installed | not installed |")
            continue
        cells = []
        for case in res.cases[:3]:
            cells.append(f"{statistics.median(case.ratios(peer)):.2f}×" if peer in case.times else "—")
        memory = f"{mem[peer] / mem['json.loads']:.2f}×" if peer in mem else "—"
        out(f"| {label} | {' | '.join(cells)} | {memory} |")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # 150 rounds: the median of the paired ratios then moves about 0.015 from run to run (60 gave
    # about 0.025, as much as the history's margin under its target).
    parser.add_argument("--rounds", type=int, default=150, help="rounds per case (50,000 entries: a tenth)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the order of variants (default: random)")
    parser.add_argument("--quick", action="store_true", help="every row at tiny sizes, in a few seconds")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        choices=sorted(_ablations()),
        help="also measure the main cases with this optimisation turned off (repeatable); only those cases run",
    )
    args = parser.parse_args(argv)
    argv = sys.argv[1:] if argv is None else argv
    seed = random.SystemRandom().randrange(2**32) if args.seed is None else args.seed
    rounds = max(1, args.rounds)
    if args.quick:
        sizes = Sizes(50, (20, 50, 200), 5, min(rounds, 3), 2, 2, 2, 1)
    else:
        sizes = Sizes(5000, (500, 5000, 50000), 50, rounds, 20, 10, max(5, rounds // 5), 3)

    out = print
    load = os.getloadavg()
    out("# kalshi SDK benchmark")
    out(f"command: {shlex.join(['python', os.path.relpath(__file__, Path.cwd()), *argv])}  (in {Path.cwd()})")
    out(f"seed: {seed}  (repeat this order with --seed {seed})")
    out(
        f"machine: Python {platform.python_version()} ({platform.python_implementation()}), urllib3 "
        f"{getattr(urllib3, '__version__', '?')}, {platform.platform()}, {os.cpu_count()} cores; "
        f"load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    started = time.perf_counter()
    without = tuple(args.without)
    res = run(sizes, random.Random(seed), out, without)  # noqa: S311 - an order of variants, not a secret
    if without:
        out("")
        out("| case | " + " | ".join(f"without {name} / with" for name in without) + " |")
        out("|---|" + "---|" * len(without))
        for case in res.cases:
            cells = [ratio_text(case.ratios("-" + name, "sdk")) for name in without]
            out(f"| {case.label} | " + " | ".join(cells) + " |")
        return 0
    load = os.getloadavg()
    out(
        f"SDK JSON decoder: {'orjson' if res.sdk_orjson else 'json'}; "
        f"SDK asks for gzip: {'yes' if res.sdk_gzip else 'no'}; "
        f"peers: {', '.join(f'{p} ' + ('installed' if res.peers[p] else 'not installed') for p in PEERS)}"
    )
    out(f"load average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; took {time.perf_counter() - started:.1f} s")
    out("")
    markdown(res, out)
    return 0  # a measurement, not a test: the result column says whether the targets hold


if __name__ == "__main__":
    sys.exit(main())
