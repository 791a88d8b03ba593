"""The generator's documented example of every one of the 36 operations runs against this SDK.

``codegen.generator_examples`` renders, from the spec, the example that openapi-generator's python
client documents for each operation (checked below against the seed's five, line for line). Each
runs against a simulated exchange of its own, changed in three ways only, like the seed's test:

- the host points at the exchange;
- placeholders become real values: ids (``"market_id_example"`` -> a market's id), credentials, a
  password-reset code, the values the exchange checks (``"side_example"`` -> ``"yes"``), an order
  expiry in the future and ``sell_position_capped=False`` (a capped order with no position is
  nothing to place); the key ``'YOUR_API_KEY'`` is registered as the demo user's session;
- ``dateutil_parser``, which the generator's examples use without importing, is python-dateutil's.

Every call must then be answered as it would be for the generator's client: a success, except the
first call of four examples. Their template calls an operation with its required parameters only,
so it sends no body, and the exchange answers 400 (the body's fields are required); the example
catches that ``ApiException`` and prints it, then its second call, with the body, succeeds. Sending
no body is what the generator's client does too, and what the seed's ``change_subscription``
example needs (its first call is answered 204), so the SDK keeps it.
"""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any, Dict, Iterator, List, Tuple

import pytest
from codegen.generator_examples import GeneratorExample, render_all
from codegen.spec import HOST, load_spec
from dateutil.parser import parse as dateutil_parser
from test_seed_examples import EXAMPLES as SEED_EXAMPLES

import kalshi
from kalshi.apis import AuthApi, MarketApi, RangedMarketsApi, UserApi
from kalshi.models import ResetPasswordRequest, UserOrderCreateRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

DOC = load_spec()
GENERATED = render_all(DOC)
BY_METHOD = {e.method: e for e in GENERATED}
KEY = "YOUR_API_KEY"
NEW_PASSWORD = "a-new-password"  # noqa: S105 - the fake exchange's user
# The examples whose first call sends no body that the exchange needs.
REFUSED_WITHOUT_BODY = {"ResetPasswordConfirm", "UserChangePassword", "UserOrderCreate", "UserOrderDecrease"}


def test_the_rendering_is_the_seeds_for_its_five_operations() -> None:
    for seed in SEED_EXAMPLES:
        rendered = [line.strip() for line in BY_METHOD[seed.method].code.splitlines() if line.strip()]
        assert rendered == seed.lines, seed.method


def test_there_is_one_example_per_operation() -> None:
    operations = {op["operationId"] for item in DOC["paths"].values() for op in item.values()}
    assert {e.operation_id for e in GENERATED} == operations
    assert len(GENERATED) == 36


def test_six_first_calls_send_no_body_and_four_of_them_are_refused() -> None:
    """Which examples call a body operation without its body first (the template's first call)."""
    bodyless_first = set()
    for example in GENERATED:
        op = _operation(example.operation_id)[2]
        if "requestBody" in op and not example.calls[0].sends_body:
            bodyless_first.add(example.operation_id)
    assert bodyless_first == REFUSED_WITHOUT_BODY | {"ChangeSubscription", "UserGetPortfolioHistory"}


# --------------------------------------------------------------------------- a world with real ids


