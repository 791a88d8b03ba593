"""The fast header reader gives exactly what ``http.client`` gives, for every header block.

``kalshi._transport.response`` reads plain header blocks itself and hands every other block to the
standard parser; these tests hold both to the standard library's own results: the header pairs,
the defects, the payload left behind, and everything ``begin`` derives (status, version, chunked,
length, whether the connection closes), on raw responses read from a real socket.
"""

from __future__ import annotations

import http.client
import io
import socket
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kalshi._transport.response import MAX_HEADERS, MAX_LINE, FastHeadersResponse, parse_header_block, read_header_block

PLAIN_LINES = [
    b"Content-Type: application/json\r\n",
    b"Content-Length: 12\r\n",
    b"Connection: keep-alive\r\n",
    b"X-Empty:\r\n",
    b"X-Spaces:   padded value  \r\n",
    b"X-Tab:\tvalue\r\n",
    b"x-lower: a:b:c\r\n",
    b"Set-Cookie: a=1\r\n",
    b"Set-Cookie: b=2\r\n",
    b"X-Latin: caf\xe9\r\n",
    b"X-Bare-LF: value\n",
]
ODD_LINES = [
    b" folded continuation\r\n",
    b"\tfolded with a tab\r\n",
    b"From someone@example.com\r\n",
    b"no colon at all\r\n",
    b": empty name\r\n",
    b"Bad Name: space in the name\r\n",
    b"X-CR: a\rb\r\n",
    b"X-\x7fDel: value\r\n",
    b"X-Ctl\x01: value\r\n",
    b"Caf\xe9: latin-1 name\r\n",
    b"X-No-End: value",
]
ENDS = [b"\r\n", b"\n", b""]


def _summary(message: http.client.HTTPMessage) -> dict[str, Any]:
    names = {name.lower() for name in message.keys()}
    return {
        "items": message.items(),
        "payload": message.get_payload(),
        "defects": [type(defect).__name__ for defect in message.defects],
        "multipart": message.is_multipart(),
        "content_type": message.get_content_type(),
        "all": {name: message.get_all(name) for name in sorted(names)},
    }


def _both(block: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    ours = parse_header_block(read_header_block(io.BytesIO(block)))
    theirs = http.client.parse_headers(io.BytesIO(block))
    return _summary(ours), _summary(theirs)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PLAIN_LINES + ODD_LINES), max_size=12),
    st.sampled_from(ENDS),
)
def test_every_header_block_reads_as_the_standard_library_reads_it(lines: list[bytes], end: bytes) -> None:
    ours, theirs = _both(b"".join(lines) + end + b"body that must not be read")
    assert ours == theirs


@pytest.mark.parametrize("line", ODD_LINES)
def test_each_unusual_line_gives_the_standard_result(line: bytes) -> None:
    ours, theirs = _both(b"Content-Type: text/plain\r\n" + line + b"\r\n")
    assert ours == theirs


def test_a_plain_block_is_read_without_the_email_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import email.parser

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the email parser was used for a plain block")

    monkeypatch.setattr(email.parser.Parser, "parsestr", refuse)
    message = parse_header_block(read_header_block(io.BytesIO(b"".join(PLAIN_LINES) + b"\r\n")))
    assert message["content-length"] == "12"
    assert message.get_all("Set-Cookie") == ["a=1", "b=2"]
    assert message["X-Spaces"] == "padded value  "


def test_the_standard_limits_hold() -> None:
    too_many = b"".join(b"X-%d: v\r\n" % i for i in range(MAX_HEADERS + 1)) + b"\r\n"
    with pytest.raises(http.client.HTTPException, match="more than 100 headers"):
        read_header_block(io.BytesIO(too_many))
    with pytest.raises(http.client.LineTooLong):
        read_header_block(io.BytesIO(b"X: " + b"a" * MAX_LINE + b"\r\n\r\n"))


RESPONSES = [
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
    b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: CHUNKED\r\nContent-Length: 99\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n\r\nread to the close",
    b"HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\nread to the close",
    b"HTTP/1.1 200 OK\r\nContent-Length: twelve\r\n\r\nread to the close",
    b"HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n",
    b"HTTP/1.1 304 Not Modified\r\n\r\n",
    b"HTTP/1.1 200  OK with spaces  \r\nContent-Length: 0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n folded first line\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nno colon\r\nContent-Length: 2\r\n\r\nok",
]


def _read(response_class: type[http.client.HTTPResponse], raw: bytes, method: str) -> dict[str, Any]:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        theirs.sendall(raw)
        theirs.shutdown(socket.SHUT_WR)
        response = response_class(ours, method=method)
        try:
            response.begin()
        except http.client.HTTPException as err:
            return {"error": type(err).__name__}
        with response:
            return {
                "status": response.status,
                "reason": response.reason,
                "version": response.version,
                "headers": _summary(response.msg),
                "chunked": response.chunked,
                "will_close": response.will_close,
                "length": response.length,
                "body": response.read(),
            }


@pytest.mark.parametrize("raw", RESPONSES)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_begin_reads_a_response_as_the_standard_library_does(raw: bytes, method: str) -> None:
    assert _read(FastHeadersResponse, raw, method) == _read(http.client.HTTPResponse, raw, method)


@pytest.mark.parametrize(
    "raw",
    [b"", b"SPDY/3 200 OK\r\n\r\n", b"HTTP/2 200 OK\r\n\r\n", b"HTTP/1.1 abc OK\r\n\r\n"],
)
def test_bad_status_lines_fail_as_the_standard_library_fails(raw: bytes) -> None:
    assert _read(FastHeadersResponse, raw, "GET") == _read(http.client.HTTPResponse, raw, "GET")


def _state_after_begin(response_class: type[http.client.HTTPResponse], raw: bytes) -> dict[str, Any]:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        theirs.sendall(raw)
        theirs.shutdown(socket.SHUT_WR)
        response = response_class(ours, method="GET")
        response.begin()
        state = {name: value for name, value in vars(response).items() if name not in ("fp", "headers", "msg")}
        response.close()
        return state


@pytest.mark.parametrize("raw", RESPONSES[:-2])
def test_the_copied_begin_still_matches_this_python(raw: bytes) -> None:
    # FastHeadersResponse.begin is HTTPResponse.begin with another header reader: it calls the
    # private _read_status and _check_close and sets the attributes begin sets. A Python that
    # renames those methods, or whose begin sets anything else, fails here rather than in a call.
    for name in ("_read_status", "_check_close"):
        assert callable(getattr(http.client.HTTPResponse, name, None)), (
            f"http.client.HTTPResponse.{name} is gone in this Python: update kalshi/_transport/response.py"
        )
    assert _state_after_begin(FastHeadersResponse, raw) == _state_after_begin(http.client.HTTPResponse, raw)
