"""Ids given by a unique start (like git's short hashes), and ``--limit`` on the listings.

Every test gets its own exchange (the ``cli_server`` fixture is overridden here with function
scope): which orders rest decides which starts are unique.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator, List

import pytest

import kalshi
from kalshi.cli.errors import CliError
from kalshi.cli.prefixes import resolve
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .cli_support import Runner, add_maker, json_output, maker_order, requests_to

TICKER = "FED-21DEC-HIKE"
OTHER = "INX-21NOV05-4700"


def _demo_client(server: FakeKalshiServer) -> kalshi.Kalshi:
    return kalshi.Kalshi(DEMO_EMAIL, DEMO_PASSWORD, host=server.host)


def _resting_order(server: FakeKalshiServer, count: int = 1) -> str:
    """A bid for yes at 1¢ of the demo user, which nothing crosses; returns its id."""
    with _demo_client(server) as client:
        order_id = client.orders.create(OTHER, side="yes", count=count, price=1).order_id
    assert order_id is not None
    return order_id


@pytest.fixture
def cli_server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        yield server
        assert server.errors == []


def _two_with_one_start(server: FakeKalshiServer) -> "tuple[str, List[str]]":
    """Resting orders until two ids start alike (17 suffice: 16 hex digits); the start and its orders."""
    ids: List[str] = []
    while True:
        ids.append(_resting_order(server))
        start, seen = Counter(i[0] for i in ids).most_common(1)[0]
        if seen >= 2:
            return start, [i for i in ids if i.startswith(start)]


def test_cancel_and_decrease_take_a_unique_start_of_the_id(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    order_id = _resting_order(cli_server, count=3)
    _resting_order(cli_server)  # another resting order, with another start

    decreased = json_output(kalshi_cli("decrease", order_id[:6].upper(), "--count", "1"))  # case does not matter
    canceled = json_output(kalshi_cli("cancel", order_id[:8]))

    assert decreased["order"]["order_id"] == canceled["order"]["order_id"] == order_id
    assert (decreased["reduced_by"], canceled["reduced_by"]) == (1, 2)
    assert canceled["order"]["status"] == "canceled"
    cancels = [r for r in requests_to(cli_server, order_id) if r.method == "DELETE"]
    assert [r.raw_path for r in cancels] == [f"/v1/users/{DEMO_USER_ID}/orders/{order_id}"]


def test_an_ambiguous_start_lists_the_candidates_and_changes_nothing(
    kalshi_cli: Runner, cli_server: FakeKalshiServer
) -> None:
    start, matching = _two_with_one_start(cli_server)
    cli_server.clear_requests()

    for args in (["cancel", start], ["decrease", start, "--count", "1"]):
        result = kalshi_cli(*args)

        assert result.returncode == 1 and result.stdout == ""
        first, *listed = result.stderr.splitlines()
        assert first == f"error: {start!r} is the start of {len(matching)} resting order ids:"
        assert sorted(line.split()[0] for line in listed) == sorted(matching)  # whole ids, to copy
        assert all(line.endswith(f"{OTHER}  1 yes at 1¢  resting") for line in listed)
    assert [r for r in cli_server.requests if r.method in ("DELETE", "POST") and "/orders/" in r.raw_path] == []
    assert all(o["status"] == "resting" for o in cli_server.orders_of(DEMO_USER_ID))


def test_an_unknown_start_lists_the_resting_orders(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    resting = _resting_order(cli_server)

    unknown = kalshi_cli("cancel", "zzzz")

    assert unknown.returncode == 1 and unknown.stdout == ""
    assert unknown.stderr.splitlines()[0] == "error: no resting order has an id starting with 'zzzz'; yours are:"
    assert unknown.stderr.splitlines()[1].split()[0] == resting
    with _demo_client(cli_server) as client:
        client.orders.cancel(resting)
    nothing = kalshi_cli("cancel", resting[:8])  # no longer resting: not a candidate
    assert (nothing.returncode, nothing.stderr) == (
        1, f"error: no resting order has an id starting with {resting[:8]!r}: you have none\n",
    )  # fmt: skip


def test_a_whole_id_is_sent_without_a_look_up(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    order_id = _resting_order(cli_server)
    cli_server.clear_requests()

    json_output(kalshi_cli("cancel", order_id))

    assert [r.raw_path for r in cli_server.requests if "/orders" in r.raw_path] == [
        f"/v1/users/{DEMO_USER_ID}/orders/{order_id}"
    ]


def test_fills_and_mark_read_take_a_unique_start_too(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    add_maker(cli_server)
    maker_order(cli_server, cli_server.market_id(TICKER), "no", 38, 20)
    with _demo_client(cli_server) as client:
        executed = client.orders.create(TICKER, side="yes", count=4, price=62).order_id or ""
    unread = [n["id"] for n in cli_server.notifications_of(DEMO_USER_ID) if not n["is_read"]][-1]

    fills = json_output(kalshi_cli("fills", "--order", executed[:8]))
    marked = json_output(kalshi_cli("mark-read", unread[:8]))
    unknown = kalshi_cli("mark-read", "zzzz")

    assert [f["order_id"] for f in fills] == [executed]  # an executed order: any of yours is a candidate
    [trades] = requests_to(cli_server, "/trades")
    assert trades.query["order_id"] == [executed]
    assert marked["notification_id"] == unread
    assert {n["id"]: n["is_read"] for n in cli_server.notifications_of(DEMO_USER_ID)}[unread] is True
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("error: no notification has an id starting with 'zzzz'; yours are:\n")


# --------------------------------------------------------------------------- --limit


def test_limit_on_orders_fills_and_notifications(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    for _ in range(3):
        _resting_order(cli_server)

    orders = json_output(kalshi_cli("orders", "--limit", "2"))
    fills = json_output(kalshi_cli("fills", "--limit", "2"))
    cli_server.clear_requests()
    notifications = json_output(kalshi_cli("notifications", "--limit", "7", "--page-size", "5"))

    assert [o["order_id"] for o in orders] == [o["order_id"] for o in cli_server.orders_of(DEMO_USER_ID)][:2]
    assert fills == []
    wire = cli_server.notifications_of(DEMO_USER_ID)
    assert [n["id"] for n in notifications] == [n["id"] for n in wire[:7]]
    # Two pages of 5 hold the first 7; the third page is never asked for.
    assert [r.query["page_number"] for r in requests_to(cli_server, "/notifications")] == [["1"], ["2"]]


def test_limit_is_a_positive_whole_number(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    for command in ("orders", "fills", "notifications"):
        result = kalshi_cli(command, "--limit", "0")

        assert result.returncode == 2 and "--limit: must be at least 1" in result.stderr
    assert cli_server.requests == []


# --------------------------------------------------------------------------- the rule itself


def _ids(*ids: str) -> "list[tuple[str, str]]":
    return [(i, f"about {i[:4]}") for i in ids]


def _resolve(given: str, candidates: "list[tuple[str, str]]") -> str:
    return resolve(given, lambda: candidates, lambda c: c[0], lambda c: c[1], what="order")


def test_a_whole_id_never_reads_the_candidates() -> None:
    whole = "12e0c8b2-bad6-40fb-9948-8dec4f65d4d9"

    def never() -> "list[tuple[str, str]]":
        raise AssertionError("a whole id needs no look-up")

    assert resolve(whole, never, lambda c: c[0], lambda c: c[1], what="order") == whole


def test_a_start_matches_in_any_case_and_only_once() -> None:
    candidates = _ids("12e0c8b2-0000", "12e9a0c4-0000", "5487ce1e-0000")

    assert _resolve("12E0", candidates) == "12e0c8b2-0000"
    assert _resolve("5", candidates) == "5487ce1e-0000"
    with pytest.raises(CliError, match=r"^'12e' is the start of 2 order ids:\n  12e0c8b2-0000  about 12e0\n"):
        _resolve("12e", candidates)


def test_at_most_ten_candidates_are_listed() -> None:
    candidates = _ids(*(f"ab{n:02d}-0000" for n in range(13)))

    with pytest.raises(CliError) as raised:
        _resolve("ab", candidates)

    lines = raised.value.message.splitlines()
    assert lines[0] == "'ab' is the start of 13 order ids:"
    assert lines[1:11] == [f"  ab{n:02d}-0000  about ab{n:02d}" for n in range(10)]
    assert lines[11:] == ["  ... and 3 more"]
    assert raised.value.exit_code == 1
