"""Type checkers refuse what ``Configuration`` refuses at run time: a timeout of the wrong kind, a
misspelt setting, a value of the wrong type.

A user's file (below) is checked by ``mypy --strict`` and by pyright against this repository's
``kalshi`` (MYPYPATH / ``extraPaths``). Every line marked ``# error`` must be reported, and no
other line: the good uses next to them must stay clean.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Set

import pytest
from docs_blocks import ROOT
from test_user_typing import _require as require
from test_user_typing import run_pyright

CHECKER_TIMEOUT = 180  # seconds; the machine is shared
SCRIPT = """\
from urllib3.util.timeout import Timeout

import kalshi

good = kalshi.Configuration(timeout=5)
good = kalshi.Configuration(timeout=(2, 10))
good = kalshi.Configuration(timeout=(2, None))
good = kalshi.Configuration(timeout=None)
good = kalshi.Configuration(timeout=Timeout(connect=2, read=10))
good = kalshi.Configuration(retries=2, allow_insecure_http=True)
good.timeout = 7.5
good.deadline = 30
good.host = "https://demo-api.kalshi.co/v1"
good.api_key["cookie"] = "key"
good.allow_insecure_http = False

bad = kalshi.Configuration(timeout="ten")  # error
bad.timout = 5  # error
bad.timeout = "ten"  # error
bad.retries = "three"  # error
bad.deadline = "soon"  # error
bad.verify_ssl = "no"  # error
bad.allow_insecure_http = "yes"  # error
"""
FILE = "configuration_use.py"


def _expected_lines() -> Set[int]:
    return {number for number, line in enumerate(SCRIPT.splitlines(), 1) if line.endswith("# error")}


def _env() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    env["MYPYPATH"] = str(ROOT)  # this checkout's kalshi, not the one installed
    return env


@pytest.fixture(scope="module")
def user_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("configuration_typing")
    (workdir / FILE).write_text(SCRIPT, encoding="utf-8")
    return workdir


def test_mypy_strict_flags_every_bad_setting_and_only_those(user_file: Path) -> None:
    require("mypy")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-color-output", "--show-error-codes"]
    command += ["--cache-dir", str(user_file / ".mypy_cache"), FILE]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=user_file, env=_env(), capture_output=True, text=True, timeout=CHECKER_TIMEOUT
    )
    output = done.stdout + done.stderr
    flagged = {
        int(line.split(":")[1]) for line in output.splitlines() if line.startswith(f"{FILE}:") and ": error:" in line
    }
    assert flagged == _expected_lines(), output


def test_pyright_flags_every_bad_setting_and_only_those(user_file: Path) -> None:
    (user_file / "pyrightconfig.json").write_text(json.dumps({"extraPaths": [str(ROOT)]}), encoding="utf-8")
    report = run_pyright(user_file, _env(), FILE)
    errors: List[Dict[str, Any]] = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    flagged = {d["range"]["start"]["line"] + 1 for d in errors}  # pyright counts lines from 0
    assert flagged == _expected_lines(), json.dumps(errors, indent=1)
