"""Every ``kalshi ...`` line of a ```bash block in docs/cli.md runs and exits 0.

Each line runs as ``python -m kalshi`` plus the rest of the line (up to a ``|``, so the kalshi
part of a pipeline is checked), with ``--host`` appended so that it talks to the fake exchange
whatever the line says (unless the command refuses ``--host``: ``demo`` runs its own exchange),
and the demo credentials in the environment. Commands that are expected
to fail are documented in ```text blocks, which are not run.

The lines run in the order of the file against one exchange, so a line may use what an earlier
one made: `decrease` and `cancel` name the order that the first `kalshi order` line places, whose
id the exchange's seed fixes.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import List, NamedTuple

import pytest

from kalshi.cli.parser import build_parser
from kalshi.testing import FakeKalshiServer

from .cli_support import REPO, TIMEOUT, cli_env, run_kalshi

CLI_DOC = REPO / "docs" / "cli.md"


class DocCommand(NamedTuple):
    line: int
    text: str

    @property
    def args(self) -> List[str]:
        kalshi_part = self.text.split(" | ", 1)[0]
        return shlex.split(kalshi_part, comments=True)[1:]


def documented_commands() -> List[DocCommand]:
    found: List[DocCommand] = []
    language = None  # the language of the fenced block we are in, None outside blocks
    for number, raw in enumerate(CLI_DOC.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("```"):
            language = line[3:].strip().lower() if language is None else None
            continue
        if language == "bash" and line.startswith("kalshi "):
            found.append(DocCommand(number, line))
    return found


COMMANDS = documented_commands()


def _subparsers(parser: argparse.ArgumentParser) -> "dict[str, argparse.ArgumentParser]":
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_subcommand_has_a_runnable_example() -> None:
    parser = build_parser()
    shown = {
        parser.parse_args(c.args).command for c in COMMANDS if not {"-h", "--help", "--version"} & set(c.args)
    }
    assert shown == set(_subparsers(parser))


def test_every_option_is_documented() -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    parser = build_parser()
    for name, sub in {"kalshi": parser, **_subparsers(parser)}.items():
        for action in sub._actions:
            for option in action.option_strings:
                assert f"`{option}" in text or f"/ `{option}" in text, f"{name} {option} is not in docs/cli.md"


def _takes_host(args: List[str]) -> bool:
    parser = build_parser()
    try:
        name = parser.parse_args(args).command
    except SystemExit:  # --help, --version
        return True
    return "--host" in _subparsers(parser)[name]._option_string_actions


@pytest.mark.parametrize("command", COMMANDS, ids=[f"line{c.line}" for c in COMMANDS])
def test_documented_command_runs(command: DocCommand, cli_server: FakeKalshiServer, tmp_path: Path) -> None:
    if command.args[:1] == ["serve"]:
        _serve_briefly(command, tmp_path)
        return
    host = ["--host", cli_server.host] if _takes_host(command.args) else []
    result = run_kalshi([*command.args, *host], cli_env(cli_server))

    assert result.returncode == 0, f"docs/cli.md:{command.line}: {command.text}\n{result.stderr}"
    assert result.stdout


def _serve_briefly(command: DocCommand, tmp_path: Path) -> None:
    """Run a documented `kalshi serve` on a free port in ``tmp_path``, then stop it with SIGINT."""
    args = [*command.args]
    if "--port" in args:
        args[args.index("--port") + 1] = "0"  # the documented port may be taken on this machine
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "kalshi", *args], cwd=str(tmp_path), env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # serve flushes its first lines at once
        assert first.startswith("http://127.0.0.1:") and first.endswith("/v1\n"), first
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, f"docs/cli.md:{command.line}: {command.text}\n{err}"
