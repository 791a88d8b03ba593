"""Retries: which statuses heal without user code, how many attempts, how long, and what is raised."""

from __future__ import annotations

import email.utils
import json
import time
from types import SimpleNamespace
from typing import Any, Callable, List

import pytest
import urllib3
import urllib3.util.retry as retry_module
from urllib3.response import HTTPResponse

import kalshi
from kalshi import rest
from kalshi._common.constants import DEFAULT_MAX_RETRIES
from kalshi._transport import retry as policy_module
from kalshi.api.account_api import AccountApi
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.rest import KalshiRetry, make_retry
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

RETRIED = [429, 500, 502, 503, 504]
EXCEPTION_FOR = {
    429: kalshi.TooManyRequestsException,
    500: kalshi.ServiceException,
    502: kalshi.ServiceException,
    503: kalshi.ServiceException,
    504: kalshi.ServiceException,
}


def _assert_sdk_exception(error: BaseException) -> None:
    """Raised errors are the SDK's own: no urllib3 class anywhere in their type's MRO."""
    assert not isinstance(error, urllib3.exceptions.HTTPError)
    assert all("urllib3" not in cls.__module__ for cls in type(error).__mro__)
    assert type(error).__module__.startswith("kalshi")


def _get(api_client: kalshi.ApiClient) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)


def _put(api_client: kalshi.ApiClient, level: str = "basic") -> Any:
    return AccountApi(api_client).change_subscription(
        DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level=level)
    )


# --------------------------------------------------------------------------- healing


@pytest.mark.parametrize("status", RETRIED)
def test_get_heals_after_two_error_statuses(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, status: int
) -> None:
    fake.fail_next(2, status)
    result = _get(keyed_client)
    assert result.preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.request_count == 3


@pytest.mark.parametrize("status", RETRIED)
def test_put_heals_after_two_error_statuses_and_resends_the_body(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, status: int
) -> None:
    assert fake.subscription_level_of(DEMO_USER_ID) != "none"
    fake.fail_next(2, status)
    assert _put(keyed_client, "none") is None
    assert fake.subscription_level_of(DEMO_USER_ID) == "none"
    requests = fake.requests
    assert len(requests) == 3
    assert {(r.method, r.raw_path) for r in requests} == {("PUT", f"/v1/users/{DEMO_USER_ID}/subscribe")}
    assert [json.loads(r.body) for r in requests] == [{"subscription_level": "none"}] * 3


# --------------------------------------------------------------------------- exhausted


@pytest.mark.parametrize("method", ["GET", "PUT"])
def test_exhausted_503_gives_four_requests_then_service_exception(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, method: str
) -> None:
    fake.fail_next(10, 503)
    started = time.monotonic()
    with pytest.raises(kalshi.ServiceException) as caught:
        _get(keyed_client) if method == "GET" else _put(keyed_client)
    assert time.monotonic() - started < 1.0  # tiny backoff factor: the run is bounded
    assert fake.request_count == 4  # 1 + 3 retries
    error = caught.value
    assert error.status == 503
    assert error.method == method
    _assert_sdk_exception(error)


def test_exhausted_429_raises_too_many_requests_with_the_last_retry_after(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    fake.fail_next(3, 429, retry_after="0")
    fake.fail_next(1, 429, retry_after="7")
    started = time.monotonic()
    with pytest.raises(kalshi.TooManyRequestsException) as caught:
        _get(keyed_client)
    assert time.monotonic() - started < 2.0  # nothing waits out the last response's Retry-After
    assert fake.request_count == 4
    assert caught.value.status == 429
    assert caught.value.retry_after == 7.0
    _assert_sdk_exception(caught.value)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_of_one_second_is_honoured(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, status: int
) -> None:
    fake.fail_next(1, status, retry_after="1")
    started = time.monotonic()
    result = _get(keyed_client)
    elapsed = time.monotonic() - started
    assert result.preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.request_count == 2
    assert 0.9 <= elapsed < 3.0


# --------------------------------------------------------------------------- POST is never retried on a status


@pytest.mark.parametrize("status", RETRIED)
def test_log_in_is_not_retried_on_a_status(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], status: int
) -> None:
    api_client = new_client(fake)
    fake.fail_next(5, status, retry_after="0", path_contains="/log_in")
    with pytest.raises(EXCEPTION_FOR[status]) as caught:
        api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert caught.value.status == status
    assert fake.request_count == 1
    assert fake.login_count == 0
    assert api_client.user_id is None


@pytest.mark.parametrize("status", RETRIED)
def test_log_out_is_not_retried_on_a_status(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], status: int
) -> None:
    api_client = new_client(fake, login=True)
    fake.clear_requests()
    fake.fail_next(5, status, retry_after="0", path_contains="/log_out")
    with pytest.raises(EXCEPTION_FOR[status]):
        api_client.logout()
    assert [r.raw_path for r in fake.requests] == ["/v1/log_out"]


