"""The per-call options every API method accepts: async_req, _return_http_data_only,
_preload_content, _request_timeout, _check_return_type and _host_index."""

from __future__ import annotations

import json
import threading
from typing import Any, Callable, Optional, Set, Tuple, Union

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.models import GetNotificationPreferencesResponse, UserGetAccountHistoryResponse
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

UID = DEMO_USER_ID


def _async_threads() -> Set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("kalshi-async")}


# --------------------------------------------------------------------------- async_req


def test_async_req_returns_a_handle_whose_get_gives_the_model(account_api: AccountApi) -> None:
    handle = account_api.get_notification_preferences(UID, async_req=True)

    result = handle.get(timeout=10)

    assert isinstance(result, GetNotificationPreferencesResponse)
    assert result.preferences.subscription_level == "all"
    assert handle.ready() and handle.successful()


def test_async_req_of_a_204_call_gives_none(account_api: AccountApi, server: FakeKalshiServer) -> None:
    server.respond_next(status=204, path_contains="/read")

    assert account_api.notification_mark_read(UID, "n-1", async_req=True).get(timeout=10) is None


def test_async_req_errors_are_raised_by_get(account_api: AccountApi) -> None:
    handle = account_api.notification_mark_read(UID, "no-such-notification", async_req=True)

    with pytest.raises(kalshi.NotFoundException) as info:
        handle.get(timeout=10)

    assert info.value.status == 404
    assert handle.successful() is False


def test_async_req_calls_run_concurrently_and_all_complete(account_api: AccountApi) -> None:
    handles = [account_api.user_get_account_history(UID, limit=n, async_req=True) for n in range(1, 6)]

    assert [len(h.get(timeout=10).entries) for h in handles] == [1, 2, 3, 4, 5]


def test_close_shuts_the_async_pool_down(server: FakeKalshiServer, static_key: str) -> None:
    before = _async_threads()
    client = kalshi.ApiClient(kalshi.Configuration(host=server.host, api_key={"cookie": static_key}))
    AccountApi(client).get_notification_preferences(UID, async_req=True).get(timeout=10)
    started = _async_threads() - before
    assert started, "the async call ran on a pool thread"

    client.close()

    assert not any(t.is_alive() for t in started)


def test_async_pool_is_not_started_without_async_calls(server: FakeKalshiServer, static_key: str) -> None:
    before = _async_threads()
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, api_key={"cookie": static_key})) as client:
        AccountApi(client).get_notification_preferences(UID)
        assert _async_threads() == before


# --------------------------------------------------------------------------- _return_http_data_only


def test_return_http_data_only_false_gives_data_status_headers(account_api: AccountApi) -> None:
    data, status, headers = account_api.get_notification_preferences(UID, _return_http_data_only=False)

    assert isinstance(data, GetNotificationPreferencesResponse)
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert headers["content-type"] == "application/json"  # header names are case-insensitive


def test_return_http_data_only_false_on_a_204(account_api: AccountApi, server: FakeKalshiServer) -> None:
    server.respond_next(status=204, headers={"X-Done": "yes"}, path_contains="/read")

    data, status, headers = account_api.notification_mark_read(UID, "n-1", _return_http_data_only=False)

    assert (data, status, headers["X-Done"]) == (None, 204, "yes")


# --------------------------------------------------------------------------- _preload_content


def test_preload_content_false_gives_the_raw_response(account_api: AccountApi, server: FakeKalshiServer) -> None:
    response = account_api.get_notification_preferences(UID, _preload_content=False)
    try:
        assert response.status == 200
        assert json.loads(response.data) == {"preferences": {"subscription_level": "all"}}
        assert isinstance(response.data, bytes)
        assert response.getheader("Content-Type") == "application/json"
    finally:
        response.release_conn()


def test_preload_content_false_can_be_streamed(account_api: AccountApi) -> None:
    response = account_api.user_get_account_history(UID, _preload_content=False)
    try:
        body = b"".join(response.stream(64))
    finally:
        response.release_conn()

    assert len(json.loads(body)["entries"]) == 25


def test_preload_content_false_still_raises_on_error_status(account_api: AccountApi) -> None:
    with pytest.raises(kalshi.NotFoundException):
        account_api.notification_mark_read(UID, "no-such-notification", _preload_content=False)


# --------------------------------------------------------------------------- _request_timeout


@pytest.mark.parametrize("timeout", [5, 2.5, (3, 7), (None, 7)])
def test_request_timeout_is_accepted(
    account_api: AccountApi, timeout: Union[float, Tuple[Optional[float], Optional[float]]]
) -> None:
    response = account_api.get_notification_preferences(UID, _request_timeout=timeout)

    assert response.preferences.subscription_level == "all"


def test_request_timeout_applies_to_the_call(static_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    server.delay_next(seconds=0.5)

    with pytest.raises(kalshi.ApiTimeoutError):
        AccountApi(static_client).get_notification_preferences(UID, _request_timeout=0.1)


def test_request_timeout_does_not_change_the_configuration(account_api: AccountApi) -> None:
    account_api.get_notification_preferences(UID, _request_timeout=3)

    assert account_api.api_client.configuration.timeout == (10.0, 30.0)


# --------------------------------------------------------------------------- _check_return_type

WRONG_TYPED_HISTORY = {
    "entries": [
        {"type": "Trade", "data": {"Trade": {"price": 40}}},
        {"type": "Trade", "data": {"Trade": {"price": "forty"}}},
    ]
}


def test_wrong_typed_response_raises_with_the_field_path(
    static_client: kalshi.ApiClient, server: FakeKalshiServer
) -> None:
    server.respond_next(body=json.dumps(WRONG_TYPED_HISTORY).encode())

    with pytest.raises(kalshi.ApiTypeError) as info:
        AccountApi(static_client).user_get_account_history(UID)

    assert "entries[1].data.Trade.price" in str(info.value)


def _trade_price(entry: Any) -> Any:
    """A trade entry's price, as the response holds it (unchecked: maybe not an int)."""
    assert entry.data is not None and entry.data.trade is not None
    return entry.data.trade.price


def test_check_return_type_false_keeps_the_raw_value(static_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    server.respond_next(body=json.dumps(WRONG_TYPED_HISTORY).encode())

    response = AccountApi(static_client).user_get_account_history(UID, _check_return_type=False)

    assert isinstance(response, UserGetAccountHistoryResponse)
    assert [_trade_price(e) for e in response.entries] == [40, "forty"]


# --------------------------------------------------------------------------- _host_index


def test_host_index_picks_the_server_from_the_configured_list(server: FakeKalshiServer, static_key: str) -> None:
    configuration = kalshi.Configuration(host="http://127.0.0.1:9/v1", api_key={"cookie": static_key}, retries=0)
    configuration.servers = [{"url": "http://127.0.0.1:9/v1"}, {"url": server.host}]
    with kalshi.ApiClient(configuration) as client:
        response = AccountApi(client).get_notification_preferences(UID, _host_index=1)

    assert response.preferences.subscription_level == "all"
    assert [r.raw_path for r in server.requests] == [f"/v1/users/{UID}/notifications/preferences"]
    assert configuration.host == "http://127.0.0.1:9/v1"


def test_host_index_none_uses_the_configured_host(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key)
    client.configuration.servers = [{"url": "http://127.0.0.1:9/v1"}]

    AccountApi(client).get_notification_preferences(UID, _host_index=None)

    assert len(server.requests) == 1
