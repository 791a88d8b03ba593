"""Rich display: _repr_html_ tables (parsed into a tree, not string-matched) and _repr_pretty_.

The tables are checked on models built by hand and on real responses of the fake exchange after a
trade: prices in cents with ¢, money in dollars, UTC seconds, ids shortened on screen only (the
whole id is the text that is copied, and the tooltip), nested tables, the account history's
summary column, escaping of hostile values, the row cap.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any, Iterator, Optional

import pytest

import kalshi
from kalshi._model.display import FIELD_NOTES, MAX_ROWS, PREFERRED_COLUMNS
from kalshi._model.html_cells import ID_PREFIX, LIST_ITEMS, MAX_DEPTH, money, price, timestamp
from kalshi.apis import AccountApi, MarketApi, UserApi
from kalshi.models import (
    AccountHistoryEntry,
    AccountHistoryEntryData,
    DepositHistory,
    LoginRequest,
    LoginResponse,
    Market,
    Notification,
    NotificationList,
    OrderBook,
    OrderHistory,
    PortfolioMeasurement,
    PriceLevel,
    SubscriptionPreference,
    UserGetAccountHistoryResponse,
    UserGetMarketsResponse,
    UserGetNotificationsResponse,
    UserGetPortfolioHistoryResponse,
    UserOrderCreateRequest,
)
from kalshi.testing import FakeKalshiServer, make_history_entries, make_notifications

UUID = "c30d8b76-28db-425e-a3b2-29f1c4069545"

# --------------------------------------------------------------------------- a small DOM of the output


@dataclass
class Node:
    tag: str
    attrs: dict[str, Optional[str]] = field(default_factory=dict)
    children: list[Any] = field(default_factory=list)  # Node or str

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str) -> Iterator[Node]:
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    yield c
                yield from c.find_all(tag)

    def first(self, tag: str) -> Node:
        return next(self.find_all(tag))

    def own(self, tag: str) -> Iterator[Node]:
        """Descendants with ``tag`` that are not inside a nested table."""
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    yield c
                if c.tag != "table":
                    yield from c.own(tag)


class _Builder(HTMLParser):
    VOID = frozenset({"br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "every tag is closed"
    return builder.root


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[Node]]  # the <td>/<th> cells of each body row
    notes: list[str]

    def column(self, name: str) -> list[Node]:
        i = self.header.index(name)
        return [row[i] for row in self.rows]

    def texts(self, name: str) -> list[str]:
        return [cell.text() for cell in self.column(name)]


def table(html: str) -> Table:
    root = parse(html)
    top = root.first("table")
    caption = top.first("caption").text()
    rows = [[c for c in tr.children if isinstance(c, Node)] for tr in top.own("tr")]
    heads = [t for t in top.own("thead")]
    header = [c.text() for c in rows.pop(0)] if heads else []
    notes = [p.text() for p in root.children if isinstance(p, Node) and p.tag == "p"]
    return Table(caption, header, rows, notes)


def pairs(html: str) -> dict[str, Node]:
    """A key/value table: name -> value cell."""
    t = table(html)
    return {row[0].text(): row[1] for row in t.rows}


def nested(cell: Node) -> dict[str, Node]:
    """The key/value table inside a cell: name -> value cell."""
    return {tr.first("th").text(): tr.first("td") for tr in cell.first("table").own("tr")}


def tooltip(cell: Node) -> str:
    (span,) = [s for s in cell.find_all("span") if "title" in s.attrs]
    return span.attrs["title"] or ""


def copied_id(cell: Node) -> str:
    """An id cell's text (what selecting and copying gives), checked to be cut on screen only."""
    (span,) = [s for s in cell.find_all("span") if "title" in s.attrs]
    style = span.attrs["style"] or ""
    assert "text-overflow:ellipsis" in style and f"max-width:{ID_PREFIX + 1}ch" in style and "overflow:hidden" in style
    assert span.text() == span.attrs["title"]
    return cell.text()


# --------------------------------------------------------------------------- the cell rules, by hand


def test_money_is_dollars_with_the_unit() -> None:
    assert [money(c) for c in (115400, 57, 5, 0, -320, 123456789)] == [
        "$1,154.00",
        "$0.57",
        "$0.05",
        "$0.00",
        "-$3.20",
        "$1,234,567.89",
    ]
    cells = pairs(DepositHistory(amount=115400, fee=57, status="applied")._repr_html_())
    assert (cells["amount"].text(), cells["fee"].text(), cells["status"].text()) == ("$1,154.00", "$0.57", "applied")


