"""RecordedRequest, one request as the fake received it, and the parsing that builds it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the fake exchange received it."""

    method: str
    raw_path: str  # without the query, still percent-encoded
    path_segments: tuple[str, ...]  # decoded, e.g. ("v1", "users", "<id>", "subscribe")
    query: dict[str, list[str]]
    raw_query: str
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    body: bytes


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
