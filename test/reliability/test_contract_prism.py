"""Contract: every SDK call, with every parameter set, is a valid request by the spec (Prism says so).

``prism mock --errors`` validates each request against test/spec/kalshi-v1-account.json and
answers a violation with a 4xx carrying an ``sl-violations`` header. Its answers are generated
from the spec's schemas ("string" ids, ...), so the SDK must also parse whatever the spec allows.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable, Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
from kalshi.model.login_request import LoginRequest
from kalshi.model.login_response import LoginResponse
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
from kalshi.model.user_get_notifications_response import UserGetNotificationsResponse

ACCOUNT_CALLS = {
    "user_get_account_history": UserGetAccountHistoryResponse,
    "user_get_notifications": UserGetNotificationsResponse,
    "get_notification_preferences": GetNotificationPreferencesResponse,
    "notification_mark_read": type(None),
    "change_subscription": type(None),
}
# The spec declares user_id and notification_id as format uuid4.
USER_ID = str(uuid.uuid4())
NOTIFICATION_ID = str(uuid.uuid4())


@pytest.fixture
def prism_client(prism: str, response_log: Any) -> Iterator[kalshi.ApiClient]:
    """A client of the Prism mock (no retries: every answer is seen as sent); responses logged."""
    with kalshi.ApiClient(kalshi.Configuration(host=prism, retries=0, timeout=(5, 10))) as api_client:
        response_log.attach(api_client)
        yield api_client


def _assert_all_valid(response_log: Any, expected: int) -> None:
    assert len(response_log.seen) == expected
    for seen in response_log.seen:
        assert "sl-violations" not in seen.headers, f"{seen.method} {seen.url}: {seen.headers['sl-violations']}"
        assert 200 <= seen.status <= 299, f"{seen.method} {seen.url} -> {seen.status}"


def test_log_in_and_log_out_follow_the_spec(prism_client: kalshi.ApiClient, response_log: Any) -> None:
    response = prism_client.login("trader@example.com", "a-long-password")
    assert isinstance(response, LoginResponse)
    assert prism_client.user_id == response.user_id
    prism_client.logout()
    assert prism_client.user_id is None
    _assert_all_valid(response_log, expected=2)
    assert [(s.method, s.url) for s in response_log.seen] == [
        ("POST", prism_client.configuration.host + "/log_in"),
        ("POST", prism_client.configuration.host + "/log_out"),
    ]


def test_auth_api_calls_follow_the_spec(prism_client: kalshi.ApiClient, response_log: Any) -> None:
    auth = AuthApi(prism_client)
    data, status, headers = auth.login(
        login_request=LoginRequest(email="trader@example.com", password="a-long-password"), _return_http_data_only=False
    )
    assert isinstance(data, LoginResponse) and status == 200
    prism_client.configuration.api_key["cookie"] = f"{data.user_id} {data.token}"
    assert auth.logout() is None
    _assert_all_valid(response_log, expected=2)


@pytest.mark.parametrize("name", sorted(ACCOUNT_CALLS))
def test_account_calls_with_every_parameter_follow_the_spec(
    prism_client: kalshi.ApiClient, response_log: Any, call_account: Callable[..., Any], name: str
) -> None:
    prism_client.login("trader@example.com", "a-long-password")
    result = call_account(prism_client, name, USER_ID, NOTIFICATION_ID)
    assert isinstance(result, ACCOUNT_CALLS[name])
    _assert_all_valid(response_log, expected=2)
    method, url = response_log.seen[1].method, response_log.seen[1].url
    assert USER_ID in url
    assert method == ("GET" if ACCOUNT_CALLS[name] is not type(None) else "PUT")


def test_the_harness_catches_a_violation(prism: str, response_log: Any) -> None:
    configuration = kalshi.Configuration(host=prism, retries=0, client_side_validation=False)
    configuration.api_key["cookie"] = f"{USER_ID} token"
    with kalshi.ApiClient(configuration) as api_client:
        response_log.attach(api_client)
        with pytest.raises(kalshi.ApiException) as caught:
            AccountApi(api_client).user_get_notifications(USER_ID, page_size=51, page_number=1)
    assert 400 <= caught.value.status <= 499
    assert "sl-violations" in {k.lower() for k in caught.value.headers}
    (seen,) = response_log.seen
    assert "page_size" in seen.headers["sl-violations"]
