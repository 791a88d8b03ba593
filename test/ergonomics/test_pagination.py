"""AccountApi.iter_notifications over real sockets against the fake exchange."""

from __future__ import annotations

from typing import Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer, make_notifications

EMAIL, PASSWORD = "pager@example.com", "pager-password"


@pytest.fixture()
def fake() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        yield server


def _client(server: FakeKalshiServer, email: str = DEMO_EMAIL, password: str = PASSWORD) -> kalshi.ApiClient:
    client = kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0))
    client.login(email, DEMO_PASSWORD if email == DEMO_EMAIL else password)
    return client


def _pages_requested(server: FakeKalshiServer) -> list[tuple[str, str]]:
    return [
        (r.query["page_size"][0], r.query["page_number"][0])
        for r in server.requests
        if r.raw_path.endswith("/notifications")
    ]


@pytest.mark.parametrize(
    ("count", "page_size", "expected_pages"),
    [
        (12, 5, [("5", "1"), ("5", "2"), ("5", "3")]),  # 5 + 5 + 2: stops after the short page
        (10, 5, [("5", "1"), ("5", "2"), ("5", "3")]),  # 5 + 5 + 0: an exact boundary needs the empty page
        (3, 50, [("50", "1")]),
        (0, 50, [("50", "1")]),  # an empty account: one request, nothing yielded
    ],
)
def test_pages_until_a_short_or_empty_page(
    fake: FakeKalshiServer, count: int, page_size: int, expected_pages: list[tuple[str, str]]
) -> None:
    user_id = fake.add_user(EMAIL, PASSWORD, notifications=make_notifications(count, "placeholder"))
    with _client(fake, EMAIL) as client:
        fake.clear_requests()
        got = list(AccountApi(client).iter_notifications(user_id, page_size=page_size))

    assert [n.id for n in got] == [n["id"] for n in fake.notifications_of(user_id)]
    assert len(got) == count
    assert _pages_requested(fake) == expected_pages


def test_is_lazy_a_page_is_fetched_only_when_reached(fake: FakeKalshiServer) -> None:
    with _client(fake) as client:
        fake.clear_requests()
        notifications = AccountApi(client).iter_notifications(client.user_id or "", page_size=5)
        assert fake.requests == []  # nothing sent before iterating
        first = [next(notifications) for _ in range(5)]
        assert len(_pages_requested(fake)) == 1
        sixth = next(notifications)
        assert len(_pages_requested(fake)) == 2

    assert len({n.id for n in [*first, sixth]}) == 6


def test_start_page_skips_earlier_pages(fake: FakeKalshiServer) -> None:
    with _client(fake) as client:
        everything = list(AccountApi(client).iter_notifications(client.user_id or "", page_size=5))
        fake.clear_requests()
        later = list(AccountApi(client).iter_notifications(client.user_id or "", page_size=5, start_page=2))

    assert [n.id for n in later] == [n.id for n in everything[5:]]
    assert _pages_requested(fake)[0] == ("5", "2")


def test_a_failing_page_raises_and_stops(fake: FakeKalshiServer) -> None:
    with _client(fake) as client:
        notifications = AccountApi(client).iter_notifications(client.user_id or "", page_size=5)
        first_page = [next(notifications) for _ in range(5)]
        fake.fail_next(1, 500, path_contains="/notifications")
        with pytest.raises(kalshi.ServiceException) as info:
            next(notifications)
        with pytest.raises(StopIteration):
            next(notifications)  # a generator that raised is finished

    assert len(first_page) == 5
    assert info.value.status == 500


def test_options_apply_to_every_page(fake: FakeKalshiServer) -> None:
    with _client(fake) as client:
        fake.delay_next(1, seconds=1.0, path_contains="/notifications")
        notifications = AccountApi(client).iter_notifications(
            client.user_id or "", page_size=5, _request_timeout=0.2
        )
        with pytest.raises(kalshi.ApiTimeoutError):
            next(notifications)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"page_size": 51}, kalshi.ApiValueError),
        ({"page_size": "5"}, kalshi.ApiTypeError),
        ({"start_page": 0}, kalshi.ApiTypeError),
        ({"async_req": True}, kalshi.ApiTypeError),
    ],
)
def test_bad_arguments_raise_at_the_call_before_anything_is_sent(
    fake: FakeKalshiServer, kwargs: dict[str, object], error: type[Exception]
) -> None:
    with _client(fake) as client:
        fake.clear_requests()
        with pytest.raises(error):
            AccountApi(client).iter_notifications(client.user_id or "", **kwargs)  # type: ignore[arg-type]
        assert fake.requests == []
