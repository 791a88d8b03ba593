"""The HTTP/1.1 request handler: reads and records each request, then faults or routes it."""

from __future__ import annotations

import socket
import struct
from http.server import BaseHTTPRequestHandler
from typing import Any, NoReturn

from .errors import ERROR_CODES, ApiError, error_response
from .faults import Fault
from .listener import Server
from .recorded import RecordedRequest, recorded_request, split_target
from .responses import Response, has_header, json_bytes, reason

# Idle keep-alive connections are dropped after this long, so no handler thread lives forever.
_CONNECTION_TIMEOUT = 30.0
# Bodies larger than this are refused rather than buffered; the real API takes tiny JSON bodies.
_MAX_BODY = 16 * 1024 * 1024


class _ConnectionAborted(Exception):
    """Unwinds a handler whose connection was reset on purpose or lost mid-request."""


def _is_ascii_digits(text: str) -> bool:
    """Tell whether ``text`` is a non-empty run of 0-9 (str.isdigit also accepts "²")."""
    return bool(text) and all("0" <= char <= "9" for char in text)


def _is_hex_digits(text: bytes) -> bool:
    """Tell whether ``text`` is a non-empty run of hex digits (int(..., 16) also takes "-5", "0x5", "5_0")."""
    return bool(text) and all(char in b"0123456789abcdefABCDEF" for char in text)


class RequestHandler(BaseHTTPRequestHandler):
    """Serves one keep-alive connection: record each request, apply a fault or route it."""

    protocol_version = "HTTP/1.1"
    server_version = "FakeKalshi/1.0"
    sys_version = ""
    timeout = _CONNECTION_TIMEOUT
    disable_nagle_algorithm = True
    server: Server

    def handle(self) -> None:
        """Serve requests until the connection closes, without ever printing a traceback."""
        try:
            super().handle()
        except (_ConnectionAborted, OSError):
            # The client hung up, stop() shut the socket, or a reset fault closed it on purpose.
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: the fake must stay silent, and log-in bodies carry passwords."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer malformed requests (bad request line, oversized headers) with a JSONError."""
        if code == 501 and self.command:
            # The base class answers 501 to a method it has no do_ method for. Route it instead,
            # so the route table answers 405 with Allow (or 404), as for OPTIONS and PATCH.
            self._serve()
            return
        self.close_connection = True
        status = int(code)
        error = ApiError(
            status, ERROR_CODES.get(status, "invalid_request"), message or reason(status)
        )
        self._write(error_response(error))

    def _serve(self) -> None:
        """Handle one parsed request."""
        owner = self.server.owner
        raw_path, raw_query = split_target(self.path)
        try:
            body = self._read_body()
        except ApiError as error:
            # The rest of the stream cannot be trusted once the body framing is wrong.
            self.close_connection = True
            owner._record(self._recorded(raw_path, raw_query, b""))
            self._write(error_response(error))
            return
        request = self._recorded(raw_path, raw_query, body)
        owner._record(request)
        fault = owner._take_fault(self.command, raw_path)
        if fault is None:
            self._write(owner._respond(request))
        else:
            self._apply_fault(fault, request)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _serve

    def _recorded(self, raw_path: str, raw_query: str, body: bytes) -> RecordedRequest:
        """Return the RecordedRequest for the current request."""
        return recorded_request(self.command, raw_path, raw_query, self.headers.items(), body)

    # -- reading -------------------------------------------------------------

    def _read_body(self) -> bytes:
        """Read the request body as framed by Content-Length or chunked encoding."""
        transfer_encoding = self.headers.get("Transfer-Encoding")
        if transfer_encoding is not None:
            if transfer_encoding.strip().lower() != "chunked":
                raise ApiError(
                    400,
                    "invalid_parameters",
                    f"unsupported Transfer-Encoding {transfer_encoding!r}",
                )
            return self._read_chunked()
        lengths = self.headers.get_all("Content-Length")
        if not lengths:
            return b""
        # RFC 9112 6.3: a list of one repeated valid value is that value; anything else is framing error.
        values = {value.strip() for length in lengths for value in length.split(",")}
        if len(values) != 1 or not _is_ascii_digits(next(iter(values))):
            raise ApiError(400, "invalid_parameters", f"invalid Content-Length {', '.join(lengths)!r}")
        return self._read_exactly(int(values.pop()))

    def _read_exactly(self, size: int) -> bytes:
        """Read exactly ``size`` body bytes."""
        if size > _MAX_BODY:
            raise ApiError(413, "invalid_parameters", "request body too large")
        data = self.rfile.read(size)
        if len(data) < size:
            raise _ConnectionAborted("client closed the connection mid-body")
        return data

    def _read_chunked(self) -> bytes:
        """Read a chunked request body and its trailers."""
        chunks: list[bytes] = []
        while True:
            size_text = self.rfile.readline(65537).split(b";", 1)[0].strip()
            if not _is_hex_digits(size_text):
                raise ApiError(400, "invalid_parameters", f"malformed chunk size {size_text[:20]!r}")
            size = int(size_text, 16)
            if size == 0:
                break
            chunks.append(self._read_exactly(size))
            self._read_exactly(2)  # the CRLF that ends each chunk
        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
            pass  # trailers carry nothing the fake needs
        return b"".join(chunks)

    # -- writing -------------------------------------------------------------

    def _write(self, response: Response) -> None:
        """Write the whole response (status line, headers, body) in a single send."""
        status = response.status
        # These statuses cannot carry a body or a Content-Length (RFC 9110 8.6).
        bodiless = status in (204, 304) or 100 <= status < 200
        lines = [
            f"HTTP/1.1 {status} {reason(status)}",
            f"Server: {self.server_version}",
            f"Date: {self.date_time_string()}",
        ]
        lines.extend(f"{name}: {value}" for name, value in response.headers)
        if not bodiless:
            length = response.declared_length
            lines.append(f"Content-Length: {len(response.body) if length is None else length}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        body = b"" if bodiless or self.command == "HEAD" else response.body
        self.wfile.write(head + body)

    # -- faults --------------------------------------------------------------

    def _apply_fault(self, fault: Fault, request: RecordedRequest) -> None:
        """Answer ``request`` as the injected ``fault`` says."""
        owner = self.server.owner
        if fault.kind == "delay":
            owner._stopping.wait(fault.seconds)  # wakes early when the server stops
            self._write(owner._respond(request))
        elif fault.kind == "reset":
            self._reset()
        elif fault.kind == "truncate":
            self._truncate(owner._respond(request))
        elif fault.response is not None:
            self._write(fault.response)

    def _reset(self) -> NoReturn:
        """Drop the connection with a TCP reset and stop handling it."""
        # SO_LINGER on with a zero timeout makes close() send RST instead of a graceful FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # The file objects hold references to the socket; it only really closes once they do.
        self.rfile.close()
        self.wfile.close()
        self.connection.close()
        raise _ConnectionAborted("connection reset by an injected fault")

    def _truncate(self, real: Response) -> None:
        """Send a 200 announcing the full body length but only half the body, then close."""
        body = real.body or json_bytes({"message": "truncated by an injected fault"})
        headers = real.headers
        if not has_header(headers, "Content-Type"):
            headers = (("Content-Type", "application/json"), *headers)
        self.close_connection = True
        self._write(Response(200, body[: len(body) // 2], headers, declared_length=len(body)))
