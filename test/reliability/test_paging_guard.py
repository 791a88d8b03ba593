"""Runaway paging: a server that ignores page_number ends in ApiPagingError; max_pages bounds any iteration."""

from __future__ import annotations

import json
import time
from typing import Any, List

import pytest

import kalshi
from kalshi._call.paging import iter_pages
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

NOTIFICATIONS = "/notifications"


def test_a_server_repeating_a_full_page_ends_in_a_paging_error(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    first_page = {"notifications": fake.notifications_of(DEMO_USER_ID)[:5]}
    fake.respond_next(50, 200, json.dumps(first_page).encode(), path_contains=NOTIFICATIONS)
    seen: List[Any] = []
    started = time.monotonic()
    with pytest.raises(kalshi.exceptions.ApiPagingError) as caught:
        for notification in AccountApi(keyed_client).iter_notifications(DEMO_USER_ID, page_size=5):
            seen.append(notification.id)
    assert time.monotonic() - started < 2.0
    assert seen == [n["id"] for n in first_page["notifications"]]  # the first page, once
    assert caught.value.page == 2
    assert fake.request_count == 2
    assert "page 2 repeats page 1" in str(caught.value)
    fake.clear_faults()


def test_max_pages_stops_the_iteration(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient) -> None:
    got = list(AccountApi(keyed_client).iter_notifications(DEMO_USER_ID, page_size=5, max_pages=2))
    assert len(got) == 10
    assert fake.request_count == 2


def test_max_pages_bounds_a_server_that_varies_its_pages(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    notifications = fake.notifications_of(DEMO_USER_ID)
    for i in range(6):  # never a short page, never the same page twice: only max_pages ends it
        page = {"notifications": notifications[i : i + 5]}
        fake.respond_next(1, 200, json.dumps(page).encode(), path_contains=NOTIFICATIONS)
    got = list(AccountApi(keyed_client).iter_notifications(DEMO_USER_ID, page_size=5, max_pages=4))
    assert len(got) == 20
    assert fake.request_count == 4
    fake.clear_faults()


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_a_bad_max_pages_is_refused_before_sending(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, bad: Any
) -> None:
    with pytest.raises(kalshi.ApiValueError, match="max_pages"):
        AccountApi(keyed_client).iter_notifications(DEMO_USER_ID, max_pages=bad)
    assert fake.request_count == 0


def test_iter_pages_generic_behaviour() -> None:
    pages = {1: [1, 2], 2: [3, 4], 3: [5]}
    fetched: List[int] = []

    def fetch(number: int) -> List[int]:
        fetched.append(number)
        return pages.get(number, [])

    assert list(iter_pages(fetch, page_size=2)) == [1, 2, 3, 4, 5]
    assert fetched == [1, 2, 3]
    fetched.clear()
    assert list(iter_pages(fetch, page_size=2, start_page=2)) == [3, 4, 5]
    assert list(iter_pages(fetch, page_size=2, max_pages=1)) == [1, 2]
    assert list(iter_pages(lambda n: [], page_size=2)) == []
    repeating = iter_pages(lambda n: [7, 7], page_size=2, what="iter_things")
    assert next(repeating) == 7 and next(repeating) == 7
    with pytest.raises(kalshi.exceptions.ApiPagingError, match="iter_things: page 2 repeats page 1"):
        next(repeating)
