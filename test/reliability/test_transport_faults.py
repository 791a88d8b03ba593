"""Broken transports: refused, reset, truncated, invalid JSON, wrong types, TLS; all as SDK errors."""

from __future__ import annotations

import copy
import json
import time
from typing import Any, Callable

import pytest
import urllib3

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.model.login_request import LoginRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

PREFERENCES_PATH = f"/users/{DEMO_USER_ID}/notifications/preferences"


def _assert_sdk_exception(error: BaseException) -> None:
    assert not isinstance(error, urllib3.exceptions.HTTPError)
    assert all("urllib3" not in cls.__module__ for cls in type(error).__mro__)


def _preferences(api_client: kalshi.ApiClient, **options: Any) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


# --------------------------------------------------------------------------- refused


def test_refused_connection_is_an_api_connection_error_naming_the_host(
    closed_port: int, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(f"http://127.0.0.1:{closed_port}/v1", api_key="k")
    started = time.monotonic()
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        _preferences(api_client)
    assert time.monotonic() - started < 2.0
    error = caught.value
    assert not isinstance(error, kalshi.ApiTimeoutError)
    assert error.host == f"127.0.0.1:{closed_port}"
    assert f"127.0.0.1:{closed_port}" in str(error)
    assert error.method == "GET"
    assert error.url == f"http://127.0.0.1:{closed_port}/v1{PREFERENCES_PATH}"
    assert error.__cause__ is not None
    _assert_sdk_exception(error)


def test_a_server_that_went_away_gives_an_api_connection_error(
    new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    with FakeKalshiServer() as gone:
        gone.authorize(demo_key, DEMO_USER_ID)
        api_client = new_client(gone, api_key=demo_key)
        _preferences(api_client)  # leaves a keep-alive connection in the pool
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        _preferences(api_client)
    assert caught.value.host == f"127.0.0.1:{gone.port}"
    assert caught.value.__cause__ is not None
    _assert_sdk_exception(caught.value)


# --------------------------------------------------------------------------- reset


@pytest.mark.parametrize("resets", [1, 2, 3])
def test_get_heals_after_connection_resets(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, resets: int) -> None:
    fake.reset_next(resets)
    assert _preferences(keyed_client).preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.request_count == resets + 1


def test_put_heals_after_a_connection_reset(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    fake.reset_next(1)
    AccountApi(keyed_client).change_subscription(
        DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="none")
    )
    assert fake.subscription_level_of(DEMO_USER_ID) == "none"
    assert fake.request_count == 2


def test_endless_resets_end_in_an_api_connection_error(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    fake.reset_next(10)
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        _preferences(keyed_client)
    assert fake.request_count == 4
    assert caught.value.host == f"127.0.0.1:{fake.port}"
    assert caught.value.__cause__ is not None
    _assert_sdk_exception(caught.value)


def test_reset_of_log_in_is_not_retried(fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]) -> None:
    api_client = new_client(fake)
    fake.reset_next(1, path_contains="/log_in")
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert caught.value.method == "POST"
    assert fake.request_count == 1  # the server got the POST: sending it again could act twice
    assert api_client.user_id is None
    _assert_sdk_exception(caught.value)


# --------------------------------------------------------------------------- truncated body


def test_truncated_get_heals_by_retry(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    fake.truncate_next(1)
    assert _preferences(keyed_client).preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.request_count == 2


def test_truncated_body_without_retries_is_an_api_connection_error(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, retries=0)
    fake.truncate_next(1)
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        _preferences(api_client)
    assert not isinstance(caught.value, kalshi.ApiTimeoutError)
    assert "incomplete" in str(caught.value).lower()
    assert fake.request_count == 1
    _assert_sdk_exception(caught.value)


def test_truncated_log_in_response_is_not_retried(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(fake)
    fake.truncate_next(1, path_contains="/log_in")
    with pytest.raises(kalshi.ApiConnectionError):
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert fake.request_count == 1
    assert api_client.user_id is None


# --------------------------------------------------------------------------- bodies that do not decode


def test_invalid_json_is_an_api_decode_error_keeping_status_and_body(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    fake.invalid_json_next(1)
    with pytest.raises(kalshi.ApiDecodeError) as caught:
        _preferences(keyed_client)
    error = caught.value
    assert isinstance(error, kalshi.OpenApiException)
    assert isinstance(error, kalshi.ApiException)
    assert error.status == 200
    assert error.body == "{not json"
    assert fake.request_count == 1  # a 200 is an answer: nothing to retry


def test_api_decode_error_names_the_request(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    # README "Errors": every ApiException keeps the request's method and url.
    fake.invalid_json_next(1)
    with pytest.raises(kalshi.ApiDecodeError) as caught:
        _preferences(keyed_client)
    assert caught.value.method == "GET"
    assert caught.value.url == fake.host + PREFERENCES_PATH


def _history_with_string_price(fake: FakeKalshiServer) -> bytes:
    entries = fake.history_of(DEMO_USER_ID)[:5]
    trade = copy.deepcopy(next(e for e in fake.history_of(DEMO_USER_ID) if e["type"] == "Trade"))
    trade["data"]["Trade"]["price"] = "12"
    entries[2] = trade
    return json.dumps({"entries": entries}).encode()


def test_wrong_typed_field_raises_api_type_error_naming_it(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    fake.respond_next(1, 200, _history_with_string_price(fake), path_contains="/account/history")
    with pytest.raises(kalshi.ApiTypeError) as caught:
        AccountApi(keyed_client).user_get_account_history(DEMO_USER_ID)
    assert "entries[2].data.Trade.price" in str(caught.value)


def test_unchecked_return_type_keeps_the_raw_value(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    body = _history_with_string_price(fake)
    fake.respond_next(1, 200, body, path_contains="/account/history")
    history = AccountApi(keyed_client).user_get_account_history(DEMO_USER_ID, _check_return_type=False)
    data = history.entries[2].data
    assert data is not None and data.trade is not None
    assert data.trade.price == "12"
    assert [e.type for e in history.entries] == [e["type"] for e in json.loads(body)["entries"]]


# --------------------------------------------------------------------------- TLS


def test_tls_to_a_plain_http_port_is_an_api_connection_error(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake.host.replace("http://", "https://"), api_key=demo_key)
    started = time.monotonic()
    with pytest.raises(kalshi.ApiConnectionError) as caught:
        _preferences(api_client)
    assert time.monotonic() - started < 3.0
    error = caught.value
    assert not isinstance(error, kalshi.ApiTimeoutError)
    assert error.host == f"127.0.0.1:{fake.port}"
    assert error.url == fake.host.replace("http://", "https://") + PREFERENCES_PATH
    assert error.__cause__ is not None
    _assert_sdk_exception(error)


# --------------------------------------------------------------------------- status errors name the request


def test_status_errors_carry_method_and_url_without_secrets(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(fake)
    login = AuthApi(api_client).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD))
    api_client.configuration.api_key["cookie"] = f"{login.user_id} {login.token}"
    with pytest.raises(kalshi.NotFoundException) as caught:
        AccountApi(api_client).notification_mark_read(DEMO_USER_ID, "no-such-notification")
    error = caught.value
    assert error.status == 404
    assert error.method == "PUT"
    assert error.url == f"{fake.host}/users/{DEMO_USER_ID}/notifications/no-such-notification/read"
    for secret in (login.token, DEMO_PASSWORD):
        assert secret not in error.url
        assert secret not in str(error)
    _assert_sdk_exception(error)
