"""The listening HTTP server, which tracks connections and their threads so stop() can end them."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from .faults import Fault
from .recorded import RecordedRequest
from .responses import Response


class Owner(Protocol):
    """What the listener and its request handlers call back on the FakeKalshiServer owning them."""

    _stopping: threading.Event  # set when the server stops

    @property
    def now(self) -> float: ...  # the simulated clock, in unix seconds

    def _record(self, request: RecordedRequest) -> None: ...

    def _take_fault(self, method: str, raw_path: str) -> Fault | None: ...

    def _respond(self, request: RecordedRequest) -> Response: ...

    def _note_error(self, text: str) -> None: ...


class Server(ThreadingHTTPServer):
    """The listening socket; tracks connections and their threads so ``stop`` can end them."""

    # Many client threads may connect at once; the default backlog of 5 would make some wait.
    request_queue_size = 64

    daemon_threads = True
    block_on_close = False  # stop() joins handler threads itself, with a deadline

    def __init__(
        self, address: tuple[str, int], owner: Owner, handler: type[BaseHTTPRequestHandler]
    ) -> None:
        self.owner = owner
        self._connections: set[socket.socket] = set()
        self._handler_threads: set[threading.Thread] = set()
        self._tracking_lock = threading.Lock()
        super().__init__(address, handler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup, which can stall for seconds."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection on a daemon thread, remembering both for ``stop``."""
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"FakeKalshiServer-{self.server_port}-connection",
            daemon=True,
        )
        with self._tracking_lock:
            self._connections.add(request)
            self._handler_threads.add(thread)
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        """Thread body: serve one connection, then forget the thread."""
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._tracking_lock:
                self._handler_threads.discard(threading.current_thread())

    def shutdown_request(self, request: Any) -> None:
        """Forget and close a finished connection."""
        with self._tracking_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Keep unexpected handler errors for inspection instead of printing them."""
        self.owner._note_error(traceback.format_exc())

    def close_connections(self) -> None:
        """Shut down every open connection so blocked handler threads wake up and exit."""
        with self._tracking_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by its handler or reset by a fault

    def join_handlers(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds in total for handler threads to finish."""
        deadline = time.monotonic() + timeout
        with self._tracking_lock:
            threads = [t for t in self._handler_threads if t is not threading.current_thread()]
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
