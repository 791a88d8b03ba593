"""Usage errors show the subcommand's own usage, and every global option either applies or is refused.

These call ``kalshi.cli.main`` in-process (the console script's entry point) to keep the matrix fast.
"""

from __future__ import annotations

import json
from typing import Dict, Iterator, List, Tuple

import pytest

import kalshi
import kalshi.cli
from kalshi.api.user_api import UserApi
from kalshi.cli.parser import GLOBAL_OPTIONS, build_parser, global_options
from kalshi.models import UserOrderCreateRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .cli_support import cli_env, run_kalshi

# Arguments that each subcommand's parser accepts (values need not exist on an exchange).
PARSABLE: Dict[str, List[str]] = {
    "login": [],
    "logout": [],
    "history": [],
    "notifications": [],
    "mark-read": ["4fca81bf-975f-425d-9a68-c797b30c5e0a"],
    "preferences": [],
    "subscribe": ["basic"],
    "markets": [],
    "market": ["FED-21DEC-HIKE"],
    "book": ["FED-21DEC-HIKE"],
    "order": ["FED-21DEC-HIKE", "--yes", "--price", "40", "--count", "1"],
    "cancel": ["12e0c8b2-bad6-40fb-9948-8dec4f65d4d9"],
    "decrease": ["12e0c8b2-bad6-40fb-9948-8dec4f65d4d9", "--count", "1"],
    "orders": [],
    "positions": [],
    "balance": [],
    "fills": [],
    "portfolio": [],
    "demo": [],
    "serve": [],
}
SUBCOMMANDS = sorted(PARSABLE)

# Each global option as given on a command line, and the value ``global_options`` then reads.
GIVEN: Dict[str, Tuple[List[str], object]] = {
    "host": (["--host", "http://127.0.0.1:9/v1"], "http://127.0.0.1:9/v1"),
    "demo": (["--demo"], True),
    "email": (["--email", "someone@example.com"], "someone@example.com"),
    "table": (["--table"], True),
    "wide": (["--wide"], True),
    "timeout": (["--timeout", "2.5"], 2.5),
    "verbose": (["-v"], True),
}
# The demo runs offline on its own exchange, logs itself in and prints text: of the global
# options, only -v (the request log) means something to it. Every other command uses them all.
REFUSED = {("demo", dest) for dest in ("host", "demo", "email", "table", "wide", "timeout")}
# serve runs an exchange rather than calling one: it takes no global option (after the command,
# --host is its own option, the address to listen on).
REFUSED |= {("serve", dest) for dest in GIVEN}

MATRIX = [(name, dest) for name in SUBCOMMANDS for dest in GLOBAL_OPTIONS]


def _main(argv: List[str], capsys: pytest.CaptureFixture[str]) -> Tuple[int, str, str]:
    code = kalshi.cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_tables_cover_every_subcommand_and_global_option() -> None:
    parser = build_parser()
    [subcommands] = [a for a in parser._actions if a.dest == "command"]
    assert set(subcommands.choices or ()) == set(PARSABLE)
    assert set(GIVEN) == set(GLOBAL_OPTIONS)


