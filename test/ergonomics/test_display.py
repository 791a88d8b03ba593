"""Rich display: _repr_html_ tables (parsed, not string-matched) and _repr_pretty_."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any, Optional

from kalshi._model.display import MAX_ROWS
from kalshi.models import (
    LoginRequest,
    LoginResponse,
    NotificationList,
    SubscriptionPreference,
    UserGetAccountHistoryResponse,
    UserGetNotificationsResponse,
)
from kalshi.testing import make_history_entries, make_notifications


class Table(HTMLParser):
    """Collects caption, header cells and rows of the first table."""

    def __init__(self) -> None:
        super().__init__()
        self.caption = ""
        self.rows: list[list[str]] = []
        self.trailer = ""
        self._cell: Optional[list[str]] = None
        self._in: Optional[str] = None
        self._row: list[str] = []
        self._closed = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in ("caption", "th", "td"):
            self._in, self._cell = tag, []
        elif tag == "tr":
            self._row = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell)
            self._row.append(text)
            self._cell = None
        elif tag == "caption" and self._cell is not None:
            self.caption = "".join(self._cell)
            self._cell = None
        elif tag == "tr":
            self.rows.append(self._row)
        elif tag == "table":
            self._closed = True

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._closed:
            self.trailer += data


def parse(html: str) -> Table:
    table = Table()
    table.feed(html)
    return table


def test_history_is_one_row_per_entry() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": make_history_entries(8)})
    table = parse(response._repr_html_())

    header, *rows = table.rows
    assert header[0] == "type"
    assert "UserGetAccountHistoryResponse" in table.caption and "8 rows" in table.caption
    assert [row[0] for row in rows] == [e.type for e in response.entries]
    records = response.to_records()
    for row, record in zip(rows, records):
        for column, value in record.items():
            if isinstance(value, int) and not isinstance(value, bool):
                assert row[header.index(column)] == str(value)


def test_long_tables_show_their_head_and_say_how_many_were_left_out() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": make_history_entries(MAX_ROWS + 15)})
    table = parse(response._repr_html_())

    assert len(table.rows) == 1 + MAX_ROWS
    assert "15 more rows" in table.trailer


def test_notifications_table_escapes_content() -> None:
    wire = make_notifications(2, "u-1")
    wire[0]["content"] = {"market_title": "<script>alert(1)</script> & co"}
    response = UserGetNotificationsResponse.from_wire({"notifications": wire})
    html = response._repr_html_()

    assert "<script>" not in html
    table = parse(html)
    header, *rows = table.rows
    assert "<script>alert(1)</script> & co" in rows[0][header.index("content")]  # shown, as text
    assert [row[header.index("id")] for row in rows] == [n["id"] for n in wire]


def test_a_notification_list_is_a_table_too() -> None:
    notifications = NotificationList(make_notifications(3, "u-1"))
    header, *rows = parse(notifications._repr_html_()).rows
    assert len(rows) == 3 and "id" in header


def test_a_single_model_is_a_key_value_table() -> None:
    table = parse(SubscriptionPreference(subscription_level="basic")._repr_html_())
    assert table.caption == "SubscriptionPreference"
    assert table.rows == [["subscription_level", "basic"]]


def test_secrets_are_never_displayed() -> None:
    request = LoginRequest(email="me@example.com", password="hunter2-secret")
    response = LoginResponse(access_level="full", token="tok-secret-123", user_id="u-1")
    for model, secret in ((request, "hunter2-secret"), (response, "tok-secret-123")):
        html = model._repr_html_()
        assert secret not in html
        assert ["password" if model is request else "token", "<redacted>"] in parse(html).rows


class Printer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(self, value: str) -> None:
        self.parts.append(value)


def test_repr_pretty_is_the_readable_repr() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": make_history_entries(3)})
    printer: Any = Printer()
    response._repr_pretty_(printer, False)
    assert printer.parts == [repr(response)]
    assert "\n" in printer.parts[0]  # multi-line, as pprint shows it

    cyclic: Any = Printer()
    response._repr_pretty_(cyclic, True)
    assert cyclic.parts == ["UserGetAccountHistoryResponse(...)"]


def test_repr_pretty_never_shows_the_password() -> None:
    printer: Any = Printer()
    LoginRequest(email="me@example.com", password="hunter2-secret")._repr_pretty_(printer, False)
    assert "hunter2-secret" not in "".join(printer.parts)
