"""Every ``--table`` output fits a 100-column terminal for the demo account; ``--wide`` shows whole ids.

The demo account is the simulated exchange's seeded user (its history and notifications), after a
trade, a resting order and a canceled one; a second user makes the market.
"""

from __future__ import annotations

from typing import Callable, Dict, List

import pytest

import kalshi
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .cli_support import Runner, add_maker, json_output, maker_order, table_rows

TICKER = "FED-21DEC-HIKE"
OTHER = "INX-21NOV05-4700"


def _demo_client(server: FakeKalshiServer) -> kalshi.Kalshi:
    return kalshi.Kalshi(DEMO_EMAIL, DEMO_PASSWORD, host=server.host)


def _resting_order(server: FakeKalshiServer) -> str:
    """A two-contract bid for yes at 1¢ of the demo user, which nothing crosses; returns its id."""
    with _demo_client(server) as client:
        order_id = client.orders.create(OTHER, side="yes", count=2, price=1).order_id
    assert order_id is not None
    return order_id


@pytest.fixture(scope="module")
def account(cli_server: FakeKalshiServer) -> FakeKalshiServer:
    """The demo account after a day of paper trading: a fill, a resting order, a canceled one."""
    add_maker(cli_server)
    market_id = cli_server.market_id(TICKER)
    maker_order(cli_server, market_id, "yes", 35, 20)
    maker_order(cli_server, market_id, "no", 38, 20)
    with _demo_client(cli_server) as client:
        client.orders.create(TICKER, side="yes", count=10, price=65)  # filled at 62¢
        client.orders.create(TICKER, side="no", count=5, price=50)  # rests: nobody bids 50¢ for yes
        client.orders.cancel(client.orders.create(TICKER, side="yes", count=3, price=20))
    return cli_server


# The arguments of each command, on the account's exchange.
ARGS: Dict[str, Callable[[FakeKalshiServer], List[str]]] = {
    "login": lambda server: [],
    "logout": lambda server: [],
    "history": lambda server: [],
    "notifications": lambda server: ["--all"],
    "mark-read": lambda server: [server.notifications_of(DEMO_USER_ID)[-1]["id"][:8]],
    "preferences": lambda server: [],
    "subscribe": lambda server: ["all"],
    "markets": lambda server: [],
    "market": lambda server: [TICKER],
    "book": lambda server: [TICKER],
    "order": lambda server: [OTHER, "--no", "--price", "2", "--count", "1"],
    "cancel": lambda server: [_resting_order(server)[:8]],
    "decrease": lambda server: [_resting_order(server)[:8], "--count", "1"],
    "orders": lambda server: [],
    "positions": lambda server: [],
    "balance": lambda server: [],
    "fills": lambda server: [],
    "portfolio": lambda server: [],
}


def test_the_width_test_covers_every_session_command() -> None:
    from kalshi.cli.commands import COMMANDS as SESSION_COMMANDS

    assert set(ARGS) == set(SESSION_COMMANDS)


@pytest.mark.parametrize("name", sorted(ARGS))
def test_every_table_fits_100_columns_for_the_demo_account(
    name: str, account: FakeKalshiServer, kalshi_cli: Runner
) -> None:
    args = ARGS[name](account)

    result = kalshi_cli("--table", name, *args)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and "(no rows)" not in result.stdout, f"{name} showed nothing to measure"
    too_wide = [line for line in lines if len(line) > 100]
    assert too_wide == [], f"`kalshi --table {name}` is {max(map(len, lines))} columns wide"
    # Nothing of the JSON's raw forms: RFC 3339 times, true/false, whole UUIDs.
    assert "T09:" not in result.stdout and "true" not in result.stdout and "false" not in result.stdout
    if name not in ("login", "logout", "market", "mark-read"):  # these show the one id they are about
        assert account.market_id(TICKER) not in result.stdout and DEMO_USER_ID not in result.stdout


def test_wide_shows_whole_ids(account: FakeKalshiServer, kalshi_cli: Runner) -> None:
    orders = json_output(kalshi_cli("orders"))

    narrow = table_rows(kalshi_cli("--table", "orders").stdout)
    wide = table_rows(kalshi_cli("--wide", "orders").stdout)  # --wide implies --table

    assert [r["order"] for r in narrow] == [o["order_id"][:8] for o in orders]
    assert [r["order"] for r in wide] == [o["order_id"] for o in orders]
    assert [r["market"] for r in wide] == [r["market"] for r in narrow]  # markets stay tickers
