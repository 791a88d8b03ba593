"""The Response the fake writes, and the JSON and header helpers that build one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

JsonDict = dict[str, Any]
Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Response:
    """A response to write; ``declared_length`` overrides Content-Length (for truncation)."""

    status: int
    body: bytes = b""
    headers: Headers = ()
    declared_length: int | None = None


def json_bytes(value: Any) -> bytes:
    """Serialize ``value`` compactly as UTF-8 JSON."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def json_response(status: int, value: Any, headers: Headers = ()) -> Response:
    """Return a JSON response."""
    return Response(status, json_bytes(value), (("Content-Type", "application/json"), *headers))


def reason(status: int) -> str:
    """Return the reason phrase for ``status`` (any integer is allowed in fault injection)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def has_header(headers: Headers, name: str) -> bool:
    """Tell whether ``headers`` holds ``name`` (case-insensitively)."""
    return any(key.lower() == name.lower() for key, _ in headers)
