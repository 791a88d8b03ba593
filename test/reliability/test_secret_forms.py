"""A secret never shows in any form: raw, JSON-escaped, repr-escaped, whitespace-folded, escaped
for one line, or cut in half by an excerpt's limit.

The password below holds every character that changes form on the way to ``str(e)``: a quote, a
backslash, a tab, a newline, an escape and a bidi override. It is built of 4-character chunks
that appear nowhere else, so any form of it, whole or in part, shows at least one chunk: the
tests look for the chunks in everything a user can see (``str``, ``repr``, ``args``,
``traceback.format_exc()``, log records at DEBUG, ``vars()`` of the client).
"""

from __future__ import annotations

import json
import logging
import pprint
import socket
import threading
import traceback
from typing import Any, Callable, Iterator, List, Tuple, Type

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.exceptions import ApiResponseTooLargeError
from kalshi.model.login_request import LoginRequest
from kalshi.testing import DEMO_USER_ID

from ._servers import RawServer, Request, response

CHUNKS = ["Qz7K", "Wm4R", "Tx9J", "Vb3N", "Hp6L", "Yc2D", "Fs8G", "Ua5E"]
# Qz7K"Wm4R\Tx9J<tab>Vb3N<newline>Hp6L<esc>Yc2D<RLO>Fs8G'Ua5E
PASSWORD = "Qz7K\"Wm4R\\Tx9J\tVb3N\nHp6L\x1bYc2D\u202eFs8G'Ua5E"
TOKEN_CHUNKS = ["Jx3Pq", "Lm8Zr"]
TOKEN = "Jx3Pq\tLm8Zr"  # the session token the server hands out: a tab in it too
COOKIE = 'session=Ck4Nw"Rt6Bv'
COOKIE_CHUNKS = ["Ck4Nw", "Rt6Bv"]
EMAIL = "a@b.co"


def _json(value: Any, ascii_only: bool = True) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


def _leaks(text: str, chunks: List[str] = CHUNKS) -> List[str]:
    return [chunk for chunk in chunks if chunk in text]


# --------------------------------------------------------------------------- every form, every class

# How a server (or a library on the way) may have written the password into text the SDK shows.
FORMS = {
    "raw": PASSWORD,
    "json": _json(PASSWORD)[1:-1],
    "json-unicode": _json(PASSWORD, ascii_only=False)[1:-1],
    "json-upper-hex": _json(PASSWORD)[1:-1].replace("\\u202e", "\\u202E").replace("\\u001b", "\\u001B"),
    "repr": repr(PASSWORD)[1:-1],
    "folded": " ".join(PASSWORD.split()),
    "latin-1": PASSWORD.encode("utf-8").decode("latin-1"),
}


def _errors_quoting(text: str) -> List[BaseException]:
    """One error of every class that shows server text, each quoting ``text`` where it would."""
    body = json.dumps({"message": f"invalid credentials: {EMAIL} / {text}"}).encode()
    plain = f"rejected: {text}".encode()
    errors: List[BaseException] = []
    for status in (400, 401, 403, 404, 429, 500, 503, 418):
        cls = kalshi.exceptions.exception_for_status(status)
        errors.append(
            cls(
                status,
                f"Reason {text}",
                body,
                {},
                method="POST",
                url="http://127.0.0.1:9/v1/log_in",
                secrets=[PASSWORD],
            )
        )
        errors.append(cls(status, "Reason", plain, {}, secrets=[PASSWORD]))
    errors.append(kalshi.ApiDecodeError(200, "OK", plain + b" }", {}, secrets=[PASSWORD]))
    errors.append(
        kalshi.ApiDecodeError(200, "OK", b'{"echo": "' + text.encode() + b'" trailing', {}, secrets=[PASSWORD])
    )
    errors.append(
        kalshi.exceptions.ApiResponseTypeError(f"is str {text!r}, expected int", ["price"], secrets=[PASSWORD])
    )
    errors.append(kalshi.ApiConnectionError(f"the connection broke: BadStatusLine({text!r})", secrets=[PASSWORD]))
    errors.append(kalshi.ApiTimeoutError(f"timed out: {text}", budget="read", secrets=[PASSWORD]))
    errors.append(ApiResponseTooLargeError(f"the response (200 {text}) is too large", secrets=[PASSWORD]))
    return errors


