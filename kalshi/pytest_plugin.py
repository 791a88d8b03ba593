"""pytest fixtures for testing code against the simulated exchange, registered as ``pytest11``.

Installing the SDK makes two fixtures available in every test suite, with no conftest needed:

* ``kalshi_server``: a started ``kalshi.testing.FakeKalshiServer`` of the test's own (seed 0),
  stopped afterwards; the test fails if the fake itself hit an internal error.
* ``kalshi_client``: a ``kalshi.ApiClient`` for ``kalshi_server``, logged in as the demo user
  (``DEMO_EMAIL``, who starts with ``DEMO_BALANCE`` cents), closed afterwards.

Example::

    def test_balance(kalshi_client, kalshi_server):
        response = kalshi_client.call_api(
            "/users/{user_id}/balance", "GET",
            path_params={"user_id": kalshi_client.user_id}, response_type=None,
        )
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any, Callable, TypeVar

from kalshi.api_client import ApiClient
from kalshi.configuration import Configuration
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

__all__ = ["kalshi_client", "kalshi_server"]

_Function = TypeVar("_Function", bound=Callable[..., Any])
# pytest is imported by name: it is no dependency of the SDK, and `mypy --python-version 3.9`
# cannot parse the sources of the pytest releases that need Python 3.10.
_fixture: Callable[[_Function], _Function] = importlib.import_module("pytest").fixture


@_fixture
def kalshi_server() -> Iterator[FakeKalshiServer]:
    """A started simulated exchange of this test's own."""
    with FakeKalshiServer() as server:
        yield server
        errors = server.errors
        assert not errors, "the fake exchange hit an internal error:\n" + "\n".join(errors)


@_fixture
def kalshi_client(kalshi_server: FakeKalshiServer) -> Iterator[ApiClient]:
    """An ApiClient for ``kalshi_server``, logged in as the demo user."""
    with ApiClient(Configuration(host=kalshi_server.host)) as client:
        client.login(DEMO_EMAIL, DEMO_PASSWORD)
        yield client
