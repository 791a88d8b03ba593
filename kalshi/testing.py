"""An embedded fake Kalshi v1 exchange for tests, examples and benchmarks.

``FakeKalshiServer`` is a real HTTP/1.1 server on 127.0.0.1 built on the standard library only.
It deliberately shares no code with the SDK (no urllib3, no other ``kalshi`` module besides its
demo data), so it is an independent oracle for the SDK's own tests::

    from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

    with FakeKalshiServer() as server:
        configuration = kalshi.Configuration(host=server.host)
        ...

Besides the API routes it records every request, lets tests inject faults (error statuses,
delays, connection resets, truncated or invalid bodies, canned responses) and exposes the
exchange's state for assertions. It never prints anything.
"""

from __future__ import annotations

import copy
import json
import secrets
import socket
import socketserver
import struct
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, NoReturn, final
from urllib.parse import parse_qs, unquote, urlsplit

from ._fake_data import (
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DEMO_USER_ID,
    demo_history,
    demo_notifications,
    make_history_entries,
    make_notifications,
)

__all__ = [
    "DEMO_EMAIL",
    "DEMO_PASSWORD",
    "DEMO_USER_ID",
    "FakeKalshiServer",
    "RecordedRequest",
    "make_history_entries",
    "make_notifications",
]

JsonDict = dict[str, Any]
_Headers = tuple[tuple[str, str], ...]

SERVICE_NAME = "fake-exchange"
SUBSCRIPTION_LEVELS = ("none", "basic", "all")
_INT64_MAX = 2**63 - 1
# Idle keep-alive connections are dropped after this long, so no handler thread lives forever.
_CONNECTION_TIMEOUT = 30.0
_STOP_JOIN_TIMEOUT = 2.0
_HISTORY_FLAGS = {
    "ShouldReturnDeposits": "Deposit",
    "ShouldReturnWithdrawals": "Withdrawal",
    "ShouldReturnOrders": "Order",
    "ShouldReturnSettlements": "Settlement",
    "ShouldReturnTrades": "Trade",
}
_ERROR_CODES = {
    400: "invalid_parameters",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "too_many_requests",
    500: "internal_server_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
}


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


@dataclass(frozen=True)
class _Response:
    """A response to write; ``declared_length`` overrides Content-Length (for truncation)."""

    status: int
    body: bytes = b""
    headers: _Headers = ()
    declared_length: int | None = None


