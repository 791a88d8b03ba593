"""No password, token or Authorization value in logs, output, reprs or error messages; sane logging."""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable, List

import pytest
import urllib3

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.model.change_subscription_request import ChangeSubscriptionRequest
from kalshi.model.login_request import LoginRequest
from kalshi.model.login_response import LoginResponse
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

REPO = Path(__file__).resolve().parents[2]
DEBUG_LINE = re.compile(
    r"^(?P<method>GET|PUT|POST) (?P<url>\S+) -> (?P<status>\d{3}) [A-Za-z ]+"
    r" in \d+(\.\d+)? ms \(attempt (?P<attempt>\d+)\)$"
)


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="kalshi")
    caplog.set_level(logging.DEBUG, logger="urllib3")
    return caplog


def _texts(error: BaseException) -> List[str]:
    return [str(error), repr(error), " ".join(str(a) for a in error.args)]


def test_a_whole_debug_session_never_shows_a_secret(
    fake: FakeKalshiServer,
    closed_port: int,
    debug_logs: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    notification_id: str,
) -> None:
    seen: List[str] = []
    tokens: List[str] = []
    configuration = kalshi.Configuration(host=fake.host, debug=True)
    with kalshi.ApiClient(configuration) as api_client:
        api = AccountApi(api_client)
        login = api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        tokens.append(login.token)
        seen += [repr(login), str(login), login.to_str(), repr(api_client), str(api_client)]

        api.user_get_account_history(
            DEMO_USER_ID,
            should_return_deposits=True,
            should_return_withdrawals=True,
            should_return_orders=True,
            should_return_settlements=True,
            should_return_trades=True,
            limit=5,
        )
        api.user_get_notifications(DEMO_USER_ID, page_size=5, page_number=1)
        api.get_notification_preferences(DEMO_USER_ID)
        api.notification_mark_read(DEMO_USER_ID, notification_id)
        api.change_subscription(
            DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic")
        )
        fake.fail_next(1, 503)  # a retry, so urllib3 logs its Retry objects too
        api.get_notification_preferences(DEMO_USER_ID)

        with pytest.raises(kalshi.BadRequestException) as bad_request:
            api.change_subscription(
                DEMO_USER_ID, change_subscription_request=ChangeSubscriptionRequest(subscription_level="loud")
            )
        seen += _texts(bad_request.value)
        with pytest.raises(kalshi.NotFoundException) as not_found:
            api.notification_mark_read(DEMO_USER_ID, "no-such-notification")
        seen += _texts(not_found.value)

        # A server that echoes the credentials back in an error body without code or message,
        # so the message quotes the body: a 400, and a 200 that is not valid JSON.
        echo = json.dumps({"error": "rejected", "password": DEMO_PASSWORD, "token": login.token}).encode()
        fake.fail_next(1, 400, body=echo, path_contains="/log_in")
        with pytest.raises(kalshi.BadRequestException) as echoed:
            api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        seen += _texts(echoed.value)
        fake.respond_next(1, 200, body=echo + b" trailing garbage", path_contains="/log_in")
        with pytest.raises(kalshi.ApiDecodeError) as echoed_200:
            api_client.login(DEMO_EMAIL, DEMO_PASSWORD)
        seen += _texts(echoed_200.value)
        assert DEMO_PASSWORD in (echoed.value.body or "")  # the body keeps it, as documented
        authorization = api_client._session.authorization
        assert authorization is not None
        tokens.append(authorization.split(" ", 1)[1])  # unchanged by the failure

        fake.invalid_json_next(1)
        with pytest.raises(kalshi.ApiDecodeError) as decode_error:
            api.get_notification_preferences(DEMO_USER_ID)
        seen += _texts(decode_error.value)

        fake.expire_sessions()
        api.get_notification_preferences(DEMO_USER_ID)  # renews the session: a second token
        renewed = api_client._session.authorization
        assert renewed is not None
        tokens.append(renewed.split(" ", 1)[1])
        assert fake.login_count == 2

        api_client.logout()
        with pytest.raises(kalshi.UnauthorizedException) as unauthorized:
            api.get_notification_preferences(DEMO_USER_ID)
        seen += _texts(unauthorized.value)
        with pytest.raises(kalshi.UnauthorizedException) as wrong_password:
            api_client.login(DEMO_EMAIL, DEMO_PASSWORD + "-wrong")
        seen += _texts(wrong_password.value)

    keyed = kalshi.Configuration(host=f"http://127.0.0.1:{closed_port}/v1", retries=0)
    keyed.api_key["cookie"] = tokens[-1]
    keyed.api_key_prefix["cookie"] = DEMO_USER_ID
    seen += [repr(keyed), str(keyed)]
    with kalshi.ApiClient(keyed) as refused_client:
        seen += [repr(refused_client)]
        with pytest.raises(kalshi.ApiConnectionError) as refused:
            AccountApi(refused_client).get_notification_preferences(DEMO_USER_ID)
        seen += _texts(refused.value)

    request = LoginRequest(email=DEMO_EMAIL, password=DEMO_PASSWORD)
    seen += [repr(request), str(request), request.to_str()]
    seen += [repr(LoginResponse(access_level="full", token=tokens[0], user_id=DEMO_USER_ID))]

    captured = capsys.readouterr()
    logged = debug_logs.text + "\n" + "\n".join(r.getMessage() for r in debug_logs.records)
    everything = "\n".join([*seen, logged, captured.out, captured.err])

    # The collection really holds the session: debug lines, urllib3's own, the stderr handler.
    assert "POST " + fake.host + "/log_in -> 200" in logged
    assert "/log_out -> 204" in logged
    assert any(r.name.startswith("urllib3") for r in debug_logs.records)
    assert "-> 200" in captured.err
    assert len(set(tokens)) == 2

    secrets = [DEMO_PASSWORD, *tokens, *(f"{DEMO_USER_ID} {t}" for t in tokens)]
    for secret in secrets:
        assert secret not in everything


