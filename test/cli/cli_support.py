"""Helpers of the CLI tests: run the ``kalshi`` command (in this process, or as a subprocess), read its output.

``run_kalshi`` calls ``kalshi.cli.main(args)`` in the test's own process, with ``os.environ``,
stdin, stdout and stderr set as ``python -m kalshi`` would see them; it is what the ``kalshi_cli``
fixture uses, and it costs no interpreter start-up. ``kalshi_command`` is the argv of a real
``python -m kalshi`` for the few tests that need a process of its own (the entry point, a pipe
that the reader closes, a terminal).

In-process, a command must read ``sys.stdin``/``sys.stdout``/``sys.stderr`` and ``os.environ``
when it runs (not bind them at import or as default arguments), return its exit code rather than
exit the process, and leave the process as it found it (logging, signal handlers, threads); one
that serves until interrupted belongs in a subprocess test.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Literal, Mapping, Optional, Sequence

import kalshi.cli
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer, RecordedRequest

REPO = Path(__file__).resolve().parents[2]
# Generous: a subprocess run takes ~0.2 s; this only stops a hung process from hanging the suite.
TIMEOUT = 30.0

# ``kalshi_cli(*args, **env_changes)``, the conftest fixture.
Runner = Callable[..., "subprocess.CompletedProcess[str]"]

_TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$")


def cli_env(server: FakeKalshiServer, **changes: Optional[str]) -> Dict[str, str]:
    """The environment of a run: the demo credentials and the fake's host, plus ``changes``.

    A change to None removes that variable. The conftest autouse fixture has already removed
    every KALSHI_* variable of the machine from ``os.environ``.
    """
    env = {
        **os.environ,
        "KALSHI_EMAIL": DEMO_EMAIL,
        "KALSHI_PASSWORD": DEMO_PASSWORD,
        "KALSHI_HOST": server.host,
        "PYTHONIOENCODING": "utf-8",
    }
    # The SDK is imported from this checkout, whether or not it is installed.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def kalshi_command(args: Sequence[str]) -> List[str]:
    """The argv of ``python -m kalshi ARGS`` on this interpreter (run it with ``cwd=REPO``)."""
    return [sys.executable, "-m", "kalshi", *args]


def run_kalshi(args: Sequence[str], env: Mapping[str, str]) -> "subprocess.CompletedProcess[str]":
    """``kalshi ARGS`` through ``kalshi.cli.main`` in this process, as ``python -m kalshi`` would run.

    For the length of the call ``os.environ`` is ``env``, stdin is empty and not a terminal, and
    stdout and stderr are captured in the encoding ``PYTHONIOENCODING`` names (as a process's
    would be). The output is decoded as ``subprocess.run(text=True)`` decodes it, newlines
    translated, and returned in a ``CompletedProcess`` like a subprocess's.
    """
    encoding = env.get("PYTHONIOENCODING", "utf-8").split(":")[0] or "utf-8"
    out, err = io.BytesIO(), io.BytesIO()
    # Python's own choices of error handler for its standard streams.
    stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict")
    stderr = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace")
    logger = logging.getLogger("kalshi")
    logging_before = (logger.level, list(logger.handlers))
    with _environment(env), _standard_streams(io.StringIO(""), stdout, stderr):
        try:
            code = kalshi.cli.main(list(args))
        except SystemExit as done:  # as `python -m kalshi` would end: sys.exit(main())
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    # The command ran inside the test process: it must leave the process's logging as it found it.
    assert (logger.level, list(logger.handlers)) == logging_before, "the command left the kalshi logger changed"
    stdout.flush()
    stderr.flush()
    return subprocess.CompletedProcess(kalshi_command(args), code, _text(out), _text(err))


def run_kalshi_process(args: Sequence[str], env: Mapping[str, str]) -> "subprocess.CompletedProcess[str]":
    """``python -m kalshi ARGS`` as a subprocess, stdin not a terminal; stdout and stderr captured as text."""
    return subprocess.run(  # noqa: S603 - our own interpreter and module, fixed arguments
        kalshi_command(args),
        env=dict(env),
        cwd=str(REPO),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


@contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    """``os.environ`` is ``env`` inside; only the variables that differ are touched (other threads read it too)."""
    saved = dict(os.environ)
    _become(saved, env)
    try:
        yield
    finally:
        _become(dict(os.environ), saved)


def _become(current: Mapping[str, str], wanted: Mapping[str, str]) -> None:
    for name in current.keys() - wanted.keys():
        del os.environ[name]
    for name, value in wanted.items():
        if current.get(name) != value:
            os.environ[name] = value


@contextmanager
def _standard_streams(stdin: Any, stdout: Any, stderr: Any) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _text(written: io.BytesIO) -> str:
    # As subprocess.run(text=True, encoding="utf-8") reads a pipe: universal newlines.
    return written.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def json_output(result: "subprocess.CompletedProcess[str]") -> Any:
    """The parsed stdout of a successful run (which wrote nothing to stderr)."""
    assert result.returncode == 0, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.stderr == ""
    return json.loads(result.stdout)


def instant(text: str) -> datetime:
    """Parse an RFC 3339 timestamp on any Python (3.9's fromisoformat reads neither 'Z' nor 5 digits)."""
    match = _TIMESTAMP.match(text)
    assert match, f"not an RFC 3339 timestamp: {text!r}"
    head, fraction, offset = match.groups()
    micro = (fraction or "0").ljust(6, "0")[:6]
    return datetime.fromisoformat(f"{head}.{micro}{'+00:00' if offset == 'Z' else offset}")


def same_value(printed: Any, wire: Any) -> bool:
    """Equal, with timestamps compared as instants (the CLI trims trailing fraction zeros)."""
    if isinstance(printed, str) and isinstance(wire, str) and _TIMESTAMP.match(wire):
        return instant(printed) == instant(wire)
    if isinstance(printed, dict) and isinstance(wire, dict):
        return printed.keys() == wire.keys() and all(same_value(printed[k], wire[k]) for k in wire)
    return bool(printed == wire) and type(printed) is type(wire)


def assert_record_matches(printed: Mapping[str, Any], wire: Mapping[str, Any]) -> None:
    """Every field of the wire object is printed with its value; other printed fields are null."""
    for key, value in wire.items():
        assert key in printed, f"{key!r} missing from {printed}"
        assert same_value(printed[key], value), f"{key}: printed {printed[key]!r}, server has {value!r}"
    extra = {k: v for k, v in printed.items() if k not in wire}
    assert all(v is None for v in extra.values()), extra


def history_record(entry: Mapping[str, Any]) -> Dict[str, Any]:
    """A wire history entry flattened as ``to_records()`` does: ``type`` plus the sub-record."""
    kind = entry["type"]
    return {"type": kind, **entry["data"][kind]}


def requests_to(server: FakeKalshiServer, suffix: str) -> List[RecordedRequest]:
    """The recorded requests whose path ends with ``suffix``."""
    return [r for r in server.requests if r.raw_path.endswith(suffix)]


def issued_tokens(server: FakeKalshiServer) -> List[str]:
    """Every session token the server issued, read from the Authorization headers ("<user_id> <token>")."""
    tokens = set()
    for request in server.requests:
        value = request.headers.get("authorization")
        if value and " " in value:
            tokens.add(value.split(" ", 1)[1])
    return sorted(tokens)


MAKER_EMAIL = "maker@example.com"
MAKER_PASSWORD = "maker-password"  # noqa: S105 - a test user's password


def add_maker(server: FakeKalshiServer, balance: int = 500_000) -> str:
    """A second user with a clean account, the counterparty of the demo user; returns its id."""
    return server.add_user(MAKER_EMAIL, MAKER_PASSWORD, balance=balance, history=[], notifications=[])


def maker_order(
    server: FakeKalshiServer, market_id: str, side: Literal["yes", "no"], price: int, count: int
) -> Dict[str, Any]:
    """The maker places an order through its own SDK client; returns the order as a dict."""
    import kalshi
    from kalshi.api.user_api import UserApi
    from kalshi.models import UserOrderCreateRequest

    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        client.login(MAKER_EMAIL, MAKER_PASSWORD)
        request = UserOrderCreateRequest(market_id=market_id, side=side, price=price, count=count)
        order = UserApi(client).user_order_create(user_order_create_request=request).order.to_dict()
        client.logout()
    return order


def table_rows(text: str) -> List[Dict[str, str]]:
    """A ``--table`` grid read back: one dict per row, keyed by the header (columns split by the rule)."""
    header, rule, *rows = text.splitlines()
    spans = [m.span() for m in re.finditer(r"-+", rule)]
    # The last column runs to the end of the line (a long title is not cut).
    spans[-1] = (spans[-1][0], max(len(line) for line in text.splitlines()))
    names = [header[a:b].strip() for a, b in spans]
    return [{n: row[a:b].strip() for n, (a, b) in zip(names, spans)} for row in rows]


def table_pairs(text: str) -> Dict[str, str]:
    """A ``--table`` of one object read back: ``label  value`` lines (labels may hold one space)."""
    found = {}
    for line in text.splitlines():
        label, _, value = line.partition("  ")
        found[label] = value.strip()
    return found


def fill_many(server: FakeKalshiServer, count: int) -> None:
    """``count`` fills for the demo user and for the maker (added here), and ``count`` orders for the maker.

    The maker rests ``count`` one-contract bids for yes at 40¢; the demo user buys ``count`` no at
    60¢, which takes each of them: one fill per maker order.
    """
    import kalshi
    from kalshi.api.user_api import UserApi
    from kalshi.models import UserOrderCreateRequest

    add_maker(server)
    market_id = server.market_id("FED-21DEC-HIKE")
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        client.login(MAKER_EMAIL, MAKER_PASSWORD)
        bid = UserOrderCreateRequest(market_id=market_id, side="yes", price=40, count=1)
        for _ in range(count):
            UserApi(client).user_order_create(user_order_create_request=bid)
        client.logout()
        client.login(DEMO_EMAIL, DEMO_PASSWORD)
        take = UserOrderCreateRequest(market_id=market_id, side="no", price=60, count=count)
        assert UserApi(client).user_order_create(user_order_create_request=take).order.remaining_count == 0
        client.logout()