@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_form_of_a_secret_shows_in_any_error(form: str) -> None:
    for error in _errors_quoting(FORMS[form]):
        for shown in (str(error), repr(error), repr(error.args), str(error.args)):
            assert not _leaks(shown), (type(error).__name__, shown)


def test_a_secret_cut_by_the_excerpt_limit_is_not_half_shown() -> None:
    # The excerpt of a body is about 200 characters: put the password across that edge.
    for offset in range(150, 200, 7):
        body = ("x" * offset + " " + PASSWORD + " tail").encode()
        for error in (
            kalshi.BadRequestException(400, "Bad Request", body, {}, secrets=[PASSWORD]),
            kalshi.ApiDecodeError(200, "OK", body, {}, secrets=[PASSWORD]),
        ):
            assert not _leaks(str(error)[:-20]), (
                offset,
                str(error),
            )  # the cut's "..." may end in a chunk's first letters


# --------------------------------------------------------------------------- a hostile server, end to end


class Echo:
    """A server that echoes the password (and the token it handed out) in everything it sends."""

    def __init__(self) -> None:
        self.next: List[bytes] = []

    def answer(self, conn: socket.socket, request: Request, index: int) -> bool:
        answer = self.next.pop(0) if self.next else response(500, b"{}", "Nothing queued")
        # One answer per connection, said so: no call may reuse a connection closed under it.
        line, _, rest = answer.partition(b"\r\n")
        conn.sendall(line + b"\r\nConnection: close\r\n" + rest)
        return False


def _utf8_reason(status: int, body: bytes, reason: str) -> bytes:
    """A response whose reason phrase is sent as UTF-8 (``response`` writes latin-1 only)."""
    head = response(status, body, "R").split(b"\r\n", 1)[1]
    return f"HTTP/1.1 {status} {reason}\r\n".encode() + head


def _scenarios() -> List[Tuple[str, bytes, Type[Exception]]]:
    message = f"invalid credentials: {EMAIL} / {PASSWORD}"
    line_safe = " ".join(PASSWORD.split())  # a status line holds no line break: whitespace folded
    return [
        (
            "401 with the password in its message",
            response(401, _json({"code": "unauthorized", "message": message}).encode(), "Unauthorized"),
            kalshi.UnauthorizedException,
        ),
        ("400 plain text", response(400, f"rejected: {PASSWORD}".encode(), "Bad Request"), kalshi.BadRequestException),
        (
            "403 JSON, password in another field",
            response(403, _json({"error": "denied", "echo": PASSWORD}, False).encode(), "Forbidden"),
            kalshi.ForbiddenException,
        ),
        (
            "404 JSON message, unicode",
            response(404, _json({"message": message}, False).encode(), "Not Found"),
            kalshi.NotFoundException,
        ),
        ("429 reason", _utf8_reason(429, b"{}", f"Slow {line_safe}"), kalshi.TooManyRequestsException),
        ("503 reason", _utf8_reason(503, b"{}", f"Down {line_safe}"), kalshi.ServiceException),
        ("418 plain", response(418, f"{PASSWORD}".encode(), "Teapot"), kalshi.ApiException),
        (
            "200 not JSON, escaped",
            response(200, b'{"echo": ' + _json(PASSWORD).encode() + b" trailing"),
            kalshi.ApiDecodeError,
        ),
        ("200 not JSON, raw", response(200, b"<html>" + PASSWORD.encode() + b"</html>"), kalshi.ApiDecodeError),
        (
            "200 wrong shape",
            response(200, _json({"preferences": 5, "echo": PASSWORD}).encode()),
            kalshi.exceptions.ApiResponseTypeError,
        ),
        ("200 too large", _utf8_reason(200, b" " * 5000, f"OK {line_safe}"), ApiResponseTooLargeError),
        ("a broken status line", f"HTTP/1.1 2x0 {line_safe}\r\n\r\n".encode(), kalshi.ApiConnectionError),
        (
            "400 echoing the token",
            response(400, f"bad session {TOKEN}".encode(), "Bad Request"),
            kalshi.BadRequestException,
        ),
    ]


@pytest.fixture
def echo() -> Iterator[tuple[Echo, RawServer]]:
    server_state = Echo()
    with RawServer(server_state.answer) as server:
        yield server_state, server