# --------------------------------------------------------------------------- configuring the policy


def test_retries_zero_turns_retrying_off(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, retries=0)
    fake.fail_next(3, 503)
    with pytest.raises(kalshi.ServiceException) as caught:
        _get(api_client)
    assert fake.request_count == 1
    _assert_sdk_exception(caught.value)


def test_a_urllib3_retry_replaces_the_policy(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    policy = urllib3.util.Retry(total=1, status_forcelist=[503], allowed_methods=["GET"], backoff_factor=0)
    api_client = new_client(fake, api_key=demo_key, retries=policy)
    fake.fail_next(10, 503)
    with pytest.raises(kalshi.ServiceException) as caught:
        _get(api_client)
    assert fake.request_count == 2
    assert caught.value.status == 503
    _assert_sdk_exception(caught.value)


def test_a_urllib3_retry_heals_when_it_allows_enough_attempts(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    policy = urllib3.util.Retry(total=1, status_forcelist=[503], allowed_methods=["GET"], backoff_factor=0)
    api_client = new_client(fake, api_key=demo_key, retries=policy)
    fake.fail_next(1, 503)
    assert _get(api_client).preferences.subscription_level == fake.subscription_level_of(DEMO_USER_ID)
    assert fake.request_count == 2


# --------------------------------------------------------------------------- pure arithmetic


def _response(status: int = 503, **headers: str) -> HTTPResponse:
    return HTTPResponse(body=b"", headers=headers, status=status, preload_content=False)


@pytest.mark.parametrize("value", ["3600", "http-date-in-a-day"])
def test_retry_after_is_capped_at_sixty_seconds(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str,
    monkeypatch: pytest.MonkeyPatch, value: str,
) -> None:
    assert policy_module.MAX_RETRY_AFTER == 60.0
    slept: List[float] = []
    monkeypatch.setattr(rest, "sleep", slept.append)  # the loop's sleep, recorded instead of waited
    api_client = new_client(fake, api_key=demo_key, deadline=120)
    if value == "http-date-in-a-day":
        value = email.utils.formatdate(time.time() + 86400, usegmt=True)
    fake.fail_next(1, 429, retry_after=value)
    _get(api_client)
    assert slept == [60.0]
    assert fake.request_count == 2


def _sleeps_for_consecutive_errors(monkeypatch: pytest.MonkeyPatch, count: int) -> List[float]:
    """What the policy sleeps before each retry of ``count`` consecutive 503s (0: no sleep)."""
    slept: List[float] = []
    monkeypatch.setattr(retry_module, "time", SimpleNamespace(sleep=slept.append, time=time.time))
    retry = make_retry(count)
    sleeps = []
    for _ in range(count):
        retry = retry.increment(method="GET", url="/v1/x", response=_response(503))
        assert isinstance(retry, KalshiRetry)
        before = len(slept)
        retry.sleep(_response(503))
        sleeps.append(slept[before] if len(slept) > before else 0.0)
    return sleeps


def test_default_backoff_is_exponential_capped_and_jittered(
    monkeypatch: pytest.MonkeyPatch, real_backoff_factor: float
) -> None:
    monkeypatch.setattr(policy_module, "DEFAULT_BACKOFF_FACTOR", real_backoff_factor)
    factor, cap = real_backoff_factor, policy_module.DEFAULT_BACKOFF_MAX
    count = 10
    expected = [0.0] + [min(factor * 2 ** (n - 1), cap) for n in range(2, count + 1)]
    assert expected[-1] == cap  # long enough to reach the cap

    monkeypatch.setattr(KalshiRetry, "_jitter", lambda self: 1.0)
    assert _sleeps_for_consecutive_errors(monkeypatch, count) == pytest.approx(expected)
    # The default 3 retries of an exhausted run sleep at most this long in total.
    assert sum(_sleeps_for_consecutive_errors(monkeypatch, DEFAULT_MAX_RETRIES)) == pytest.approx(
        sum(expected[: DEFAULT_MAX_RETRIES])
    )

    monkeypatch.undo()
    monkeypatch.setattr(policy_module, "DEFAULT_BACKOFF_FACTOR", real_backoff_factor)
    ratios = []
    for _ in range(50):
        for got, base in zip(_sleeps_for_consecutive_errors(monkeypatch, count), expected):
            if base:
                assert 0.5 * base <= got <= 1.0 * base
                ratios.append(got / base)
            else:
                assert got == 0.0
    assert min(ratios) < 0.6 and max(ratios) > 0.9  # really spread over [0.5, 1.0]
