"""The trader's client as its users meet it: a script of theirs type-checks strictly and runs.

``trader_script.py``, written only from docs/Kalshi.md, is checked with ``mypy --strict`` (and ``disallow-any-expr``)
and with pyright in strict mode, against this repository's ``kalshi`` (the tests of test_user_typing.py check the
installed package instead), then run against the fake exchange.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest
from test_user_typing import CHECKER_TIMEOUT, _require, run_pyright

from kalshi.testing import DEMO_BALANCE, DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer, taker_fee

SCRIPT = Path(__file__).resolve().parent / "trader_script.py"
ROOT = Path(__file__).resolve().parents[2]


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


def test_trader_script_trades_against_the_fake_exchange(fresh_server: FakeKalshiServer) -> None:
    spec = importlib.util.spec_from_file_location("trader_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    counterparty = fresh_server.add_user(
        "counterparty@example.com", "counterparty-password", balance=100_000, history=[], notifications=[]
    )

    seen = script.main(
        fresh_server.host, DEMO_EMAIL, DEMO_PASSWORD, "counterparty@example.com", "counterparty-password"
    )

    assert seen["markets"] == len(fresh_server.market_ids)
    assert (seen["yes_offered_at"], seen["crossing_filled"], seen["resting_filled"]) == (62, 5, 4)
    # 5 bought at 62 (a taker, with its fee) and 4 at 40 (a maker): two fills, 9 yes contracts.
    assert (seen["fills"], seen["filled_contracts"], seen["position"], seen["positions"]) == (2, 9, 9, 1)
    market_id = fresh_server.market_id(script.TICKER)
    assert fresh_server.positions_of(DEMO_USER_ID)[market_id]["position"] == 9
    fee = taker_fee(5, 62)
    assert seen["balance"] == DEMO_BALANCE - 5 * 62 - fee - 4 * 40 == fresh_server.balance_of(DEMO_USER_ID)
    assert (seen["canceled_remaining"], seen["resting_orders"]) == (0, 0)
    assert fresh_server.orders_of(DEMO_USER_ID)[0]["status"] == "canceled"
    # The counterparty's 5 at 38 for no were a maker's fill; its 4 at 60 took the bid at 40.
    assert fresh_server.balance_of(counterparty) == 100_000 - 5 * 38 - 4 * 60 - taker_fee(4, 60)
    # Tickers are resolved once per client: the trader's markets.list() taught it every ticker, and
    # the counterparty's client looked its one up once for both of its orders.
    lookups = [r for r in fresh_server.requests if r.raw_path.startswith("/v1/markets_by_ticker/")]
    assert len(lookups) == 1
