"""AuthApi against the fake exchange: log in, log out, and what a dead session answers."""

from __future__ import annotations

import json
from typing import Callable, Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.models import LoginRequest, LoginResponse
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer


@pytest.fixture
def anonymous(server: FakeKalshiServer) -> Iterator[kalshi.ApiClient]:
    """A client with no session and no key, retries off."""
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0)) as client:
        yield client


def _login(client: kalshi.ApiClient) -> LoginResponse:
    return AuthApi(client).login(login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD))


# --------------------------------------------------------------------------- login


def test_login_request(anonymous: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    _login(anonymous)

    [request] = server.requests
    assert request.method == "POST"
    assert request.raw_path == "/v1/log_in"
    assert request.raw_query == ""
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "application/json"
    assert json.loads(request.body) == {"email": DEMO_EMAIL, "password": DEMO_PASSWORD}


def test_login_returns_a_login_response(anonymous: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    logins = server.login_count

    response = _login(anonymous)

    assert isinstance(response, LoginResponse)
    assert response.user_id == DEMO_USER_ID
    assert response.access_level == "full"
    assert isinstance(response.token, str) and len(response.token) >= 16
    assert server.login_count == logins + 1


def test_login_never_sends_an_authorization_header(server: FakeKalshiServer, static_key: str) -> None:
    configuration = kalshi.Configuration(host=server.host, api_key={"cookie": static_key})
    with kalshi.ApiClient(configuration) as client:
        _login(client)

    assert "authorization" not in server.requests[0].headers


def test_login_set_cookie_header_is_returned_and_harmless(
    anonymous: kalshi.ApiClient, server: FakeKalshiServer
) -> None:
    response, status, headers = AuthApi(anonymous).login(
        login_request=LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD), _return_http_data_only=False
    )

    assert status == 200
    assert f"sessions={response.token}" in headers["Set-Cookie"]
    # The token works as the Authorization value; no cookie is stored or sent back.
    anonymous.configuration.api_key["cookie"] = f"{response.user_id} {response.token}"
    AccountApi(anonymous).get_notification_preferences(response.user_id)
    assert "cookie" not in server.requests[-1].headers


def test_login_token_authorizes_the_account_calls(anonymous: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    response = _login(anonymous)
    anonymous.configuration.api_key["cookie"] = f"{response.user_id} {response.token}"

    level = AccountApi(anonymous).get_notification_preferences(response.user_id).preferences.subscription_level

    assert level == server.subscription_level_of(DEMO_USER_ID)
    assert server.requests[-1].headers["authorization"] == f"{DEMO_USER_ID} {response.token}"


def test_login_with_a_wrong_password_is_unauthorized(anonymous: kalshi.ApiClient) -> None:
    wrong = "not-the-password"
    with pytest.raises(kalshi.UnauthorizedException) as info:
        AuthApi(anonymous).login(login_request=LoginRequest(email=DEMO_EMAIL, password=wrong))

    assert info.value.status == 401
    assert info.value.code == "invalid_credentials"
    assert wrong not in str(info.value)
    assert anonymous.user_id is None


def test_login_with_a_short_password_is_refused_before_sending(
    anonymous: kalshi.ApiClient, server: FakeKalshiServer
) -> None:
    # The spec gives LoginRequest.password minLength 6.
    with pytest.raises(kalshi.ApiValueError, match="password") as info:
        AuthApi(anonymous).login(login_request=LoginRequest(email=DEMO_EMAIL, password="12345"))

    assert "12345" not in str(info.value)
    assert server.requests == []


def test_login_with_a_short_password_and_no_client_checks_is_a_bad_request(server: FakeKalshiServer) -> None:
    configuration = kalshi.Configuration(host=server.host, retries=0, client_side_validation=False)
    with kalshi.ApiClient(configuration) as client:
        with pytest.raises(kalshi.BadRequestException) as info:
            AuthApi(client).login(login_request=LoginRequest(email=DEMO_EMAIL, password="12345"))

    assert info.value.code == "invalid_parameters"
    assert "12345" not in str(info.value)


def test_login_without_a_body_is_a_bad_request(anonymous: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    with pytest.raises(kalshi.BadRequestException) as info:
        AuthApi(anonymous).login()

    assert info.value.code == "missing_parameters"
    assert server.requests[0].body == b""
    assert "content-type" not in server.requests[0].headers


def test_login_body_may_be_a_dict(anonymous: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    # A dict is accepted at run time; the annotation names only the model.
    response = AuthApi(anonymous).login(
        login_request={"email": DEMO_EMAIL, "password": DEMO_PASSWORD}  # type: ignore[call-overload]
    )

    assert response.user_id == DEMO_USER_ID
    assert json.loads(server.requests[0].body) == {"email": DEMO_EMAIL, "password": DEMO_PASSWORD}


# --------------------------------------------------------------------------- logout


@pytest.fixture
def session_client(server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]) -> kalshi.ApiClient:
    """A client holding a fresh log-in session as its API key (so it cannot log in again by itself)."""
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as bootstrap:
        response = _login(bootstrap)
    client = make_client(server, login=False, api_key=f"{response.user_id} {response.token}", retries=0)
    server.clear_requests()
    return client


def test_logout_request_and_none(session_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    assert AuthApi(session_client).logout() is None

    [request] = server.requests
    assert request.method == "POST"
    assert request.raw_path == "/v1/log_out"
    assert request.raw_query == ""
    assert request.body == b""
    assert request.headers["authorization"] == session_client.configuration.api_key["cookie"]
    assert "content-type" not in request.headers
    assert "accept" not in request.headers


def test_logout_ends_the_session(session_client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    api = AccountApi(session_client)
    api.get_notification_preferences(DEMO_USER_ID)  # the session works before

    AuthApi(session_client).logout()

    with pytest.raises(kalshi.UnauthorizedException) as info:
        api.get_notification_preferences(DEMO_USER_ID)
    error = info.value
    assert error.status == 401
    assert error.reason == "Unauthorized"
    assert error.body is not None
    assert json.loads(error.body)["message"] == "invalid or expired session"
    assert error.headers["Content-Type"] == "application/json"
    assert error.code == "unauthorized"
    assert error.message == "invalid or expired session"
    assert error.service == "fake-exchange"
    assert error.method == "GET"
    assert error.url is not None
    assert error.url.endswith(f"/v1/users/{DEMO_USER_ID}/notifications/preferences")


def test_logout_twice_is_unauthorized(session_client: kalshi.ApiClient) -> None:
    AuthApi(session_client).logout()

    with pytest.raises(kalshi.UnauthorizedException):
        AuthApi(session_client).logout()


def test_logout_without_a_session_is_unauthorized(anonymous: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    with pytest.raises(kalshi.UnauthorizedException) as info:
        AuthApi(anonymous).logout()

    assert info.value.message == "missing Authorization header"
    assert "authorization" not in server.requests[0].headers


def test_api_client_logout_ends_the_server_session_and_forgets_it(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]
) -> None:
    client = make_client(server, retries=0)
    authorization = f"{client.user_id} "
    server.clear_requests()

    client.logout()

    [request] = server.requests
    assert (request.method, request.raw_path) == ("POST", "/v1/log_out")
    assert request.headers["authorization"].startswith(authorization)
    assert client.user_id is None
    with pytest.raises(kalshi.UnauthorizedException):
        AccountApi(client).get_notification_preferences(DEMO_USER_ID)
    assert "authorization" not in server.requests[-1].headers


def test_auth_api_logout_ends_a_login_session_for_good(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]
) -> None:
    client = make_client(server, retries=0)

    AuthApi(client).logout()

    assert client.user_id is None
    server.clear_requests()
    with pytest.raises(kalshi.UnauthorizedException):
        AccountApi(client).get_notification_preferences(DEMO_USER_ID)
    # No silent log-in afterwards: the one request went out without credentials.
    assert [(r.method, r.raw_path) for r in server.requests] == [
        ("GET", f"/v1/users/{DEMO_USER_ID}/notifications/preferences")
    ]
    assert "authorization" not in server.requests[0].headers


def test_api_client_logout_with_a_configured_key_sends_it(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0)

    client.logout()

    [request] = server.requests
    assert (request.method, request.raw_path, request.headers["authorization"]) == ("POST", "/v1/log_out", static_key)
