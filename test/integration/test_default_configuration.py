"""The generator's class methods of ``Configuration``: ``set_default``, ``get_default_copy``, ``to_debug_report``.

A bare ``ApiClient()`` (and an API class built without a client) starts from a copy of the
configuration given to ``Configuration.set_default()``: checked here against the fake exchange.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path
from typing import Iterator

import pytest
import urllib3

import kalshi
from kalshi import Configuration
from kalshi._version import API_VERSION
from kalshi.api.account_api import AccountApi
from kalshi.api.user_api import UserApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

KEY = "default-config-key"


@pytest.fixture
def no_default() -> Iterator[None]:
    """Every test starts and ends without a default (it is process-wide)."""
    Configuration.set_default(None)
    yield
    Configuration.set_default(None)


def _config(server: FakeKalshiServer) -> Configuration:
    server.authorize(KEY, DEMO_USER_ID)
    return Configuration(host=server.host, api_key={"cookie": KEY}, retries=0, deadline=20)


def test_without_a_default_a_bare_client_has_the_built_in_settings(no_default: None) -> None:
    with kalshi.ApiClient() as api_client:
        assert api_client.configuration.host == "https://trading-api.kalshi.com/v1"
        assert api_client.configuration.api_key == {}
    assert repr(Configuration.get_default_copy()) == repr(Configuration())


def test_set_default_makes_a_bare_client_use_a_copy(no_default: None, server: FakeKalshiServer) -> None:
    config = _config(server)
    Configuration.set_default(config)
    server.clear_requests()

    with kalshi.ApiClient() as api_client:
        assert api_client.configuration is not config
        assert repr(api_client.configuration) == repr(config)
        balance = UserApi(api_client).user_get_balance(DEMO_USER_ID).balance

    assert balance == server.balance_of(DEMO_USER_ID)
    assert [(r.method, r.raw_path, r.headers.get("authorization")) for r in server.requests] == [
        ("GET", f"/v1/users/{DEMO_USER_ID}/balance", KEY)
    ]


def test_an_api_class_without_a_client_uses_the_default_too(no_default: None, server: FakeKalshiServer) -> None:
    Configuration.set_default(_config(server))
    api = AccountApi()
    try:
        preferences = api.get_notification_preferences(DEMO_USER_ID)
    finally:
        api.api_client.close()
    assert preferences.preferences.subscription_level == server.subscription_level_of(DEMO_USER_ID)


def test_the_default_is_a_copy_taken_at_set_default(no_default: None, server: FakeKalshiServer) -> None:
    config = _config(server)
    Configuration.set_default(config)
    config.host = "http://127.0.0.1:1/v1"  # changing the original afterwards changes no default
    config.api_key["cookie"] = "changed"

    first = Configuration.get_default_copy()
    first.deadline = 5  # nor does changing one client's copy change the next one
    first.api_key["cookie"] = "changed again"
    second = Configuration.get_default_copy()

    assert (second.host, second.api_key, second.deadline) == (server.host, {"cookie": KEY}, 20.0)
    assert first is not second


def test_set_default_none_goes_back_to_the_built_in_settings(no_default: None, server: FakeKalshiServer) -> None:
    Configuration.set_default(_config(server))
    Configuration.set_default(None)
    assert Configuration.get_default_copy().host == "https://trading-api.kalshi.com/v1"


def test_set_default_refuses_what_is_not_a_configuration(no_default: None) -> None:
    with pytest.raises(kalshi.ApiTypeError, match="Configuration or None, got dict"):
        Configuration.set_default({"host": "http://127.0.0.1:1"})  # type: ignore[arg-type]
    assert Configuration.get_default_copy().host == "https://trading-api.kalshi.com/v1"


def test_the_debug_report_has_the_versions() -> None:
    report = Configuration().to_debug_report()
    spec = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))

    lines = report.splitlines()
    python = lines.pop(2)
    assert python.startswith(f"Python Version: {platform.python_version()} (")  # and how it was built
    assert lines == [
        "Python SDK Debug Report:",
        f"OS: {platform.platform()}",
        f"Version of the API: {spec['info']['version']}",
        f"SDK Package Version: {kalshi.__version__}",
        f"urllib3 Version: {urllib3.__version__}",  # type: ignore[attr-defined]
    ]
    assert API_VERSION == spec["info"]["version"]


def test_the_debug_report_never_has_a_secret_or_a_setting() -> None:
    secrets = ["sk-live-0123456789", "Sesame", "proxy-password", "proxy-header-secret", "corp-proxy.internal"]
    config = Configuration(
        host="https://trading-api.kalshi.com/v1",
        api_key={"cookie": secrets[0]},
        api_key_prefix={"cookie": secrets[1]},
        proxy=f"http://alice:{secrets[2]}@{secrets[4]}:3128",
        proxy_headers={"Proxy-Authorization": secrets[3]},
    )
    report = config.to_debug_report()
    assert [s for s in secrets if s in report] == []
    assert "alice" not in report and "kalshi.com" not in report
    # The same report as a configuration without any of them: nothing of the settings shows.
    assert report == Configuration().to_debug_report()
