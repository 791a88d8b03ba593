"""Retry-After: a table of values, and what a retrying client does with each over a real socket."""

from __future__ import annotations

import email.utils
import time
from typing import Any, Callable, Optional, Type

import pytest

import kalshi
from kalshi._common.retry_after import parse_retry_after
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer


def _http_date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("7", 7.0),
        ("0", 0.0),
        (" 3 ", 3.0),
        ("1.5", 1.5),  # decimal seconds: not RFC 9110, but unambiguous; accepted
        ("0.25", 0.25),
        ("+2", 2.0),
        ("-5", None),  # negative: fall back to the backoff
        ("-0.5", None),
        ("nan", None),
        ("inf", None),
        ("1e400", None),  # overflows to infinity
        ("soon", None),
        ("", None),
        (None, None),
        ("5 seconds", None),
        ("0x10", None),
        ("Wed, 99 Foo 2015 07:28:00 GMT", None),  # a date that is not one
        ("99999999999", 99999999999.0),  # huge: returned as is, capped where it is slept
    ],
)
def test_retry_after_table(value: Optional[str], expected: Optional[float]) -> None:
    assert parse_retry_after(value) == expected


def test_retry_after_http_dates() -> None:
    assert parse_retry_after(_http_date(30)) == pytest.approx(30, abs=2)
    assert parse_retry_after(_http_date(-3600)) == 0.0  # in the past: retry now
    assert parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT") == 0.0


def _get(api_client: kalshi.ApiClient) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)


@pytest.mark.parametrize("value", ["1.5", "-5", "soon", "nan", "1e400", "Wed, 99 Foo 2015"])
@pytest.mark.parametrize("status", [429, 503])
def test_an_odd_retry_after_still_heals(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, value: str, status: int
) -> None:
    fake.fail_next(1, status, retry_after=value if value != "1.5" else "0.1")
    started = time.monotonic()
    assert _get(keyed_client).preferences.subscription_level
    assert fake.request_count == 2
    assert time.monotonic() - started < 2.0  # the huge one is not slept: capped, then cut by the deadline


@pytest.mark.parametrize("value", ["1.5", "-5", "soon", "nan"])
@pytest.mark.parametrize("status, exception", [(429, kalshi.TooManyRequestsException), (503, kalshi.ServiceException)])
def test_exhausted_with_an_odd_retry_after_raises_the_status_exception(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, value: str, status: int,
    exception: Type[kalshi.ApiException],
) -> None:
    api_client = new_client(fake, api_key=demo_key, retries=2)
    fake.fail_next(10, status, retry_after="0.01" if value == "1.5" else value)
    with pytest.raises(exception) as caught:
        _get(api_client)
    assert not isinstance(caught.value, kalshi.ApiConnectionError)
    assert caught.value.status == status
    assert fake.request_count == 3


def test_a_decimal_retry_after_is_slept(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    fake.fail_next(1, 503, retry_after="0.6")
    started = time.monotonic()
    _get(keyed_client)
    assert 0.55 <= time.monotonic() - started < 2.0


def test_a_huge_retry_after_is_not_slept_past_the_deadline(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, deadline=5)
    fake.fail_next(1, 429, retry_after="86400")
    started = time.monotonic()
    with pytest.raises(kalshi.TooManyRequestsException) as caught:
        _get(api_client)
    assert time.monotonic() - started < 1.0
    assert caught.value.retry_after == 86400.0
    assert fake.request_count == 1
