"""``kalshi.Kalshi``: construction, options, the lazy log-in, credentials, ``with_options`` and closing."""

from __future__ import annotations

import threading
from typing import List

import pytest

import kalshi
from kalshi.testing import FakeKalshiServer

from .trading_support import ALICE, TICKER, Desk, trader


def test_construction_sends_nothing_and_public_calls_need_no_log_in(desk: Desk) -> None:
    client = kalshi.Kalshi(host=desk.server.host)  # no credentials at all
    try:
        assert desk.server.request_count == 0
        markets = client.markets.list()
        assert TICKER in [m.ticker_name for m in markets]
        client.markets.get(TICKER)
        client.markets.book(TICKER)
        client.markets.history(TICKER)
        assert list(client.trades.list()) == []
        assert desk.server.login_count == 0
        assert all("authorization" not in r.headers for r in desk.server.requests)
    finally:
        client.close()


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.balance(),
        lambda c: c.exchange.status(),
        lambda c: c.orders.create(TICKER, side="yes", count=1, price=10),
        lambda c: c.orders.list(TICKER),
        lambda c: c.positions.list(),
        lambda c: c.positions.get(TICKER),
        lambda c: c.fills.list(TICKER),
        lambda c: c.notifications.list(),
        lambda c: c.watchlist.add(TICKER),
        lambda c: c.user_id,
    ],
)
def test_a_secured_call_without_credentials_names_both_variables_before_sending(desk: Desk, call: object) -> None:
    client = kalshi.Kalshi(host=desk.server.host)
    try:
        with pytest.raises(kalshi.ApiValueError) as caught:
            call(client)  # type: ignore[operator]
        message = str(caught.value)
        assert "KALSHI_EMAIL" in message and "KALSHI_PASSWORD" in message
        assert "email=" in message and "password=" in message
        assert desk.server.request_count == 0  # not even the ticker's lookup
    finally:
        client.close()