def test_money_displays_in_dollars_but_records_and_frames_keep_cents() -> None:
    deposit = AccountHistoryEntryData(deposit=DepositHistory(amount=115400))
    history = UserGetAccountHistoryResponse(entries=[AccountHistoryEntry(type="Deposit", data=deposit)])
    t = table(history._repr_html_())
    assert "$1,154.00" in t.texts("data")[0] and "115400" not in history._repr_html_()
    assert history.to_records()[0]["amount"] == 115400
    assert history.to_dataframe()["amount"].tolist() == [115400]


def test_a_count_is_not_money_and_a_price_is_cents() -> None:
    cells = pairs(Market(volume=12345, open_interest=6, yes_bid=57)._repr_html_())
    assert (cells["volume"].text(), cells["open_interest"].text(), cells["yes_bid"].text()) == ("12,345", "6", "57¢")


def test_prices_are_cents_and_amounts_dollars_by_field() -> None:
    assert [price(c) for c in (1, 62, 99)] == ["1¢", "62¢", "99¢"]
    market = pairs(
        Market(
            last_price=62, previous_yes_ask=63, yes_ask=100, dollar_volume=1234, dollar_open_interest=5
        )._repr_html_()
    )
    assert {k: v.text() for k, v in market.items()} == {
        "dollar_open_interest": "$5",  # the dollar_* fields are whole dollars
        "dollar_volume": "$1,234",
        "last_price": "62¢",
        "previous_yes_ask": "63¢",
        "yes_ask": "-",  # 100 is "no ask", not a price
    }
    assert tooltip(market["yes_ask"]) == "100: none"
    untraded = pairs(Market(last_price=0, yes_bid=0, yes_ask=99, volume=0)._repr_html_())
    shown = {k: v.text() for k, v in untraded.items()}
    assert shown == {"last_price": "-", "volume": "0", "yes_ask": "99¢", "yes_bid": "-"}
    measurement = PortfolioMeasurement(a=99_363, v=100_363, cumulative_deposits=0, cumulative_withdrawals=0,
                                       cumulative_number_settlements=0, ts=1)  # fmt: skip
    cells = pairs(measurement._repr_html_())
    assert (cells["a"].text(), cells["v"].text()) == ("$993.63", "$1,003.63")
    book = OrderBook(yes=[PriceLevel(price=38, count=20)], no=[])
    assert pairs(book._repr_html_())["yes"].text() == "price 38¢, count 20"


def test_times_are_utc_to_the_second_with_the_exact_value_in_the_tooltip() -> None:
    eastern = timezone(timedelta(hours=-5))
    when = datetime(2026, 11, 26, 11, 40, 5, 724130, tzinfo=eastern)
    assert timestamp(when) == "2026-11-26 16:40:05 UTC"
    cell = pairs(DepositHistory(created_at=when)._repr_html_())["created_at"]
    assert cell.text() == "2026-11-26 16:40:05 UTC"
    assert tooltip(cell) == "2026-11-26T11:40:05.724130-05:00"


def test_long_ids_are_shortened_on_screen_but_copy_whole() -> None:
    cells = pairs(Market(id=UUID, ticker_name="FED-21DEC", title="Fed")._repr_html_())
    assert copied_id(cells["id"]) == UUID and tooltip(cells["id"]) == UUID
    assert cells["ticker_name"].text() == "FED-21DEC" and not list(cells["ticker_name"].find_all("span"))
    # An id that is not a uuid is shortened when long, left alone when short.
    long_id = pairs(Notification(id="notification-000000042", user_id="u-1")._repr_html_())
    assert copied_id(long_id["id"]) == "notification-000000042"
    assert long_id["user_id"].text() == "u-1" and not list(long_id["user_id"].find_all("span"))


def test_long_text_is_cut_with_the_whole_text_in_a_tooltip() -> None:
    title = "Will the " + "very " * 30 + "long market close above 100?"
    cell = pairs(Market(title=title)._repr_html_())["title"]
    assert cell.text().endswith("…") and len(cell.text()) == 60
    assert tooltip(cell) == title


