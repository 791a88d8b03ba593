"""Configuration from the environment: KALSHI_HOST, KALSHI_EMAIL, KALSHI_PASSWORD and trust_env.

Precedence is argument > environment > default, an empty variable counts as unset, and
``trust_env=False`` reads nothing. Every client here talks to a FakeKalshiServer on 127.0.0.1;
the autouse fixture of test/conftest.py has removed the machine's own KALSHI_* variables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

import kalshi
from kalshi import configuration as configuration_module
from kalshi.api.account_api import AccountApi
from kalshi.calls import CALL_OPTIONS
from kalshi.cli.credentials import EMAIL_VARIABLE as CLI_EMAIL_VARIABLE
from kalshi.cli.credentials import PASSWORD_VARIABLE as CLI_PASSWORD_VARIABLE
from kalshi.cli.session import HOST_VARIABLE as CLI_HOST_VARIABLE
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

DOCS = Path(__file__).resolve().parents[2] / "docs"
NOWHERE = "http://127.0.0.1:9/v1"  # the discard port: nothing listens there
SECRET = "env-pa55word-that-must-not-leak"  # noqa: S105 - a test value


@pytest.fixture
def env_client(server: FakeKalshiServer) -> Iterator[kalshi.ApiClient]:
    """A client of the shared fake, built without a host: KALSHI_HOST points at the fake."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KALSHI_HOST", server.host)
        client = kalshi.ApiClient(kalshi.Configuration())
    with client:
        yield client


# --------------------------------------------------------------------------- KALSHI_HOST


