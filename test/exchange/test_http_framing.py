"""HTTP/1.1 framing as RFC 9112 and RFC 9110 ask: chunk sizes, Content-Length, HEAD, unknown methods.

Raw sockets send what a well-behaved client never would; every answer must be a JSONError (or the
GET's head), never a dropped connection or an internal error of the fake.
"""

from __future__ import annotations

import http.client
import json
import socket
from typing import Iterator, Optional, Tuple

import pytest

from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .support import Wire

Answer = Tuple[int, http.client.HTTPMessage, bytes]


@pytest.fixture
def server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer(seed=13) as fake:
        yield fake
        assert fake.errors == []


def _send(server: FakeKalshiServer, head: str, body: bytes = b"", method: Optional[str] = None) -> Answer:
    """Send one raw request and read one response (``method`` tells the parser HEAD has no body)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(head.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body)
        response = http.client.HTTPResponse(connection, method=method or head.split(" ", 1)[0])
        response.begin()
        return response.status, response.msg, response.read()


def _log_in_head(framing: str) -> str:
    return f"POST /v1/log_in HTTP/1.1\nHost: fake\nContent-Type: application/json\n{framing}\n"


LOG_IN = json.dumps({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}).encode()


def test_a_well_formed_chunked_body_is_read(server: FakeKalshiServer) -> None:
    chunked = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (10, LOG_IN[:10], len(LOG_IN) - 10, LOG_IN[10:])
    status, _, body = _send(server, _log_in_head("Transfer-Encoding: chunked"), chunked)
    assert status == 200 and json.loads(body)["user_id"] == DEMO_USER_ID


@pytest.mark.parametrize("size", [b"-5", b"0x5", b"5_0", b"+5", b" ", b"zz", b"\xb2"])
def test_a_malformed_chunk_size_is_a_400(server: FakeKalshiServer, size: bytes) -> None:
    status, headers, body = _send(server, _log_in_head("Transfer-Encoding: chunked"), size + b"\r\nhello\r\n0\r\n\r\n")
    assert status == 400 and json.loads(body)["code"] == "invalid_parameters"
    assert headers["Connection"] == "close"  # the rest of the stream cannot be trusted
    assert server.login_count == 0


@pytest.mark.parametrize("lengths", [("2", "5"), ("5", "5, 2"), ("5, x",)])
def test_conflicting_content_lengths_are_a_400(server: FakeKalshiServer, lengths: Tuple[str, ...]) -> None:
    framing = "\n".join(f"Content-Length: {length}" for length in lengths)
    status, headers, body = _send(server, _log_in_head(framing), LOG_IN)
    assert status == 400 and "Content-Length" in json.loads(body)["message"]
    assert headers["Connection"] == "close"
    assert server.login_count == 0


def test_a_repeated_identical_content_length_is_that_length(server: FakeKalshiServer) -> None:
    length = len(LOG_IN)
    framing = f"Content-Length: {length}\nContent-Length: {length}, {length}"
    status, _, body = _send(server, _log_in_head(framing), LOG_IN)
    assert status == 200 and json.loads(body)["user_id"] == DEMO_USER_ID


@pytest.mark.parametrize("path", ["/v1/markets", "/v1/users/{user}/balance", "/v1/users/{user}/orders", "/v1/nowhere"])
def test_head_answers_the_get_status_and_headers_without_a_body(server: FakeKalshiServer, path: str) -> None:
    wire = Wire(server)
    wire.login(DEMO_EMAIL, DEMO_PASSWORD)
    wire.close()
    target = path.format(user=DEMO_USER_ID)
    for authorization in (f"Authorization: {wire.authorization}\n", ""):
        get = _send(server, f"GET {target} HTTP/1.1\nHost: fake\n{authorization}")
        head = _send(server, f"HEAD {target} HTTP/1.1\nHost: fake\n{authorization}")
        assert head[0] == get[0] and head[2] == b""
        assert head[1]["Content-Length"] == get[1]["Content-Length"] == str(len(get[2]))
        assert head[1]["Content-Type"] == get[1]["Content-Type"]


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "PROPFIND", "OPTIONS", "PATCH"])
def test_methods_a_route_does_not_serve_are_a_405_with_allow(server: FakeKalshiServer, method: str) -> None:
    status, headers, body = _send(server, f"{method} /v1/markets HTTP/1.1\nHost: fake\nContent-Length: 0\n")
    assert (status, headers["Allow"], json.loads(body)["code"]) == (405, "GET, HEAD", "method_not_allowed")
    status, headers, _ = _send(server, f"{method} /v1/log_in HTTP/1.1\nHost: fake\nContent-Length: 0\n")
    assert (status, headers["Allow"]) == (405, "POST")
    status, _, body = _send(server, f"{method} /v1/nowhere HTTP/1.1\nHost: fake\nContent-Length: 0\n")
    assert (status, json.loads(body)["code"]) == (404, "not_found")
    assert [request.method for request in server.requests] == [method] * 3


def test_an_unknown_method_keeps_the_connection_open(server: FakeKalshiServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("TRACE", "/v1/markets")
        first = connection.getresponse()
        first.read()
        connection.request("GET", "/v1/markets")
        second = connection.getresponse()
        second.read()
    finally:
        connection.close()
    assert (first.status, second.status) == (405, 200)
