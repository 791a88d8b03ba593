"""A 1xx taken as the final status: the connection is discarded and the next call gets its own answer."""

from __future__ import annotations

import json
import socket
from typing import Callable

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID

from ._servers import RawServer, Request, response


def _answer(request: Request) -> bytes:
    """A body that names the request it answers, so an answer out of step shows."""
    level = request.target.rsplit("/", 1)[-1]
    return json.dumps({"preferences": {"subscription_level": level}}).encode()


def _early_hints_first(times: int) -> Callable[[socket.socket, Request, int], bool]:
    """The first ``times`` requests get a 103 and then their real answer on the same connection."""

    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        if index < times:
            conn.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n")
            conn.sendall(response(200, json.dumps({"preferences": {"subscription_level": "stale"}}).encode()))
            return True
        conn.sendall(response(200, _answer(request)))
        return True

    return handler


@pytest.mark.parametrize("status_line", ["103 Early Hints", "102 Processing", "199 Odd"])
def test_a_1xx_is_a_connection_error_and_the_next_call_gets_its_own_answer(
    new_client: Callable[..., kalshi.ApiClient], status_line: str
) -> None:
    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        if index == 0:
            conn.sendall(f"HTTP/1.1 {status_line}\r\n\r\n".encode())
            conn.sendall(response(200, b'{"preferences": {"subscription_level": "stale"}}'))
            return True
        conn.sendall(response(200, _answer(request)))
        return True

    with RawServer(handler) as server:
        api_client = new_client(server.host, api_key="k", retries=0)
        with pytest.raises(kalshi.ApiConnectionError) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
        assert status_line.split()[0] in str(caught.value)
        assert not isinstance(caught.value, kalshi.ApiTimeoutError)
        # The stale 200 behind the 1xx is never taken as the next call's answer.
        got = AccountApi(api_client).get_notification_preferences("next-call")
        assert got.preferences.subscription_level == "preferences"
        assert server.request_count == 2
        assert server.connections == 2


def test_a_get_answered_with_a_1xx_is_retried_on_a_fresh_connection(
    new_client: Callable[..., kalshi.ApiClient],
) -> None:
    with RawServer(_early_hints_first(2)) as server:
        api_client = new_client(server.host, api_key="k")
        got = AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
        assert got.preferences.subscription_level == "preferences"
        assert server.request_count == 3
        assert server.connections == 3


def test_a_post_answered_with_a_1xx_is_not_repeated(new_client: Callable[..., kalshi.ApiClient]) -> None:
    with RawServer(_early_hints_first(1)) as server:
        api_client = new_client(server.host)
        with pytest.raises(kalshi.ApiConnectionError):
            api_client.login("a@example.com", "pw-123456")
        assert server.request_count == 1
