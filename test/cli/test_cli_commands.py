"""Every subcommand end to end: ``python -m kalshi ...`` against a fake exchange."""

from __future__ import annotations

import re

from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

from .cli_support import Runner, assert_record_matches, history_record, issued_tokens, json_output, requests_to


def test_login_prints_who_logged_in_and_logs_out(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    result = kalshi_cli("login")

    assert json_output(result) == {"user_id": DEMO_USER_ID, "access_level": "full"}
    assert [(r.method, r.raw_path) for r in cli_server.requests] == [("POST", "/v1/log_in"), ("POST", "/v1/log_out")]
    [token] = issued_tokens(cli_server)
    assert token not in result.stdout


def test_logout_opens_and_closes_one_session(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    result = kalshi_cli("logout")

    assert json_output(result) == {"ok": True, "user_id": DEMO_USER_ID, "logged_out": True}
    assert [r.raw_path for r in cli_server.requests] == ["/v1/log_in", "/v1/log_out"]


def test_history_prints_every_entry_as_a_record(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("history"))

    wire = cli_server.history_of(DEMO_USER_ID)
    assert len(records) == len(wire) == 25
    for printed, entry in zip(records, wire):
        assert list(printed)[0] == "type"
        assert_record_matches(printed, history_record(entry))
    [request] = requests_to(cli_server, "/account/history")
    assert request.raw_query == ""  # no flag given: nothing sent, the server's default applies


def test_history_flags_reach_the_server_as_its_query(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("history", "--limit", "4", "--trades", "--settlements", "--no-orders"))

    [request] = requests_to(cli_server, "/account/history")
    assert request.query == {
        "Limit": ["4"],
        "ShouldReturnTrades": ["true"],
        "ShouldReturnSettlements": ["true"],
        "ShouldReturnOrders": ["false"],
    }
    expected = [e for e in cli_server.history_of(DEMO_USER_ID) if e["type"] in ("Trade", "Settlement")][:4]
    assert [r["type"] for r in records] == [e["type"] for e in expected]
    for printed, entry in zip(records, expected):
        assert_record_matches(printed, history_record(entry))


def test_history_exclusion_flags(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("history", "--no-deposits", "--no-withdrawals"))

    [request] = requests_to(cli_server, "/account/history")
    assert request.query == {"ShouldReturnDeposits": ["false"], "ShouldReturnWithdrawals": ["false"]}
    kept = [e for e in cli_server.history_of(DEMO_USER_ID) if e["type"] not in ("Deposit", "Withdrawal")]
    assert [r["type"] for r in records] == [e["type"] for e in kept]


def test_notifications_first_page_by_default(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("notifications"))

    wire = cli_server.notifications_of(DEMO_USER_ID)
    assert len(records) == len(wire) == 12
    for printed, notification in zip(records, wire):
        assert_record_matches(printed, notification)
    [request] = requests_to(cli_server, "/notifications")
    assert request.query == {"page_size": ["50"], "page_number": ["1"]}


def test_notifications_one_given_page(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("notifications", "--page-size", "5", "--page", "2"))

    assert [r["id"] for r in records] == [n["id"] for n in cli_server.notifications_of(DEMO_USER_ID)[5:10]]
    [request] = requests_to(cli_server, "/notifications")
    assert request.query == {"page_size": ["5"], "page_number": ["2"]}


def test_notifications_all_walks_every_page(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    records = json_output(kalshi_cli("notifications", "--all", "--page-size", "5"))

    wire = cli_server.notifications_of(DEMO_USER_ID)
    assert [r["id"] for r in records] == [n["id"] for n in wire]
    pages = [r.query["page_number"] for r in requests_to(cli_server, "/notifications")]
    assert pages == [["1"], ["2"], ["3"]]  # 5 + 5 + 2: the short page ends the walk


def test_mark_read_marks_the_notification_read(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    unread = [n["id"] for n in cli_server.notifications_of(DEMO_USER_ID) if not n["is_read"]]
    assert unread, "the demo data always has an unread notification"
    target = unread[-1]

    output = json_output(kalshi_cli("mark-read", target))

    assert output == {"ok": True, "notification_id": target, "is_read": True}
    state = {n["id"]: n["is_read"] for n in cli_server.notifications_of(DEMO_USER_ID)}
    assert state[target] is True
    assert [r.raw_path for r in requests_to(cli_server, "/read")] == [
        f"/v1/users/{DEMO_USER_ID}/notifications/{target}/read"
    ]


def test_subscribe_changes_what_preferences_prints(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    for level in ("basic", "none"):
        assert json_output(kalshi_cli("subscribe", level)) == {"ok": True, "subscription_level": level}
        assert cli_server.subscription_level_of(DEMO_USER_ID) == level
        assert json_output(kalshi_cli("preferences")) == {"subscription_level": level}


def _columns(separator: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"-+", separator)]


def test_history_table_says_what_happened_in_a_line(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    result = kalshi_cli("--table", "history", "--limit", "8")

    assert result.returncode == 0 and result.stderr == ""
    header, separator, *rows = result.stdout.splitlines()
    spans = _columns(separator)
    names = [header[start:end].strip() for start, end in spans]
    assert names == ["time", "type", "market", "what"]
    assert len(rows) == 8
    for row, entry in zip(rows, cli_server.history_of(DEMO_USER_ID)[:8]):
        for start, end in spans[:-1]:
            # Every cell fits its column and a gap of two spaces follows, on every row.
            assert row[end : end + 2] in ("  ", " ", ""), (row, start, end)
        cells = {name: row[start:end].strip() for name, (start, end) in zip(names, spans)}
        cells["what"] = row[spans[-1][0] :]
        record = history_record(entry)
        assert cells["type"] == entry["type"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", cells["time"]), cells["time"]
        if entry["type"] == "Trade":
            side = "yes" if record["is_yes"] else "no"
            assert cells["what"].startswith(f"{side} at {record['price']}¢: ${record['amount'] // 100}.")
        if entry["type"] in ("Deposit", "Withdrawal"):
            assert cells["market"] == "" and cells["what"].startswith("$")
        if entry["type"] == "Settlement":
            assert cells["what"].startswith(f"result {record['market_result']}")
            assert "profit " in cells["what"]


def test_table_of_one_object_is_key_value_lines(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    # A global option may also follow the subcommand.
    result = kalshi_cli("preferences", "--table")

    assert result.returncode == 0
    level = cli_server.subscription_level_of(DEMO_USER_ID)
    assert result.stdout == f"subscription_level  {level}\n"


def test_notifications_table_shows_short_ids_and_content_in_words(
    kalshi_cli: Runner, cli_server: FakeKalshiServer
) -> None:
    result = kalshi_cli("--table", "notifications", "--page-size", "12")

    assert result.returncode == 0
    header, separator, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "time", "type", "read", "market", "what"]
    spans = _columns(separator)
    wire = cli_server.notifications_of(DEMO_USER_ID)
    assert len(rows) == 12
    for row, notification in zip(rows, wire):
        cells = [row[start:end].strip() for start, end in spans[:-1]] + [row[spans[-1][0] :]]
        note_id, _, kind, read, _, what = cells
        assert note_id == notification["id"][:8]
        assert kind == notification["type"]
        assert read == ("yes" if notification["is_read"] else "no")
        content = notification["content"]
        if "amount" in content:
            assert what == f"${content['amount'] // 100:,}.{content['amount'] % 100:02d}"
        if notification["type"] == "order_canceled":
            assert what.startswith(f"{content['count']} contract")


def test_host_option_beats_demo_and_kalshi_host(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    # KALSHI_HOST points where nothing listens and --demo at the real demo exchange: --host wins over both.
    result = kalshi_cli("--demo", "--host", cli_server.host, "login", KALSHI_HOST="http://127.0.0.1:9/v1")

    assert json_output(result)["user_id"] == DEMO_USER_ID
    assert [r.raw_path for r in cli_server.requests] == ["/v1/log_in", "/v1/log_out"]


def test_email_option_overrides_kalshi_email(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    from kalshi.testing import DEMO_EMAIL

    result = kalshi_cli("login", "--email", DEMO_EMAIL, KALSHI_EMAIL="nobody@example.com")

    assert json_output(result)["user_id"] == DEMO_USER_ID