def test_nested_models_are_nested_tables_and_mappings_key_value_lists() -> None:
    entry = AccountHistoryEntry.from_wire(
        {"type": "Trade", "data": {"Trade": {"amount": 240, "price": 40, "market_id": UUID}}}
    )
    data = pairs(entry._repr_html_())["data"]
    tables = list(data.find_all("table"))
    assert len(tables) == 2  # data -> trade -> its fields
    inner = {k: v.text() for k, v in nested(nested(data)["trade"]).items()}
    assert inner == {"amount": "$2.40", "market_id": UUID, "price": "40¢"}
    assert "TradeHistory(" not in entry._repr_html_()

    note = Notification(id="n-1", content={"market_title": "Fed", "count": 6, "extra": {"a": 1}})
    content = pairs(note._repr_html_())["content"]
    rows = nested(content)
    assert {k: v.text() for k, v in rows.items()} == {"market_title": "Fed", "count": "6", "extra": "a1"}
    assert list(rows["extra"].find_all("table"))  # a mapping inside a mapping is a nested list too
    assert "{" not in content.text()


def test_lists_of_scalars_are_compact_and_capped() -> None:
    assert pairs(Market(metrics_tags=["rates", "fed"])._repr_html_())["metrics_tags"].text() == "rates, fed"
    many = [f"t{i}" for i in range(LIST_ITEMS + 5)]
    shown = pairs(Market(tags=many)._repr_html_())["tags"].text()
    assert shown.startswith("t0, t1, ") and shown.endswith(f"t{LIST_ITEMS - 1}, … 5 more")


def test_empty_values_are_left_out() -> None:
    cells = pairs(Market(title="Fed", description_context="", metrics_tags=[], result=None)._repr_html_())
    assert list(cells) == ["title"]


def test_deep_free_form_json_stops_nesting() -> None:
    deep: dict[str, Any] = {"leaf": "<b>bottom</b>"}
    for _ in range(50):
        deep = {"next": deep}
    html = Notification(id="n-1", content=deep)._repr_html_()
    assert html.count("<table") <= MAX_DEPTH + 1
    assert "<b>" not in html


def test_hostile_values_are_escaped_everywhere() -> None:
    evil = '"><script>alert(1)</script>'
    note = Notification.from_dict(
        {
            "id": evil + "-" + UUID,  # long: shortened, whole value in a title attribute
            "type": evil,
            "content": {evil: evil, "nested": {evil: [evil]}},
            evil: evil,  # an unknown field, name and value
        }
    )
    wire = make_notifications(2, "u-1")
    wire[0]["content"] = {"market_title": "<script>alert(1)</script> & co"}
    listing = UserGetNotificationsResponse.from_wire({"notifications": wire})
    for html in (note._repr_html_(), NotificationList([note])._repr_html_(), listing._repr_html_()):
        assert "<script>" not in html
        parse(html)  # still well formed: nothing broke out of a cell or an attribute
    cells = pairs(note._repr_html_())
    assert cells["type"].text() == evil and tooltip(cells["id"]) == note.id
    assert evil in cells  # the unknown field's name, as text
    first = table(listing._repr_html_()).column("content")[0]
    assert "<script>alert(1)</script> & co" in first.text()


def test_secrets_are_never_displayed() -> None:
    request = LoginRequest(email="me@example.com", password="hunter2-secret")
    response = LoginResponse(access_level="full", token="tok-secret-123", user_id="u-1")
    for model, secret, name in ((request, "hunter2-secret", "password"), (response, "tok-secret-123", "token")):
        html = model._repr_html_()
        assert secret not in html
        assert pairs(html)[name].text() == "<redacted>"


def test_a_single_model_is_a_key_value_table_under_its_name() -> None:
    t = table(SubscriptionPreference(subscription_level="basic")._repr_html_())
    assert t.caption == "SubscriptionPreference"
    assert [[c.text() for c in row] for row in t.rows] == [["subscription_level", "basic"]]


# --------------------------------------------------------------------------- list tables


def test_history_is_one_row_per_entry_with_a_summary_column() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": make_history_entries(8)})
    t = table(response._repr_html_())

    assert t.caption == "UserGetAccountHistoryResponse (8 rows)"
    assert t.header == ["type", "time", "data"]  # not a union of every kind's columns
    assert t.texts("type") == [e.type for e in response.entries]
    for entry, time, data in zip(response.entries, t.texts("time"), t.column("data")):
        assert entry.data is not None
        (record,) = [getattr(entry.data, f) for f in ("deposit", "withdrawal", "order", "trade", "settlement")
                     if getattr(entry.data, f) is not None]
        stamps = [v for v in record.to_dict().values() if isinstance(v, datetime)]
        assert time == timestamp(stamps[0])
        if hasattr(record, "amount") and record.amount is not None:
            assert f"amount {money(record.amount)}" in data.text()
        if hasattr(record, "price") and record.price is not None:
            assert f"price {price(record.price)}" in data.text()
        assert not list(data.find_all("table"))  # one line of pairs, not a nested table


