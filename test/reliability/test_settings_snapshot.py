"""Each call takes one immutable snapshot of the transport's settings and keeps it to its end."""

from __future__ import annotations

import threading
import time
from typing import Any, List

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer


def _get(api_client: kalshi.ApiClient) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)


def test_the_snapshot_is_immutable_and_replaced_by_an_assignment() -> None:
    configuration = kalshi.Configuration(timeout=(2, 5), retries=1)
    first = configuration.transport_settings()
    assert configuration.transport_settings() is first  # no change: the same snapshot
    with pytest.raises(AttributeError):
        first.deadline = 1.0  # type: ignore[misc]
    configuration.deadline = 7
    second = configuration.transport_settings()
    assert second is not first
    assert (first.deadline, second.deadline) == (60.0, 7.0)
    assert (second.timeout, second.retries) == ((2, 5), 1)


def test_a_call_in_flight_keeps_its_snapshot_and_the_next_call_takes_the_new_one(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    _get(keyed_client)  # the transport exists and has taken a snapshot
    fake.clear_requests()
    fake.delay_next(1, 0.5)
    outcome: List[Any] = []
    caller = threading.Thread(target=lambda: outcome.append(_get(keyed_client)))
    caller.start()
    started = time.monotonic()
    while fake.request_count == 0 and time.monotonic() - started < 5:
        time.sleep(0.01)
    assert fake.request_count == 1  # the call is in flight: the server holds its answer
    keyed_client.configuration.max_response_size = 10  # smaller than the answer
    keyed_client.configuration.retries = 0
    with pytest.raises(kalshi.ApiResponseTooLargeError):
        _get(keyed_client)  # a call started now, while the first waits: the new limit
    caller.join(10)

    assert len(outcome) == 1 and outcome[0].preferences is not None  # read under its own limit
    assert fake.request_count == 2
    assert keyed_client.rest_client.retries.total == 0


def test_a_client_sharing_the_session_shares_the_pools_until_its_pool_settings_differ(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    _get(keyed_client)
    copy = keyed_client.sharing_session(keyed_client.configuration.copy())
    copy.configuration.deadline = 5  # not a pool setting: still shared
    _get(copy)
    assert copy.rest_client._current().pools is keyed_client.rest_client._current().pools
    copy.configuration.connection_pool_maxsize = 2
    _get(copy)
    assert copy.rest_client._current().pools is not keyed_client.rest_client._current().pools
    _get(keyed_client)  # the original's pools were not closed under it