# --------------------------------------------------------------------------- each its own usage


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_unknown_option_shows_the_subcommands_usage(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main([name, *PARSABLE[name], "--bogus"], capsys)

    assert (code, out) == (2, "")
    assert err.startswith(f"usage: kalshi {name} ")
    assert err.endswith(f"kalshi {name}: error: unrecognized arguments: --bogus\n")


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_stray_argument_shows_the_subcommands_usage(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main([name, *PARSABLE[name], "extra", "words"], capsys)

    assert (code, out) == (2, "")
    assert err.startswith(f"usage: kalshi {name} ")
    assert err.endswith(f"kalshi {name}: error: unrecognized arguments: extra words\n")


def test_unknown_option_before_the_subcommand_shows_the_top_level_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _main(["--bogus", "login"], capsys)

    assert code == 2
    assert err.startswith("usage: kalshi [-h]")
    assert err.endswith("kalshi: error: unrecognized arguments: --bogus\n")


def test_bad_value_shows_the_subcommands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _main(["order", "FED-21DEC-HIKE", "--yes", "--price", "100", "--count", "1"], capsys)

    assert code == 2
    assert err.startswith("usage: kalshi order ")
    assert "kalshi order: error: argument --price: must be a price in cents from 1 to 99, got 100" in err


# --------------------------------------------------------------------------- the matrix


@pytest.mark.parametrize("position", ["before", "after"])
@pytest.mark.parametrize(("name", "dest"), MATRIX, ids=[f"{n}-{d}" for n, d in MATRIX])
def test_global_option_applies_or_is_refused(
    name: str, dest: str, position: str, capsys: pytest.CaptureFixture[str]
) -> None:
    option, value = GIVEN[dest]
    argv = [*option, name, *PARSABLE[name]] if position == "before" else [name, *PARSABLE[name], *option]

    if (name, dest, position) == ("serve", "host", "after"):
        assert build_parser().parse_args(argv).listen_host == value
    elif (name, dest) in REFUSED:
        code, out, err = _main(argv, capsys)
        assert (code, out) == (2, "")
        assert err.startswith(f"usage: kalshi {name} ")
        spelled = "/".join(GLOBAL_OPTIONS[dest])
        assert f"kalshi {name}: error: {spelled} does not apply to `{name}`: " in err
    else:
        args = build_parser().parse_args(argv)
        assert getattr(global_options(args), dest) == value


@pytest.fixture(scope="module")
def exchange() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        yield server
        assert server.errors == []


def _resting_order(server: FakeKalshiServer) -> str:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        client.login(DEMO_EMAIL, DEMO_PASSWORD)
        request = UserOrderCreateRequest(market_id=server.market_id("FED-21DEC-HIKE"), side="yes", price=5, count=3)
        order_id = UserApi(client).user_order_create(user_order_create_request=request).order.order_id
        client.logout()
    assert order_id is not None
    return order_id


def _runnable(name: str, server: FakeKalshiServer) -> List[str]:
    """``PARSABLE[name]`` with ids that exist on ``server``."""
    if name == "mark-read":
        return [server.notifications_of(DEMO_USER_ID)[0]["id"]]
    if name == "cancel":
        return [_resting_order(server)]
    if name == "decrease":
        return [_resting_order(server), "--count", "1"]
    return PARSABLE[name]


SESSION_COMMANDS = [name for name in SUBCOMMANDS if name not in ("demo", "serve")]


@pytest.mark.parametrize("name", SESSION_COMMANDS)
def test_every_global_option_takes_effect(
    name: str, exchange: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The environment points elsewhere: only the options can make this run work.
    monkeypatch.setenv("KALSHI_EMAIL", "nobody@example.com")
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("KALSHI_HOST", "http://127.0.0.1:9/v1")
    args = _runnable(name, exchange)
    exchange.clear_requests()

    code, out, err = _main(
        [name, *args, "--demo", "--host", exchange.host, "--email", DEMO_EMAIL, "--timeout", "5", "--table", "-v"],
        capsys,
    )

    assert code == 0, err
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)  # --table: a table, not JSON
    assert out.strip()
    assert f"logging in to {exchange.host} as {DEMO_EMAIL}" in err  # --host (beating --demo), --email, -v
    assert f"DEBUG kalshi: POST {exchange.host}/log_in -> 200" in err
    assert exchange.requests[0].raw_path == "/v1/log_in"


@pytest.mark.parametrize("name", SESSION_COMMANDS)
def test_timeout_reaches_every_command(
    name: str, exchange: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("KALSHI_HOST", exchange.host)
    exchange.delay_next(1, 0.6, path_contains="/log_in")

    code, out, err = _main([name, *PARSABLE[name], "--timeout", "0.2"], capsys)

    assert (code, out) == (1, "")
    assert err.startswith("error: log-in failed: ") and "timed out" in err.lower(), err


def test_demo_takes_verbose(exchange: FakeKalshiServer) -> None:
    exchange.clear_requests()

    result = run_kalshi(["demo", "-v"], cli_env(exchange))

    assert exchange.requests == []  # the demo ran its own exchange

    assert result.returncode == 0, result.stderr
    assert "Logged out." in result.stdout
    assert "DEBUG kalshi: POST http://127.0.0.1:" in result.stderr
    assert "/log_in -> 200 OK" in result.stderr
