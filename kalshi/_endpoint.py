"""Declarative endpoint descriptions and the checks run on arguments before anything is sent."""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple, Optional
from urllib.parse import quote, urlencode

from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model_utils import ListModel, Model

__all__ = ["BODY", "CALL_OPTIONS", "PATH", "QUERY", "Endpoint", "Param", "Request"]

PATH, QUERY, BODY = "path", "query", "body"

# The generated-style keyword options every API method accepts, with their defaults.
CALL_OPTIONS: Mapping[str, Any] = {
    "async_req": False,
    "_return_http_data_only": True,
    "_preload_content": True,
    "_request_timeout": None,
    "_check_input_type": True,
    "_check_return_type": True,
    "_host_index": None,
}


class Param(NamedTuple):
    """One parameter: python name, wire name, where it goes, its type and limits."""

    name: str
    wire: str
    location: str
    type: type
    required: bool = False
    maximum: Optional[int] = None


class Request(NamedTuple):
    """What validation hands to the client: the rendered path and query, and the body."""

    path: str
    query: list[tuple[str, str]]
    body: Any


class Endpoint(NamedTuple):
    """An operation of the spec: method, path template, parameters, result, auth."""

    operation_id: str
    name: str
    method: str
    path: str
    params: tuple[Param, ...]
    response_type: Optional[type] = None
    auth: bool = True
    # Whether a 401 on this call may renew the session and repeat it (not for /log_out).
    renews_session: bool = True
    # Whether success ends the client's session (/log_out): no silent re-login afterwards.
    ends_session: bool = False

    @property
    def returns_body(self) -> bool:
        return self.response_type is not None

    def prepare(
        self, args: Mapping[str, Any], *, check_types: bool, check_limits: bool, safe_chars: str = ""
    ) -> Request:
        """Validate ``args`` and render them onto the wire; raise before anything is sent."""
        path = self.path
        query: list[tuple[str, str]] = []
        body: Any = None
        for p in self.params:
            value = args.get(p.name)
            if value is None:
                if p.required:
                    raise ApiTypeError(
                        f"{self.name}() parameter '{p.name}' is required, got None",
                        path_to_item=[p.name],
                        valid_classes=(p.type,),
                    )
                continue
            if p.location == BODY:
                body = _check_body(self.name, p, value) if check_types else value
                if check_limits and isinstance(body, Model):
                    body.check_limits()
                continue
            if check_types:
                _check_scalar(self.name, p, value)
            if check_limits and p.maximum is not None and isinstance(value, int) and value > p.maximum:
                raise ApiValueError(
                    f"{self.name}() parameter '{p.name}' must be at most {p.maximum}, got {value}",
                    path_to_item=[p.name],
                )
            if p.location == PATH:
                path = path.replace("{" + p.wire + "}", _segment(str(value), safe_chars))
            else:
                query.append((p.wire, _query_text(value)))
        return Request(path, query, body)


def _segment(value: str, safe: str) -> str:
    """Percent-encode a value as one whole path segment that cannot leave its place."""
    encoded = quote(value, safe=safe)  # '/', '?', '#', '%' and spaces are encoded
    # "." and ".." are dot-segments that URL normalisation removes with the segment before them.
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded


def render_query(query: list[tuple[str, str]]) -> str:
    """``a=1&b=true``, percent-encoded."""
    return urlencode(query, quote_via=quote)


def _query_text(value: Any) -> str:
    # The API reads booleans as true/false, not Python's True/False.
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _check_scalar(method: str, p: Param, value: Any) -> None:
    ok = isinstance(value, p.type) and (p.type is bool or not isinstance(value, bool))
    if not ok:
        raise ApiTypeError(
            f"{method}() parameter '{p.name}' must be {p.type.__name__}, got {type(value).__name__}",
            path_to_item=[p.name],
            valid_classes=(p.type,),
        )


def _check_body(method: str, p: Param, value: Any) -> Any:
    if isinstance(value, p.type):
        return value
    if isinstance(value, Mapping) and issubclass(p.type, Model):
        return p.type.from_dict(value)
    raise ApiTypeError(
        f"{method}() parameter '{p.name}' must be {p.type.__name__}, got {type(value).__name__}",
        path_to_item=[p.name],
        valid_classes=(p.type,),
    )


def wire_body(value: Any) -> Any:
    """The JSON-ready form of a request body."""
    if isinstance(value, (Model, ListModel)):
        return value.to_wire()
    return value
