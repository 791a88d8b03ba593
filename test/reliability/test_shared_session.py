"""``ApiClient.sharing_session``: a client with other settings over another's log-in and connections."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer


def _preferences(api_client: kalshi.ApiClient) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)


def _pool(api_client: kalshi.ApiClient, fake: FakeKalshiServer) -> Any:
    """The client's urllib3 connection pool for the fake (``num_connections``: opened so far)."""
    return api_client.rest_client._plan.pools.manager(fake.host).connection_from_url(fake.host)


@pytest.fixture
def original(fake: FakeKalshiServer) -> Iterator[kalshi.ApiClient]:
    """Logged in as the demo user, with one connection at most; the log-in is not in ``fake.requests``."""
    configuration = kalshi.Configuration(host=fake.host, connection_pool_maxsize=1)
    with kalshi.ApiClient(configuration) as api_client:
        api_client.set_default_header("X-Trace", "original")
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        fake.clear_requests()
        yield api_client


def _no_retries(api_client: kalshi.ApiClient) -> kalshi.ApiClient:
    configuration = api_client.configuration.copy()
    configuration.retries = 0
    return api_client.sharing_session(configuration)


def test_the_new_client_uses_the_log_in_and_the_one_connection_with_its_own_settings(
    fake: FakeKalshiServer, original: kalshi.ApiClient
) -> None:
    shared = _no_retries(original)
    assert shared.user_id == original.user_id == DEMO_USER_ID

    for _ in range(3):
        _preferences(shared)
        _preferences(original)
    fake.fail_next(status=503)
    with pytest.raises(kalshi.ServiceException):
        _preferences(shared)  # its retries=0: the 503 is the answer
    fake.fail_next(status=503)
    _preferences(original)  # the original's retry policy is its own: it retries

    assert fake.login_count == 1
    authorizations = {request.headers["authorization"] for request in fake.requests}
    assert len(authorizations) == 1 and len(fake.requests) == 9
    assert {request.headers["x-trace"] for request in fake.requests} == {"original"}
    pool = _pool(original, fake)
    assert _pool(shared, fake) is pool
    assert pool.num_connections == 1  # every call of both went over one kept-alive connection


def test_the_session_is_one_and_the_headers_are_copied(fake: FakeKalshiServer, original: kalshi.ApiClient) -> None:
    shared = _no_retries(original)
    shared.set_default_header("X-Trace", "shared")  # a copy: the original's are its own
    _preferences(original)
    assert fake.requests[-1].headers["x-trace"] == "original"

    shared.logout()  # one session: the original is logged out too
    assert original.user_id is None
    original.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert shared.user_id == DEMO_USER_ID
    _preferences(shared)
    assert fake.requests[-1].headers["x-trace"] == "shared"


def test_a_setting_of_the_session_or_the_pools_must_be_the_same(
    fake: FakeKalshiServer, original: kalshi.ApiClient
) -> None:
    changes = {
        "host": "http://127.0.0.1:9/v1",
        "api_key": {"cookie": "someone else"},
        "proxy": "http://127.0.0.1:3128",
        "verify_ssl": False,
        "connection_pool_maxsize": 2,
        "allow_insecure_http": True,
    }
    for name, value in changes.items():
        configuration = original.configuration.copy()
        setattr(configuration, name, value)
        with pytest.raises(kalshi.ApiValueError, match=f"sharing_session\\(\\) needs the same {name!r}"):
            original.sharing_session(configuration)
    with pytest.raises(kalshi.ApiTypeError, match="must be a kalshi.Configuration"):
        original.sharing_session({"host": fake.host})  # type: ignore[arg-type]
    assert fake.request_count == 0


def test_closing_the_new_client_closes_only_it_and_closing_the_original_closes_both(
    fake: FakeKalshiServer, original: kalshi.ApiClient
) -> None:
    first, second = _no_retries(original), _no_retries(original)
    _preferences(first)
    pool = _pool(original, fake)
    first.close()
    with pytest.raises(kalshi.ApiClientClosedError):
        _preferences(first)
    _preferences(original)
    _preferences(second)
    assert _pool(original, fake) is pool and pool.num_connections == 1  # the shared connection stayed open

    original.close()
    with pytest.raises(kalshi.ApiClientClosedError):
        _preferences(second)
    with pytest.raises(kalshi.ApiClientClosedError):
        original.sharing_session(original.configuration.copy())