def test_credentials_and_host_come_from_the_environment(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", ALICE[0])
    monkeypatch.setenv("KALSHI_PASSWORD", ALICE[1])
    monkeypatch.setenv("KALSHI_HOST", desk.server.host)
    with kalshi.Kalshi() as client:
        assert client.api_client.configuration.host == desk.server.host
        assert client.balance() == 100_000
        assert client.user_id == desk.alice_id


def test_an_argument_wins_over_its_variable_and_trust_env_false_reads_none(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", "nobody@example.com")
    monkeypatch.setenv("KALSHI_PASSWORD", ALICE[1])
    with kalshi.Kalshi(ALICE[0], host=desk.server.host) as client:
        assert client.user_id == desk.alice_id
    with kalshi.Kalshi(host=desk.server.host, trust_env=False) as client:
        with pytest.raises(kalshi.ApiValueError, match="trust_env is False"):
            client.balance()


def test_it_logs_in_once_lazily_and_again_when_the_session_expires(desk: Desk) -> None:
    client = desk.alice
    assert desk.server.login_count == 0
    assert client.balance() == 100_000
    client.positions.list()
    assert desk.server.login_count == 1
    desk.server.expire_sessions()
    assert client.balance() == 100_000
    assert desk.server.login_count == 2


def test_threads_share_one_lazy_log_in(desk: Desk) -> None:
    results: List[int] = []
    threads = [threading.Thread(target=lambda: results.append(desk.alice.balance())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [100_000] * 8
    assert desk.server.login_count == 1


def test_options_are_configuration_settings_and_unknown_ones_are_refused_by_name(desk: Desk) -> None:
    with kalshi.Kalshi(*ALICE, host=desk.server.host, timeout=3, deadline=20, retries=1, rate_limit=50) as client:
        configuration = client.api_client.configuration
        assert (configuration.timeout, configuration.deadline, configuration.retries) == (3.0, 20.0, 1)
        assert configuration.rate_limit == 50.0
    with pytest.raises(kalshi.ApiTypeError, match="unexpected option 'timout'"):
        kalshi.Kalshi(host=desk.server.host, timout=3)  # type: ignore[call-arg]
    with pytest.raises(kalshi.ApiValueError, match="deadline"):
        kalshi.Kalshi(host=desk.server.host, deadline=-1)
    with pytest.raises(kalshi.ApiTypeError, match="configuration must be a kalshi.Configuration"):
        kalshi.Kalshi(configuration={"host": desk.server.host})  # type: ignore[arg-type]
    assert desk.server.request_count == 0


def test_a_given_configuration_is_used_as_is_or_copied_when_changed(desk: Desk) -> None:
    configuration = kalshi.Configuration(host="http://127.0.0.1:9/v1", timeout=7)
    with kalshi.Kalshi(configuration=configuration) as same:
        assert same.api_client.configuration is configuration
    with kalshi.Kalshi(*ALICE, host=desk.server.host, configuration=configuration, deadline=9) as changed:
        assert changed.api_client.configuration is not configuration
        assert (changed.api_client.configuration.host, changed.api_client.configuration.deadline) == (
            desk.server.host,
            9.0,
        )
        assert changed.api_client.configuration.timeout == 7.0
        assert changed.balance() == 100_000
    assert (configuration.host, configuration.deadline) == ("http://127.0.0.1:9/v1", 60.0)


def test_with_options_shares_the_session_tickers_and_pools(desk: Desk) -> None:
    client = desk.alice
    client.markets.book(TICKER)
    assert client.balance() == 100_000
    desk.server.clear_requests()

    fast = client.with_options(timeout=1.5, retries=2)

    assert isinstance(fast, kalshi.Kalshi)
    assert fast.api_client is not client.api_client
    assert fast.api_client.configuration.timeout == 1.5
    assert client.api_client.configuration.timeout == (2, 5)  # the original is unchanged
    assert fast.api_client.rest_client._plan.pools is client.api_client.rest_client._plan.pools
    fast.orders.create(TICKER, side="yes", count=1, price=10)  # no log-in, no ticker lookup
    assert [r.method for r in desk.server.requests] == ["POST"]
    assert desk.server.login_count == 1
    assert fast.user_id == client.user_id == desk.alice_id


def test_with_options_applies_its_timeout(desk: Desk) -> None:
    desk.alice.markets.list()
    desk.server.delay_next(seconds=1.0, path_contains="/markets")
    with pytest.raises(kalshi.ApiTimeoutError):
        desk.alice.with_options(timeout=(2, 0.2)).markets.list()
    assert len(desk.alice.markets.list()) > 0  # the original's timeout is still its own


def test_with_options_refuses_settings_of_the_shared_pools_and_unknown_names(desk: Desk) -> None:
    with pytest.raises(kalshi.ApiValueError, match="with_options\\(\\) cannot change 'proxy'"):
        desk.alice.with_options(proxy="http://127.0.0.1:3128")
    with pytest.raises(kalshi.ApiValueError, match="cannot change 'verify_ssl'"):
        desk.alice.with_options(verify_ssl=False)
    with pytest.raises(kalshi.ApiTypeError, match="unexpected option 'retry'"):
        desk.alice.with_options(retry=1)  # type: ignore[call-arg]
    with pytest.raises(kalshi.ApiValueError, match="timeout"):
        desk.alice.with_options(timeout=-1)


def test_closing_a_client_closes_its_copies_and_context_manager_closes(desk: Desk) -> None:
    with trader(desk.server, *ALICE) as client:
        copy = client.with_options(deadline=5)
        assert copy.balance() == 100_000
    with pytest.raises(kalshi.ApiClientClosedError):
        copy.balance()
    with pytest.raises(kalshi.ApiClientClosedError):
        client.markets.list()
    client.close()  # twice is fine

    other = trader(desk.server, *ALICE)
    other.with_options(deadline=5).close()
    with pytest.raises(kalshi.ApiClientClosedError):
        other.markets.list()


def test_repr_and_attributes_show_no_secret(desk: Desk) -> None:
    client = desk.alice
    assert ALICE[1] not in repr(client)
    assert repr(client) == f"<Kalshi host={desk.server.host!r} user_id=None>"
    assert isinstance(client.api_client, kalshi.ApiClient)
    client.balance()
    assert repr(client).endswith(f"user_id={desk.alice_id!r}>")


def test_a_wrong_password_is_the_servers_refusal(desk: Desk) -> None:
    with kalshi.Kalshi(ALICE[0], "not-her-password", host=desk.server.host, retries=0) as client:
        with pytest.raises(kalshi.ApiException):
            client.balance()


def test_the_demo_user_trades_through_the_shared_fake(server: FakeKalshiServer) -> None:
    with kalshi.Kalshi(kalshi.testing.DEMO_EMAIL, kalshi.testing.DEMO_PASSWORD, host=server.host) as client:
        assert client.user_id == kalshi.testing.DEMO_USER_ID
        assert client.exchange.status().trading_active is True
