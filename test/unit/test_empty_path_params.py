"""An empty path parameter is refused before anything is sent, on every operation.

``get_market("")`` would send ``/markets/``, ``user_get_balance("")`` ``/users//balance``: paths that
a proxy normalising slashes may route to another endpoint. Only ``None`` means "the session's
user"; an empty ``user_id`` is refused like any other empty path parameter.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Callable, Dict, List, Tuple

import pytest

import kalshi
import kalshi._operations
from kalshi._call.endpoint import PATH, Endpoint
from kalshi.apis import MarketApi, UserApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer


def _endpoints() -> List[Endpoint]:
    found = []
    for info in pkgutil.iter_modules(kalshi._operations.__path__):
        module = importlib.import_module(f"kalshi._operations.{info.name}")
        found += [v for v in vars(module).values() if isinstance(v, Endpoint)]
    return sorted(found, key=lambda e: e.operation_id)


CASES: List[Tuple[Endpoint, str]] = [(e, p.name) for e in _endpoints() for p in e.params if p.location == PATH]


@pytest.fixture
def client(server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str) -> kalshi.ApiClient:
    return make_client(server, login=False, api_key=static_key, retries=0)


def test_every_operation_with_a_path_parameter_is_covered() -> None:
    assert len({e.operation_id for e, _ in CASES}) > 20
    assert ("GetMarket", "market_id") in {(e.operation_id, n) for e, n in CASES}


@pytest.mark.parametrize("check_types", [True, False])
@pytest.mark.parametrize("endpoint, name", CASES, ids=[f"{e.operation_id}-{n}" for e, n in CASES])
def test_an_empty_path_parameter_is_an_api_value_error_before_sending(
    client: kalshi.ApiClient, server: FakeKalshiServer, endpoint: Endpoint, name: str, check_types: bool
) -> None:
    args: Dict[str, Any] = {p.name: "x-1" for p in endpoint.params if p.location == PATH}
    args[name] = ""
    with pytest.raises(kalshi.ApiValueError, match=f"'{name}' must not be empty") as info:
        client.call_endpoint(endpoint, args, {"_check_input_type": check_types})
    assert info.value.path_to_item == [name]
    assert server.requests == []


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda c: MarketApi(c).get_market(""), "market_id"),
        (lambda c: UserApi(c).user_order_cancel(DEMO_USER_ID, order_id=""), "order_id"),
        (lambda c: UserApi(c).user_get_balance(""), "user_id"),
        (lambda c: UserApi(c).user_get_balance("", _check_input_type=False), "user_id"),
    ],
)
def test_the_issue_s_calls_are_refused(
    client: kalshi.ApiClient, server: FakeKalshiServer, call: Callable[[kalshi.ApiClient], Any], name: str
) -> None:
    with pytest.raises(kalshi.ApiValueError, match=name):
        call(client)
    assert server.requests == []


def test_an_empty_user_id_is_refused_even_with_a_session(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]
) -> None:
    client = make_client(server, retries=0)  # logged in: None would mean the session's user
    sent = len(server.requests)
    with pytest.raises(kalshi.ApiValueError, match="'user_id' must not be empty"):
        UserApi(client).user_get_balance("")
    assert len(server.requests) == sent
    assert UserApi(client).user_get_balance(None).balance >= 0  # None still means the session's user


def test_client_side_validation_off_still_refuses_an_empty_segment(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0, client_side_validation=False)
    with pytest.raises(kalshi.ApiValueError, match="market_id"):
        MarketApi(client).get_market("")
    assert server.requests == []


def test_call_api_refuses_an_empty_path_parameter(client: kalshi.ApiClient, server: FakeKalshiServer) -> None:
    with pytest.raises(kalshi.ApiValueError, match="'market_id' must not be empty"):
        client.call_api("/markets/{market_id}", "GET", path_params={"market_id": ""})
    assert server.requests == []
