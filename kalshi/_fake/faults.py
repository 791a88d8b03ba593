"""The fault queue and its fail/delay/reset/truncate/invalid-json/respond injection methods."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from .errors import default_error, error_body
from .responses import Headers, Response, has_header

# Header names that the server computes itself and never takes from a canned response.
_COMPUTED_HEADERS = frozenset({"content-length", "connection", "transfer-encoding"})


@dataclass
class Fault:
    """A queued fault for the next ``remaining`` matching requests.

    ``kind`` is "respond" (send the canned ``response``), "delay", "reset", "drop" (handle, then
    reset) or "truncate".
    """

    kind: str
    remaining: int
    path_contains: str | None
    method: str | None
    response: Response | None = None
    seconds: float = 0.0

    def matches(self, method: str, raw_path: str) -> bool:
        """Tell whether this fault applies to a ``method`` request for ``raw_path``."""
        return (self.path_contains is None or self.path_contains in raw_path) and (
            self.method is None or self.method.upper() == method
        )


def _canned(status: int, body: bytes, headers: Headers) -> Response:
    """Build a canned fault response; framing headers are always computed by the server."""
    kept = tuple((name, value) for name, value in headers if name.lower() not in _COMPUTED_HEADERS)
    if body and not has_header(kept, "Content-Type"):
        kept = (("Content-Type", "application/json"), *kept)
    return Response(status, body, kept)


class FaultInjection:
    """The fault-injection methods of ``FakeKalshiServer``, which mixes this class in.

    The server sets ``_lock`` and ``_faults`` (a FIFO of pending faults); every method is
    thread-safe. The request handler consumes the faults through ``_take_fault``.

    Every method takes ``count`` (how many matching requests) first, then its own positional
    argument if it has one, and the keyword-only filters ``path_contains`` (a substring of the raw
    path) and ``method`` (e.g. ``"POST"``); a request matches when it passes both.
    """

    _lock: threading.RLock
    _faults: list[Fault]

    def fail_next(
        self,
        count: int = 1,
        status: int = 503,
        *,
        retry_after: str | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        path_contains: str | None = None,
        method: str | None = None,
    ) -> None:
        """Answer the next ``count`` matching requests with ``status`` (a JSONError by default)."""
        extra = tuple((headers or {}).items())
        if retry_after is not None:
            extra = (*extra, ("Retry-After", retry_after))
        if body is None:
            error = default_error(status)
            body = error_body(status, error.code, error.message, error.details)
        self._queue(Fault("respond", count, path_contains, method, response=_canned(status, body, extra)))

    def delay_next(
        self, count: int = 1, seconds: float = 1.0, *, path_contains: str | None = None, method: str | None = None
    ) -> None:
        """Sleep ``seconds`` before handling each of the next ``count`` matching requests."""
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        self._queue(Fault("delay", count, path_contains, method, seconds=seconds))

    def reset_next(self, count: int = 1, *, path_contains: str | None = None, method: str | None = None) -> None:
        """Reset the connection (TCP RST, no response) for the next ``count`` matching requests."""
        self._queue(Fault("reset", count, path_contains, method))

    def drop_response_next(
        self, count: int = 1, *, path_contains: str | None = None, method: str | None = None
    ) -> None:
        """Handle the next ``count`` matching requests fully, then reset the connection without answering.

        The request takes effect (an order is placed) but the client never hears of it: the
        outcome a client cannot tell from a request that never arrived (``reset_next``).
        """
        self._queue(Fault("drop", count, path_contains, method))

    def truncate_next(self, count: int = 1, *, path_contains: str | None = None, method: str | None = None) -> None:
        """Send only part of the real body (Content-Length promises all of it), then close."""
        self._queue(Fault("truncate", count, path_contains, method))

    def invalid_json_next(
        self, count: int = 1, *, path_contains: str | None = None, method: str | None = None
    ) -> None:
        """Answer the next ``count`` matching requests with 200 and the body ``{not json``."""
        response = Response(200, b"{not json", (("Content-Type", "application/json"),))
        self._queue(Fault("respond", count, path_contains, method, response=response))

    def respond_next(
        self,
        count: int = 1,
        status: int = 200,
        body: bytes = b"",
        *,
        headers: dict[str, str] | None = None,
        path_contains: str | None = None,
        method: str | None = None,
    ) -> None:
        """Answer the next ``count`` matching requests with a canned response.

        A non-empty body defaults to ``Content-Type: application/json``; Content-Length is
        always computed, and 204/304 responses never carry a body.
        """
        response = _canned(status, body, tuple((headers or {}).items()))
        self._queue(Fault("respond", count, path_contains, method, response=response))

    def clear_faults(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._faults.clear()

    def _queue(self, fault: Fault) -> None:
        """Append ``fault`` to the FIFO of pending faults."""
        if fault.remaining < 1:
            raise ValueError("count must be >= 1")
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, method: str, raw_path: str) -> Fault | None:
        """Consume one use of the oldest fault matching the request, if any."""
        with self._lock:
            if not self._faults:
                return None
            for index, fault in enumerate(self._faults):
                if fault.matches(method, raw_path):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        del self._faults[index]
                    return fault
        return None
