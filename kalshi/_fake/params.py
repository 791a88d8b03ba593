"""Query-string and JSON-body parsing for the routes; every helper raises ApiError on bad input."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

from .errors import ApiError
from .recorded import RecordedRequest
from .responses import JsonDict

_INT64_MAX = 2**63 - 1
_MAX_PAGE = 1000


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


def parse_string(query: dict[str, list[str]], name: str) -> str | None:
    """Return query string ``name``, or None when absent."""
    return _single(query, name)


_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})"
)


def parse_timestamp(text: str, name: str) -> float:
    """Return RFC 3339 ``text`` as unix seconds; ApiError naming ``name`` if it is not one."""
    match = _RFC3339.fullmatch(text)
    if match is None:
        raise ApiError(400, "invalid_parameters", f"{name} must be an RFC 3339 date-time, got {text!r}")
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    fraction, zone = match.group(7), match.group(8)
    offset = timedelta(0)
    if zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))
    except ValueError as err:
        raise ApiError(400, "invalid_parameters", f"{name} is not a valid date-time: {err}") from err
    return moment.timestamp() + (float(fraction) if fraction else 0.0)


def parse_datetime(query: dict[str, list[str]], name: str) -> float | None:
    """Return RFC 3339 query parameter ``name`` as unix seconds, or None when absent."""
    value = _single(query, name)
    return None if value is None else parse_timestamp(value, name)


def page(items: list[JsonDict], query: dict[str, list[str]]) -> list[JsonDict]:
    """Apply ``page_size``/``page_number`` (1-based); without a page size everything is one page."""
    size = parse_int(query, "page_size", minimum=1, maximum=_MAX_PAGE)
    number = parse_int(query, "page_number", minimum=1)
    if size is None:
        return items if number in (None, 1) else []
    start = ((number or 1) - 1) * size
    return items[start : start + size]


def reject_unknown_fields(body: JsonDict, allowed: tuple[str, ...]) -> None:
    """Reject JSON body fields the request schema does not define."""
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise ApiError(400, "invalid_parameters", f"unknown field(s): {', '.join(unknown)}")


def int_field(body: JsonDict, name: str, minimum: int, maximum: int = _INT64_MAX) -> int | None:
    """Return integer body field ``name`` checked against [minimum, maximum]; None when absent."""
    value: object = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, "invalid_parameters", f"field {name} must be an integer")
    if value < minimum or value > maximum:
        raise ApiError(
            400, "invalid_parameters", f"field {name} must be between {minimum} and {maximum}, got {value}"
        )
    return value


def required_int_field(body: JsonDict, name: str, minimum: int, maximum: int = _INT64_MAX) -> int:
    """Return required integer body field ``name`` checked against [minimum, maximum]."""
    value = int_field(body, name, minimum, maximum)
    if value is None:
        raise ApiError(400, "missing_parameters", f"missing required field {name}")
    return value


def bool_field(body: JsonDict, name: str) -> bool | None:
    """Return boolean body field ``name``, or None when absent."""
    value: object = body.get(name)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise ApiError(400, "invalid_parameters", f"field {name} must be true or false")
    return value