class _ApiError(Exception):
    """Raised by route handlers; becomes a JSONError response."""

    def __init__(self, status: int, code: str, message: str, details: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details


class _ConnectionAborted(Exception):
    """Unwinds a handler whose connection was reset on purpose or lost mid-request."""


@dataclass
class _Account:
    """One user's credentials and data, all in wire format."""

    user_id: str
    email: str | None
    password: str | None
    history: list[JsonDict]
    notifications: list[JsonDict]
    subscription_level: str = "all"


@dataclass(frozen=True)
class _Session:
    """A valid Authorization header value; static sessions come from ``authorize``."""

    user_id: str
    static: bool


@dataclass
class _Fault:
    """A queued fault for the next ``remaining`` matching requests.

    ``kind`` is "respond" (send the canned ``response``), "delay", "reset" or "truncate".
    """

    kind: str
    remaining: int
    path_contains: str | None
    response: _Response | None = None
    seconds: float = 0.0

    def matches(self, raw_path: str) -> bool:
        """Tell whether this fault applies to a request for ``raw_path``."""
        return self.path_contains is None or self.path_contains in raw_path


# ---------------------------------------------------------------------------
# Response helpers


def _json_bytes(value: Any) -> bytes:
    """Serialize ``value`` compactly as UTF-8 JSON."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def _json_response(status: int, value: Any, headers: _Headers = ()) -> _Response:
    """Return a JSON response."""
    return _Response(status, _json_bytes(value), (("Content-Type", "application/json"), *headers))


def _error_body(status: int, code: str, message: str, details: str = "") -> bytes:
    """Return the JSONError body the real API sends."""
    return _json_bytes(
        {"code": code, "message": message, "details": details, "service": SERVICE_NAME}
    )


def _error_response(error: _ApiError) -> _Response:
    """Return the JSONError response for ``error``."""
    body = _error_body(error.status, error.code, error.message, error.details)
    return _Response(error.status, body, (("Content-Type", "application/json"),))


def _reason(status: int) -> str:
    """Return the reason phrase for ``status`` (any integer is allowed in fault injection)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _default_error(status: int) -> _ApiError:
    """Return a generic JSONError for an injected failure status."""
    return _ApiError(status, _ERROR_CODES.get(status, "error"), _reason(status), "injected fault")


def _has_header(headers: _Headers, name: str) -> bool:
    """Tell whether ``headers`` holds ``name`` (case-insensitively)."""
    return any(key.lower() == name.lower() for key, _ in headers)


# ---------------------------------------------------------------------------
# Request parsing helpers (all raise _ApiError)


def _single(query: dict[str, list[str]], name: str) -> str | None:
    """Return the one value of query parameter ``name``, or None when absent."""
    values = query.get(name)
    if values is None:
        return None
    if len(values) != 1:
        raise _ApiError(
            400, "invalid_parameters", f"query parameter {name} was given more than once"
        )
    return values[0]


def _reject_unknown(query: dict[str, list[str]], allowed: tuple[str, ...]) -> None:
    """Reject query parameters the endpoint does not define (catches misspelled wire names)."""
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise _ApiError(
            400, "invalid_parameters", f"unknown query parameter(s): {', '.join(unknown)}"
        )


def _parse_bool(query: dict[str, list[str]], name: str) -> bool | None:
    """Return query flag ``name`` as a bool; only the exact strings true/false are accepted."""
    value = _single(query, name)
    if value is None:
        return None
    if value not in ("true", "false"):
        raise _ApiError(400, "invalid_parameters", f"{name} must be true or false, got {value!r}")
    return value == "true"


def _parse_int(
    query: dict[str, list[str]], name: str, minimum: int, maximum: int = _INT64_MAX
) -> int | None:
    """Return query integer ``name`` checked against [minimum, maximum], or None when absent."""
    value = _single(query, name)
    if value is None:
        return None
    # int() would also take "+5", " 5", "5_0" and non-ASCII digits; the wire only has [0-9-].
    digits = value.removeprefix("-")
    if not digits or not all("0" <= char <= "9" for char in digits):
        raise _ApiError(400, "invalid_parameters", f"{name} must be an integer, got {value!r}")
    number = int(value)
    if number < minimum or number > maximum:
        raise _ApiError(
            400,
            "invalid_parameters",
            f"{name} must be between {minimum} and {maximum}, got {number}",
        )
    return number


def _required_int(
    query: dict[str, list[str]], name: str, minimum: int, maximum: int = _INT64_MAX
) -> int:
    """Return required query integer ``name`` checked against [minimum, maximum]."""
    number = _parse_int(query, name, minimum, maximum)
    if number is None:
        raise _ApiError(400, "missing_parameters", f"missing required query parameter {name}")
    return number


def _require_params(query: dict[str, list[str]], names: tuple[str, ...]) -> None:
    """Reject a request that lacks any of the required query parameters ``names``."""
    missing = [name for name in names if name not in query]
    if missing:
        raise _ApiError(
            400, "missing_parameters", f"missing required query parameter(s): {', '.join(missing)}"
        )


def _check_json_content_type(headers: dict[str, str]) -> None:
    """Reject a body that is not declared as (UTF-8) JSON."""
    content_type = headers.get("content-type", "")
    media_type, _, params = content_type.partition(";")
    if media_type.strip().lower() != "application/json":
        raise _ApiError(
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
            raise _ApiError(400, "invalid_parameters", f"unsupported charset {value.strip()!r}")


def _json_object_body(request: RecordedRequest) -> JsonDict:
    """Return the request body as a JSON object, rejecting empty, mistyped or malformed bodies."""
    if not request.body:
        raise _ApiError(400, "missing_parameters", "a JSON request body is required")
    _check_json_content_type(request.headers)
    try:
        value = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise _ApiError(
            400, "invalid_parameters", "request body is not valid JSON", str(err)
        ) from err
    if not isinstance(value, dict):
        raise _ApiError(400, "invalid_parameters", "request body must be a JSON object")
    return value


def _string_field(body: JsonDict, name: str) -> str:
    """Return required string field ``name`` of a JSON body."""
    if name not in body or body[name] is None:
        raise _ApiError(400, "missing_parameters", f"missing required field {name}")
    value = body[name]
    if not isinstance(value, str):
        raise _ApiError(400, "invalid_parameters", f"field {name} must be a string")
    return value


def _select_history(entries: list[JsonDict], flags: dict[str, bool | None]) -> list[JsonDict]:
    """Apply the ShouldReturn* flags the way the exchange does.

    If any flag is true only the flagged types come back; otherwise everything except the types
    explicitly set to false.
    """
    included = {entry_type for entry_type, flag in flags.items() if flag is True}
    if included:
        return [entry for entry in entries if entry.get("type") in included]
    excluded = {entry_type for entry_type, flag in flags.items() if flag is False}
    return [entry for entry in entries if entry.get("type") not in excluded]


# ---------------------------------------------------------------------------
# The exchange: state and routes, independent of the network


_RouteHandler = Callable[[RecordedRequest, dict[str, str]], _Response]


class _Exchange:
    """The fake exchange's state and API logic; every method is thread-safe."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._users: dict[str, _Account] = {}
        self._emails: dict[str, str] = {}  # lower-cased email -> user_id
        self._sessions: dict[str, _Session] = {}  # Authorization header value -> session
        self.login_count = 0
        self._routes: list[tuple[tuple[str, ...], str, _RouteHandler]] = [
            (("v1", "log_in"), "POST", self._log_in),
            (("v1", "log_out"), "POST", self._log_out),
            (("v1", "users", "{user_id}", "account", "history"), "GET", self._history),
            (("v1", "users", "{user_id}", "notifications"), "GET", self._notifications),
            (
                ("v1", "users", "{user_id}", "notifications", "preferences"),
                "GET",
                self._preferences,
            ),
            (
                ("v1", "users", "{user_id}", "notifications", "{notification_id}", "read"),
                "PUT",
                self._mark_read,
            ),
            (("v1", "users", "{user_id}", "subscribe"), "PUT", self._subscribe),
        ]

    # -- state management ----------------------------------------------------

    def add_user(
        self,
        email: str | None,
        password: str | None,
        user_id: str,
        history: list[JsonDict],
        notifications: list[JsonDict],
    ) -> None:
        """Create a user; the data lists are stored as given (callers pass private copies)."""
        with self._lock:
            if user_id in self._users:
                raise ValueError(f"user {user_id!r} already exists")
            if email is not None and email.lower() in self._emails:
                raise ValueError(f"email {email!r} is already registered")
            self._users[user_id] = _Account(user_id, email, password, history, notifications)
            if email is not None:
                self._emails[email.lower()] = user_id

    def has_user(self, user_id: str) -> bool:
        """Tell whether ``user_id`` exists."""
        with self._lock:
            return user_id in self._users

    def add_static_session(self, authorization: str, user_id: str) -> None:
        """Accept ``authorization`` as a session of ``user_id`` until the server stops."""
        with self._lock:
            self._sessions[authorization] = _Session(user_id, static=True)

    def expire_sessions(self) -> None:
        """Forget every session created by /log_in."""
        with self._lock:
            self._sessions = {key: s for key, s in self._sessions.items() if s.static}

    def account(self, user_id: str) -> _Account:
        """Return the account of ``user_id`` (KeyError if unknown); hold the lock while using it."""
        with self._lock:
            return self._users[user_id]

    # -- routing -------------------------------------------------------------

    def handle(self, request: RecordedRequest) -> _Response:
        """Route ``request`` and return the response, turning API errors into JSONError bodies."""
        allowed: list[str] = []
        for pattern, method, handler in self._routes:
            params = _match(pattern, request.path_segments)
            if params is None:
                continue
            if method != request.method:
                allowed.append(method)
                continue
            try:
                return handler(request, params)
            except _ApiError as error:
                return _error_response(error)
        if allowed:
            not_allowed = _ApiError(
                405, "method_not_allowed", f"method {request.method} is not allowed here"
            )
            response = _error_response(not_allowed)
            allow = ("Allow", ", ".join(sorted(allowed)))
            return _Response(response.status, response.body, (*response.headers, allow))
        return _error_response(_ApiError(404, "not_found", f"no route for {request.raw_path}"))

    # -- authentication ------------------------------------------------------

    def _session(self, request: RecordedRequest) -> tuple[str, _Session]:
        """Return the Authorization value and its session, or raise 401."""
        authorization = request.headers.get("authorization")
        if authorization is None:
            raise _ApiError(401, "unauthorized", "missing Authorization header")
        with self._lock:
            session = self._sessions.get(authorization)
        if session is None:
            raise _ApiError(401, "unauthorized", "invalid or expired session")
        return authorization, session

    def _authorized_account(self, request: RecordedRequest, params: dict[str, str]) -> _Account:
        """Return the account a /users route may act on, or raise 401/403."""
        _, session = self._session(request)
        if params["user_id"] != session.user_id:
            raise _ApiError(403, "forbidden", "user_id does not match the logged in user")
        return self.account(session.user_id)

    # -- endpoints -----------------------------------------------------------

    def _log_in(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """POST /log_in."""
        _reject_unknown(request.query, ())
        body = _json_object_body(request)
        email = _string_field(body, "email")
        password = _string_field(body, "password")
        if len(password) < 6:
            raise _ApiError(400, "invalid_parameters", "password must be at least 6 characters")
        with self._lock:
            user_id = self._emails.get(email.lower())
            account = self._users.get(user_id) if user_id is not None else None
            if (
                account is None
                or account.password is None
                or not secrets.compare_digest(
                    account.password.encode("utf-8"), password.encode("utf-8")
                )
            ):
                raise _ApiError(401, "invalid_credentials", "invalid email or password")
            token = secrets.token_hex(24)
            self._sessions[f"{account.user_id} {token}"] = _Session(account.user_id, static=False)
            self.login_count += 1
        payload = {"token": token, "user_id": account.user_id, "access_level": "full"}
        cookie = ("Set-Cookie", f"sessions={token}; Path=/; HttpOnly")
        return _json_response(200, payload, (cookie,))

    def _log_out(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """POST /log_out; static ``authorize`` sessions survive it, like an API key would."""
        _reject_unknown(request.query, ())
        authorization, session = self._session(request)
        if not session.static:
            with self._lock:
                self._sessions.pop(authorization, None)
        return _Response(204)

    def _history(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """GET /users/{user_id}/account/history."""
        account = self._authorized_account(request, params)
        _reject_unknown(request.query, (*_HISTORY_FLAGS, "Limit"))
        flags = {
            entry_type: _parse_bool(request.query, name)
            for name, entry_type in _HISTORY_FLAGS.items()
        }
        limit = _parse_int(request.query, "Limit", minimum=0)
        with self._lock:
            entries = list(account.history)
        selected = _select_history(entries, flags)
        if limit:  # 0 means "no limit", like Go's zero value
            selected = selected[:limit]
        return _json_response(200, {"entries": selected})

    def _notifications(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """GET /users/{user_id}/notifications."""
        account = self._authorized_account(request, params)
        _reject_unknown(request.query, ("page_size", "page_number"))
        # Name every missing parameter at once, not just the first one checked.
        _require_params(request.query, ("page_size", "page_number"))
        page_size = _required_int(request.query, "page_size", minimum=1, maximum=50)
        page_number = _required_int(request.query, "page_number", minimum=1)
        start = (page_number - 1) * page_size
        with self._lock:
            page = account.notifications[start : start + page_size]
        return _json_response(200, {"notifications": page})

    def _preferences(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """GET /users/{user_id}/notifications/preferences."""
        account = self._authorized_account(request, params)
        _reject_unknown(request.query, ())
        with self._lock:
            level = account.subscription_level
        return _json_response(200, {"preferences": {"subscription_level": level}})

    def _mark_read(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """PUT /users/{user_id}/notifications/{notification_id}/read."""
        account = self._authorized_account(request, params)
        _reject_unknown(request.query, ())
        with self._lock:
            for index, notification in enumerate(account.notifications):
                if notification.get("id") == params["notification_id"]:
                    # Replace rather than mutate: responses being serialized hold the old dict.
                    account.notifications[index] = {**notification, "is_read": True}
                    return _Response(204)
        raise _ApiError(404, "not_found", "notification not found")

    def _subscribe(self, request: RecordedRequest, params: dict[str, str]) -> _Response:
        """PUT /users/{user_id}/subscribe."""
        account = self._authorized_account(request, params)
        _reject_unknown(request.query, ())
        if not request.body:
            # The spec makes this body optional: without one there is nothing to change.
            return _Response(204)
        body = _json_object_body(request)
        if "subscription_level" not in body or body["subscription_level"] is None:
            raise _ApiError(400, "missing_parameters", "missing required field subscription_level")
        level = body["subscription_level"]
        if level not in SUBSCRIPTION_LEVELS:
            raise _ApiError(
                400,
                "invalid_parameters",
                f"subscription_level must be one of: {', '.join(SUBSCRIPTION_LEVELS)}",
            )
        with self._lock:
            account.subscription_level = level
        return _Response(204)


def _match(pattern: tuple[str, ...], segments: tuple[str, ...]) -> dict[str, str] | None:
    """Match decoded path ``segments`` against ``pattern``; return the path parameters or None."""
    if len(pattern) != len(segments):
        return None
    params: dict[str, str] = {}
    for expected, actual in zip(pattern, segments):
        if expected.startswith("{"):
            if not actual:
                return None
            params[expected[1:-1]] = actual
        elif expected != actual:
            return None
    return params


# ---------------------------------------------------------------------------
# The network side


def _split_target(target: str) -> tuple[str, str]:
    """Split a request target into (raw path, raw query), accepting absolute-form targets."""
    if target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        return parts.path or "/", parts.query
    path, _, query = target.partition("?")
    return path, query


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


class _Server(ThreadingHTTPServer):
    """The listening socket; tracks connections and their threads so ``stop`` can end them."""

    # Many client threads may connect at once; the default backlog of 5 would make some wait.
    request_queue_size = 64

    daemon_threads = True
    block_on_close = False  # stop() joins handler threads itself, with a deadline

    def __init__(self, address: tuple[str, int], owner: FakeKalshiServer) -> None:
        self.owner = owner
        self._connections: set[socket.socket] = set()
        self._handler_threads: set[threading.Thread] = set()
        self._tracking_lock = threading.Lock()
        super().__init__(address, _RequestHandler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup, which can stall for seconds."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection on a daemon thread, remembering both for ``stop``."""
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"FakeKalshiServer-{self.server_port}-connection",
            daemon=True,
        )
        with self._tracking_lock:
            self._connections.add(request)
            self._handler_threads.add(thread)
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        """Thread body: serve one connection, then forget the thread."""
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._tracking_lock:
                self._handler_threads.discard(threading.current_thread())

    def shutdown_request(self, request: Any) -> None:
        """Forget and close a finished connection."""
        with self._tracking_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Keep unexpected handler errors for inspection instead of printing them."""
        self.owner._note_error(traceback.format_exc())

    def close_connections(self) -> None:
        """Shut down every open connection so blocked handler threads wake up and exit."""
        with self._tracking_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by its handler or reset by a fault

    def join_handlers(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds in total for handler threads to finish."""
        deadline = time.monotonic() + timeout
        with self._tracking_lock:
            threads = [t for t in self._handler_threads if t is not threading.current_thread()]
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))