@pytest.fixture
def exchange() -> Iterator[Tuple[FakeKalshiServer, Dict[str, str]]]:
    """A fresh exchange where every id an example needs exists: a resting order, a watched market,
    a notification, a ranged market, a password-reset code. Yields it and the placeholder swaps."""
    with FakeKalshiServer() as server:
        server.authorize(KEY, DEMO_USER_ID)
        config = kalshi.Configuration(host=server.host, api_key={"cookie": KEY}, retries=0)
        with kalshi.ApiClient(config) as api:
            markets = MarketApi(api).get_markets().markets
            market = markets[0]
            assert market.id is not None
            ranged_ticker = next(m.ranged_group_ticker for m in markets if m.ranged_group_ticker)
            ranged = RangedMarketsApi(api).get_ranged_market_by_ticker(ranged_ticker).ranged_markets
            order = UserApi(api).user_order_create(
                DEMO_USER_ID,
                user_order_create_request=UserOrderCreateRequest(market_id=market.id, count=10, side="yes", price=40)
            ).order
            UserApi(api).user_add_watchlist(DEMO_USER_ID, market.id)
            AuthApi(api).reset_password(reset_password_request=ResetPasswordRequest(email=DEMO_EMAIL))
        code = server.reset_code_of(DEMO_EMAIL)
        assert market.id and market.ticker_name and ranged.id and order.order_id and code
        strings = {
            "user_id": DEMO_USER_ID,
            "market_id": market.id,
            "order_id": order.order_id,
            "notification_id": server.notifications_of(DEMO_USER_ID)[0]["id"],
            "ranged_market_id": ranged.id,
            "ticker_name": market.ticker_name,
            "ticker": ranged_ticker,
            "code": code,
            "email": DEMO_EMAIL,
            "password": DEMO_PASSWORD,
            "old_password": DEMO_PASSWORD,
            "new_password": NEW_PASSWORD,
            "side": "yes",
            "subscription_level": "basic",
            "status": "resting",
            "trades_date": "2021-11-03",
        }
        swaps = {f'"{name}_example"': json.dumps(value) for name, value in strings.items()}
        swaps["expiration_unix_ts=1,"] = f"expiration_unix_ts={int(server.now) + 3600},"
        swaps["sell_position_capped=True,"] = "sell_position_capped=False,"
        swaps[f'host = "{HOST}"'] = f'host = "{server.host}"'
        server.clear_requests()
        yield server, swaps


def _real(example: GeneratorExample, swaps: Dict[str, str]) -> str:
    code = example.code
    for placeholder, value in swaps.items():
        code = code.replace(placeholder, value)
    assert "_example" not in code, [line for line in code.splitlines() if "_example" in line]
    return code


def _run(code: str, name: str) -> List[str]:
    namespace = {"__name__": "generator_example", "dateutil_parser": dateutil_parser}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"<generator example {name}>", "exec"), namespace)  # noqa: S102 - rendered above
    return out.getvalue().splitlines()


def _operation(operation_id: str) -> Tuple[str, str, Dict[str, Any]]:
    for path, item in DOC["paths"].items():
        for method, op in item.items():
            if op["operationId"] == operation_id:
                return method.upper(), path, op
    raise KeyError(operation_id)


@pytest.mark.parametrize("example", GENERATED, ids=lambda e: e.method)
def test_the_example_runs_as_it_would_with_the_generators_client(
    example: GeneratorExample, exchange: Tuple[FakeKalshiServer, Dict[str, str]]
) -> None:
    server, swaps = exchange
    out = _run(_real(example, swaps), example.method)

    failures = [line for line in out if line.startswith("Exception when calling")]
    method, path, op = _operation(example.operation_id)
    requests = server.requests
    assert len(requests) == len(example.calls), out
    for call, request in zip(example.calls, requests):
        assert request.method == method
        assert request.headers.get("authorization") == (KEY if "security" in op else None)
        if call.sends_body:
            assert request.headers.get("content-type") == "application/json"
            assert isinstance(json.loads(request.body), dict)
        else:  # as the seed's change_subscription sends its first call: nothing at all
            assert (request.body, request.headers.get("content-type")) == (b"", None)
    if example.operation_id in REFUSED_WITHOUT_BODY:
        assert len(failures) == 1, out
        assert f"->{example.method}: (400) Bad Request" in failures[0]
        assert "a JSON request body is required" in failures[0]
    else:
        assert failures == [], out
    if example.result is not None:  # each answered call's pprint shows the model
        assert sum(line.startswith(f"{example.result}(") for line in out) == len(example.calls) - len(failures), out


def test_the_example_user_can_log_in_with_the_new_password_after_the_reset_example(
    exchange: Tuple[FakeKalshiServer, Dict[str, str]],
) -> None:
    """The reset example really resets: its code is used up and the new password works."""
    server, swaps = exchange
    swaps['"password_example"'] = json.dumps(NEW_PASSWORD)
    _run(_real(BY_METHOD["reset_password_confirm"], swaps), "reset_password_confirm")

    assert server.reset_code_of(DEMO_EMAIL) is None
    config = kalshi.Configuration(host=server.host)
    with kalshi.ApiClient(config) as api:
        api.login(DEMO_EMAIL, NEW_PASSWORD)
        assert api.user_id == DEMO_USER_ID