def test_the_history_summary_leads_with_what_happened_and_leaves_out_zero_counters() -> None:
    order = OrderHistory(
        market_title="Fed", original_count=10, price=65, is_yes=False, filled_count=10, remaining_count=0,
        canceled_count=0, created_at=datetime(2021, 11, 3, 9, 30, tzinfo=timezone.utc),
    )  # fmt: skip
    entry = AccountHistoryEntry(type="Order", data=AccountHistoryEntryData(order=order))
    t = table(UserGetAccountHistoryResponse(entries=[entry])._repr_html_())
    assert t.texts("time") == ["2021-11-03 09:30:00 UTC"]
    assert t.texts("data") == ["side no · original_count 10 · price 65¢ · filled_count 10 · market_title Fed"]

    fields = {"market_title": "Fed", "fee": 17, "amount": 620, "price": 62, "is_yes": True}
    trade = AccountHistoryEntry.from_wire({"type": "Trade", "data": {"Trade": fields}})
    (data,) = table(UserGetAccountHistoryResponse(entries=[trade])._repr_html_()).texts("data")
    assert data == "side yes · price 62¢ · amount $6.20 · fee $0.17 · market_title Fed"  # a fee of $0.00 would stay


def test_portfolio_history_explains_a_and_v() -> None:
    measurement = PortfolioMeasurement(a=99_363, v=100_363, cumulative_deposits=0, cumulative_withdrawals=0,
                                       cumulative_number_settlements=0, ts=1)  # fmt: skip
    html = UserGetPortfolioHistoryResponse(values=[measurement])._repr_html_()
    notes = FIELD_NOTES["PortfolioMeasurement"]
    assert table(html).notes == [f"a = {notes['a']}; v = {notes['v']}"]
    heads = {th.text(): th.attrs.get("title") for th in parse(html).find_all("th")}
    assert heads["a"] == notes["a"] and heads["v"] == notes["v"] and heads["ts"] is None
    assert notes["a"].startswith("available") and notes["v"].startswith("value")
    single = {th.text(): th.attrs.get("title") for th in parse(measurement._repr_html_()).find_all("th")}
    assert single["a"] == notes["a"]


def test_long_tables_show_their_head_and_say_how_many_were_left_out() -> None:
    response = UserGetAccountHistoryResponse.from_wire({"entries": make_history_entries(MAX_ROWS + 15)})
    t = table(response._repr_html_())

    assert len(t.rows) == MAX_ROWS
    assert t.caption.endswith(f"({MAX_ROWS + 15} rows)")
    assert t.notes == ["… 15 more rows"]


def test_a_notification_list_is_a_table_too() -> None:
    t = table(NotificationList(make_notifications(3, "u-1"))._repr_html_())
    assert t.caption == "NotificationList (3 rows)" and len(t.rows) == 3 and "content" in t.header


def test_wide_items_show_their_main_columns_and_name_the_others() -> None:
    market = Market(id=UUID, ticker_name="FED", title="Fed", yes_bid=57, category="Economics", strike_price=1.5)
    t = table(UserGetMarketsResponse(markets=[market])._repr_html_())
    assert t.caption == "UserGetMarketsResponse (1 row)"
    assert t.header == ["ticker_name", "title", "yes_bid", "id"]
    assert set(t.header) <= set(PREFERRED_COLUMNS["Market"])
    assert t.notes == ["2 more columns in to_records() and to_dataframe(): category, strike_price"]


# --------------------------------------------------------------------------- real responses of the fake exchange


@pytest.fixture(scope="module")
def responses() -> dict[str, Any]:
    """Alice rests a yes bid at 40, Bob's no at 65 takes 6 of it; then Alice reads everything back."""
    with FakeKalshiServer(seed=5) as server:
        market_id = server.add_market(ticker="E2E-FED", title="Will the Fed raise rates? <b>x</b>")
        server.add_user("alice@example.com", "alice-password-1", balance=100_000)
        server.add_user("bob@example.com", "bob-password-1", balance=100_000)
        with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as alice, kalshi.ApiClient(
            kalshi.Configuration(host=server.host)
        ) as bob:
            alice.login("alice@example.com", "alice-password-1")
            bob.login("bob@example.com", "bob-password-1")
            buy = UserOrderCreateRequest(market_id=market_id, side="yes", price=40, count=10)
            UserApi(alice).user_order_create(user_order_create_request=buy)
            sell = UserOrderCreateRequest(market_id=market_id, side="no", price=65, count=6)
            UserApi(bob).user_order_create(user_order_create_request=sell)
            user, account, market = UserApi(alice), AccountApi(alice), MarketApi(alice)
            return {
                "market_id": market_id,
                "history": account.user_get_account_history(alice.user_id),
                "notifications": account.user_get_notifications(alice.user_id, page_size=10, page_number=1),
                "markets": market.get_markets(),
                "market": market.get_market(market_id),
                "book": market.get_market_order_book_cached(market_id),
                "orders": user.user_orders_get(),
                "positions": user.user_get_market_positions(),
                "fills": user.user_trades_get(),
                "balance": user.user_get_balance(),
            }