@pytest.mark.parametrize("style", ["api_client.login", "AuthApi.login"])
def test_a_hostile_server_never_gets_a_secret_shown(
    echo: tuple[Echo, RawServer], caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    state, server = echo
    caplog.set_level(logging.DEBUG, logger="kalshi")
    caplog.set_level(logging.DEBUG, logger="urllib3")
    user_log = logging.getLogger("a_users_script")
    seen: List[str] = []

    def shown(error: BaseException) -> None:
        seen.extend([str(error), repr(error), repr(error.args), traceback.format_exc()])
        user_log.exception("the call failed: %s", error)  # what a script's error handler logs

    configuration = kalshi.Configuration(host=server.host, retries=0, debug=True, max_response_size=1000)
    with kalshi.ApiClient(configuration, cookie=COOKIE) as api_client:

        def log_in() -> Any:
            if style == "api_client.login":
                return api_client.login(EMAIL, PASSWORD)
            return AuthApi(api_client).login(login_request=LoginRequest(email=EMAIL, password=PASSWORD))

        # The first answer refuses the log-in, echoing the password: a secret from the moment it is sent.
        scenarios = _scenarios()
        name, answer, expected = scenarios[0]
        state.next.append(answer)
        with pytest.raises(expected):
            try:
                log_in()
            except expected as error:
                shown(error)
                raise
        # Then a log-in that works, handing out a token; every later error echoes both.
        state.next.append(
            response(200, _json({"user_id": DEMO_USER_ID, "token": TOKEN, "access_level": "full"}).encode())
        )
        log_in()
        for name, answer, expected in scenarios[1:]:
            state.next.append(answer)
            with pytest.raises(expected):
                try:
                    AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
                except expected as error:
                    assert type(error) is expected, name
                    shown(error)
                    raise
        with pytest.raises(kalshi.ApiTimeoutError):
            try:
                silent_call(api_client)
            except kalshi.ApiTimeoutError as error:
                shown(error)
                raise
        seen.append(pprint.pformat(vars(api_client)))
        seen.extend(repr(value) for value in vars(api_client).values())
        seen.append(repr(api_client))

    captured = capsys.readouterr()
    logged = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    everything = "\n".join([*seen, logged, captured.out, captured.err])
    assert "invalid credentials" in everything and "a_users_script" in logged  # the texts were collected
    assert not _leaks(everything), [line for line in everything.splitlines() if _leaks(line)][:5]
    assert not _leaks(everything, TOKEN_CHUNKS), [
        line for line in everything.splitlines() if _leaks(line, TOKEN_CHUNKS)
    ][:5]
    assert not _leaks(everything, COOKIE_CHUNKS), [
        line for line in everything.splitlines() if _leaks(line, COOKIE_CHUNKS)
    ][:5]


def silent_call(api_client: kalshi.ApiClient) -> None:
    """A call to a host that never answers: an ApiTimeoutError (no server text in it at all)."""
    gate = threading.Event()

    def silent(conn: socket.socket, request: Request, index: int) -> bool:
        gate.wait(5)
        return False

    with RawServer(silent) as server:
        try:
            path = f"/users/{DEMO_USER_ID}/notifications/preferences"
            api_client.call_api(path, "GET", auth_settings=["cookie"], _host=server.host, _request_timeout=0.3)
        finally:
            gate.set()


def test_the_header_cache_shows_no_credential(
    echo: tuple[Echo, RawServer], new_client: Callable[..., kalshi.ApiClient]
) -> None:
    state, server = echo
    api_client = new_client(server.host, retries=0)
    api_client.cookie = COOKIE
    state.next.append(response(200, _json({"user_id": DEMO_USER_ID, "token": TOKEN, "access_level": "full"}).encode()))
    api_client.login(EMAIL, PASSWORD)
    state.next.append(response(200, b'{"preferences": {"subscription_level": "basic"}}'))
    AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    assert server.requests[-1].headers["authorization"] == f"{DEMO_USER_ID} {TOKEN}"  # it was sent
    assert api_client.cookie == COOKIE
    views = [pprint.pformat(vars(api_client)), repr(vars(api_client)), str(vars(api_client))]
    views += [repr(v) for v in vars(api_client).values()]
    for view in views:
        assert not _leaks(view, TOKEN_CHUNKS + COOKIE_CHUNKS + CHUNKS), view
