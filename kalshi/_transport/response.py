"""``http.client`` responses whose header block is read without the ``email`` package.

``http.client`` hands every header block to ``email.parser``, which costs more than the rest of a
small request put together (about 30 µs of a 200 µs call). The common block, ``Name: value``
lines and nothing else, is read here directly into the same ``HTTPMessage``; any other block
(folded lines, a stray CR, a line that is not a header, a missing end) goes to the standard
parser, so every header block gives exactly what the standard library gives.
"""

from __future__ import annotations

import http.client
from typing import BinaryIO, Optional

__all__ = ["FastHeadersResponse", "parse_header_block", "read_header_block"]

# The standard library's limits, kept: a hostile server cannot send an endless header block.
MAX_LINE = 65536
MAX_HEADERS = 100
_END_LINES = (b"\r\n", b"\n", b"")


def read_header_block(fp: BinaryIO) -> list[bytes]:
    """The header lines up to and including the blank one (or the end of the stream)."""
    readline = fp.readline
    lines: list[bytes] = []
    while True:
        line = readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise http.client.LineTooLong("header line")
        lines.append(line)
        if len(lines) > MAX_HEADERS:
            raise http.client.HTTPException(f"got more than {MAX_HEADERS} headers")
        if line in _END_LINES:
            return lines


def _simple_pairs(lines: list[bytes]) -> Optional[list[tuple[str, str]]]:
    """The ``(name, value)`` pairs of a block of plain header lines, or None for any other block."""
    if not lines or lines[-1] == b"":
        return None  # no blank line before the end of the stream: the standard parser decides
    pairs = []
    for raw in lines[:-1]:
        line = raw.decode("iso-8859-1")
        if line.endswith("\r\n"):
            line = line[:-2]
        elif line.endswith("\n"):
            line = line[:-1]
        else:
            return None
        name, colon, value = line.partition(":")
        # A name is visible ASCII without spaces (so no folded line, no "From " line), and the email
        # parser splits lines at a lone CR as well.
        if not colon or not name or not name.isascii() or not name.isprintable() or " " in name or "\r" in line:
            return None
        pairs.append((name, value.lstrip(" \t")))
    return pairs


def parse_header_block(lines: list[bytes]) -> http.client.HTTPMessage:
    """What ``http.client.parse_headers`` makes of these lines."""
    pairs = _simple_pairs(lines)
    if pairs is None:
        from email.parser import Parser  # loaded by http.client already

        parsed: http.client.HTTPMessage = Parser(_class=http.client.HTTPMessage).parsestr(
            b"".join(lines).decode("iso-8859-1")
        )
        return parsed
    message = http.client.HTTPMessage()
    for name, value in pairs:
        message[name] = value
    message.set_payload("")  # as the parser leaves it: an empty body after the headers
    return message


class FastHeadersResponse(http.client.HTTPResponse):
    """An ``HTTPResponse`` whose ``begin`` reads the header block with ``parse_header_block``.

    The rest is ``HTTPResponse.begin``'s own rules: interim 100 responses skipped, HTTP/1.x only,
    chunked transfer, ``Connection: close``, and which responses have no body.
    """

    def begin(self) -> None:
        if self.headers is not None:  # already begun
            return
        while True:
            version, status, reason = self._read_status()
            if status != http.client.CONTINUE:
                break
            read_header_block(self.fp)  # an interim response's headers are dropped
        self.code = self.status = status
        self.reason = reason.strip()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise http.client.UnknownProtocol(version)
        self.headers = self.msg = parse_header_block(read_header_block(self.fp))

        transfer = self.headers.get("transfer-encoding")
        self.chunked = transfer is not None and transfer.lower() == "chunked"
        if self.chunked:
            self.chunk_left = None
        self.will_close = self._check_close()

        self.length = None
        length = self.headers.get("content-length")
        if length and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:  # a negative length means nothing: read to the close
                    self.length = None
        no_body = status in (http.client.NO_CONTENT, http.client.NOT_MODIFIED) or 100 <= status < 200
        if no_body or self._method == "HEAD":
            self.length = 0
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True  # nothing says where the body ends but the close
