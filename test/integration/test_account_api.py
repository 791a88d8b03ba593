"""AccountApi against the fake exchange: what goes on the wire, what comes back, what changes."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Callable, Dict, List, Optional

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.models import (
    AccountHistoryEntry,
    ChangeSubscriptionRequest,
    GetNotificationPreferencesResponse,
    Notification,
    NotificationList,
    UserGetAccountHistoryResponse,
    UserGetNotificationsResponse,
)
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

UID = DEMO_USER_ID
HISTORY_FLAGS = {
    "should_return_deposits": "Deposit",
    "should_return_withdrawals": "Withdrawal",
    "should_return_orders": "Order",
    "should_return_settlements": "Settlement",
    "should_return_trades": "Trade",
}


@pytest.fixture
def fresh_api(fresh_server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]) -> AccountApi:
    """An AccountApi logged in to a fake exchange of this test's own (for state changes)."""
    api = AccountApi(make_client(fresh_server))
    fresh_server.clear_requests()
    return api


def _only_request(server: FakeKalshiServer) -> Any:
    requests = server.requests
    assert len(requests) == 1, [(r.method, r.raw_path) for r in requests]
    return requests[0]


# --------------------------------------------------------------------------- get_notification_preferences


def test_get_notification_preferences_request(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.get_notification_preferences(UID)

    request = _only_request(server)
    assert request.method == "GET"
    assert request.raw_path == f"/v1/users/{UID}/notifications/preferences"
    assert request.raw_query == ""
    assert request.body == b""
    assert request.headers["authorization"].startswith(UID + " ")
    assert request.headers["accept"] == "application/json"


def test_get_notification_preferences_returns_the_level(account_api: AccountApi, server: FakeKalshiServer) -> None:
    response = account_api.get_notification_preferences(UID)

    assert isinstance(response, GetNotificationPreferencesResponse)
    assert response.preferences.subscription_level == server.subscription_level_of(UID) == "all"


# --------------------------------------------------------------------------- user_get_account_history


def test_account_history_request(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_account_history(UID)

    request = _only_request(server)
    assert request.method == "GET"
    assert request.raw_path == f"/v1/users/{UID}/account/history"
    assert request.raw_query == ""
    assert request.body == b""


def test_account_history_returns_every_entry_as_sent(
    account_api: AccountApi, server: FakeKalshiServer, assert_matches_wire: Callable[[Any, Any], None]
) -> None:
    response = account_api.user_get_account_history(UID)

    assert isinstance(response, UserGetAccountHistoryResponse)
    assert all(isinstance(entry, AccountHistoryEntry) for entry in response.entries)
    assert_matches_wire(response, {"entries": server.history_of(UID)})


def test_account_history_holds_all_five_entry_types(account_api: AccountApi) -> None:
    response = account_api.user_get_account_history(UID)

    assert {entry.type for entry in response.entries} == set(HISTORY_FLAGS.values())
    for entry in response.entries:
        # The populated sub-record is the one the type names; the others are None.
        populated = {
            name
            for name in ("deposit", "withdrawal", "order", "settlement", "trade")
            if getattr(entry.data, name) is not None
        }
        assert populated == {entry.type.lower()}


@pytest.mark.parametrize("flag, entry_type", sorted(HISTORY_FLAGS.items()))
def test_account_history_filter_true_returns_only_that_type(
    account_api: AccountApi, server: FakeKalshiServer, flag: str, entry_type: str
) -> None:
    expected = [e for e in server.history_of(UID) if e["type"] == entry_type]

    options: Dict[str, Any] = {flag: True}
    response = account_api.user_get_account_history(UID, **options)

    assert [e.type for e in response.entries] == [entry_type] * len(expected)
    assert len(expected) > 0


def test_account_history_two_filters_return_both_types_in_order(
    account_api: AccountApi, server: FakeKalshiServer, assert_matches_wire: Callable[[Any, Any], None]
) -> None:
    expected = [e for e in server.history_of(UID) if e["type"] in ("Order", "Trade")]

    response = account_api.user_get_account_history(UID, should_return_orders=True, should_return_trades=True)

    assert_matches_wire(response, {"entries": expected})


def test_account_history_filter_false_leaves_that_type_out(account_api: AccountApi, server: FakeKalshiServer) -> None:
    expected = Counter(e["type"] for e in server.history_of(UID))
    del expected["Deposit"]

    response = account_api.user_get_account_history(UID, should_return_deposits=False)

    assert Counter(e.type for e in response.entries) == expected


@pytest.mark.parametrize("limit", [1, 3, 10])
def test_account_history_limit_returns_the_first_entries(
    account_api: AccountApi, server: FakeKalshiServer, assert_matches_wire: Callable[[Any, Any], None], limit: int
) -> None:
    response = account_api.user_get_account_history(UID, limit=limit)

    assert_matches_wire(response, {"entries": server.history_of(UID)[:limit]})


def test_account_history_limit_applies_after_the_filter(account_api: AccountApi, server: FakeKalshiServer) -> None:
    expected = [e for e in server.history_of(UID) if e["type"] == "Settlement"][:2]

    response = account_api.user_get_account_history(UID, should_return_settlements=True, limit=2)

    settlements = [e.data.settlement if e.data else None for e in response.entries]
    assert all(s is not None for s in settlements)
    assert [s.market_id for s in settlements if s is not None] == [
        e["data"]["Settlement"]["market_id"] for e in expected
    ]
    assert server.requests[-1].query == {"ShouldReturnSettlements": ["true"], "Limit": ["2"]}


def test_account_history_money_fields_are_ints(account_api: AccountApi) -> None:
    response = account_api.user_get_account_history(UID, should_return_trades=True, limit=1)
    data = response.entries[0].data
    assert data is not None and data.trade is not None
    trade = data.trade

    assert type(trade.price) is int and type(trade.fee) is int and type(trade.amount) is int
    assert type(trade.is_yes) is bool


# --------------------------------------------------------------------------- user_get_notifications


def test_notifications_request(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.user_get_notifications(UID, 5, 2)

    request = _only_request(server)
    assert request.method == "GET"
    assert request.raw_path == f"/v1/users/{UID}/notifications"
    assert request.query == {"page_size": ["5"], "page_number": ["2"]}
    assert request.body == b""


def test_notifications_first_page_is_as_sent(
    account_api: AccountApi, server: FakeKalshiServer, assert_matches_wire: Callable[[Any, Any], None]
) -> None:
    response = account_api.user_get_notifications(UID, 5, 1)

    assert isinstance(response, UserGetNotificationsResponse)
    assert isinstance(response.notifications, NotificationList)
    assert all(isinstance(n, Notification) for n in response.notifications)
    assert_matches_wire(response, {"notifications": server.notifications_of(UID)[:5]})


def test_notifications_pages_cover_every_notification_once(account_api: AccountApi, server: FakeKalshiServer) -> None:
    expected_ids = [n["id"] for n in server.notifications_of(UID)]
    pages: List[List[Optional[str]]] = []
    page_number = 1
    while True:
        page = account_api.user_get_notifications(UID, 5, page_number).notifications
        if not page:
            break
        pages.append([n.id for n in page])
        page_number += 1

    assert [len(p) for p in pages] == [5, 5, len(expected_ids) - 10]
    assert sum(pages, []) == expected_ids


def test_notifications_page_past_the_end_is_empty(account_api: AccountApi) -> None:
    response = account_api.user_get_notifications(UID, 50, 9)

    assert len(response.notifications) == 0
    assert response.notifications == []


def test_notification_content_is_a_plain_dict(account_api: AccountApi, server: FakeKalshiServer) -> None:
    notifications = account_api.user_get_notifications(UID, 50, 1).notifications

    assert [n.content for n in notifications] == [n["content"] for n in server.notifications_of(UID)]
    assert all(type(n.content) is dict for n in notifications)


# --------------------------------------------------------------------------- notification_mark_read


def _first_unread(server: FakeKalshiServer) -> str:
    unread = [n["id"] for n in server.notifications_of(UID) if not n["is_read"]]
    assert unread, "the demo account has unread notifications"
    return unread[0]


def test_mark_read_request(fresh_api: AccountApi, fresh_server: FakeKalshiServer) -> None:
    notification_id = _first_unread(fresh_server)

    fresh_api.notification_mark_read(UID, notification_id)

    request = _only_request(fresh_server)
    assert request.method == "PUT"
    assert request.raw_path == f"/v1/users/{UID}/notifications/{notification_id}/read"
    assert request.raw_query == ""
    assert request.body == b""


def test_mark_read_returns_none_and_flips_is_read(fresh_api: AccountApi, fresh_server: FakeKalshiServer) -> None:
    notification_id = _first_unread(fresh_server)
    before = {n["id"]: n["is_read"] for n in fresh_server.notifications_of(UID)}

    assert fresh_api.notification_mark_read(UID, notification_id) is None

    after = {n["id"]: n["is_read"] for n in fresh_server.notifications_of(UID)}
    assert after == {**before, notification_id: True}
    seen = {n.id: n.is_read for n in fresh_api.user_get_notifications(UID, 50, 1).notifications}
    assert seen == after


def test_mark_read_twice_is_fine(fresh_api: AccountApi, fresh_server: FakeKalshiServer) -> None:
    notification_id = _first_unread(fresh_server)

    fresh_api.notification_mark_read(UID, notification_id)
    assert fresh_api.notification_mark_read(UID, notification_id) is None


def test_mark_read_of_an_unknown_notification_is_not_found(
    fresh_api: AccountApi, fresh_server: FakeKalshiServer
) -> None:
    before = fresh_server.notifications_of(UID)

    with pytest.raises(kalshi.NotFoundException) as info:
        fresh_api.notification_mark_read(UID, "no-such-notification")

    assert info.value.status == 404
    assert info.value.code == "not_found"
    assert fresh_server.notifications_of(UID) == before


# --------------------------------------------------------------------------- change_subscription


@pytest.mark.parametrize("level", ["none", "basic", "all"])
def test_change_subscription_sends_the_level_and_changes_the_preference(
    fresh_api: AccountApi, fresh_server: FakeKalshiServer, level: str
) -> None:
    request = ChangeSubscriptionRequest(subscription_level=level)
    assert fresh_api.change_subscription(UID, change_subscription_request=request) is None

    request = _only_request(fresh_server)
    assert request.method == "PUT"
    assert request.raw_path == f"/v1/users/{UID}/subscribe"
    assert request.raw_query == ""
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.body) == {"subscription_level": level}
    assert fresh_server.subscription_level_of(UID) == level
    assert fresh_api.get_notification_preferences(UID).preferences.subscription_level == level


def test_change_subscription_keyword_argument(fresh_api: AccountApi, fresh_server: FakeKalshiServer) -> None:
    fresh_api.change_subscription(UID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="none"))

    assert fresh_server.subscription_level_of(UID) == "none"


def test_change_subscription_to_an_invalid_level_is_a_bad_request(
    fresh_api: AccountApi, fresh_server: FakeKalshiServer
) -> None:
    fresh_api.change_subscription(
        UID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic")
    )

    with pytest.raises(kalshi.BadRequestException) as info:
        fresh_api.change_subscription(
            UID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="weekly")
        )

    assert info.value.status == 400
    assert info.value.code == "invalid_parameters"
    assert fresh_server.subscription_level_of(UID) == "basic"


