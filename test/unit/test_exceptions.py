"""The exception tree, status mapping, and what an ApiException keeps and shows."""

from __future__ import annotations

import copy
import email.utils
import json
import pickle
import time
from typing import Any, Dict

import pytest

import kalshi
from kalshi.exceptions import (
    ApiAttributeError,
    ApiConnectionError,
    ApiDecodeError,
    ApiException,
    ApiKeyError,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    BadRequestException,
    ForbiddenException,
    NotFoundException,
    OpenApiException,
    ServiceException,
    TooManyRequestsException,
    UnauthorizedException,
    exception_for_status,
)

ERROR_BODY = {"code": "invalid_parameters", "message": "page_size too big", "details": "max 50", "service": "api"}


# --------------------------------------------------------------------------- the tree


@pytest.mark.parametrize(
    "child, parent",
    [
        (ApiTypeError, OpenApiException),
        (ApiTypeError, TypeError),
        (ApiValueError, OpenApiException),
        (ApiValueError, ValueError),
        (ApiKeyError, OpenApiException),
        (ApiKeyError, KeyError),
        (ApiAttributeError, OpenApiException),
        (ApiAttributeError, AttributeError),
        (ApiConnectionError, OpenApiException),
        (ApiTimeoutError, ApiConnectionError),
        (ApiTimeoutError, OpenApiException),
        (ApiException, OpenApiException),
        (BadRequestException, ApiException),
        (UnauthorizedException, ApiException),
        (ForbiddenException, ApiException),
        (NotFoundException, ApiException),
        (TooManyRequestsException, ApiException),
        (ServiceException, ApiException),
        (ApiDecodeError, ApiException),
        (OpenApiException, Exception),
    ],
)
def test_documented_subclass_relations(child: type, parent: type) -> None:
    assert issubclass(child, parent)


@pytest.mark.parametrize(
    "one, other",
    [
        (ApiConnectionError, ApiException),
        (ApiException, ApiConnectionError),
        (ApiTimeoutError, ApiException),
        (ApiTypeError, ValueError),
        (ApiValueError, TypeError),
        (NotFoundException, ServiceException),
    ],
)
def test_branches_do_not_overlap(one: type, other: type) -> None:
    assert not issubclass(one, other)


def test_exceptions_are_exported_from_the_package() -> None:
    assert kalshi.ApiException is ApiException
    assert kalshi.ApiTimeoutError is ApiTimeoutError
    assert kalshi.NotFoundException is NotFoundException


# --------------------------------------------------------------------------- status mapping


@pytest.mark.parametrize(
    "status, cls",
    [
        (400, BadRequestException),
        (401, UnauthorizedException),
        (403, ForbiddenException),
        (404, NotFoundException),
        (429, TooManyRequestsException),
        (500, ServiceException),
        (502, ServiceException),
        (503, ServiceException),
        (599, ServiceException),
        (418, ApiException),
        (409, ApiException),
        (600, ApiException),
    ],
)
def test_exception_for_status(status: int, cls: type) -> None:
    assert exception_for_status(status) is cls


# --------------------------------------------------------------------------- fields


def test_json_error_fields_come_from_a_json_body() -> None:
    error = BadRequestException(
        400, "Bad Request", json.dumps(ERROR_BODY).encode(), {"Content-Type": "application/json"}
    )

    assert (error.code, error.message, error.details, error.service) == (
        "invalid_parameters",
        "page_size too big",
        "max 50",
        "api",
    )
    assert error.status == 400
    assert error.reason == "Bad Request"
    assert error.body == json.dumps(ERROR_BODY)
    assert error.headers == {"Content-Type": "application/json"}


def test_json_error_fields_fall_back_to_response_headers() -> None:
    headers = {"code": "h-code", "message": "h-message", "details": "h-details", "service": "h-service"}

    error = ServiceException(500, "Internal Server Error", b"<html>oops</html>", headers)

    assert (error.code, error.message, error.details, error.service) == (
        "h-code",
        "h-message",
        "h-details",
        "h-service",
    )


