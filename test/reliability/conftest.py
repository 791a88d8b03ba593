"""Fixtures of the reliability and security tests.

Everything here talks to 127.0.0.1 only: a ``FakeKalshiServer`` of each test's own (``fake``), or
a Prism mock of the spec started once per run (``prism``).

- ``fake``: a fresh fake exchange per test; ``STATIC_KEY`` is accepted as a session of the demo user.
- ``new_client(fake, login=False, api_key=None, **configuration)``: an ``ApiClient`` closed afterwards.
- ``closed_port``: a port of 127.0.0.1 on which nothing listens.
- ``demo_key``: that static key; ``keyed_client``: a client of ``fake`` sending it (default retries).
- ``notification_id``: one of the demo user's notifications on ``fake``.
- ``call_account(api_client, name, user_id, notification_id, **options)``: an account call with
  every parameter set (``ACCOUNT_CALLS`` names them).
- ``response_log``: records every response a client's transport returns (status and headers).
- ``prism``: the base URL of a running ``prism mock`` of test/spec/kalshi-v1.json (the whole spec);
  without Prism installed (see ``_prism.py``) the tests using it skip, naming the install command.

Retry backoff is made tiny for every test (``DEFAULT_BACKOFF_FACTOR``), so exhausted retries cost
milliseconds; the one test of the default backoff arithmetic restores ``REAL_BACKOFF_FACTOR``.
"""

from __future__ import annotations

import http.client
import logging
import os
import signal
import socket
import subprocess
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, NamedTuple

import pytest

import kalshi
from kalshi._transport import retry as policy_module
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

from ._prism import find_prism

# When a Hypothesis test fails, its pytest plugin imports hypothesis.extra._patching (libcst, if
# installed), whose import emits a DeprecationWarning from mypy_extensions; under `-W error` that
# turns the failure report into an INTERNALERROR which aborts the whole run. Import it up front.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        import hypothesis.extra._patching  # noqa: F401
    except Exception:  # noqa: BLE001, S110 - optional: without libcst the plugin skips it too
        pass

REAL_BACKOFF_FACTOR = policy_module.DEFAULT_BACKOFF_FACTOR
TINY_BACKOFF_FACTOR = 0.001
# An Authorization value every ``fake`` accepts as a never-expiring session of the demo user.
STATIC_KEY = "reliability-static-key"

# The whole v1 spec: its account and auth parts are byte-identical to kalshi-v1-account.json.
SPEC = Path(__file__).resolve().parent.parent / "spec" / "kalshi-v1.json"
_PRISM_START_TIMEOUT = 60.0
_PRISM_STOP_TIMEOUT = 10.0


# --------------------------------------------------------------------------- global state


@pytest.fixture(autouse=True)
def tiny_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries back off for about a millisecond (make_retry reads the constant per client)."""
    monkeypatch.setattr(policy_module, "DEFAULT_BACKOFF_FACTOR", TINY_BACKOFF_FACTOR)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """``Configuration(debug=True)`` changes the process-wide ``kalshi`` logger: undo it."""
    logger = logging.getLogger("kalshi")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    debuglevel = http.client.HTTPConnection.debuglevel
    # A debug handler left by an earlier test may write to a closed capture: start without it.
    logger.handlers[:] = [h for h in handlers if not getattr(h, "_kalshi_debug", False)]
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate
    http.client.HTTPConnection.debuglevel = debuglevel


# --------------------------------------------------------------------------- fake exchange


@pytest.fixture
def fake() -> Iterator[FakeKalshiServer]:
    """A fake exchange of this test's own; no fault or request of another test can reach it."""
    with FakeKalshiServer() as server:
        server.authorize(STATIC_KEY, DEMO_USER_ID)
        yield server
        server.clear_faults()
        # A traceback inside the fake means the oracle broke: never let that pass silently.
        assert server.errors == []


@pytest.fixture
def new_client(make_client: Callable[..., kalshi.ApiClient]) -> Callable[..., kalshi.ApiClient]:
    """``new_client(fake_or_host, *, login=False, api_key=None, **configuration_kwargs)``.

    ``login=True`` logs in as the demo user; ``api_key`` goes to ``api_key['cookie']``. The
    client is closed after the test.
    """

    def factory(target: Any, *, login: bool = False, **kwargs: Any) -> kalshi.ApiClient:
        return make_client(target, login=login, **kwargs)

    return factory


