"""The trading subcommands end to end: ``python -m kalshi ...`` against a fresh simulated exchange.

Every test gets its own exchange (the ``cli_server`` fixture is overridden here with function
scope), so orders and fills of one test never show in another.
"""

from __future__ import annotations

import json
import time
from typing import Iterator, Literal, Tuple

import pytest

from kalshi.testing import DEMO_BALANCE, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .cli_support import (
    Runner,
    add_maker,
    issued_tokens,
    json_output,
    maker_order,
    requests_to,
    table_pairs,
    table_rows,
)

TICKER = "FED-21DEC-HIKE"


@pytest.fixture
def cli_server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        yield server
        assert server.errors == []


def _logged_out(server: FakeKalshiServer) -> bool:
    return server.requests[-1].raw_path == "/v1/log_out"


# --------------------------------------------------------------------------- markets and books


def test_markets_lists_every_market_as_json(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("markets"))

    assert [r["id"] for r in records] == cli_server.market_ids
    first = records[0]
    assert first["ticker_name"] == TICKER and first["status"] == "active"
    assert {"yes_bid", "yes_ask", "last_price", "volume", "title", "close_date"} <= set(first)
    assert _logged_out(cli_server)


def test_markets_status_filter(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    cli_server.settle(cli_server.market_id(TICKER), "no")

    settled = json_output(kalshi_cli("markets", "--status", "settled"))
    active = json_output(kalshi_cli("markets", "--status", "active"))

    assert [r["ticker_name"] for r in settled] == [TICKER]
    assert len(active) == len(cli_server.market_ids) - 1 and TICKER not in {r["ticker_name"] for r in active}


def test_markets_table_is_narrow_with_prices_in_cents(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    add_maker(cli_server)
    maker_order(cli_server, cli_server.market_id(TICKER), "yes", 35, 20)

    result = kalshi_cli("--table", "markets")

    assert result.returncode == 0 and result.stderr == ""
    header = result.stdout.splitlines()[0].split("  ")
    assert [h.strip() for h in header if h.strip()] == [
        "ticker", "status", "bid", "ask", "last", "volume", "closes", "title",
    ]  # fmt: skip
    rows = table_rows(result.stdout)
    assert len(rows) == len(cli_server.market_ids)
    assert rows[0]["ticker"] == TICKER and rows[0]["bid"] == "35¢" and rows[0]["ask"] == "100¢"
    assert rows[0]["last"] == "-"  # never traded
    assert rows[0]["closes"].endswith(" UTC")
    # The title is cut to keep the line within 100 columns; --wide shows it whole.
    assert rows[0]["title"].startswith("Will the Fed") and rows[0]["title"].endswith("...")
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    wide = table_rows(kalshi_cli("--wide", "markets").stdout)
    assert wide[0]["title"] == "Will the Fed raise rates at the December meeting?"


def test_market_by_ticker_and_by_id_are_the_same(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    market_id = cli_server.market_id(TICKER)

    by_ticker = json_output(kalshi_cli("market", TICKER))
    by_id = json_output(kalshi_cli("market", market_id))

    assert by_ticker == by_id
    assert by_ticker["id"] == market_id and by_ticker["ticker_name"] == TICKER
    paths = [r.raw_path for r in requests_to(cli_server, market_id)]
    assert paths == [f"/v1/markets/{market_id}"]  # an id needs no ticker look-up


def test_market_table_is_label_value_lines(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    result = kalshi_cli("market", TICKER, "--table")

    assert result.returncode == 0
    pairs = table_pairs(result.stdout)
    assert list(pairs) == [
        "ticker", "title", "id", "status", "result", "yes bid", "yes ask", "last price", "volume", "open interest",
        "closes",
    ]  # fmt: skip
    assert pairs["ticker"] == TICKER and pairs["volume"] == "0 contracts" and pairs["yes ask"] == "100¢"
    assert pairs["last price"] == "-"  # never traded, as in `markets --table` and the demo


def test_unknown_market_exits_1_with_one_line(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    for command in ("market", "book"):
        result = kalshi_cli(command, "NO-SUCH-TICKER")

        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith("error: (404) Not Found: ") and result.stderr.count("\n") == 1
        assert _logged_out(cli_server)


def test_book_shows_both_sides_best_first(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    market_id = cli_server.market_id(TICKER)
    add_maker(cli_server)
    orders: Tuple[Tuple[Literal["yes", "no"], int], ...] = (("yes", 30), ("yes", 35), ("no", 38))
    for side, price in orders:
        maker_order(cli_server, market_id, side, price, 20)

    book = json_output(kalshi_cli("book", TICKER))
    table = kalshi_cli("--table", "book", market_id)

    assert book == {"market_id": market_id, "yes": [[35, 20], [30, 20]], "no": [[38, 20]]}
    assert {"yes": book["yes"], "no": book["no"]} == cli_server.book_of(market_id)
    assert table_rows(table.stdout) == [
        {"bid for": "yes", "price": "35¢", "contracts": "20", "that is": "sells no at 65¢"},
        {"bid for": "yes", "price": "30¢", "contracts": "20", "that is": "sells no at 70¢"},
        {"bid for": "no", "price": "38¢", "contracts": "20", "that is": "sells yes at 62¢"},
    ]


def test_empty_book_and_empty_lists_as_tables(kalshi_cli: Runner) -> None:
    assert json_output(kalshi_cli("book", TICKER))["yes"] == []
    for command in ("book", "orders", "fills", "positions"):
        result = kalshi_cli("--table", command, *([TICKER] if command == "book" else []))
        assert (result.returncode, result.stdout) == (0, "(no rows)\n"), command


# --------------------------------------------------------------------------- orders


def test_order_rests_and_prints_the_exchanges_answer(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    market_id = cli_server.market_id(TICKER)

    answer = json_output(kalshi_cli("order", TICKER, "--yes", "--price", "40", "--count", "10"))

    assert set(answer) == {"order", "status"} and answer["status"] == "resting"
    order = answer["order"]
    assert (order["market_id"], order["is_yes"], order["price"], order["remaining_count"]) == (market_id, True, 40, 10)
    assert cli_server.orders_of(DEMO_USER_ID)[0]["order_id"] == order["order_id"]
    assert cli_server.book_of(market_id) == {"yes": [[40, 10]], "no": []}
    [post] = [r for r in requests_to(cli_server, "/orders") if r.method == "POST"]
    assert json.loads(post.body) == {"count": 10, "market_id": market_id, "price": 40, "side": "yes"}
    assert cli_server.balance_of(DEMO_USER_ID) == DEMO_BALANCE - 400


def test_order_options_reach_the_request_body(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    # An hour from now on this machine's clock: the client refuses an expiry in the past before sending.
    expires = int(time.time()) + 3600

    result = kalshi_cli(
        "--table", "order", TICKER, "--no", "--price", "55", "--count", "5", "--max-cost", "200",
        "--expires", str(expires),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    [post] = [r for r in requests_to(cli_server, "/orders") if r.method == "POST"]
    body = json.loads(post.body)
    assert (body["side"], body["max_cost_cents"], body["expiration_unix_ts"]) == ("no", 200, expires)
    pairs = table_pairs(result.stdout)
    # max_cost 200 // 55 cents: the exchange cut the order to 3 contracts.
    shown = (pairs["side"], pairs["price"], pairs["placed"], pairs["resting"])
    assert shown == ("no", "55¢", "3 contracts", "3 contracts")
    assert pairs["fees"] == "$0.00" and pairs["expires"].startswith("20")


def test_sell_position_capped_is_sent_and_the_refusal_exits_1(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    # No position to close: the cap leaves 0 contracts and the exchange refuses the order.
    result = kalshi_cli("order", TICKER, "--no", "--price", "50", "--count", "5", "--sell-position-capped")

    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("error: (400) Bad Request: ") and result.stderr.count("\n") == 1
    [post] = [r for r in requests_to(cli_server, "/orders") if r.method == "POST"]
    assert json.loads(post.body)["sell_position_capped"] is True
    assert cli_server.orders_of(DEMO_USER_ID) == []


def test_order_is_sent_once_even_when_the_connection_breaks(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    cli_server.reset_next(1, path_contains="/orders", method="POST")

    result = kalshi_cli("order", TICKER, "--yes", "--price", "40", "--count", "10")

    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "may or may not have been placed; run `kalshi orders --market FED-21DEC-HIKE`" in result.stderr
    assert len([r for r in requests_to(cli_server, "/orders") if r.method == "POST"]) == 1


def test_an_expiry_in_the_past_exits_2_before_sending(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    past = int(time.time()) - 60

    result = kalshi_cli("order", TICKER, "--yes", "--price", "40", "--count", "1", "--expires", str(past))

    assert result.returncode == 2 and result.stdout == ""
    assert "expires must be in the future" in result.stderr and result.stderr.count("\n") == 1
    assert [r for r in requests_to(cli_server, "/orders") if r.method == "POST"] == []


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--price", "40", "--count", "1"], "one of the arguments --yes --no is required"),
        (["--yes", "--no", "--price", "40", "--count", "1"], "not allowed with argument"),
        (["--yes", "--price", "0", "--count", "1"], "--price: must be a price in cents from 1 to 99, got 0"),
        (["--yes", "--price", "100", "--count", "1"], "--price: must be a price in cents from 1 to 99, got 100"),
        (["--yes", "--price", "40", "--count", "0"], "--count: must be at least 1"),
        (["--yes", "--price", "40"], "the following arguments are required: --count"),
        (["--yes", "--price", "40", "--count", "1", "--max-cost", "x"], "--max-cost: expected a whole number"),
    ],
    ids=["no-side", "both-sides", "price-0", "price-100", "count-0", "no-count", "bad-max-cost"],
)
def test_order_usage_errors_exit_2_before_sending(
    kalshi_cli: Runner, cli_server: FakeKalshiServer, args: "list[str]", complaint: str
) -> None:
    result = kalshi_cli("order", TICKER, *args)

    assert result.returncode == 2 and result.stdout == ""
    assert complaint in result.stderr
    assert cli_server.requests == []


def test_decrease_then_cancel(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    order_id = json_output(kalshi_cli("order", TICKER, "--yes", "--price", "40", "--count", "10"))["order"]["order_id"]

    decreased = json_output(kalshi_cli("decrease", order_id, "--count", "3"))
    by = json_output(kalshi_cli("decrease", order_id, "--by", "1"))  # the older spelling
    table = kalshi_cli("--table", "cancel", order_id)

    assert decreased["reduced_by"] == 3 and decreased["order"]["remaining_count"] == 7
    assert by["reduced_by"] == 1 and by["order"]["remaining_count"] == 6
    assert table.returncode == 0, table.stderr
    pairs = table_pairs(table.stdout)
    assert (pairs["order"], pairs["status"], pairs["reduced by"]) == (order_id[:8], "canceled", "6 contracts")
    assert pairs["market"] == TICKER
    assert cli_server.orders_of(DEMO_USER_ID)[0]["status"] == "canceled"
    assert cli_server.balance_of(DEMO_USER_ID) == DEMO_BALANCE


def test_cancel_and_decrease_errors(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    unknown = kalshi_cli("cancel", "00000000-0000-4000-8000-000000000000")
    no_count = kalshi_cli("decrease", "00000000-0000-4000-8000-000000000000")

    assert unknown.returncode == 1 and unknown.stderr.startswith("error: (404) Not Found: ")
    assert no_count.returncode == 2 and "--count" in no_count.stderr


def test_orders_lists_every_status_and_filters(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    first = json_output(kalshi_cli("order", TICKER, "--yes", "--price", "40", "--count", "10"))["order"]
    json_output(kalshi_cli("order", "CPI-21NOV-6.0", "--no", "--price", "30", "--count", "2"))
    json_output(kalshi_cli("cancel", first["order_id"]))

    every = json_output(kalshi_cli("orders"))
    resting = json_output(kalshi_cli("orders", "--status", "resting"))
    in_market = json_output(kalshi_cli("orders", "--market", TICKER))
    table = kalshi_cli("--table", "orders")

    assert [o["order_id"] for o in every] == [o["order_id"] for o in cli_server.orders_of(DEMO_USER_ID)]
    assert [o["status"] for o in every] == ["resting", "canceled"]
    assert [o["price"] for o in resting] == [30]
    assert [o["order_id"] for o in in_market] == [first["order_id"]]
    rows = table_rows(table.stdout)
    assert list(rows[0]) == ["order", "market", "side", "price", "placed", "resting", "status", "created"]
    assert [r["order"] for r in rows] == [o["order_id"][:8] for o in every]
    assert {r["market"] for r in rows} == {TICKER, "CPI-21NOV-6.0"}
    assert [(r["side"], r["price"], r["resting"], r["status"]) for r in rows] == [
        ("no", "30¢", "2", "resting"),
        ("yes", "40¢", "0", "canceled"),
    ]


# --------------------------------------------------------------------------- a trade, end to end


def test_a_resting_order_is_filled_by_a_counterparty(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    market_id = cli_server.market_id(TICKER)
    maker_id = add_maker(cli_server)

    order = json_output(kalshi_cli("order", TICKER, "--yes", "--price", "40", "--count", "10"))["order"]
    assert order["status"] == "resting" and cli_server.balance_of(DEMO_USER_ID) == DEMO_BALANCE - 400
    # The counterparty sells yes (buys no at 60): it crosses the demo user's bid at 40.
    taker = maker_order(cli_server, market_id, "no", 60, 10)
    assert taker["taker_fill_count"] == 10

    orders = json_output(kalshi_cli("orders"))
    [position] = json_output(kalshi_cli("positions"))
    balance = json_output(kalshi_cli("balance"))
    [fill] = json_output(kalshi_cli("fills"))
    portfolio = json_output(kalshi_cli("portfolio"))

    assert (orders[0]["order_id"], orders[0]["status"], orders[0]["maker_fill_count"]) == (
        order["order_id"], "executed", 10,
    )  # fmt: skip
    assert (position["market_id"], position["position"], position["position_cost"]) == (market_id, 10, 400)
    assert position["fees_paid"] == 0  # the maker pays no fee
    for key, value in cli_server.positions_of(DEMO_USER_ID)[market_id].items():
        assert position[key] == value, key
    assert balance == {"balance": DEMO_BALANCE - 400} and balance["balance"] == cli_server.balance_of(DEMO_USER_ID)
    assert (fill["order_id"], fill["is_yes"], fill["price"], fill["count"], fill["is_taker"]) == (
        order["order_id"], True, 40, 10, False,
    )  # fmt: skip
    # A maker's fill turns its reservation into cost: the last change of the balance was the order.
    assert (portfolio[-1]["a"], portfolio[-1]["reason"]) == (balance["balance"], "order")
    assert cli_server.balance_of(maker_id) == 500_000 - 600 - taker["taker_fees"]

    positions_table = table_rows(kalshi_cli("--table", "positions").stdout)
    fills_table = table_rows(kalshi_cli("--table", "fills", "--market", TICKER).stdout)
    balance_table = kalshi_cli("--table", "balance").stdout
    portfolio_table = table_rows(kalshi_cli("--table", "portfolio").stdout)

    assert positions_table == [
        {
            "market": TICKER, "position": "10 yes", "cost": "$4.00", "realized P&L": "$0.00",
            "fees": "$0.00", "volume": "10", "resting orders": "0",
        }
    ]  # fmt: skip
    assert [(f["side"], f["price"], f["contracts"], f["role"]) for f in fills_table] == [("yes", "40¢", "10", "maker")]
    assert balance_table == "balance  $9,996.00\n"
    assert list(portfolio_table[0]) == ["time", "available", "value", "change", "reason"]
    assert (portfolio_table[-1]["available"], portfolio_table[-1]["reason"]) == ("$9,996.00", "order")

    cli_server.settle(market_id, "yes")
    [settled] = json_output(kalshi_cli("positions", "--market", TICKER))
    assert (settled["position"], settled["realized_pnl"]) == (0, 600)
    assert json_output(kalshi_cli("balance")) == {"balance": DEMO_BALANCE + 600}
    assert json_output(kalshi_cli("market", TICKER))["result"] == "yes"


def test_positions_of_an_untouched_market_and_fills_of_an_order(
    kalshi_cli: Runner, cli_server: FakeKalshiServer
) -> None:
    [position] = json_output(kalshi_cli("positions", "--market", "CPI-21NOV-6.0"))
    fills = json_output(kalshi_cli("fills", "--order", "00000000-0000-4000-8000-000000000000"))

    assert (position["position"], position["position_cost"]) == (0, 0)
    assert fills == []
    [request] = requests_to(cli_server, "/trades")
    assert request.query["order_id"] == ["00000000-0000-4000-8000-000000000000"]


def test_trading_commands_need_credentials_and_send_nothing_without(
    kalshi_cli: Runner, cli_server: FakeKalshiServer
) -> None:
    result = kalshi_cli("balance", KALSHI_PASSWORD=None)

    assert result.returncode == 2 and "KALSHI_PASSWORD" in result.stderr
    assert cli_server.requests == []



def test_no_token_or_password_in_trading_output_with_verbose(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    runs = [
        kalshi_cli("-v", "order", TICKER, "--yes", "--price", "40", "--count", "10"),
        kalshi_cli("-v", "--table", "orders"),
        kalshi_cli("-v", "cancel", "00000000-0000-4000-8000-000000000000"),  # an API error after log-in
    ]

    assert [r.returncode for r in runs] == [0, 0, 1]
    printed = "".join(r.stdout + r.stderr for r in runs)
    assert "DEBUG kalshi: POST " in printed
    tokens = issued_tokens(cli_server)
    assert len(tokens) == 3
    assert not [t for t in tokens if t in printed]
    assert DEMO_PASSWORD not in printed