def test_body_fields_win_over_headers_and_headers_fill_the_gaps() -> None:
    body = json.dumps({"code": "body-code", "message": "body-message"}).encode()

    error = ApiException(400, "Bad Request", body, {"code": "h-code", "service": "h-service"})

    assert (error.code, error.message, error.details, error.service) == ("body-code", "body-message", None, "h-service")


def test_no_fields_anywhere_gives_none() -> None:
    error = ApiException(502, "Bad Gateway", b"upstream down", {})

    assert (error.code, error.message, error.details, error.service) == (None, None, None, None)


def test_str_is_short_and_one_line() -> None:
    body = ("a very long error page line\n" * 200).encode()

    text = str(ServiceException(503, "Service Unavailable", body, {}, method="GET", url="http://127.0.0.1/v1/x"))

    assert "\n" not in text
    assert len(text) < 400
    assert "503" in text and "Service Unavailable" in text
    assert "GET http://127.0.0.1/v1/x" in text


def test_str_names_status_reason_code_and_message() -> None:
    text = str(BadRequestException(400, "Bad Request", json.dumps(ERROR_BODY).encode(), {}))

    assert text == "(400) Bad Request: invalid_parameters: page_size too big"


def test_generated_style_keyword_construction() -> None:
    error = ApiException(status=404, reason="Not Found")

    assert error.status == 404 and error.reason == "Not Found"
    assert error.body is None and error.headers == {}
    assert str(error) == "(404) Not Found"


def test_generated_style_positional_construction() -> None:
    error = ApiException(400, "Bad Request", b'{"code": "c", "message": "m"}', {"X-Request-Id": "r1"})

    assert (error.status, error.reason, error.body) == (400, "Bad Request", '{"code": "c", "message": "m"}')
    assert error.headers["X-Request-Id"] == "r1"
    assert (error.code, error.message) == ("c", "m")


class _FakeHttpResponse:
    status = 401
    reason = "Unauthorized"
    data = b'{"code": "unauthorized", "message": "expired"}'
    headers: Dict[str, Any] = {"Content-Type": "application/json"}


def test_generated_style_http_resp_construction() -> None:
    error = UnauthorizedException(http_resp=_FakeHttpResponse())

    assert (error.status, error.reason, error.code, error.message) == (401, "Unauthorized", "unauthorized", "expired")
    assert error.headers == {"Content-Type": "application/json"}


def test_exception_without_a_status() -> None:
    assert str(ApiException()) == "(no status)"


def test_path_errors_render_their_path() -> None:
    error = ApiTypeError("wrong type", path_to_item=["entries", 2, "data", "Trade", "price"])

    assert str(error) == "wrong type (at entries[2].data.Trade.price)"
    assert error.path_to_item == ["entries", 2, "data", "Trade", "price"]


def test_api_key_error_str_is_the_plain_message() -> None:
    assert str(ApiKeyError("no such key")) == "no such key"


def test_decode_error_names_the_problem() -> None:
    error = ApiDecodeError(200, "OK", b"{not json", {})

    assert error.status == 200 and error.body == "{not json"
    assert "not valid JSON" in str(error)


def test_connection_error_keeps_host_method_and_url() -> None:
    error = ApiTimeoutError("timed out", host="h:1", method="GET", url="http://h:1/v1")

    assert (error.host, error.method, error.url) == ("h:1", "GET", "http://h:1/v1")
    assert str(error) == "timed out"


# --------------------------------------------------------------------------- Retry-After


def test_retry_after_from_seconds() -> None:
    assert TooManyRequestsException(429, "Too Many Requests", b"", {"Retry-After": "7"}).retry_after == 7.0


def test_retry_after_from_an_http_date() -> None:
    later = email.utils.formatdate(time.time() + 3600, usegmt=True)

    retry_after = TooManyRequestsException(429, "Too Many Requests", b"", {"Retry-After": later}).retry_after

    assert retry_after is not None
    assert 3000 < retry_after <= 3600


