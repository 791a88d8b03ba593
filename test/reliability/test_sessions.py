"""Log-in sessions: the header they send, log-out, transparent renewal of an expired session."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, List

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.model.login_response import LoginResponse
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

THREADS = 8


def _preferences(api_client: kalshi.ApiClient) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)


def _paths(fake: FakeKalshiServer) -> List[str]:
    return [f"{r.method} {r.raw_path}" for r in fake.requests]


PREFERENCES = f"GET /v1/users/{DEMO_USER_ID}/notifications/preferences"
LOG_IN = "POST /v1/log_in"


@pytest.fixture
def logged_in(fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]) -> kalshi.ApiClient:
    """A client logged in as the demo user; the log-in is not in ``fake.requests``."""
    api_client = new_client(fake, login=True)
    fake.clear_requests()
    return api_client


def test_login_returns_the_response_and_starts_the_session(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(fake)
    assert api_client.user_id is None
    response = api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert isinstance(response, LoginResponse)
    assert response.user_id == DEMO_USER_ID
    assert api_client.user_id == DEMO_USER_ID
    assert fake.login_count == 1
    fake.clear_requests()
    _preferences(api_client)
    assert fake.requests[0].headers["authorization"] == f"{response.user_id} {response.token}"


def test_logout_ends_the_session_on_the_server_and_in_the_client(
    fake: FakeKalshiServer, logged_in: kalshi.ApiClient
) -> None:
    _preferences(logged_in)
    header_before = fake.requests[0].headers["authorization"]
    logged_in.logout()
    assert _paths(fake)[1:] == ["POST /v1/log_out"]
    assert fake.requests[1].headers["authorization"] == header_before
    assert logged_in.user_id is None
    fake.clear_requests()
    with pytest.raises(kalshi.UnauthorizedException):
        _preferences(logged_in)
    assert _paths(fake) == [PREFERENCES]  # credentials are forgotten: no log-in again
    assert "authorization" not in fake.requests[0].headers
    assert fake.login_count == 1


def test_expired_session_is_renewed_once_and_the_call_repeated(
    fake: FakeKalshiServer, logged_in: kalshi.ApiClient
) -> None:
    _preferences(logged_in)
    first_header = fake.requests[0].headers["authorization"]
    fake.clear_requests()
    fake.expire_sessions()
    result = _preferences(logged_in)
    assert result.preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.login_count == 2
    assert _paths(fake) == [PREFERENCES, LOG_IN, PREFERENCES]
    renewed = fake.requests[2].headers["authorization"]
    assert fake.requests[0].headers["authorization"] == first_header
    assert renewed != first_header
    assert renewed.startswith(DEMO_USER_ID + " ")


def test_second_401_after_renewal_is_raised_after_exactly_one_log_in(
    fake: FakeKalshiServer, logged_in: kalshi.ApiClient
) -> None:
    fake.expire_sessions()
    fake.fail_next(2, 401, path_contains="/users/")
    with pytest.raises(kalshi.UnauthorizedException) as caught:
        _preferences(logged_in)
    assert caught.value.status == 401
    assert fake.login_count == 2  # the first log-in and one renewal
    assert _paths(fake) == [PREFERENCES, LOG_IN, PREFERENCES]


def test_401_with_a_configured_key_is_raised_without_logging_in(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(fake, api_key="not-a-session")
    with pytest.raises(kalshi.UnauthorizedException):
        _preferences(api_client)
    assert _paths(fake) == [PREFERENCES]
    assert fake.login_count == 0


def test_logout_with_an_expired_session_does_not_log_in_again(
    fake: FakeKalshiServer, logged_in: kalshi.ApiClient
) -> None:
    fake.expire_sessions()
    try:
        logged_in.logout()
    except kalshi.UnauthorizedException:
        pass  # the server says the session is already gone; either outcome ends it
    assert _paths(fake) == ["POST /v1/log_out"]
    assert fake.login_count == 1
    assert logged_in.user_id is None


def test_threads_hitting_an_expired_session_share_one_log_in(
    fake: FakeKalshiServer, logged_in: kalshi.ApiClient
) -> None:
    fake.expire_sessions()
    barrier = threading.Barrier(THREADS, timeout=5)

    def call(_: int) -> Any:
        barrier.wait()
        return _preferences(logged_in)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(call, range(THREADS), timeout=10))
    level = fake.subscription_level_of(DEMO_USER_ID)
    assert [r.preferences.subscription_level for r in results] == [level] * THREADS
    assert fake.login_count == 2  # the first log-in and ONE renewal shared by all threads
    assert _paths(fake).count(LOG_IN) == 1


def test_renewal_repeats_a_put_with_its_body(fake: FakeKalshiServer, logged_in: kalshi.ApiClient) -> None:
    fake.expire_sessions()
    AccountApi(logged_in).change_subscription(
        DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="none")
    )
    assert fake.subscription_level_of(DEMO_USER_ID) == "none"
    subscribe = f"PUT /v1/users/{DEMO_USER_ID}/subscribe"
    assert _paths(fake) == [subscribe, LOG_IN, subscribe]
    assert fake.requests[0].body == fake.requests[2].body == b'{"subscription_level":"none"}'


def test_auth_api_logout_ends_the_clients_session_too(fake: FakeKalshiServer, logged_in: kalshi.ApiClient) -> None:
    AuthApi(logged_in).logout()
    assert logged_in.user_id is None
    fake.clear_requests()
    with pytest.raises(kalshi.UnauthorizedException):
        _preferences(logged_in)
    assert _paths(fake) == [PREFERENCES]  # no silent log-in after an explicit log-out
    assert fake.login_count == 1


def test_logout_with_a_configured_key_ends_that_session_without_logging_in(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key)
    api_client.logout()
    assert _paths(fake) == ["POST /v1/log_out"]
    assert fake.requests[0].headers["authorization"] == demo_key
    assert fake.login_count == 0


def test_a_renewed_session_reuses_the_connection_of_the_expired_answer() -> None:
    # The 401 is read and its connection returned before the log-in, even when the caller asked
    # for an unread response (_preload_content=False): nothing leaks, no connection is added.
    with FakeKalshiServer() as fake:
        configuration = kalshi.Configuration(host=fake.host, connection_pool_maxsize=1, retries=0)
        with kalshi.ApiClient(configuration) as client:
            client.login(DEMO_EMAIL, DEMO_PASSWORD)
            pool = client.rest_client._plan.pools.manager(fake.host).connection_from_url(fake.host)
            for _ in range(3):
                fake.expire_sessions()
                response = AccountApi(client).get_notification_preferences(
                    client.user_id or "", _preload_content=False
                )
                assert response.status == 200
                response.data  # noqa: B018 - read the body the caller asked for
                response.release_conn()
            assert pool.num_connections == 1
            assert fake.login_count == 4
