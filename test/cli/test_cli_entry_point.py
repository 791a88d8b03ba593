"""The entry points (``kalshi.cli:main`` in-process, ``python -m kalshi`` as a process), and the host precedence."""

from __future__ import annotations

import json
from typing import Dict, Optional

import pytest

import kalshi
import kalshi.__main__
import kalshi.cli
from kalshi.cli.session import build_configuration, resolve_host
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

from .cli_support import cli_env, json_output, run_kalshi_process


def test_main_returns_the_exit_code_and_prints_json(
    cli_server: FakeKalshiServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KALSHI_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("KALSHI_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("KALSHI_HOST", cli_server.host)

    code = kalshi.cli.main(["preferences"])

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert json.loads(out) == {"subscription_level": cli_server.subscription_level_of(DEMO_USER_ID)}


def test_python_dash_m_kalshi_reads_the_environment_and_prints_json(cli_server: FakeKalshiServer) -> None:
    # The one plain run of a real process: the other CLI tests call main() in-process.
    cli_server.clear_requests()

    result = run_kalshi_process(["preferences"], cli_env(cli_server))

    assert json_output(result) == {"subscription_level": cli_server.subscription_level_of(DEMO_USER_ID)}
    paths = [r.raw_path for r in cli_server.requests]
    assert (len(paths), paths[0], paths[-1]) == (3, "/v1/log_in", "/v1/log_out")


def test_python_dash_m_main_delegates_to_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert kalshi.__main__.main(["--version"]) == 0
    assert capsys.readouterr().out == f"kalshi {kalshi.__version__}\n"
    assert kalshi.__main__.main(["no-such-command"]) == 2


@pytest.mark.parametrize(
    ("host", "demo", "environ", "expected"),
    [
        ("http://a.example/v1", True, {"KALSHI_HOST": "http://b.example/v1"}, "http://a.example/v1"),
        (None, True, {"KALSHI_HOST": "http://b.example/v1"}, kalshi.DEMO_HOST),
        (None, False, {"KALSHI_HOST": "http://b.example/v1"}, "http://b.example/v1"),
        (None, False, {}, kalshi.DEFAULT_HOST),
    ],
    ids=["host-option", "demo", "env", "default"],
)
def test_host_precedence(host: Optional[str], demo: bool, environ: Dict[str, str], expected: str) -> None:
    configuration = build_configuration(resolve_host(host, demo, environ), timeout=None)

    assert configuration.host == expected


def test_timeout_reaches_the_configuration() -> None:
    assert build_configuration(resolve_host(None, False, {}), timeout=2.5).timeout == 2.5
    assert build_configuration(resolve_host(None, False, {}), timeout=None).timeout == (10.0, 30.0)