def _is_ascii_digits(text: str) -> bool:
    """Tell whether ``text`` is a non-empty run of 0-9 (str.isdigit also accepts "²")."""
    return bool(text) and all("0" <= char <= "9" for char in text)


# Bodies larger than this are refused rather than buffered; the real API takes tiny JSON bodies.
_MAX_BODY = 16 * 1024 * 1024
# Header names that the server computes itself and never takes from a canned response.
_COMPUTED_HEADERS = frozenset({"content-length", "connection", "transfer-encoding"})


class _RequestHandler(BaseHTTPRequestHandler):
    """Serves one keep-alive connection: record each request, apply a fault or route it."""

    protocol_version = "HTTP/1.1"
    server_version = "FakeKalshi/1.0"
    sys_version = ""
    timeout = _CONNECTION_TIMEOUT
    disable_nagle_algorithm = True
    server: _Server

    def handle(self) -> None:
        """Serve requests until the connection closes, without ever printing a traceback."""
        try:
            super().handle()
        except (_ConnectionAborted, OSError):
            # The client hung up, stop() shut the socket, or a reset fault closed it on purpose.
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: the fake must stay silent, and log-in bodies carry passwords."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer malformed requests (bad request line, unknown method) with a JSONError."""
        self.close_connection = True
        status = int(code)
        error = _ApiError(
            status, _ERROR_CODES.get(status, "invalid_request"), message or _reason(status)
        )
        self._write(_error_response(error))

    def _serve(self) -> None:
        """Handle one parsed request."""
        owner = self.server.owner
        raw_path, raw_query = _split_target(self.path)
        try:
            body = self._read_body()
        except _ApiError as error:
            # The rest of the stream cannot be trusted once the body framing is wrong.
            self.close_connection = True
            owner._record(self._recorded(raw_path, raw_query, b""))
            self._write(_error_response(error))
            return
        request = self._recorded(raw_path, raw_query, body)
        owner._record(request)
        fault = owner._take_fault(raw_path)
        if fault is None:
            self._write(owner._respond(request))
        else:
            self._apply_fault(fault, request)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _serve

    def _recorded(self, raw_path: str, raw_query: str, body: bytes) -> RecordedRequest:
        """Return the RecordedRequest for the current request."""
        return RecordedRequest(
            method=self.command,
            raw_path=raw_path,
            path_segments=_decode_segments(raw_path),
            query=parse_qs(raw_query, keep_blank_values=True),
            raw_query=raw_query,
            headers=_header_dict(self.headers.items()),
            body=body,
        )

    # -- reading -------------------------------------------------------------

    def _read_body(self) -> bytes:
        """Read the request body as framed by Content-Length or chunked encoding."""
        transfer_encoding = self.headers.get("Transfer-Encoding")
        if transfer_encoding is not None:
            if transfer_encoding.strip().lower() != "chunked":
                raise _ApiError(
                    400,
                    "invalid_parameters",
                    f"unsupported Transfer-Encoding {transfer_encoding!r}",
                )
            return self._read_chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        if not _is_ascii_digits(length.strip()):
            raise _ApiError(400, "invalid_parameters", f"invalid Content-Length {length!r}")
        return self._read_exactly(int(length))

    def _read_exactly(self, size: int) -> bytes:
        """Read exactly ``size`` body bytes."""
        if size > _MAX_BODY:
            raise _ApiError(413, "invalid_parameters", "request body too large")
        data = self.rfile.read(size)
        if len(data) < size:
            raise _ConnectionAborted("client closed the connection mid-body")
        return data

    def _read_chunked(self) -> bytes:
        """Read a chunked request body and its trailers."""
        chunks: list[bytes] = []
        while True:
            size_text = self.rfile.readline(65537).split(b";", 1)[0].strip()
            if not size_text:
                raise _ApiError(400, "invalid_parameters", "malformed chunked body")
            try:
                size = int(size_text, 16)
            except ValueError as err:
                raise _ApiError(400, "invalid_parameters", "malformed chunk size") from err
            if size == 0:
                break
            chunks.append(self._read_exactly(size))
            self._read_exactly(2)  # the CRLF that ends each chunk
        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
            pass  # trailers carry nothing the fake needs
        return b"".join(chunks)

    # -- writing -------------------------------------------------------------

    def _write(self, response: _Response) -> None:
        """Write the whole response (status line, headers, body) in a single send."""
        status = response.status
        # These statuses cannot carry a body or a Content-Length (RFC 9110 8.6).
        bodiless = status in (204, 304) or 100 <= status < 200
        lines = [
            f"HTTP/1.1 {status} {_reason(status)}",
            f"Server: {self.server_version}",
            f"Date: {self.date_time_string()}",
        ]
        lines.extend(f"{name}: {value}" for name, value in response.headers)
        if not bodiless:
            length = response.declared_length
            lines.append(f"Content-Length: {len(response.body) if length is None else length}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        body = b"" if bodiless or self.command == "HEAD" else response.body
        self.wfile.write(head + body)

    # -- faults --------------------------------------------------------------

    def _apply_fault(self, fault: _Fault, request: RecordedRequest) -> None:
        """Answer ``request`` as the injected ``fault`` says."""
        owner = self.server.owner
        if fault.kind == "delay":
            owner._stopping.wait(fault.seconds)  # wakes early when the server stops
            self._write(owner._respond(request))
        elif fault.kind == "reset":
            self._reset()
        elif fault.kind == "truncate":
            self._truncate(owner._respond(request))
        elif fault.response is not None:
            self._write(fault.response)

    def _reset(self) -> NoReturn:
        """Drop the connection with a TCP reset and stop handling it."""
        # SO_LINGER on with a zero timeout makes close() send RST instead of a graceful FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # The file objects hold references to the socket; it only really closes once they do.
        self.rfile.close()
        self.wfile.close()
        self.connection.close()
        raise _ConnectionAborted("connection reset by an injected fault")

    def _truncate(self, real: _Response) -> None:
        """Send a 200 announcing the full body length but only half the body, then close."""
        body = real.body or _json_bytes({"message": "truncated by an injected fault"})
        headers = real.headers
        if not _has_header(headers, "Content-Type"):
            headers = (("Content-Type", "application/json"), *headers)
        self.close_connection = True
        self._write(_Response(200, body[: len(body) // 2], headers, declared_length=len(body)))


def _canned(status: int, body: bytes, headers: _Headers) -> _Response:
    """Build a canned fault response; framing headers are always computed by the server."""
    kept = tuple((name, value) for name, value in headers if name.lower() not in _COMPUTED_HEADERS)
    if body and not _has_header(kept, "Content-Type"):
        kept = (("Content-Type", "application/json"), *kept)
    return _Response(status, body, kept)


@final
class FakeKalshiServer:
    """A fake Kalshi v1 exchange served over real HTTP/1.1 on 127.0.0.1.

    The port is bound on construction (``port=0`` picks a free one); ``start`` serves it from a
    daemon thread. Use it as a context manager::

        with FakeKalshiServer() as server:
            configuration = kalshi.Configuration(host=server.host)

    The demo user (``DEMO_EMAIL`` / ``DEMO_PASSWORD``, id ``DEMO_USER_ID``) exists from the start
    with a seeded account history and notifications. Every public method is thread-safe.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.RLock()
        self._exchange = _Exchange(self._lock)
        self._requests: list[RecordedRequest] = []
        self._faults: list[_Fault] = []
        self._errors: list[str] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._exchange.add_user(
            DEMO_EMAIL,
            DEMO_PASSWORD,
            DEMO_USER_ID,
            demo_history(),
            demo_notifications(DEMO_USER_ID),
        )
        self._server = _Server((host, port), self)

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> None:
        """Start serving in a daemon thread; calling it again while running does nothing."""
        with self._lock:
            if self._stopped:
                raise RuntimeError("a stopped FakeKalshiServer cannot be restarted")
            if self._thread is not None:
                return
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"FakeKalshiServer-{self.port}",
                daemon=True,
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop serving, close open connections and release the port; safe to call twice."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            thread = self._thread
        self._stopping.set()
        if thread is not None:
            self._server.shutdown()
            thread.join()
        # Idle keep-alive handlers block in recv; shutting their sockets wakes them to exit.
        self._server.close_connections()
        self._server.server_close()
        # Woken handlers finish within milliseconds; the deadline only guards against surprises.
        self._server.join_handlers(_STOP_JOIN_TIMEOUT)

    def __enter__(self) -> FakeKalshiServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"FakeKalshiServer({self.base_url!r})"

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return self._server.server_port

    @property
    def base_url(self) -> str:
        """The server's origin, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self._server.server_name}:{self.port}"

    @property
    def host(self) -> str:
        """The API root to pass as ``Configuration(host=...)``, e.g. ``http://127.0.0.1:54321/v1``."""
        return self.base_url + "/v1"

    # -- users and sessions --------------------------------------------------

    def authorize(self, authorization: str, user_id: str) -> None:
        """Accept the Authorization header value ``authorization`` as a session of ``user_id``.

        An unknown ``user_id`` is created with its own copy of the demo account, so the seed
        documentation's examples (``'YOUR_API_KEY'``, ``"user_id_example"``) run verbatim.
        These sessions survive ``expire_sessions`` and ``/log_out``.
        """
        with self._lock:
            if not self._exchange.has_user(user_id):
                self._exchange.add_user(
                    None, None, user_id, demo_history(), demo_notifications(user_id)
                )
            self._exchange.add_static_session(authorization, user_id)

    def add_user(
        self,
        email: str,
        password: str,
        user_id: str | None = None,
        *,
        history: list[JsonDict] | None = None,
        notifications: list[JsonDict] | None = None,
    ) -> str:
        """Register a user who can log in, and return its id (a new uuid4 unless given).

        ``history`` and ``notifications`` are wire-format dicts, stored as given (deep-copied);
        when omitted the user gets its own copy of the demo account's data.
        """
        if len(password) < 6:
            raise ValueError("password must be at least 6 characters; /log_in rejects shorter ones")
        if user_id == "":
            raise ValueError("user_id must not be empty")
        new_id = str(uuid.uuid4()) if user_id is None else user_id
        entries = demo_history() if history is None else copy.deepcopy(history)
        notes = (
            demo_notifications(new_id) if notifications is None else copy.deepcopy(notifications)
        )
        self._exchange.add_user(email, password, new_id, entries, notes)
        return new_id

    def expire_sessions(self) -> None:
        """Invalidate every session created by /log_in, as a server-side expiry would."""
        self._exchange.expire_sessions()

    @property
    def login_count(self) -> int:
        """How many /log_in calls succeeded."""
        with self._lock:
            return self._exchange.login_count

    # -- state inspection ----------------------------------------------------

    def notifications_of(self, user_id: str) -> list[JsonDict]:
        """Return a copy of the user's notifications, newest first."""
        with self._lock:
            return copy.deepcopy(self._account(user_id).notifications)

    def subscription_level_of(self, user_id: str) -> str:
        """Return the user's current e-mail subscription level."""
        with self._lock:
            return self._account(user_id).subscription_level

    def history_of(self, user_id: str) -> list[JsonDict]:
        """Return a copy of the user's account history, newest first."""
        with self._lock:
            return copy.deepcopy(self._account(user_id).history)

    def _account(self, user_id: str) -> _Account:
        """Return the account of ``user_id`` or raise a KeyError naming it."""
        try:
            return self._exchange.account(user_id)
        except KeyError:
            raise KeyError(f"unknown user {user_id!r}") from None

    # -- request log ---------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of every request received so far, oldest first (fault-answered ones included)."""
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        """How many requests were received since the last ``clear_requests``."""
        with self._lock:
            return len(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    @property
    def errors(self) -> list[str]:
        """Tracebacks of unexpected errors inside the fake itself (empty when all is well)."""
        with self._lock:
            return list(self._errors)

    # -- fault injection -----------------------------------------------------

    def fail_next(
        self,
        count: int = 1,
        status: int = 503,
        *,
        retry_after: str | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        path_contains: str | None = None,
    ) -> None:
        """Answer the next ``count`` matching requests with ``status`` (a JSONError by default)."""
        extra = tuple((headers or {}).items())
        if retry_after is not None:
            extra = (*extra, ("Retry-After", retry_after))
        if body is None:
            error = _default_error(status)
            body = _error_body(status, error.code, error.message, error.details)
        self._queue(_Fault("respond", count, path_contains, response=_canned(status, body, extra)))

    def delay_next(
        self, count: int = 1, seconds: float = 1.0, path_contains: str | None = None
    ) -> None:
        """Sleep ``seconds`` before handling each of the next ``count`` matching requests."""
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        self._queue(_Fault("delay", count, path_contains, seconds=seconds))

    def reset_next(self, count: int = 1, path_contains: str | None = None) -> None:
        """Reset the connection (TCP RST, no response) for the next ``count`` matching requests."""
        self._queue(_Fault("reset", count, path_contains))

    def truncate_next(self, count: int = 1, path_contains: str | None = None) -> None:
        """Send only part of the real body (Content-Length promises all of it), then close."""
        self._queue(_Fault("truncate", count, path_contains))

    def invalid_json_next(self, count: int = 1, path_contains: str | None = None) -> None:
        """Answer the next ``count`` matching requests with 200 and the body ``{not json``."""
        response = _Response(200, b"{not json", (("Content-Type", "application/json"),))
        self._queue(_Fault("respond", count, path_contains, response=response))

    def respond_next(
        self,
        count: int = 1,
        status: int = 200,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        path_contains: str | None = None,
    ) -> None:
        """Answer the next ``count`` matching requests with a canned response.

        A non-empty body defaults to ``Content-Type: application/json``; Content-Length is
        always computed, and 204/304 responses never carry a body.
        """
        response = _canned(status, body, tuple((headers or {}).items()))
        self._queue(_Fault("respond", count, path_contains, response=response))

    def clear_faults(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._faults.clear()

    def _queue(self, fault: _Fault) -> None:
        """Append ``fault`` to the FIFO of pending faults."""
        if fault.remaining < 1:
            raise ValueError("count must be >= 1")
        with self._lock:
            self._faults.append(fault)

    # -- called by the request handler ---------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        """Append ``request`` to the request log."""
        with self._lock:
            self._requests.append(request)

    def _take_fault(self, raw_path: str) -> _Fault | None:
        """Consume one use of the oldest fault matching ``raw_path``, if any."""
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.matches(raw_path):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        del self._faults[index]
                    return fault
        return None

    def _respond(self, request: RecordedRequest) -> _Response:
        """Route ``request``; a bug in the fake becomes a 500 and is kept in ``errors``."""
        try:
            return self._exchange.handle(request)
        except Exception:  # noqa: BLE001 - a bug in the fake must still answer, and be seen
            self._note_error(traceback.format_exc())
            error = _ApiError(500, "internal_server_error", "unexpected error in the fake exchange")
            return _error_response(error)

    def _note_error(self, text: str) -> None:
        """Keep the traceback of an unexpected error."""
        with self._lock:
            self._errors.append(text)