def test_the_history_of_a_real_trade(responses: dict[str, Any]) -> None:
    history = responses["history"]
    t = table(history._repr_html_())
    assert t.header == ["type", "time", "data"]
    assert len(t.rows) == len(history.entries)
    trade_row = t.texts("type").index("Trade")
    data = t.column("data")[trade_row]
    assert data.text().startswith("side yes · price 40¢ · amount $2.40 · fee $0.00 · ")  # Alice's bid, as maker
    assert "<b>x</b>" in data.text()  # the market's title, shown as text
    assert t.texts("time")[trade_row].endswith(" UTC")
    assert responses["market_id"] in [span.attrs.get("title") for span in data.find_all("span")]


def test_real_notifications_show_content_as_pairs(responses: dict[str, Any]) -> None:
    t = table(responses["notifications"]._repr_html_())
    filled = t.texts("type").index("order_filled")
    content = t.column("content")[filled]
    rows = {k: v.text() for k, v in nested(content).items()}
    assert rows["count"] == "6" and rows["market_title"] == "Will the Fed raise rates? <b>x</b>"
    assert all(text.endswith(" UTC") for text in t.texts("created_ts"))
    ids = t.column("id")
    assert [copied_id(cell) for cell in ids] == [n.id for n in responses["notifications"].notifications]


def test_real_markets_orders_positions_and_fills(responses: dict[str, Any]) -> None:
    markets = table(responses["markets"]._repr_html_())
    fed = markets.texts("ticker_name").index("E2E-FED")
    assert (markets.texts("last_price")[fed], markets.texts("yes_bid")[fed], markets.texts("volume")[fed]) == (
        "40¢",
        "40¢",
        "6",
    )
    assert tooltip(markets.column("id")[fed]) == responses["market_id"]
    assert len(markets.header) <= len(PREFERRED_COLUMNS["Market"]) and markets.notes

    orders = table(responses["orders"]._repr_html_())
    assert orders.header[:2] == ["order_id", "create_ts"]
    assert (orders.texts("price"), orders.texts("remaining_count"), orders.texts("status")) == (
        ["40¢"],
        ["4"],
        ["resting"],
    )

    positions = table(responses["positions"]._repr_html_())
    assert (positions.texts("position"), positions.texts("position_cost"), positions.texts("total_cost")) == (
        ["6"],
        ["$2.40"],
        ["$2.40"],
    )
    assert [copied_id(cell) for cell in positions.column("market_id")] == [responses["market_id"]]

    fills = table(responses["fills"]._repr_html_())
    assert (fills.texts("count"), fills.texts("price"), fills.texts("is_taker")) == (["6"], ["40¢"], ["False"])
    assert fills.texts("create_date")[0].endswith(" UTC") and "." not in fills.texts("create_date")[0]


def test_real_single_models(responses: dict[str, Any]) -> None:
    assert pairs(responses["balance"]._repr_html_())["balance"].text() == "$996.00"
    market = pairs(responses["market"]._repr_html_())["market"]
    inner = {k: v.text() for k, v in nested(market).items()}
    assert inner["last_price"] == "40¢" and copied_id(nested(market)["id"]) == responses["market_id"]
    book = pairs(responses["book"]._repr_html_())["order_book"]
    levels = {k: v.text() for k, v in nested(book).items()}
    assert levels == {"yes": "price 40¢, count 4"}


# --------------------------------------------------------------------------- cost and the text reprs


def test_the_display_code_loads_on_first_display_only() -> None:
    script = (
        "import sys\n"
        "from kalshi.models import Market\n"
        "market = Market(title='Fed', yes_bid=57)\n"
        "before = sorted(m for m in ('kalshi._model.display', 'kalshi._model.html_cells', 'html')"
        " if m in sys.modules)\n"
        "market._repr_html_()\n"
        "print(before, 'kalshi._model.display' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[] True"


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
