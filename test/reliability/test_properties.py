"""Properties: any path parameter stays inside its segment, any query value reaches the server intact."""

from __future__ import annotations

import uuid
from typing import Any, Dict, Iterator, Optional, Tuple
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kalshi
from kalshi._operations.account import NOTIFICATION_MARK_READ, USER_GET_NOTIFICATIONS
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

# Any text the SDK can encode: everything but lone surrogates (not valid in UTF-8).
PATH_VALUES = st.text(min_size=1, alphabet=st.characters(blacklist_categories=["Cs"]))
INT64_MAX = 2**63 - 1
HISTORY_FLAGS = (
    "ShouldReturnDeposits",
    "ShouldReturnWithdrawals",
    "ShouldReturnOrders",
    "ShouldReturnSettlements",
    "ShouldReturnTrades",
)
_FLAG_ARGUMENTS = (
    "should_return_deposits",
    "should_return_withdrawals",
    "should_return_orders",
    "should_return_settlements",
    "should_return_trades",
)

UNIT = settings(max_examples=300, deadline=None, database=None)
# Over real sockets: fewer examples. The module-scoped server and client are reused on purpose
# (each example authorizes a key of its own), and the autouse fixtures only set constants.
WIRE = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _assert_one_segment(segment: str, value: str) -> None:
    assert unquote(segment) == value
    # "." and ".." are dot-segments: any URL normalizer (urllib3's included) removes them,
    # which moves the request to another path (RFC 3986, 5.2.4).
    assert segment not in (".", "..")


@UNIT
@given(user_id=PATH_VALUES)
def test_user_id_renders_as_exactly_one_segment(user_id: str) -> None:
    request = USER_GET_NOTIFICATIONS.prepare(
        {"user_id": user_id, "page_size": 1, "page_number": 1}, check_types=True, check_limits=True
    )
    assert request.path.count("/") == USER_GET_NOTIFICATIONS.path.count("/")
    _, users, segment, tail = request.path.split("/")
    assert (users, tail) == ("users", "notifications")
    _assert_one_segment(segment, user_id)


@UNIT
@given(user_id=PATH_VALUES, notification_id=PATH_VALUES)
def test_two_path_parameters_each_keep_their_segment(user_id: str, notification_id: str) -> None:
    request = NOTIFICATION_MARK_READ.prepare(
        {"user_id": user_id, "notification_id": notification_id}, check_types=True, check_limits=True
    )
    assert request.path.count("/") == NOTIFICATION_MARK_READ.path.count("/")
    parts = request.path.split("/")
    assert (parts[1], parts[3], parts[5]) == ("users", "notifications", "read")
    _assert_one_segment(parts[2], user_id)
    _assert_one_segment(parts[4], notification_id)


@pytest.mark.parametrize("value", [".", ".."])
def test_dot_segment_values_are_encoded(value: str) -> None:
    request = NOTIFICATION_MARK_READ.prepare(
        {"user_id": value, "notification_id": value}, check_types=True, check_limits=True
    )
    parts = request.path.split("/")
    _assert_one_segment(parts[2], value)
    _assert_one_segment(parts[4], value)


# --------------------------------------------------------------------------- over real sockets


@pytest.fixture(scope="module")
def wire_fake() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        yield server
        assert server.errors == []


@pytest.fixture(scope="module")
def wire_client(wire_fake: FakeKalshiServer) -> Iterator[kalshi.ApiClient]:
    with kalshi.ApiClient(kalshi.Configuration(host=wire_fake.host, retries=0)) as api_client:
        yield api_client


def _use_new_key(fake: FakeKalshiServer, api_client: kalshi.ApiClient, user_id: str) -> None:
    key = f"property-{uuid.uuid4()}"
    fake.authorize(key, user_id)
    api_client.configuration.api_key["cookie"] = key
    fake.clear_requests()


@pytest.mark.parametrize("user_id", [".", ".."])
def test_dot_segment_user_id_reaches_the_server_in_its_segment(
    wire_fake: FakeKalshiServer, wire_client: kalshi.ApiClient, user_id: str
) -> None:
    _use_new_key(wire_fake, wire_client, user_id)
    error: Optional[kalshi.ApiException] = None
    try:
        AccountApi(wire_client).get_notification_preferences(user_id)
    except kalshi.ApiException as caught:
        error = caught
    assert [r.path_segments for r in wire_fake.requests] == [("v1", "users", user_id, "notifications", "preferences")]
    assert error is None


@WIRE
@given(user_id=PATH_VALUES)
def test_any_user_id_reaches_the_server_as_its_segment(
    wire_fake: FakeKalshiServer, wire_client: kalshi.ApiClient, user_id: str
) -> None:
    _use_new_key(wire_fake, wire_client, user_id)
    result = AccountApi(wire_client).get_notification_preferences(user_id)
    assert result.preferences.subscription_level == wire_fake.subscription_level_of(user_id)
    (request,) = wire_fake.requests
    assert request.path_segments == ("v1", "users", user_id, "notifications", "preferences")


@WIRE
@given(limit=st.integers(min_value=0, max_value=INT64_MAX))
def test_limit_reaches_the_server_as_its_integer(
    wire_fake: FakeKalshiServer, wire_client: kalshi.ApiClient, limit: int
) -> None:
    _use_new_key(wire_fake, wire_client, DEMO_USER_ID)
    history = AccountApi(wire_client).user_get_account_history(DEMO_USER_ID, limit=limit)
    (request,) = wire_fake.requests
    assert request.query == {"Limit": [str(limit)]}
    assert int(request.query["Limit"][0]) == limit
    everything = wire_fake.history_of(DEMO_USER_ID)
    assert len(history.entries) == (min(limit, len(everything)) if limit else len(everything))


@WIRE
@given(page_size=st.integers(min_value=1, max_value=50), page_number=st.integers(min_value=1, max_value=INT64_MAX))
def test_page_parameters_reach_the_server_as_their_integers(
    wire_fake: FakeKalshiServer, wire_client: kalshi.ApiClient, page_size: int, page_number: int
) -> None:
    _use_new_key(wire_fake, wire_client, DEMO_USER_ID)
    page = AccountApi(wire_client).user_get_notifications(DEMO_USER_ID, page_size=page_size, page_number=page_number)
    (request,) = wire_fake.requests
    assert request.query == {"page_size": [str(page_size)], "page_number": [str(page_number)]}
    start = (page_number - 1) * page_size
    expected = [n["id"] for n in wire_fake.notifications_of(DEMO_USER_ID)[start : start + page_size]]
    assert [n.id for n in page.notifications] == expected


@WIRE
@given(flags=st.tuples(*[st.one_of(st.none(), st.booleans())] * len(HISTORY_FLAGS)))
def test_boolean_flags_reach_the_server_as_true_or_false(
    wire_fake: FakeKalshiServer, wire_client: kalshi.ApiClient, flags: Tuple[Optional[bool], ...]
) -> None:
    _use_new_key(wire_fake, wire_client, DEMO_USER_ID)
    arguments: Dict[str, Any] = dict(zip(_FLAG_ARGUMENTS, flags))
    AccountApi(wire_client).user_get_account_history(DEMO_USER_ID, **arguments)
    (request,) = wire_fake.requests
    expected = {name: ["true" if flag else "false"] for name, flag in zip(HISTORY_FLAGS, flags) if flag is not None}
    assert request.query == expected
