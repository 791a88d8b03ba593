"""Fixtures shared by the whole suite.

- ``server``: the one FakeKalshiServer of the run, with its request log and fault queue cleared
  before every test that asks for it. Use it for tests that only read state.
- ``fresh_server``: a FakeKalshiServer of the test's own, for tests that change state
  (mark-read, subscribe, expiring sessions), so no test depends on another's order.
- ``config`` / ``client`` / ``account_api`` / ``auth_api``: a client of ``server`` logged in as
  the demo user (default retries); ``make_client`` builds others and closes them afterwards.

Nothing here ever talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any, Callable, Iterator, List, Optional, Union

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.model_utils import ListModel, Model
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

# Authorization value that the shared server accepts as a static session of the demo user
# (an "API key" that never expires and survives /log_out).
STATIC_KEY = "static-test-key"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than the cores. Many tests wait on a socket or a deadline, so a
    spare worker keeps both cores busy (on two cores: 3 workers, about a fifth off the wall time)."""
    return (os.cpu_count() or 1) + 1


@pytest.fixture
def static_key() -> str:
    """An Authorization value every fake server here accepts as a session of the demo user."""
    return STATIC_KEY


@pytest.fixture(autouse=True)
def _no_kalshi_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No KALSHI_* variable of the machine running the tests may change what they see."""
    for name in list(os.environ):
        if name.startswith("KALSHI_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def _session_server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        yield server


def _clean(server: FakeKalshiServer) -> None:
    server.clear_requests()
    server.clear_faults()


def _assert_no_fake_errors(server: FakeKalshiServer, before: int) -> None:
    # A traceback inside the fake means the oracle itself broke: never let that pass silently.
    assert server.errors[before:] == []


@pytest.fixture
def server(_session_server: FakeKalshiServer) -> Iterator[FakeKalshiServer]:
    """The shared fake exchange, with no recorded requests and no pending faults."""
    _session_server.authorize(STATIC_KEY, DEMO_USER_ID)
    _clean(_session_server)
    before = len(_session_server.errors)
    yield _session_server
    _clean(_session_server)
    _assert_no_fake_errors(_session_server, before)


@pytest.fixture
def fresh_server() -> Iterator[FakeKalshiServer]:
    """A fake exchange of this test's own, for tests that change the exchange's state."""
    with FakeKalshiServer() as server:
        server.authorize(STATIC_KEY, DEMO_USER_ID)
        server.clear_requests()
        yield server
        _assert_no_fake_errors(server, 0)


@pytest.fixture
def make_client() -> Iterator[Callable[..., kalshi.ApiClient]]:
    """``make_client(server, login=True, api_key=None, **configuration_kwargs)``.

    Builds an ``ApiClient`` for ``server`` (logged in as the demo user unless ``login=False``;
    with ``api_key`` set as ``configuration.api_key['cookie']``) and closes it after the test.
    """
    clients: List[kalshi.ApiClient] = []

    def factory(
        server: Union[FakeKalshiServer, str], *, login: bool = True, api_key: Optional[str] = None, **kwargs: Any
    ) -> kalshi.ApiClient:
        # A fake server, or a host URL (e.g. a port where nothing listens).
        host = server if isinstance(server, str) else server.host
        configuration = kalshi.Configuration(host=host, **kwargs)
        if api_key is not None:
            configuration.api_key["cookie"] = api_key
        client = kalshi.ApiClient(configuration)
        clients.append(client)
        if login:
            client.login(DEMO_EMAIL, DEMO_PASSWORD)
        return client

    yield factory
    for client in clients:
        client.close()


@pytest.fixture
def config(server: FakeKalshiServer) -> kalshi.Configuration:
    """A configuration for the shared fake exchange (default retries, no key)."""
    return kalshi.Configuration(host=server.host)


@pytest.fixture
def client(config: kalshi.Configuration, server: FakeKalshiServer) -> Iterator[kalshi.ApiClient]:
    """A client of the shared fake exchange, logged in as the demo user; the log-in is not recorded."""
    with kalshi.ApiClient(config) as api_client:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        server.clear_requests()
        yield api_client


@pytest.fixture
def account_api(client: kalshi.ApiClient) -> AccountApi:
    return AccountApi(client)


@pytest.fixture
def auth_api(client: kalshi.ApiClient) -> AuthApi:
    return AuthApi(client)


@pytest.fixture
def static_client(server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]) -> kalshi.ApiClient:
    """A client of the shared server authenticated by a static key, with retries off.

    It cannot log in again on a 401, so every status the server sends reaches the caller as is.
    """
    return make_client(server, login=False, api_key=STATIC_KEY, retries=0)


# --------------------------------------------------------------------------- an independent oracle


def _parse_wire_timestamp(text: str) -> datetime:
    # The fake writes 'Z' and 0 or 6 fraction digits, which fromisoformat reads on every Python.
    return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)


def _assert_matches_wire(value: Any, wire: Any, path: str = "$") -> None:
    if isinstance(value, Model):
        assert isinstance(wire, dict), f"{path}: model {type(value).__name__} for {wire!r}"
        names = value.attribute_map  # python name -> wire name
        for python_name, wire_name in names.items():
            field = getattr(value, python_name)
            if wire_name in wire:
                _assert_matches_wire(field, wire[wire_name], f"{path}.{wire_name}")
            else:
                assert field is None, f"{path}.{wire_name}: {field!r} but absent on the wire"
        unknown = {k: v for k, v in wire.items() if k not in names.values()}
        assert value.additional_properties == unknown, path
    elif isinstance(value, (ListModel, list)):
        assert isinstance(wire, list), path
        assert len(value) == len(wire), f"{path}: {len(value)} items, wire has {len(wire)}"
        for i, (item, wire_item) in enumerate(zip(value, wire)):
            _assert_matches_wire(item, wire_item, f"{path}[{i}]")
    elif isinstance(value, datetime):
        assert value.tzinfo is not None, f"{path}: naive datetime"
        assert value == _parse_wire_timestamp(wire), f"{path}: {value!r} != {wire!r}"
    else:
        assert value == wire and type(value) is type(wire), f"{path}: {value!r} != {wire!r}"


@pytest.fixture
def assert_matches_wire() -> Callable[[Any, Any], None]:
    """``assert_matches_wire(model, wire_json)``: every field equals what the server sent."""
    return _assert_matches_wire