def test_proxy_credentials_are_never_shown(
    closed_port: int, debug_logs: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "pr0xy-s3cret"
    configuration = kalshi.Configuration(
        host="http://127.0.0.1:9/v1", proxy=f"http://agent:{secret}@127.0.0.1:{closed_port}", retries=0, debug=True
    )
    seen = [repr(configuration), str(configuration)]
    with kalshi.ApiClient(configuration) as api_client:
        api_client.configuration.api_key["cookie"] = "k"
        with pytest.raises(kalshi.ApiConnectionError) as caught:
            AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    seen += _texts(caught.value)
    captured = capsys.readouterr()
    assert secret not in "\n".join([*seen, debug_logs.text, captured.out, captured.err])


# --------------------------------------------------------------------------- logging behaviour


def test_debug_never_turns_on_http_client_header_dumps(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str
) -> None:
    api_client = new_client(fake, api_key=demo_key, debug=True)
    AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)
    assert http.client.HTTPConnection.debuglevel == 0
    assert urllib3.connection.HTTPConnection.debuglevel == 0


def test_debug_lines_hold_method_url_status_attempt_and_milliseconds(
    fake: FakeKalshiServer,
    new_client: Callable[..., kalshi.ApiClient],
    demo_key: str,
    debug_logs: pytest.LogCaptureFixture,
) -> None:
    api_client = new_client(fake, api_key=demo_key, debug=True)
    api = AccountApi(api_client)
    api.get_notification_preferences(DEMO_USER_ID)
    fake.fail_next(2, 503)
    api.get_notification_preferences(DEMO_USER_ID)
    with pytest.raises(kalshi.NotFoundException):
        api.notification_mark_read(DEMO_USER_ID, "missing")
    lines = [r.getMessage() for r in debug_logs.records if r.name == "kalshi" and r.levelno == logging.DEBUG]
    matches = [DEBUG_LINE.match(line) for line in lines]
    assert all(matches), lines
    preferences = f"{fake.host}/users/{DEMO_USER_ID}/notifications/preferences"
    assert [(m["method"], m["url"], m["status"], m["attempt"]) for m in matches if m] == [
        ("GET", preferences, "200", "1"),
        ("GET", preferences, "200", "3"),
        ("PUT", f"{fake.host}/users/{DEMO_USER_ID}/notifications/missing/read", "404", "1"),
    ]


def test_turning_off_tls_verification_logs_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="kalshi")
    kalshi.Configuration(host="https://127.0.0.1:9/v1", verify_ssl=False)
    warnings = [r for r in caplog.records if r.name == "kalshi" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "verification" in warnings[0].getMessage()


def test_the_sdk_is_silent_until_logging_is_configured() -> None:
    # README "Logging": the kalshi logger has a NullHandler, so nothing is printed by default.
    script = "import kalshi; kalshi.Configuration(host='https://127.0.0.1:9/v1', verify_ssl=False)"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KALSHI_")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(  # noqa: S603 - fixed command line
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, env=env, cwd=str(REPO), check=False
    )
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")


@pytest.mark.parametrize("host", ["ftp://127.0.0.1/v1", "127.0.0.1:8080/v1", "localhost:8080", "//127.0.0.1/v1"])
def test_a_host_that_is_not_http_or_https_is_rejected_at_configuration_time(host: str) -> None:
    with pytest.raises(kalshi.ApiValueError):
        kalshi.Configuration(host=host)
    configuration = kalshi.Configuration(host="http://127.0.0.1:9/v1")
    with pytest.raises(kalshi.ApiValueError):
        configuration.host = host
    assert configuration.host == "http://127.0.0.1:9/v1"


def test_a_proxy_that_is_not_http_or_https_is_rejected(closed_port: int) -> None:
    with pytest.raises(kalshi.ApiValueError):
        kalshi.Configuration(host="http://127.0.0.1:9/v1", proxy=f"ftp://127.0.0.1:{closed_port}")
