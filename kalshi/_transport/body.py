"""Reading a response body within the call's limits: time, size and decompression.

The body is read one receive at a time. Before each, the socket's timeout is cut to what is left of
the call's deadline, so a server that drips one byte per read cannot stretch the call; the total
is held to ``max_response_size``, counted after decompression, which happens in pieces of at most
``CHUNK`` bytes so that a bomb never inflates more than that at once. Any failure discards the
connection. A body of known length is read in one call under the deadline watchdog (see
``_read_declared``).
"""

from __future__ import annotations

import socket
import zlib
from http.client import HTTPException
from typing import Any, Iterator, NamedTuple, Optional

from urllib3.exceptions import HTTPError, ProtocolError, ReadTimeoutError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError

from kalshi._transport import watchdog
from kalshi._transport.deadline import Deadline
from kalshi._transport.errors import Secrets, deadline_error, too_large
from kalshi.exceptions import ApiDecodeError

__all__ = ["CHUNK", "Inflater", "Reading", "discard", "drain", "read_all", "stream"]

# One receive, and one decompression step: few loop turns for a large body.
CHUNK = 2**18
# A retried error response is read (so its connection can be reused) only up to this size.
_DRAIN_LIMIT = 2**16


class Reading(NamedTuple):
    """How a body is read, whether at once (``read_all``) or in chunks (``stream``)."""

    read_timeout: Optional[float]  # the configured one (None: no limit)
    current: Optional[float]  # the socket's timeout now
    limit: int  # max_response_size
    method: str
    url: str
    secrets: Secrets


def read_all(resp: Any, budget: Deadline, reading: Reading) -> bytes:
    """The whole decoded body."""
    _, current, limit, method, url, secrets = reading
    if resp.headers.get("Content-Encoding"):
        return b"".join(stream(resp, budget, reading))
    declared = resp.length_remaining
    if declared is not None and declared > limit:
        discard(resp)
        raise too_large(resp, limit, method, url, secrets)
    sock = getattr(resp.connection, "sock", None)
    if declared is not None:
        try:
            return _read_declared(resp, sock, budget, reading)
        except BaseException:
            discard(resp)
            raise
    chunks = []
    size = 0
    try:
        while True:
            current, capped = _cap_socket(sock, budget, reading, current)
            raw = _receive_within(resp, capped, budget, method, url, secrets)
            if not raw:
                break
            size += len(raw)
            if size > limit:
                raise too_large(resp, limit, method, url, secrets)
            chunks.append(raw)
            if _finished(resp):
                break
    except BaseException:
        discard(resp)
        raise
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def stream(resp: Any, budget: Deadline, reading: Reading) -> Iterator[bytes]:
    """The decoded body in chunks, each receive bounded as in ``read_all``, the total by ``limit``."""
    _, current, limit, method, url, secrets = reading
    inflater = Inflater.for_encoding(resp.headers.get("Content-Encoding"))
    sock = getattr(resp.connection, "sock", None)
    size = 0
    try:
        declared = resp.length_remaining
        if inflater is None and declared is not None and declared > limit:
            raise too_large(resp, limit, method, url, secrets)
        while True:
            current, capped = _cap_socket(sock, budget, reading, current)
            raw = _receive_within(resp, capped, budget, method, url, secrets)
            if inflater is None:
                size += len(raw)
                if size > limit:
                    raise too_large(resp, limit, method, url, secrets)
                if not raw:
                    return
                yield raw
                continue
            for piece in inflater.pieces(raw, limit - size + 1):
                if piece is None:
                    raise ApiDecodeError(resp.status, resp.reason, raw[:256], resp.headers, method=method, url=url)
                size += len(piece)
                if size > limit:
                    raise too_large(resp, limit, method, url, secrets)
                yield piece
            if not raw:
                return
    except BaseException:
        discard(resp)
        raise


def _cap_socket(
    sock: Optional[socket.socket], budget: Deadline, reading: Reading, current: Optional[float]
) -> tuple[Optional[float], bool]:
    """Set the socket's timeout for the next receive (only when it changes from ``current``): the
    read timeout, or what is left of the budget when that is less. Returns the timeout and whether
    it was cut."""
    wait, capped = budget.cap(reading.read_timeout)
    if capped and wait is not None and wait <= 0:
        raise deadline_error(budget, reading.method, reading.url, None, reading.secrets)
    if sock is not None and wait != current:
        sock.settimeout(wait)
    return wait, capped


