"""Response size is bounded while streaming, for plain and compressed bodies; memory stays bounded."""

from __future__ import annotations

import gzip
import json
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import time
import zlib
from typing import Any, Callable, Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID

from ._servers import RawServer, Request, response

PREFERENCES = json.dumps({"preferences": {"subscription_level": "basic"}}).encode()
MIB = 1024 * 1024


def _preferences(api_client: kalshi.ApiClient, **options: Any) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID, **options)


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """1 GiB of zeros, gzip-compressed to about 1 MB.

    Built from one fully flushed deflate segment of 1 MiB repeated 1,024 times (a valid stream:
    a full flush leaves no back-reference across segments), which takes a fraction of a second
    where compressing the whole GiB took seconds.
    """
    block = bytes(MIB)
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    segment = raw.compress(block) + raw.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no mtime
    return header + segment * 1024 + end + struct.pack("<II", crc, (1024 * MIB) & 0xFFFFFFFF)


def _encoded(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.compress(body)
    if encoding == "deflate":
        return zlib.compress(body)
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate, as some servers send
    return compressor.compress(body) + compressor.flush()


def _serve(body: bytes, headers: dict) -> Callable[[socket.socket, Request, int], bool]:
    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        conn.sendall(response(200, body, headers=headers))
        return True

    return handler


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(new_client: Callable[..., kalshi.ApiClient], encoding: str) -> None:
    wire = "deflate" if encoding == "raw-deflate" else encoding
    with RawServer(_serve(_encoded(PREFERENCES, encoding), {"Content-Encoding": wire})) as server:
        api_client = new_client(server.host, api_key="k")
        assert _preferences(api_client).preferences.subscription_level == "basic"
        assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_a_corrupt_gzip_body_is_a_decode_error(new_client: Callable[..., kalshi.ApiClient]) -> None:
    corrupt = gzip.compress(PREFERENCES)[:12] + b"\xff" * 20
    with RawServer(_serve(corrupt, {"Content-Encoding": "gzip"})) as server:
        api_client = new_client(server.host, api_key="k")
        with pytest.raises(kalshi.ApiDecodeError) as caught:
            _preferences(api_client)
    assert caught.value.status == 200
    assert server.request_count == 1


def _next_call_gets_its_own_answer(server: RawServer, api_client: kalshi.ApiClient) -> None:
    assert _preferences(api_client).preferences.subscription_level == "basic"


def _then_small(first: Callable[[socket.socket, Request, int], Any]) -> Callable[[socket.socket, Request, int], Any]:
    def handler(conn: socket.socket, request: Request, index: int) -> Any:
        if index == 0:
            return first(conn, request, index)
        conn.sendall(response(200, PREFERENCES))
        return True

    return handler


def test_a_gzip_bomb_stops_at_the_limit_and_the_connection_is_discarded(
    new_client: Callable[..., kalshi.ApiClient], gzip_bomb: bytes
) -> None:
    def bomb(conn: socket.socket, request: Request, index: int) -> bool:
        try:
            conn.sendall(response(200, gzip_bomb, headers={"Content-Encoding": "gzip"}))
        except OSError:
            pass  # the client hung up, as it should
        return True

    with RawServer(_then_small(bomb)) as server:
        api_client = new_client(server.host, api_key="k", max_response_size=4 * MIB)
        started = time.monotonic()
        with pytest.raises(kalshi.exceptions.ApiResponseTooLargeError) as caught:
            _preferences(api_client)
        assert time.monotonic() - started < 2.0
        error = caught.value
        assert isinstance(error, kalshi.ApiConnectionError)
        assert (error.status, error.limit) == (200, 4 * MIB)
        assert "max_response_size" in str(error)
        assert server.request_count == 1  # a body too large is not retried
        _next_call_gets_its_own_answer(server, api_client)
        assert server.connections == 2  # the bomb's connection was not reused


def test_a_declared_length_over_the_limit_is_refused_before_reading(
    new_client: Callable[..., kalshi.ApiClient],
) -> None:
    def huge(conn: socket.socket, request: Request, index: int) -> bool:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 209715200\r\n\r\n" + b" " * 65536)
        return False

    with RawServer(_then_small(huge)) as server:
        api_client = new_client(server.host, api_key="k", max_response_size=MIB)
        with pytest.raises(kalshi.exceptions.ApiResponseTooLargeError):
            _preferences(api_client)
        _next_call_gets_its_own_answer(server, api_client)


def test_a_streamed_body_is_bounded_too(new_client: Callable[..., kalshi.ApiClient]) -> None:
    def chunked(conn: socket.socket, request: Request, index: int) -> bool:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
        try:
            for _ in range(64):  # 4 MiB at most
                conn.sendall(chunk)
        except OSError:
            pass
        return False

    with RawServer(chunked) as server:
        api_client = new_client(server.host, api_key="k", max_response_size=MIB)
        response = _preferences(api_client, _preload_content=False)
        with pytest.raises(kalshi.exceptions.ApiResponseTooLargeError):
            for _ in response.stream(8192):
                pass


# --------------------------------------------------------------------------- memory, in a child process

_CHILD = textwrap.dedent(
    """
    import resource, sys
    import kalshi
    from kalshi.api.account_api import AccountApi

    configuration = kalshi.Configuration(host=sys.argv[1], retries=0, deadline=30)
    configuration.api_key["cookie"] = "k"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with kalshi.ApiClient(configuration) as api_client:
        try:
            AccountApi(api_client).get_notification_preferences("u")
            outcome = "no error"
        except kalshi.OpenApiException as e:
            outcome = type(e).__name__
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(outcome, before // 1024, after // 1024)
    """
)


def _child_peak(host: str) -> tuple:
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _CHILD, host], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome, before, after = done.stdout.split()
    return outcome, int(before), int(after)


@pytest.fixture
def streaming_server(gzip_bomb: bytes) -> Iterator[Callable[[str], RawServer]]:
    servers = []
    stop = threading.Event()

    def plain(conn: socket.socket, request: Request, index: int) -> bool:
        # 200 MB without a Content-Length: only streaming can stop it.
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        block = b" " * MIB
        try:
            for _ in range(200):
                if stop.is_set():
                    break
                conn.sendall(block)
        except OSError:
            pass
        return False

    def bomb(conn: socket.socket, request: Request, index: int) -> bool:
        try:
            conn.sendall(response(200, gzip_bomb, headers={"Content-Encoding": "gzip"}))
        except OSError:
            pass
        return False

    def factory(kind: str) -> RawServer:
        server = RawServer(plain if kind == "plain" else bomb)
        servers.append(server)
        return server

    yield factory
    stop.set()
    for server in servers:
        server.close()


@pytest.mark.parametrize("kind", ["plain", "gzip-bomb"])
def test_peak_memory_stays_bounded_with_the_default_limit(
    streaming_server: Callable[[str], RawServer], kind: str
) -> None:
    server = streaming_server(kind)
    started = time.monotonic()
    outcome, before, after = _child_peak(server.host)
    elapsed = time.monotonic() - started
    assert outcome == "ApiResponseTooLargeError"
    # The default limit is 64 MiB, held as it is read (measured: about 55 MB): far from 200 MB / 1 GiB.
    assert after - before < 100, (before, after)
    assert elapsed < 30