def test_retry_after_from_a_past_http_date_is_zero() -> None:
    assert TooManyRequestsException(429, None, b"", {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}).retry_after == 0.0


@pytest.mark.parametrize("headers", [{}, {"Retry-After": ""}, {"Retry-After": "soon"}])
def test_retry_after_absent_or_unreadable_is_none(headers: Dict[str, str]) -> None:
    assert TooManyRequestsException(429, "Too Many Requests", b"", headers).retry_after is None


# --------------------------------------------------------------------------- copying


def test_api_exception_survives_pickling_and_copying() -> None:
    error = NotFoundException(404, "Not Found", json.dumps(ERROR_BODY).encode(), {"X-Id": "1"}, method="GET", url="u")

    for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
        assert type(clone) is NotFoundException
        assert (clone.status, clone.reason, clone.body, clone.code, clone.method) == (
            404,
            "Not Found",
            json.dumps(ERROR_BODY),
            "invalid_parameters",
            "GET",
        )
        assert clone.headers == {"X-Id": "1"}
        assert str(clone) == str(error)


def test_connection_error_survives_pickling() -> None:
    error = ApiTimeoutError("timed out", host="h:1", method="GET", url="http://h:1/v1")

    clone = pickle.loads(pickle.dumps(error))

    assert type(clone) is ApiTimeoutError
    assert (clone.host, clone.method, clone.url, str(clone)) == ("h:1", "GET", "http://h:1/v1", "timed out")


# --------------------------------------------------------------------------- safe text and scrubbing


from kalshi._common.text import one_line, safe_text, scrub, secret_forms  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain", "plain"),
        ("two\nlines", "two lines"),
        ("tab\there", "tab here"),
        ("nul\x00byte", "nul\\x00byte"),
        ("esc\x1b[31m", "esc\\x1b[31m"),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
        ("bidi \u202e override", "bidi \\u202e override"),
        ("caf\u00e9 \u20ac ok", "caf\u00e9 \u20ac ok"),
    ],
)
def test_one_line_makes_text_printable(text: str, expected: str) -> None:
    assert one_line(text) == expected


def test_one_line_is_bounded() -> None:
    out = one_line("\n" * 10_000 + "x" * 10_000, limit=100)
    assert len(out) == 100 and out.endswith("...")


def test_scrub_replaces_every_form_of_a_secret() -> None:
    secrets = secret_forms(['pa"ss\\word', "t0k", "ab", None, ""])
    text = 'password pa"ss\\word, json "pa\\"ss\\\\word", token t0k, short ab'
    out = scrub(text, secrets)
    assert 'pa"ss' not in out and "t0k" not in out
    assert "ab" in out  # too short to scrub without wrecking the text
    assert out.count("<redacted>") == 3


def test_secrets_are_scrubbed_from_str_repr_and_args_but_kept_in_the_body() -> None:
    body = json.dumps({"code": "denied", "message": "password hunter22 refused"}).encode()
    error = ForbiddenException(403, "Forbidden", body, {}, secrets=["hunter22"])
    for text in (str(error), repr(error), *map(str, error.args)):
        assert "hunter22" not in text
    assert error.body is not None and error.message is not None
    assert "hunter22" in error.body and "hunter22" in error.message
    clone = pickle.loads(pickle.dumps(error))
    assert "hunter22" not in str(clone)
    assert "hunter22" not in repr(vars(error).get("_text"))


def test_connection_errors_scrub_too() -> None:
    error = ApiConnectionError("proxy http://u:hunter22@p failed\nsecond line", secrets=["hunter22"])
    assert str(error) == "proxy http://u:<redacted>@p failed second line"


def test_safe_text_scrubs_before_cutting() -> None:
    out = safe_text("x" * 95 + "hunter22", secret_forms(["hunter22"]), limit=100)
    assert "hunt" not in out