def _read_declared(resp: Any, sock: Optional[socket.socket], budget: Deadline, reading: Reading) -> bytes:
    """A body of known length (within the limit), read in one call into one buffer.

    ``http.client`` loops over the receives in C, each bounded by the socket's timeout (cut to the
    budget first), and the deadline watchdog ends the whole read when the call's deadline passes:
    the same bounds as receive by receive, without a Python turn and a copy per receive.
    """
    fp = resp._fp
    if fp is None or fp.isclosed():
        resp.release_conn()
        return b""
    _, capped = _cap_socket(sock, budget, reading, reading.current)
    method, url, secrets = reading.method, reading.url, reading.secrets
    key = watchdog.watch(sock)
    try:
        data: bytes = fp.read()
    except socket.timeout as err:
        if capped or budget.remaining() == 0:
            raise deadline_error(budget, method, url, err, secrets) from err
        raise ReadTimeoutError(resp._pool, None, "Read timed out.") from err
    except (HTTPException, OSError) as err:
        if budget.remaining() == 0:  # the watchdog shut the socket: the deadline ran out
            raise deadline_error(budget, method, url, err, secrets) from err
        raise ProtocolError(f"Connection broken: {err!r}", err) from err
    finally:
        watchdog.unwatch(key)
    resp.release_conn()
    return data


def _receive_within(resp: Any, capped: bool, budget: Deadline, method: str, url: str, secrets: Secrets) -> bytes:
    try:
        return _receive(resp, CHUNK)
    except (ReadTimeoutError, Urllib3TimeoutError) as err:
        # The wait was cut to the budget: the deadline ran out, not the read timeout.
        if capped:
            raise deadline_error(budget, method, url, err, secrets) from err
        raise


def _receive(resp: Any, amount: int) -> bytes:
    """At most ``amount`` bytes of the raw body in one receive; b"" at its end (connection released)."""
    read1 = getattr(resp, "read1", None)
    if read1 is not None:  # urllib3 2
        data: bytes = read1(amount, decode_content=False)
        return data
    # urllib3 1.26 has no read1: the same on its http.client response, with urllib3's errors.
    fp = resp._fp
    if fp is None or fp.isclosed():
        return b""
    try:
        data = fp.read1(amount)
    except socket.timeout as err:
        raise ReadTimeoutError(resp._pool, None, "Read timed out.") from err
    except (HTTPException, OSError) as err:
        raise ProtocolError(f"Connection broken: {err!r}", err) from err
    if data:
        return data
    if fp.length:
        raise ProtocolError(f"Connection broken: IncompleteRead ({fp.length} bytes missing)")
    fp.close()
    resp.release_conn()
    return b""


def _finished(resp: Any) -> bool:
    """Whether the body is complete (http.client closed it at its length): then the connection is
    given back to the pool (a no-op when urllib3 2 already did)."""
    fp = resp._fp
    if fp is not None and not fp.isclosed():
        return False
    resp.release_conn()
    return True


def discard(resp: Any) -> None:
    """Close the response's connection and give the (now empty) slot back to the pool."""
    try:
        resp.close()
    finally:
        resp.release_conn()


def drain(resp: Any, budget: Deadline) -> None:
    """Read a small error body so its connection can be reused; discard the connection otherwise."""
    declared = resp.headers.get("Content-Length")
    if declared is None or not declared.isdigit() or int(declared) > _DRAIN_LIMIT or resp.headers.get(
        "Content-Encoding"
    ):
        discard(resp)
        return
    left = budget.remaining()
    try:
        sock = getattr(resp.connection, "sock", None)
        if sock is not None and left is not None:
            sock.settimeout(max(left, 0.001))
        resp.read(decode_content=False)
        resp.release_conn()
    except (HTTPError, OSError):
        discard(resp)


class Inflater:
    """Incremental gzip / deflate decoding that never produces more than it is asked for."""

    __slots__ = ("_decoder", "_encoding", "_started")

    def __init__(self, encoding: str) -> None:
        self._encoding: str = encoding
        self._decoder: Any = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS)
        self._started: bool = False

    @classmethod
    def for_encoding(cls, header: Optional[str]) -> Optional[Inflater]:
        encoding = (header or "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            return cls("gzip")
        if encoding == "deflate":
            return cls("deflate")
        return None  # identity; an encoding we did not ask for is passed through (and fails to parse)

    def pieces(self, data: bytes, room: int) -> Iterator[Optional[bytes]]:
        """The decoded bytes of ``data`` (b"": the end of the body), in pieces of at most ``CHUNK``,
        stopping once ``room`` bytes came out; None when the data is corrupt or cut short."""
        produced = 0
        if not data:
            if self._started and not self._decoder.eof:
                yield None  # the body ended inside the compressed stream
            return
        while produced < room:
            try:
                piece = self._decoder.decompress(data, min(CHUNK, room - produced))
            except zlib.error:
                if self._encoding != "deflate" or self._started:
                    yield None
                    return
                # Some servers send raw deflate without the zlib header that RFC 9110 asks for.
                self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                continue
            self._started = True
            produced += len(piece)
            if piece:
                yield piece
            data = self._decoder.unconsumed_tail
            if not data and self._decoder.eof and self._decoder.unused_data:
                # Several gzip members one after another: decode the next one too.
                data = self._decoder.unused_data
                self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if not data:
                return