def test_change_subscription_without_a_body_changes_nothing(
    fresh_api: AccountApi, fresh_server: FakeKalshiServer
) -> None:
    # The spec makes the body optional; the fake exchange answers 204 and keeps the level.
    fresh_api.change_subscription(
        UID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic")
    )
    fresh_server.clear_requests()

    assert fresh_api.change_subscription(UID) is None

    request = _only_request(fresh_server)
    assert (request.method, request.raw_path, request.body) == ("PUT", f"/v1/users/{UID}/subscribe", b"")
    assert "content-type" not in request.headers
    assert fresh_server.subscription_level_of(UID) == "basic"


# --------------------------------------------------------------------------- someone else's user id


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.get_notification_preferences("someone-else"),
        lambda api: api.user_get_account_history("someone-else"),
        lambda api: api.user_get_notifications("someone-else", 5, 1),
        lambda api: api.notification_mark_read("someone-else", "n-1"),
        lambda api: api.change_subscription(
            "someone-else", change_subscription_request=ChangeSubscriptionRequest(subscription_level="none")
        ),
    ],
)
def test_another_users_id_is_forbidden(account_api: AccountApi, call: Callable[[AccountApi], Any]) -> None:
    with pytest.raises(kalshi.ForbiddenException) as info:
        call(account_api)

    assert info.value.status == 403
    assert info.value.code == "forbidden"
