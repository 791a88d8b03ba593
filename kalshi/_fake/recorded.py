"""RecordedRequest, one request as the fake received it, and the parsing that builds it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

_REDACTED = "***"
# Headers whose values are credentials.
_SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie"})


def _redact(value: Any) -> Any:
    """Return a JSON value with every field whose name mentions a password or token masked."""
    if isinstance(value, dict):
        return {
            key: _REDACTED if any(word in key.lower() for word in ("password", "token")) else _redact(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_redact(item) for item in value]
    return value


def _safe_body(body: bytes) -> str:
    """Return a repr of a request body that shows no password."""
    if not body:
        return "b''"
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return f"<{len(body)} bytes, not JSON>"
    return repr(json.dumps(_redact(parsed), separators=(",", ":")).encode("utf-8"))


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the fake exchange received it.

    The attributes hold exactly what arrived; only the repr masks credentials (Authorization and
    cookie values, and password or token fields of a JSON body), so logs of test runs stay clean.
    """

    method: str
    raw_path: str  # without the query, still percent-encoded
    path_segments: tuple[str, ...]  # decoded, e.g. ("v1", "users", "<id>", "subscribe")
    query: dict[str, list[str]]
    raw_query: str
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    body: bytes

    def __repr__(self) -> str:
        headers = {name: _REDACTED if name in _SECRET_HEADERS else value for name, value in self.headers.items()}
        return (
            f"RecordedRequest(method={self.method!r}, raw_path={self.raw_path!r}, "
            f"raw_query={self.raw_query!r}, headers={headers!r}, body={_safe_body(self.body)})"
        )


def split_target(target: str) -> tuple[str, str]:
    """Split a request target into (raw path, raw query), accepting absolute-form targets."""
    if target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        return parts.path or "/", parts.query
    path, _, query = target.partition("?")
    return path, query


def recorded_request(
    method: str, raw_path: str, raw_query: str, header_items: list[tuple[str, str]], body: bytes
) -> RecordedRequest:
    """Return the RecordedRequest for a request as read off the wire."""
    return RecordedRequest(
        method=method,
        raw_path=raw_path,
        path_segments=_decode_segments(raw_path),
        query=parse_qs(raw_query, keep_blank_values=True),
        raw_query=raw_query,
        headers=_header_dict(header_items),
        body=body,
    )


def _decode_segments(raw_path: str) -> tuple[str, ...]:
    """Split the still-encoded path on "/" first, then decode each segment.

    Decoding first would turn an encoded "%2F" inside a user id into a path separator.
    """
    return tuple(unquote(segment) for segment in raw_path.split("/")[1:])


def _header_dict(items: list[tuple[str, str]]) -> dict[str, str]:
    """Return headers keyed by lower-cased name, joining repeated headers with ", "."""
    headers: dict[str, str] = {}
    for name, value in items:
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers
