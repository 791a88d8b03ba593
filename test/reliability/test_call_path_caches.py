"""The per-call caches (headers, timeouts, the host's pool, rendered paths and queries) never serve
stale values: whatever a call is built from may change between calls, and the next call sends the
new value. Real sockets on 127.0.0.1 (the fake exchange, plus plain servers for the pool limit)."""

from __future__ import annotations

import socket
import threading
from typing import Any, Callable, Iterator, List

import pytest

import kalshi
from kalshi._transport.pools import ROUTE_LIMIT
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer


def _prefs(api_client: kalshi.ApiClient, **options: Any) -> object:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


def _last_headers(fake: FakeKalshiServer) -> dict:
    return fake.requests[-1].headers


def test_changed_default_headers_cookie_and_key_reach_the_next_call(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, demo_key: str
) -> None:
    _prefs(keyed_client)
    first = _last_headers(fake)
    assert first["authorization"] == demo_key
    assert first["accept-encoding"] == "gzip, deflate"
    assert "x-trace" not in first and "cookie" not in first

    keyed_client.default_headers["X-Trace"] = "one"  # changed in place
    _prefs(keyed_client)
    assert _last_headers(fake)["x-trace"] == "one"

    keyed_client.set_default_header("X-Trace", "two")
    keyed_client.cookie = "jar=1"
    _prefs(keyed_client)
    assert (_last_headers(fake)["x-trace"], _last_headers(fake)["cookie"]) == ("two", "jar=1")

    del keyed_client.default_headers["X-Trace"]
    keyed_client.configuration.api_key["cookie"] = "not-a-session"  # changed in place: read per call by the ApiClient
    with pytest.raises(kalshi.UnauthorizedException):
        _prefs(keyed_client)
    assert "x-trace" not in _last_headers(fake)
    assert _last_headers(fake)["authorization"] == "not-a-session"

    keyed_client.configuration.api_key["cookie"] = demo_key
    _prefs(keyed_client)
    assert _last_headers(fake)["authorization"] == demo_key


def test_the_users_own_accept_encoding_wins_and_an_extra_header_is_sent_once(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    keyed_client.set_default_header("Accept-Encoding", "identity")
    _prefs(keyed_client)
    assert _last_headers(fake)["accept-encoding"] == "identity"

    keyed_client.call_api(
        f"/users/{DEMO_USER_ID}/notifications/preferences",
        "GET",
        header_params={"X-Once": "yes"},
        auth_settings=["cookie"],
        response_type=None,
    )
    assert _last_headers(fake)["x-once"] == "yes"
    _prefs(keyed_client)
    assert "x-once" not in _last_headers(fake)  # per-call headers never enter the cached ones


def test_a_header_that_cannot_be_sent_is_refused_every_time(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    keyed_client.set_default_header("X-Bad", "line\r\nbreak")
    for _ in range(2):  # a refused set of headers is not kept: the second call is checked again
        with pytest.raises(kalshi.ApiValueError):
            _prefs(keyed_client)
    assert fake.request_count == 0


def test_per_call_timeouts_of_every_shape_apply_to_their_call(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    keyed_client.configuration.retries = 0
    for value in (0.3, (2.0, 0.3), [2.0, 0.3]):
        fake.delay_next(1, 1.0)
        with pytest.raises(kalshi.ApiTimeoutError) as info:
            _prefs(keyed_client, _request_timeout=value)
        # One number is the whole call's limit (its budget runs out); a pair's read timeout fires.
        assert info.value.budget == ("deadline" if value == 0.3 else "read")
    _prefs(keyed_client, _request_timeout=(2.0, 0.3))  # the same value again, no delay: answered
    assert keyed_client.rest_client.timeout.read_timeout == 30.0  # the configured one is untouched


def test_paths_and_queries_follow_their_arguments(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    api = AccountApi(keyed_client)
    for page_number in (1, 2, 1):
        api.user_get_notifications(DEMO_USER_ID, 5, page_number)
        assert fake.requests[-1].query == {"page_size": ["5"], "page_number": [str(page_number)]}
    with pytest.raises(kalshi.ApiException):
        api.get_notification_preferences("someone/../else")
    assert fake.requests[-1].raw_path.endswith("/users/someone%2F..%2Felse/notifications/preferences")


# ---- more hosts than the client keeps routes (and urllib3 pools) for


class _TinyServer:
    """Answers every request on one keep-alive connection with ``{}`` and counts them."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(4)
        self._sock.settimeout(5)
        self.port = self._sock.getsockname()[1]
        self.count = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            conn.settimeout(5)
            with conn:
                buf = b""
                while True:
                    try:
                        chunk = conn.recv(65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    buf += chunk
                    while b"\r\n\r\n" in buf:
                        _, _, buf = buf.partition(b"\r\n\r\n")
                        self.count += 1
                        conn.sendall(reply)

    def close(self) -> None:
        # Closing alone does not wake a thread blocked in accept() on Linux; shutting down does.
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        self._thread.join(timeout=5)


@pytest.fixture
def tiny_servers() -> Iterator[List[_TinyServer]]:
    servers = [_TinyServer() for _ in range(ROUTE_LIMIT + 2)]  # more than the routes and num_pools (4)
    yield servers
    for server in servers:
        server.close()


def test_more_hosts_than_routes_are_all_reached_in_turn_and_pools_stay_bounded(
    tiny_servers: List[_TinyServer], new_client: Callable[..., kalshi.ApiClient]
) -> None:
    api_client = new_client(f"http://127.0.0.1:{tiny_servers[0].port}/v1", api_key="k")
    for _ in range(3):
        for server in tiny_servers:
            api_client.call_api("/x", "GET", _host=f"http://127.0.0.1:{server.port}/v1", response_type=None)
    assert [server.count for server in tiny_servers] == [3] * len(tiny_servers)
    assert len(api_client.rest_client._plan.pools._routes) <= ROUTE_LIMIT