def test_kalshi_host_makes_a_bare_configuration_talk_to_it(
    server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_HOST", server.host + "/")
    configuration = kalshi.Configuration()
    assert configuration.host == server.host  # the trailing slash dropped, as for an argument

    with kalshi.ApiClient() as api_client:  # no configuration at all: the default one reads it too
        response = api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert response.user_id == DEMO_USER_ID
    assert [r.raw_path for r in server.requests] == ["/v1/log_in"]


def test_the_host_argument_wins_over_kalshi_host(server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", NOWHERE)
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as api_client:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert server.login_count >= 1
    assert [r.raw_path for r in server.requests] == ["/v1/log_in"]


def test_an_explicit_server_index_wins_over_kalshi_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", NOWHERE)
    assert kalshi.Configuration(server_index=1).host == kalshi.DEMO_HOST
    assert kalshi.Configuration(server_index=0).host == kalshi.DEFAULT_HOST


def test_trust_env_false_ignores_kalshi_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", NOWHERE)
    assert kalshi.Configuration(trust_env=False).host == kalshi.DEFAULT_HOST
    assert kalshi.Configuration().host == NOWHERE


def test_an_empty_kalshi_host_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", "")
    assert kalshi.Configuration().host == kalshi.DEFAULT_HOST


def test_kalshi_host_is_read_when_the_configuration_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    configuration = kalshi.Configuration()
    monkeypatch.setenv("KALSHI_HOST", NOWHERE)
    assert configuration.host == kalshi.DEFAULT_HOST
    assert configuration.copy().host == kalshi.DEFAULT_HOST


@pytest.mark.parametrize("value", ["ftp://example.com/v1", "not a url", "https://", "ws://127.0.0.1/v1"])
def test_an_invalid_kalshi_host_is_a_value_error_naming_the_variable(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_HOST", value)
    with pytest.raises(kalshi.ApiValueError, match="KALSHI_HOST") as caught:
        kalshi.Configuration()
    assert "must be an http:// or https:// URL" in str(caught.value)


def test_credentials_in_kalshi_host_are_refused_without_showing_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", f"https://alice:{SECRET}@gateway.internal/v1")
    with pytest.raises(kalshi.ApiValueError, match="KALSHI_HOST") as caught:
        kalshi.Configuration()
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value)


def test_an_invalid_kalshi_host_is_not_read_when_not_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", "ftp://example.com")
    assert kalshi.Configuration(host=NOWHERE).host == NOWHERE
    assert kalshi.Configuration(trust_env=False).host == kalshi.DEFAULT_HOST
    assert kalshi.Configuration(server_index=1).host == kalshi.DEMO_HOST


def test_a_non_bool_trust_env_is_refused_before_the_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_HOST", "ftp://example.com")
    with pytest.raises(kalshi.ApiTypeError, match="trust_env"):
        kalshi.Configuration(trust_env="no")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- KALSHI_EMAIL / KALSHI_PASSWORD


def test_login_without_arguments_uses_the_environment(
    env_client: kalshi.ApiClient, server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    response = env_client.login()
    assert response.user_id == DEMO_USER_ID == env_client.user_id
    history = AccountApi(env_client).user_get_account_history(limit=1)
    assert len(history.entries) == 1
    assert server.requests[0].raw_path == "/v1/log_in"


def test_an_argument_wins_over_its_variable(
    env_client: kalshi.ApiClient, server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", "nobody@example.com")
    monkeypatch.setenv("KALSHI_PASSWORD", "not-the-password")
    env_client.login(DEMO_EMAIL, DEMO_PASSWORD)  # both given: neither variable is used
    assert env_client.user_id == DEMO_USER_ID

    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    env_client.login(DEMO_EMAIL)  # the e-mail given, the password from the environment
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", "not-the-password")
    env_client.login(password=DEMO_PASSWORD)  # the other way round
    assert env_client.user_id == DEMO_USER_ID


def test_a_wrong_password_from_the_environment_reaches_the_server(
    env_client: kalshi.ApiClient, server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", SECRET)
    with pytest.raises(kalshi.ApiException) as caught:
        env_client.login()
    assert caught.value.status in (400, 401, 403)
    assert SECRET not in str(caught.value)
    assert [r.raw_path for r in server.requests] == ["/v1/log_in"]


@pytest.mark.parametrize(
    ("variables", "missing"),
    [
        ({}, ["KALSHI_EMAIL", "KALSHI_PASSWORD"]),
        ({"KALSHI_EMAIL": DEMO_EMAIL}, ["KALSHI_PASSWORD"]),
        ({"KALSHI_PASSWORD": SECRET}, ["KALSHI_EMAIL"]),
        ({"KALSHI_EMAIL": DEMO_EMAIL, "KALSHI_PASSWORD": ""}, ["KALSHI_PASSWORD"]),  # empty is unset
    ],
)
def test_missing_credentials_are_a_value_error_before_anything_is_sent(
    variables: dict[str, str],
    missing: list[str],
    env_client: kalshi.ApiClient,
    server: FakeKalshiServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(kalshi.ApiValueError) as caught:
        env_client.login()
    text = str(caught.value)
    for name in missing:
        assert name in text
    for name in {"KALSHI_EMAIL", "KALSHI_PASSWORD"} - set(missing):
        assert name not in text
    assert SECRET not in text and SECRET not in repr(caught.value)
    assert server.requests == []
    assert env_client.user_id is None


def test_trust_env_false_reads_no_credentials(server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", SECRET)
    with kalshi.ApiClient(kalshi.Configuration(host=server.host, trust_env=False)) as api_client:
        with pytest.raises(kalshi.ApiValueError, match="trust_env is False") as caught:
            api_client.login(DEMO_EMAIL)
        assert "KALSHI_PASSWORD" in str(caught.value)
        assert SECRET not in str(caught.value)
        assert server.requests == []
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)  # arguments still work
        assert api_client.user_id == DEMO_USER_ID


def test_the_environment_is_read_at_login_and_kept_for_the_relogin(
    fresh_server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    with kalshi.ApiClient(kalshi.Configuration(host=fresh_server.host)) as api_client:
        api_client.login()
        monkeypatch.delenv("KALSHI_PASSWORD")
        fresh_server.expire_sessions()
        logins = fresh_server.login_count
        AccountApi(api_client).user_get_account_history(limit=1)  # 401, log in again, repeat
        assert fresh_server.login_count == logins + 1


def test_the_library_and_the_cli_share_the_variable_names() -> None:
    assert (CLI_HOST_VARIABLE, CLI_EMAIL_VARIABLE, CLI_PASSWORD_VARIABLE) == (
        "KALSHI_HOST",
        "KALSHI_EMAIL",
        "KALSHI_PASSWORD",
    )


def test_pool_threads_is_checked_when_the_client_is_built() -> None:
    for bad in (0, -1, True, 1.5, "4"):
        with pytest.raises(kalshi.ApiValueError, match="pool_threads"):
            kalshi.ApiClient(pool_threads=bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the reference pages


def _public_names(cls: type) -> set[str]:
    return {name for name in vars(cls) if not name.startswith("_")}


def test_the_configuration_page_covers_every_setting_and_method() -> None:
    text = (DOCS / "Configuration.md").read_text(encoding="utf-8")
    names = _public_names(kalshi.Configuration) | set(configuration_module._SETTINGS)
    missing = sorted(name for name in names if f"`{name}" not in text)
    assert not missing, f"docs/Configuration.md does not mention {missing}"


def test_the_api_client_page_covers_every_method_and_call_option() -> None:
    text = (DOCS / "ApiClient.md").read_text(encoding="utf-8")
    names = _public_names(kalshi.ApiClient) | set(CALL_OPTIONS) | {"configuration", "default_headers", "cookie"}
    missing = sorted(name for name in names if f"`{name}" not in text)
    assert not missing, f"docs/ApiClient.md does not mention {missing}"
