"""The trader's client as its users meet it: a script of theirs type-checks strictly and runs.

``trader_script.py`` is checked with ``mypy --strict`` (and ``disallow-any-expr``) and with pyright
in strict mode, against this repository's ``kalshi`` (the tests of test_user_typing.py check the
installed package instead), then run against the fake exchange.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest
from test_user_typing import CHECKER_TIMEOUT, _require, run_pyright

from kalshi.testing import FakeKalshiServer

SCRIPT = Path(__file__).resolve().parent / "trader_script.py"
ROOT = Path(__file__).resolve().parents[2]
TICKER = "TYPED-1"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("trader_typing")
    shutil.copy(SCRIPT, directory / SCRIPT.name)
    return directory


def _env() -> Dict[str, str]:
    # This repository's kalshi first: the checkers must see the code under test.
    env = dict(os.environ)
    env["MYPYPATH"] = str(ROOT)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_trader_script_passes_mypy_strict(workdir: Path) -> None:
    _require("mypy")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-color-output", "--show-error-codes"]
    command += ["--cache-dir", str(workdir / ".mypy_cache"), SCRIPT.name]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=workdir, env=_env(), capture_output=True, text=True, timeout=CHECKER_TIMEOUT
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_trader_script_passes_pyright_strict(workdir: Path) -> None:
    config = {"typeCheckingMode": "strict", "extraPaths": [str(ROOT)], "include": [SCRIPT.name]}
    (workdir / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    report = run_pyright(workdir, _env())
    assert report["summary"]["filesAnalyzed"] == 1, report
    assert report["summary"]["errorCount"] == 0, json.dumps(report["generalDiagnostics"], indent=1)


def test_trader_script_runs_against_the_fake_exchange() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("trader_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    alice, bob = ("alice@example.com", "alice-password"), ("bob@example.com", "bob-password")
    with FakeKalshiServer(seed=2) as server:
        server.add_market(ticker=TICKER, title="Typed?")
        alice_id = server.add_user(*alice, balance=50_000)
        server.add_user(*bob, balance=50_000)
        lines = script.main(server.host, TICKER, alice, bob)
        assert server.errors == []
        orders = server.orders_of(alice_id)
    assert lines[:5] == [
        f"{TICKER}: Typed?",
        "best yes bid: -",
        "placed resting and resting",
        "the other side: executed, 10 filled",
        "resting order: executed",
    ]
    # 400 cents of position, 90 held by the no bid (2 at 45) until it is canceled.
    assert lines[5:9] == ["filled 10 contracts", "position 10 at cost 400", "balance 49510", "canceled: canceled"]
    assert lines[9].startswith("refused: price must be from 1 to 99 (cents), got 100")
    assert len(lines) == 10  # the last order was answered: nothing to reconcile (that path is type-checked)
    assert len(orders) == 3
