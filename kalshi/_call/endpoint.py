"""Declarative endpoint descriptions and the checks run on arguments before anything is sent."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import import_module
from typing import Any, Mapping, Optional, Type, Union

from kalshi._common.timestamps import format_datetime
from kalshi.exceptions import ApiTypeError, ApiValueError

__all__ = ["BODY", "PATH", "QUERY", "REQUIRED", "Endpoint", "Param", "Request", "TypeRef", "render_query", "wire_body"]

PATH, QUERY, BODY = "path", "query", "body"


class _Required:
    """The default of a required parameter that follows an optional ``user_id``: it must be given."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<required>"


# Typed Any so that ``page_size: int = REQUIRED`` type-checks; ``prepare`` refuses it.
REQUIRED: Any = _Required()


# A class by name, imported when a call first needs it, so the endpoint tables (and with them
# ``from kalshi.api import account_api``) load no model up front: a bare name is one of
# ``kalshi.models``, a dotted one ``module.Class``.
TypeRef = Union[Type[Any], str]


def _resolved(ref: TypeRef) -> Type[Any]:
    if isinstance(ref, str):
        module, _, name = ref.rpartition(".")
        found: Type[Any] = getattr(import_module(module or "kalshi.models"), name)
        return found
    return ref


class Param:
    """One parameter: python name, wire name, where it goes, its type and limits."""

    __slots__ = ("_type", "location", "maximum", "name", "required", "session_default", "wire")

    def __init__(
        self,
        name: str,
        wire: str,
        location: str,
        type: TypeRef,  # noqa: A002 - the spec's word
        required: bool = False,
        maximum: Optional[int] = None,
        session_default: bool = False,
    ) -> None:
        self.name: str = name
        self.wire: str = wire
        self.location: str = location
        self._type: TypeRef = type
        self.required: bool = required
        self.maximum: Optional[int] = maximum
        # The ``user_id`` of ``/users/{user_id}``: the logged-in session's when not given.
        self.session_default: bool = session_default

    @property
    def type(self) -> Type[Any]:
        """The python type of the value (a body's model class is imported on first use)."""
        resolved = self._type = _resolved(self._type)
        return resolved


class Request:
    """What validation hands to the client: the rendered path and query, and the body."""

    __slots__ = ("body", "path", "query")

    def __init__(self, path: str, query: list[tuple[str, str]], body: Any) -> None:
        self.path: str = path
        self.query: list[tuple[str, str]] = query
        self.body: Any = body


class Endpoint:
    """An operation of the spec: method, path template, parameters, result, auth."""

    __slots__ = (
        "auth",
        "ends_session",
        "method",
        "name",
        "operation_id",
        "params",
        "path",
        "_response_type",
        "renews_session",
        "session_params",
    )

    def __init__(
        self,
        operation_id: str,
        name: str,
        method: str,
        path: str,
        params: tuple[Param, ...],
        response_type: Optional[TypeRef] = None,
        *,
        auth: bool = True,
        renews_session: bool = True,
        ends_session: bool = False,
    ) -> None:
        self.operation_id: str = operation_id
        self.name: str = name
        self.method: str = method
        self.path: str = path
        self.params: tuple[Param, ...] = params
        self._response_type: Optional[TypeRef] = response_type
        self.auth: bool = auth
        # Whether a 401 on this call may renew the session and repeat it (not for /log_out).
        self.renews_session: bool = renews_session
        # Whether success ends the client's session (/log_out): no silent re-login afterwards.
        self.ends_session: bool = ends_session
        self.session_params: tuple[str, ...] = tuple(p.name for p in params if p.session_default)

    @property
    def response_type(self) -> Optional[Type[Any]]:
        """The model a success answers with (imported on first use), or None."""
        if self._response_type is None:
            return None
        resolved = self._response_type = _resolved(self._response_type)
        return resolved

    @property
    def returns_body(self) -> bool:
        """Whether success answers with a JSON body (exchange status answers in its headers)."""
        return self.response_type is not None and not hasattr(self.response_type, "from_headers")

    def __repr__(self) -> str:
        return f"<Endpoint {self.operation_id}: {self.method} {self.path}>"

    def prepare(
        self, args: Mapping[str, Any], *, check_types: bool, check_limits: bool, safe_chars: str = ""
    ) -> Request:
        """Validate ``args`` and render them onto the wire; raise before anything is sent."""
        path = self.path
        query: list[tuple[str, str]] = []
        body: Any = None
        for p in self.params:
            value = args.get(p.name)
            if value is None or value is REQUIRED:
                if p.required:
                    got = "nothing" if value is REQUIRED else "None"
                    raise ApiTypeError(
                        f"{self.name}() parameter '{p.name}' is required, got {got}",
                        path_to_item=[p.name],
                        valid_classes=(p.type,),
                    )
                continue
            if p.location == BODY:
                body = _check_body(self.name, p, value) if check_types else value
                if check_limits and hasattr(body, "check_limits"):
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
                text = _text(value)
                if not text:
                    # Unconditional, like the encoding: "/users//balance" is another path to a proxy
                    # that folds slashes, and only None means "the session's user".
                    raise ApiValueError(
                        f"{self.name}() parameter '{p.name}' must not be empty", path_to_item=[p.name]
                    )
                path = path.replace("{" + p.wire + "}", _segment(text, safe_chars))
            else:
                query.append((p.wire, _text(value)))
        return Request(path, query, body)


# Encoded path segments: a program sends the same few ids (its user id, tickers) again and again.
# Cleared, not grown, past this many.
_SEGMENT_CACHE_LIMIT = 1024
_segments: dict[tuple[str, str], str] = {}


def _segment(value: str, safe: str) -> str:
    """Percent-encode a value as one whole path segment that cannot leave its place."""
    key = (value, safe)
    encoded = _segments.get(key)
    if encoded is None:
        from urllib.parse import quote  # first call only: `import kalshi` stays cheap

        encoded = quote(value, safe=safe)  # '/', '?', '#', '%' and spaces are encoded
        # "." and ".." are dot-segments that URL normalisation removes with the segment before them.
        if encoded in (".", ".."):
            encoded = encoded.replace(".", "%2E")
        if len(_segments) >= _SEGMENT_CACHE_LIMIT:
            _segments.clear()
        _segments[key] = encoded
    return encoded


def render_query(query: list[tuple[str, str]]) -> str:
    """``a=1&b=true``, percent-encoded."""
    from urllib.parse import quote, urlencode

    return urlencode(query, quote_via=quote)


def _text(value: Any) -> str:
    # The API reads booleans as true/false, not Python's True/False, and date-times as RFC 3339.
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, datetime):
        return format_datetime(value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc))
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
    if isinstance(value, Mapping) and hasattr(p.type, "from_dict"):
        return p.type.from_dict(value)
    raise ApiTypeError(
        f"{method}() parameter '{p.name}' must be {p.type.__name__}, got {type(value).__name__}",
        path_to_item=[p.name],
        valid_classes=(p.type,),
    )


def wire_body(value: Any) -> Any:
    """The JSON-ready form of a request body."""
    if hasattr(value, "to_wire"):  # a model (duck-typed: the tables load no model up front)
        return value.to_wire()
    return value