def _unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A port of 127.0.0.1 on which nothing listens: connecting to it is refused.

    The port stays bound, never listening, for the whole test: a port that was merely free could
    be taken meanwhile by a server of another test running in parallel (pytest-xdist).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


class Seen(NamedTuple):
    method: str
    url: str
    status: int
    headers: Dict[str, str]


class ResponseLog:
    """Wraps a client's transport and keeps method, url, status and headers of every response."""

    def __init__(self) -> None:
        self.seen: List[Seen] = []

    def attach(self, api_client: kalshi.ApiClient) -> kalshi.ApiClient:
        rest = api_client.rest_client
        send = rest.request

        def request(method: str, url: str, **kwargs: Any) -> Any:
            response = send(method, url, **kwargs)
            self.seen.append(Seen(method, url, response.status, {k.lower(): v for k, v in response.headers.items()}))
            return response

        rest.request = request  # type: ignore[method-assign]
        return api_client


@pytest.fixture
def response_log() -> ResponseLog:
    return ResponseLog()


# --------------------------------------------------------------------------- Prism


def _stop(process: "subprocess.Popen[bytes]") -> None:
    """Terminate prism (its whole process group, which we created), kill it if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=_PRISM_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=_PRISM_STOP_TIMEOUT)


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``prism mock <spec> --errors`` on a free port of 127.0.0.1; yield its base URL."""
    binary = find_prism()
    port = _unused_port()
    log_path = tmp_path_factory.mktemp("prism") / "prism.log"
    command = [str(binary), "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port), "--errors"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed command line
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + _PRISM_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"prism exited with {process.returncode}:\n{log_path.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"prism did not listen within {_PRISM_START_TIMEOUT:.0f} s:\n{log_path.read_text()[-2000:]}"
                    )
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)


# --------------------------------------------------------------------------- every account call

_HISTORY_FLAGS = (
    "should_return_deposits",
    "should_return_withdrawals",
    "should_return_orders",
    "should_return_settlements",
    "should_return_trades",
)
ACCOUNT_CALLS = (
    "user_get_account_history",
    "user_get_notifications",
    "get_notification_preferences",
    "notification_mark_read",
    "change_subscription",
)


def _call_account(api_client: kalshi.ApiClient, name: str, user_id: str, notification_id: str, **options: Any) -> Any:
    """Run account call ``name`` with every parameter set; ``options`` are per-call options."""
    from kalshi.api.account_api import AccountApi
    from kalshi.model.change_subscription_request import ChangeSubscriptionRequest

    api = AccountApi(api_client)
    if name == "user_get_account_history":
        flags: Dict[str, Any] = dict.fromkeys(_HISTORY_FLAGS, True)
        return api.user_get_account_history(user_id, limit=10, **flags, **options)
    if name == "user_get_notifications":
        return api.user_get_notifications(user_id, page_size=50, page_number=1, **options)
    if name == "get_notification_preferences":
        return api.get_notification_preferences(user_id, **options)
    if name == "notification_mark_read":
        return api.notification_mark_read(user_id, notification_id, **options)
    if name == "change_subscription":
        body = ChangeSubscriptionRequest(subscription_level="basic")
        return api.change_subscription(user_id, change_subscription_request=body, **options)
    raise AssertionError(f"unknown call {name}")


@pytest.fixture
def call_account() -> Callable[..., Any]:
    """``call_account(api_client, name, user_id, notification_id, **options)``: one account call."""
    return _call_account


@pytest.fixture
def notification_id(fake: FakeKalshiServer) -> str:
    """The id of one of the demo user's notifications on ``fake``."""
    return str(fake.notifications_of(DEMO_USER_ID)[0]["id"])


@pytest.fixture
def demo_key() -> str:
    """The Authorization value ``fake`` accepts as a static session of the demo user."""
    return STATIC_KEY


@pytest.fixture
def keyed_client(fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient]) -> kalshi.ApiClient:
    """A client of ``fake`` with the default retry policy (tiny backoff) and the static key: no log-in."""
    return new_client(fake, api_key=STATIC_KEY)


@pytest.fixture
def real_backoff_factor() -> float:
    """``DEFAULT_BACKOFF_FACTOR`` as the SDK ships it (``tiny_backoff`` replaces it in every test)."""
    return REAL_BACKOFF_FACTOR
