"""``change_subscription`` without a body: the spec, the simulated exchange, the SDK and the docs agree.

The spec does not mark the request body of ``PUT /users/{user_id}/subscribe`` required. So a call
without ``change_subscription_request`` sends no body, the exchange answers 204 and nothing
changes; AccountApi.md says exactly that.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture()
def api(server: FakeKalshiServer) -> Iterator[AccountApi]:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, trust_env=False)) as client:
        client.login(DEMO_EMAIL, DEMO_PASSWORD)
        yield AccountApi(client)


def test_the_spec_makes_the_body_optional() -> None:
    spec = json.loads((ROOT / "test" / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
    operation = spec["paths"]["/users/{user_id}/subscribe"]["put"]
    assert "requestBody" in operation
    assert operation["requestBody"].get("required", False) is False
    assert "204" in operation["responses"]


def test_without_a_body_the_exchange_answers_204_and_nothing_changes(
    server: FakeKalshiServer, api: AccountApi
) -> None:
    before = server.subscription_level_of(DEMO_USER_ID)
    server.clear_requests()

    data, status, _headers = api.change_subscription(DEMO_USER_ID, _return_http_data_only=False)

    assert (data, status) == (None, 204)
    assert server.subscription_level_of(DEMO_USER_ID) == before
    (sent,) = server.requests
    assert (sent.method, sent.raw_path) == ("PUT", f"/v1/users/{DEMO_USER_ID}/subscribe")
    assert sent.body == b""
    assert "content-type" not in sent.headers


def test_with_a_body_the_level_changes(server: FakeKalshiServer, api: AccountApi) -> None:
    result = api.change_subscription(
        DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="none")
    )
    assert result is None
    assert server.subscription_level_of(DEMO_USER_ID) == "none"


def test_an_unknown_level_is_a_400(server: FakeKalshiServer, api: AccountApi) -> None:
    with pytest.raises(kalshi.BadRequestException) as caught:
        api.change_subscription(
            DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="loud")
        )
    assert caught.value.status == 400
    assert server.subscription_level_of(DEMO_USER_ID) == "all"


def test_the_docs_say_what_the_spec_allows() -> None:
    page = (ROOT / "docs" / "AccountApi.md").read_text(encoding="utf-8")
    section = page.split("# **change_subscription**", 1)[1].split("\n# **", 1)[0]
    flat = " ".join(section.split())
    assert "The request body is optional, as the spec defines it." in flat
    assert "the exchange answers 204 and the subscription level stays as it was" in flat
    assert "left out, no body is sent, the exchange answers 204 and nothing changes" in flat
    assert "when it is left out: always pass it" not in flat
