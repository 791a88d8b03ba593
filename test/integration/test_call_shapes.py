"""Honest call types: what each option returns, the session's user_id, and the runtime signatures."""

from __future__ import annotations

import inspect
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.user_api import UserApi
from kalshi.calls import ApiResponse, AsyncResult, RawResponse
from kalshi.exceptions import ApiResponseTypeError
from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer


def test_return_http_data_only_false_gives_an_api_response(account_api: AccountApi) -> None:
    result = account_api.get_notification_preferences(DEMO_USER_ID, _return_http_data_only=False)
    assert isinstance(result, ApiResponse)
    assert isinstance(result.data, GetNotificationPreferencesResponse)
    assert result.status == 200 and result.headers["Content-Type"].startswith("application/json")
    data, status, headers = result  # the generated client's tuple still unpacks
    assert data is result.data and status == 200


def test_preload_content_false_gives_the_raw_unread_response(account_api: AccountApi) -> None:
    raw = account_api.get_notification_preferences(DEMO_USER_ID, _preload_content=False)
    assert isinstance(raw, RawResponse)
    assert json.loads(raw.data)["preferences"]["subscription_level"]
    raw.release_conn()


def test_async_req_gives_an_async_result_of_the_model(account_api: AccountApi) -> None:
    pending = account_api.get_notification_preferences(DEMO_USER_ID, async_req=True)
    assert isinstance(pending, AsyncResult)
    assert isinstance(pending.get(timeout=10), GetNotificationPreferencesResponse)


def test_a_left_out_user_id_is_the_sessions(account_api: AccountApi, server: FakeKalshiServer) -> None:
    account_api.get_notification_preferences()
    account_api.user_get_notifications(page_size=5, page_number=1)
    account_api.user_get_account_history(None, limit=2)
    paths = [r.raw_path for r in server.requests[-3:]]
    assert paths == [
        f"/v1/users/{DEMO_USER_ID}/notifications/preferences",
        f"/v1/users/{DEMO_USER_ID}/notifications",
        f"/v1/users/{DEMO_USER_ID}/account/history",
    ]


def test_the_seed_s_positional_style_still_works(account_api: AccountApi, server: FakeKalshiServer) -> None:
    page = account_api.user_get_notifications(DEMO_USER_ID, 5, 1)
    assert len(page.notifications) <= 5
    assert server.requests[-1].query == {"page_size": ["5"], "page_number": ["1"]}


@pytest.mark.parametrize("option", ["async_req", "_return_http_data_only", "_preload_content"])
def test_iterators_refuse_shape_changing_options_before_sending(
    account_api: AccountApi, server: FakeKalshiServer, option: str
) -> None:
    before = len(server.requests)
    with pytest.raises(kalshi.ApiTypeError, match=option):
        account_api.iter_notifications(**{option: True})  # type: ignore[arg-type]
    assert len(server.requests) == before


def test_iterator_arguments_are_checked_when_it_is_made(account_api: AccountApi, server: FakeKalshiServer) -> None:
    before = len(server.requests)
    with pytest.raises(kalshi.ApiValueError, match="page_size"):
        account_api.iter_notifications(page_size=51)
    with pytest.raises(kalshi.ApiTypeError, match="start_page"):
        account_api.iter_notifications(start_page=0)
    assert len(server.requests) == before


def test_runtime_signatures_show_the_real_parameters_and_result() -> None:
    sig = inspect.signature(AccountApi.user_get_notifications)
    assert list(sig.parameters)[:4] == ["self", "user_id", "page_size", "page_number"]
    assert sig.parameters["page_size"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert repr(sig.parameters["page_size"].default) == "<required>"
    assert {"async_req", "_return_http_data_only", "_preload_content", "kwargs"} <= set(sig.parameters)
    assert "UserGetNotificationsResponse" in str(sig.return_annotation)
    history = inspect.signature(AccountApi.user_get_account_history)
    assert all(
        history.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        for name in ("should_return_deposits", "limit")
    )
    orders = inspect.signature(UserApi.user_orders_get)
    assert orders.parameters["user_id"].default is None
    assert orders.parameters["market_id"].kind is inspect.Parameter.KEYWORD_ONLY


class _NullLogin(BaseHTTPRequestHandler):
    """Answers every log-in with nulls in the required fields."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"user_id": None, "token": None, "access_level": None}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def null_login_host() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _NullLogin)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_a_log_in_answered_with_nulls_is_refused_and_starts_no_session(null_login_host: str) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=null_login_host, retries=0)) as client:
        with pytest.raises(ApiResponseTypeError) as info:
            client.login(DEMO_EMAIL, DEMO_PASSWORD)
        assert info.value.status == 200 and info.value.path_to_item in (["access_level"], ["token"], ["user_id"])
        assert '"token": null' in (info.value.body or "")
        assert client.user_id is None
        with pytest.raises(kalshi.ApiValueError, match="log in first"):
            AccountApi(client).get_notification_preferences()
