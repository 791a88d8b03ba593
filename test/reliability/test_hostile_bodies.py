"""Bodies built to break the decoder become ApiDecodeError, with status, headers and a bounded excerpt."""

from __future__ import annotations

import json

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

PREFERENCES_PATH = "/notifications/preferences"

HOSTILE = {
    "nested-100000-arrays": b"[" * 100_000 + b"]" * 100_000,
    "nested-100000-objects": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "invalid-utf8": b'{"preferences": {"subscription_level": "\xff\xfe"}}',
    "lone-surrogate-bytes": b'{"preferences": "\xed\xa0\x80"}',
    "nul-bytes": b"\x00" * 1000,
    "truncated-json": b'{"preferences": {"subscription_level": "ba',
    "huge-garbage": b"<html>" + b"x" * 1_000_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_body_is_a_decode_error(fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, name: str) -> None:
    body = HOSTILE[name]
    fake.respond_next(1, 200, body, headers={"X-Trace": "t-1"}, path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.ApiDecodeError) as caught:
        AccountApi(keyed_client).get_notification_preferences(DEMO_USER_ID)
    error = caught.value
    assert error.status == 200
    assert error.headers.get("X-Trace") == "t-1"
    assert error.body is not None and len(error.body) >= len(body) // 2  # the whole body is kept
    text = str(error)
    assert "\n" not in text and text.isprintable() and len(text) <= 1000
    text.encode("utf-8")  # no unpaired surrogate
    assert fake.request_count == 1


@pytest.mark.parametrize(
    "body",
    [b"[]", b'"a string"', b"42", b"null", b'{"preferences": []}', b'{"preferences": {"subscription_level": 7}}'],
    ids=["list", "string", "number", "null", "wrong-field-shape", "wrong-field-type"],
)
def test_a_body_of_the_wrong_shape_is_a_typed_error(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient, body: bytes
) -> None:
    fake.respond_next(1, 200, body, path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.OpenApiException) as caught:
        AccountApi(keyed_client).get_notification_preferences(DEMO_USER_ID)
    assert isinstance(caught.value, (kalshi.ApiDecodeError, kalshi.ApiTypeError, kalshi.ApiValueError))
    text = str(caught.value)
    assert "\n" not in text and len(text) <= 1000


def test_deep_nesting_in_an_error_body_keeps_the_status_exception(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    fake.fail_next(1, 400, body=b"[" * 100_000, path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.BadRequestException) as caught:
        AccountApi(keyed_client).get_notification_preferences(DEMO_USER_ID)
    assert caught.value.code is None
    assert len(str(caught.value)) <= 1000


def test_a_json_error_message_of_a_megabyte_gives_a_bounded_str(
    fake: FakeKalshiServer, keyed_client: kalshi.ApiClient
) -> None:
    body = json.dumps({"code": "x", "message": "m" * 1_000_000}).encode()
    fake.fail_next(1, 400, body=body, path_contains=PREFERENCES_PATH)
    with pytest.raises(kalshi.BadRequestException) as caught:
        AccountApi(keyed_client).get_notification_preferences(DEMO_USER_ID)
    assert len(str(caught.value)) <= 1000
    assert len(repr(caught.value)) <= 1100
    assert caught.value.message == "m" * 1_000_000  # the attribute keeps it whole
