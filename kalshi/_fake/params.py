"""Query-string and JSON-body parsing for the routes; every helper raises ApiError on bad input."""

from __future__ import annotations

import json

from .errors import ApiError
from .recorded import RecordedRequest
from .responses import JsonDict

_INT64_MAX = 2**63 - 1


def _single(query: dict[str, list[str]], name: str) -> str | None:
    """Return the one value of query parameter ``name``, or None when absent."""
    values = query.get(name)
    if values is None:
        return None
    if len(values) != 1:
        raise ApiError(
            400, "invalid_parameters", f"query parameter {name} was given more than once"
        )
    return values[0]


def reject_unknown(query: dict[str, list[str]], allowed: tuple[str, ...]) -> None:
    """Reject query parameters the endpoint does not define (catches misspelled wire names)."""
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise ApiError(
            400, "invalid_parameters", f"unknown query parameter(s): {', '.join(unknown)}"
        )


def parse_bool(query: dict[str, list[str]], name: str) -> bool | None:
    """Return query flag ``name`` as a bool; only the exact strings true/false are accepted."""
    value = _single(query, name)
    if value is None:
        return None
    if value not in ("true", "false"):
        raise ApiError(400, "invalid_parameters", f"{name} must be true or false, got {value!r}")
    return value == "true"


def parse_int(
    query: dict[str, list[str]], name: str, minimum: int, maximum: int = _INT64_MAX
) -> int | None:
    """Return query integer ``name`` checked against [minimum, maximum], or None when absent."""
    value = _single(query, name)
    if value is None:
        return None
    # int() would also take "+5", " 5", "5_0" and non-ASCII digits; the wire only has [0-9-].
    digits = value.removeprefix("-")
    if not digits or not all("0" <= char <= "9" for char in digits):
        raise ApiError(400, "invalid_parameters", f"{name} must be an integer, got {value!r}")
    number = int(value)
    if number < minimum or number > maximum:
        raise ApiError(
            400,
            "invalid_parameters",
            f"{name} must be between {minimum} and {maximum}, got {number}",
        )
    return number


def required_int(
    query: dict[str, list[str]], name: str, minimum: int, maximum: int = _INT64_MAX
) -> int:
    """Return required query integer ``name`` checked against [minimum, maximum]."""
    number = parse_int(query, name, minimum, maximum)
    if number is None:
        raise ApiError(400, "missing_parameters", f"missing required query parameter {name}")
    return number


def require_params(query: dict[str, list[str]], names: tuple[str, ...]) -> None:
    """Reject a request that lacks any of the required query parameters ``names``."""
    missing = [name for name in names if name not in query]
    if missing:
        raise ApiError(
            400, "missing_parameters", f"missing required query parameter(s): {', '.join(missing)}"
        )


def _check_json_content_type(headers: dict[str, str]) -> None:
    """Reject a body that is not declared as (UTF-8) JSON."""
    content_type = headers.get("content-type", "")
    media_type, _, params = content_type.partition(";")
    if media_type.strip().lower() != "application/json":
        raise ApiError(
            400,
            "invalid_parameters",
            f"Content-Type must be application/json, got {content_type!r}",
        )
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"').lower() not in (
            "utf-8",
            "utf8",
        ):
            raise ApiError(400, "invalid_parameters", f"unsupported charset {value.strip()!r}")


def json_object_body(request: RecordedRequest) -> JsonDict:
    """Return the request body as a JSON object, rejecting empty, mistyped or malformed bodies."""
    if not request.body:
        raise ApiError(400, "missing_parameters", "a JSON request body is required")
    _check_json_content_type(request.headers)
    try:
        value = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise ApiError(
            400, "invalid_parameters", "request body is not valid JSON", str(err)
        ) from err
    if not isinstance(value, dict):
        raise ApiError(400, "invalid_parameters", "request body must be a JSON object")
    return value


def string_field(body: JsonDict, name: str) -> str:
    """Return required string field ``name`` of a JSON body."""
    if name not in body or body[name] is None:
        raise ApiError(400, "missing_parameters", f"missing required field {name}")
    value = body[name]
    if not isinstance(value, str):
        raise ApiError(400, "invalid_parameters", f"field {name} must be a string")
    return value
