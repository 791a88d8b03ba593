"""Error text: one printable line, valid UTF-8, bounded; no secret the client knows, wherever the server puts it."""

from __future__ import annotations

import json
import logging
import socket
from typing import Callable, List

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from ._servers import Proxy, RawServer, Request, response

PREFERENCES_PATH = "/notifications/preferences"
MAX_STR = 1000


def _texts(error: BaseException) -> List[str]:
    return [str(error), repr(error), *(str(a) for a in error.args), *(repr(a) for a in error.args)]


def _assert_safe(error: BaseException, secrets: List[str]) -> None:
    for text in _texts(error):
        assert "\n" not in text and "\r" not in text
        assert text.isprintable(), text
        text.encode("utf-8")  # raises on an unpaired surrogate
        assert len(text) <= MAX_STR + 100
        for secret in secrets:
            assert secret not in text, (secret, text)


HOSTILE_MESSAGES = {
    "forged-log-line": "bad request\n2026-01-01 00:00:00 INFO kalshi: login ok user=admin",
    "carriage-return": "bad\rrequest",
    "lone-surrogate": "bad \ud800 request",
    "escape-sequences": "bad \x1b[31mred\x1b[0m \x00 request",
    "bidi-override": "bad \u202e request",
    "huge": "x" * 100_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_MESSAGES))
def test_hostile_server_text_gives_one_safe_line(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, name: str
) -> None:
    message = HOSTILE_MESSAGES[name]
    body = json.dumps({"code": "bad", "message": message}).encode()
    fake.fail_next(1, 400, body=body, path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.BadRequestException) as caught:
        AccountApi(keyed_client).get_notification_preferences(DEMO_USER_ID)
    _assert_safe(caught.value, [])
    assert caught.value.message == message  # the attribute keeps the server's text as it was


def test_a_password_echoed_in_plain_message_text_is_scrubbed(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kalshi")
    api_client = new_client(fake, login=True, debug=True)
    authorization = api_client._session.authorization
    assert authorization is not None
    token = authorization.rsplit(" ", 1)[1]
    plain = f"user {DEMO_EMAIL} with password {DEMO_PASSWORD} and session {token} is not allowed\nretry"
    for body in (
        plain.encode(),  # not JSON at all
        json.dumps({"code": "denied", "message": plain}).encode(),
        json.dumps({"code": "denied", "details": f'echo: "{DEMO_PASSWORD}"'}).encode(),
    ):
        fake.fail_next(1, 403, body=body, path_contains=PREFERENCES_PATH)
        with pytest.raises(kalshi.ForbiddenException) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
        _assert_safe(caught.value, [DEMO_PASSWORD, token])
        assert DEMO_PASSWORD in (caught.value.body or "")  # the full body stays on the attribute
    fake.respond_next(1, 200, plain.encode(), path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.ApiDecodeError) as decode_error:
        AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    _assert_safe(decode_error.value, [DEMO_PASSWORD, token])
    for record in caplog.records:
        assert DEMO_PASSWORD not in record.getMessage() and token not in record.getMessage()


def test_an_api_key_echoed_by_the_server_is_scrubbed(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key)
    fake.fail_next(1, 501, body=f"internal error for key {demo_key}".encode(), path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.ServiceException) as caught:
        AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, _request_timeout=5)
    _assert_safe(caught.value, [demo_key])


def test_a_status_reason_with_secrets_and_controls_is_scrubbed(new_client: Callable[..., kalshi.ApiClient]) -> None:
    key = "api-key-abcdef-123"

    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        conn.sendall(response(418, b"", reason=f"Teapot {key} \x1b[2J"))
        return True

    with RawServer(handler) as server:
        api_client = new_client(server.host, api_key=key)
        with pytest.raises(kalshi.ApiException) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    _assert_safe(caught.value, [key])


def test_proxy_credentials_never_show(new_client: Callable[..., kalshi.ApiClient]) -> None:
    password = "proxy-pa55word-xyz"
    with Proxy(require_auth="Basic nothing-matches") as proxy:
        api_client = new_client("http://127.0.0.1:9/v1", api_key="k", retries=0, proxy=f"http://bob:{password}@127.0.0.1:{proxy.port}")
        with pytest.raises(kalshi.OpenApiException) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
        assert proxy.seen  # the request reached the proxy, with credentials
        assert proxy.seen[0][1] is not None and proxy.seen[0][1].startswith("Basic ")
    _assert_safe(caught.value, [password])
    assert password not in repr(api_client.configuration)


def test_every_exception_class_renders_one_safe_line() -> None:
    hostile = "line one\nline two \ud800 \x00" + "y" * 5000
    errors: List[BaseException] = [
        kalshi.ApiTypeError(hostile),
        kalshi.ApiValueError(hostile),
        kalshi.ApiKeyError(hostile),
        kalshi.ApiAttributeError(hostile),
        kalshi.ApiConnectionError(hostile),
        kalshi.ApiTimeoutError(hostile, budget="read"),
        kalshi.exceptions.ApiResponseTooLargeError(hostile, limit=1),
        kalshi.exceptions.ApiPagingError(hostile),
        kalshi.exceptions.ApiClientClosedError(hostile),
        kalshi.ApiException(400, hostile, hostile.encode("utf-8", "surrogatepass"), {}),
        kalshi.ApiDecodeError(200, "OK", hostile.encode("utf-8", "surrogatepass"), {}),
        kalshi.ServiceException(503, "x", json.dumps({"message": hostile}).encode(), {}),
    ]
    for error in errors:
        _assert_safe(error, [])
