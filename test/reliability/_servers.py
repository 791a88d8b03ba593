"""Socket servers on 127.0.0.1 that misbehave on purpose, and a forwarding + CONNECT proxy.

Every server runs in daemon threads, every socket has a timeout, and ``close()`` (or leaving the
``with`` block) stops it: nothing outlives its test.
"""

from __future__ import annotations

import select
import socket
import threading
import time
from typing import Callable, List, Optional, Tuple

SOCKET_TIMEOUT = 10.0  # no server thread waits longer than this for anything
MAX_HEAD = 65536


class Request:
    """A request as the server read it: request line, headers (lower-case names), body."""

    def __init__(self, line: str, headers: dict, body: bytes, at: float) -> None:
        self.line = line
        self.method, self.target = line.split(" ")[:2]
        self.headers = headers
        self.body = body
        self.at = at


def read_request(conn: socket.socket, buffer: bytearray) -> Optional[Request]:
    """One request from ``conn`` (``buffer`` keeps bytes read past it); None when the peer closed."""
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > MAX_HEAD:
            return None
        try:
            data = conn.recv(65536)
        except OSError:
            return None
        if not data:
            return None
        buffer += data
    head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        data = conn.recv(65536)
        if not data:
            return None
        rest += data
    buffer[:] = rest[length:]
    return Request(lines[0], headers, rest[:length], time.monotonic())


def response(status: int, body: bytes = b"", reason: str = "OK", headers: Optional[dict] = None) -> bytes:
    """A complete HTTP/1.1 response with Content-Length."""
    lines = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}", "Content-Type: application/json"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


Handler = Callable[[socket.socket, Request, int], Optional[bool]]


def dripping(stop: threading.Event, head: bytes, byte: bytes, interval: float, count: int) -> Handler:
    """A handler that sends ``head``, then ``byte`` every ``interval`` seconds, ``count`` times, and
    closes: each read is quick, the whole is slow. ``stop`` ends it early."""

    def handler(conn: socket.socket, request: Request, index: int) -> bool:
        conn.sendall(head)
        for _ in range(count):
            if stop.wait(interval):
                return False
            try:
                conn.sendall(byte)
            except OSError:
                return False
        return False

    return handler


class RawServer:
    """Calls ``handler(conn, request, index)`` for every request (``index`` counts from 0).

    The handler writes whatever it likes to ``conn``; returning False closes the connection.
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: List[Request] = []
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.host = f"http://127.0.0.1:{self.port}/v1"
        self.connections = 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self.requests)

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._connection, args=(conn,), daemon=True).start()

    def _connection(self, conn: socket.socket) -> None:
        conn.settimeout(SOCKET_TIMEOUT)
        buffer = bytearray()
        try:
            while not self._stopped.is_set():
                request = read_request(conn, buffer)
                if request is None:
                    return
                with self._lock:
                    index = len(self.requests)
                    self.requests.append(request)
                if self.handler(conn, request, index) is False:
                    return
        except OSError:
            return
        finally:
            conn.close()

    def close(self) -> None:
        self._stopped.set()
        self._sock.close()
        self._thread.join(timeout=2)

    def __enter__(self) -> "RawServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _pipe(one: socket.socket, other: socket.socket, stopped: threading.Event) -> None:
    """Copy bytes both ways until either side closes (bounded by the socket timeout)."""
    sockets = [one, other]
    deadline = time.monotonic() + 30
    while not stopped.is_set() and time.monotonic() < deadline:
        readable, _, _ = select.select(sockets, [], [], 0.2)
        for sock in readable:
            try:
                data = sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            (other if sock is one else one).sendall(data)


class Proxy:
    """An HTTP proxy on 127.0.0.1: forwards absolute-URI requests and tunnels CONNECT.

    ``seen`` keeps ``(request line, Proxy-Authorization or None)`` of every request it got.
    ``require_auth``: answer 407 unless that Proxy-Authorization value is sent.
    """

    def __init__(self, require_auth: Optional[str] = None) -> None:
        self.seen: List[Tuple[str, Optional[str]]] = []
        self.require_auth = require_auth
        self._stopped = threading.Event()
        self._server = RawServer(self._handle)
        self.port = self._server.port
        self.url = f"http://127.0.0.1:{self.port}"

    def _handle(self, conn: socket.socket, request: Request, index: int) -> bool:
        auth = request.headers.get("proxy-authorization")
        self.seen.append((request.line, auth))
        if self.require_auth is not None and auth != self.require_auth:
            conn.sendall(response(407, b'{"message":"proxy authentication required"}', "Proxy Authentication Required"))
            return False
        if request.method == "CONNECT":
            host, _, port = request.target.rpartition(":")
            upstream = socket.create_connection((host, int(port)), timeout=SOCKET_TIMEOUT)
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        else:
            rest = request.target.split("://", 1)[1]
            hostport, _, path = rest.partition("/")
            host, _, port = hostport.partition(":")
            upstream = socket.create_connection((host, int(port or 80)), timeout=SOCKET_TIMEOUT)
            version = request.line.rsplit(" ", 1)[1]
            head = [f"{request.method} /{path} {version}"]
            # One request per upstream connection, so the pipe ends with the response.
            head += [f"{k}: {v}" for k, v in request.headers.items() if k not in ("proxy-authorization", "connection")]
            head.append("Connection: close")
            upstream.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + request.body)
        try:
            _pipe(conn, upstream, self._stopped)
        finally:
            upstream.close()
        return False

    def close(self) -> None:
        self._stopped.set()
        self._server.close()

    def __enter__(self) -> "Proxy":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
