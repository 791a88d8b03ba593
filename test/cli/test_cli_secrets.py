"""The password and the session tokens never appear in anything the CLI prints, even with -v."""

from __future__ import annotations

import io
import logging

import pytest

import kalshi.cli
from kalshi.cli import commands
from kalshi.cli.credentials import Credentials, read_credentials
from kalshi.cli.errors import UsageError
from kalshi.cli.redaction import Redactor
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

from .cli_support import Runner, issued_tokens

WRONG_PASSWORD = "wrong-but-long-enough"  # noqa: S105 - a test value


def test_no_token_or_password_in_any_output_with_verbose(kalshi_cli: Runner, cli_server: FakeKalshiServer) -> None:
    runs = [
        kalshi_cli("-v", "login"),
        kalshi_cli("-v", "logout"),
        kalshi_cli("-v", "history", "--limit", "3", "--trades"),
        kalshi_cli("-v", "--table", "notifications", "--all", "--page-size", "5"),
        kalshi_cli("-v", "mark-read", "no-such-notification"),  # an API error after log-in
        kalshi_cli("-v", "preferences"),
        kalshi_cli("-v", "login", KALSHI_PASSWORD=WRONG_PASSWORD),  # a failed log-in
    ]
    assert [r.returncode for r in runs] == [0, 0, 0, 0, 1, 0, 1]
    printed = "".join(r.stdout + r.stderr for r in runs)
    assert "DEBUG kalshi: GET " in printed  # -v did log the requests

    tokens = issued_tokens(cli_server)
    assert len(tokens) == 6  # one session per successful log-in
    for token in tokens:
        assert token not in printed
    assert DEMO_PASSWORD not in printed
    assert WRONG_PASSWORD not in printed


def test_an_unexpected_error_is_reported_without_secrets(
    cli_server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = []

    def leaky(ctx: commands.Context) -> commands.Result:
        seen.append(ctx.login.token)
        raise RuntimeError(f"boom: password={DEMO_PASSWORD!r} token={ctx.login.token}")

    monkeypatch.setitem(commands.COMMANDS, "preferences", leaky)
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    cli_server.clear_requests()

    code = kalshi.cli.main(["--host", cli_server.host, "-v", "preferences"])

    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" in err and "RuntimeError: boom: password='<redacted>' token=<redacted>" in err
    assert DEMO_PASSWORD not in out + err and seen[0] not in out + err
    assert cli_server.requests[-1].raw_path == "/v1/log_out"  # the session was closed all the same


def test_ctrl_c_exits_130_and_still_logs_out(
    cli_server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(ctx: commands.Context) -> commands.Result:
        raise KeyboardInterrupt

    monkeypatch.setitem(commands.COMMANDS, "history", interrupted)
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    cli_server.clear_requests()

    assert kalshi.cli.main(["--host", cli_server.host, "history"]) == 130
    assert capsys.readouterr().err == "error: interrupted\n"
    assert [r.raw_path for r in cli_server.requests] == ["/v1/log_in", "/v1/log_out"]


def test_verbose_leaves_logging_as_it_was(
    cli_server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    logger = logging.getLogger("kalshi")
    before = (logger.level, list(logger.handlers))
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)

    assert kalshi.cli.main(["--host", cli_server.host, "--verbose", "login"]) == 0

    assert "DEBUG kalshi: POST " in capsys.readouterr().err
    assert (logger.level, list(logger.handlers)) == before


# --------------------------------------------------------------------------- credentials, in-process


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_password_is_asked_for_on_a_terminal() -> None:
    prompts = []

    def prompt(text: str) -> str:
        prompts.append(text)
        return "typed-password"

    credentials = read_credentials(None, {"KALSHI_EMAIL": "me@example.com"}, _Terminal(), prompt)

    assert credentials == Credentials("me@example.com", "typed-password")
    assert prompts == ["Kalshi password for me@example.com: "]
    assert "typed-password" not in repr(credentials)


def test_empty_or_closed_prompt_is_a_usage_error() -> None:
    def eof(text: str) -> str:
        raise EOFError

    with pytest.raises(UsageError, match="KALSHI_PASSWORD"):
        read_credentials(None, {"KALSHI_EMAIL": "me@example.com"}, _Terminal(), eof)
    with pytest.raises(UsageError, match="KALSHI_PASSWORD"):
        read_credentials(None, {"KALSHI_EMAIL": "me@example.com"}, _Terminal(), lambda text: "")


def test_email_option_beats_the_environment_and_the_password_comes_from_it() -> None:
    environ = {"KALSHI_EMAIL": "env@example.com", "KALSHI_PASSWORD": "env-password"}

    assert read_credentials("flag@example.com", environ, None) == Credentials("flag@example.com", "env-password")


def test_redactor_removes_secrets_also_when_escaped() -> None:
    redactor = Redactor()
    redactor.add('pa"ss\\word')
    redactor.add(None)

    text = redactor.scrub('raw pa"ss\\word json "pa\\"ss\\\\word" repr \'pa"ss\\\\word\'')

    assert "ss" not in text.replace("<redacted>", "")
