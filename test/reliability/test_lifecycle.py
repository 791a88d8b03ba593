"""A closed client refuses to work; configuration changes reach the next call."""

from __future__ import annotations

import time
from typing import Any

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer


def _get(api_client: kalshi.ApiClient, **options: Any) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


def test_a_closed_client_raises_a_clear_error_and_sends_nothing(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    _get(keyed_client)
    keyed_client.close()
    keyed_client.close()  # idempotent
    for call in (
        lambda: _get(keyed_client),
        lambda: _get(keyed_client, async_req=True).get(5),
        lambda: keyed_client.login(DEMO_EMAIL, DEMO_PASSWORD),
    ):
        with pytest.raises(kalshi.exceptions.ApiClientClosedError, match="closed"):
            call()
    assert fake.request_count == 1


def test_a_client_closed_before_any_call_raises_too(fake: FakeKalshiServer) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=fake.host)) as api_client:
        pass
    with pytest.raises(kalshi.exceptions.ApiClientClosedError):
        _get(api_client)
    assert isinstance(kalshi.exceptions.ApiClientClosedError("x"), RuntimeError)
    assert fake.request_count == 0


def test_changed_retries_apply_to_the_next_call(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    _get(keyed_client)  # the transport exists now
    keyed_client.configuration.retries = 0
    fake.fail_next(1, 503)
    with pytest.raises(kalshi.ServiceException):
        _get(keyed_client)
    assert fake.request_count == 2
    keyed_client.configuration.retries = 2
    fake.fail_next(2, 503)
    _get(keyed_client)
    assert fake.request_count == 5


def test_a_changed_timeout_applies_to_the_next_call(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    _get(keyed_client)
    keyed_client.configuration.timeout = 0.2
    keyed_client.configuration.retries = 0
    fake.delay_next(1, 1.0)
    started = time.monotonic()
    with pytest.raises(kalshi.ApiTimeoutError):
        _get(keyed_client)
    assert time.monotonic() - started < 0.9
    assert keyed_client.rest_client.timeout.read_timeout == 0.2


def test_changed_pool_settings_build_a_fresh_pool(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    _get(keyed_client)
    before = keyed_client.rest_client._plan.pools.manager(fake.host)
    keyed_client.configuration.connection_pool_maxsize = 3
    _get(keyed_client)
    after = keyed_client.rest_client._plan.pools.manager(fake.host)
    assert after is not before
    assert after.connection_pool_kw["maxsize"] == 3


def test_a_changed_size_limit_applies_to_the_next_call(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    _get(keyed_client)
    keyed_client.configuration.max_response_size = 10
    with pytest.raises(kalshi.exceptions.ApiResponseTooLargeError):
        _get(keyed_client)
