"""Request models take ``Literal["yes", "no"]`` for a side: mypy --strict and pyright flag another value.

The runtime refuses it too (``ApiTypeError`` before anything is sent); response models stay lenient,
so a side the server adds later still parses. The checkers read this checkout's ``kalshi`` (a link
next to the user's file, found before any installed copy).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest
from test_user_typing import _require, _user_env, run_pyright

import kalshi
from kalshi.models import RangedMarket, UserOrderCreateRequest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180  # seconds: the checkers analyse the whole package from source

SCRIPT = """\
from kalshi.models import RangedMarket, UserOrderCreateRequest

good = UserOrderCreateRequest(count=1, market_id="m", price=40, side="yes")
bad = UserOrderCreateRequest(count=1, market_id="m", price=40, side="maybe")  # line 4
lenient = RangedMarket(mutually_exclusive_side="maybe")
"""


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    (tmp_path / "kalshi").symlink_to(ROOT / "kalshi", target_is_directory=True)
    (tmp_path / "orders.py").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}


def test_mypy_strict_flags_a_side_that_is_neither_yes_nor_no(user_dir: Path) -> None:
    _require("mypy")
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-color-output"]
    command += ["--cache-dir", str(user_dir / ".mypy_cache"), "orders.py"]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=user_dir, env=_env(), capture_output=True, text=True, timeout=TIMEOUT
    )
    errors: List[str] = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout + done.stderr
    assert errors[0].startswith("orders.py:4:") and "side" in errors[0], errors


def test_pyright_flags_a_side_that_is_neither_yes_nor_no(user_dir: Path) -> None:
    report = run_pyright(user_dir, _user_env(), "orders.py")
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    assert [d["range"]["start"]["line"] + 1 for d in errors] == [4], json.dumps(errors, indent=1)


def test_the_runtime_refuses_it_and_responses_stay_lenient() -> None:
    with pytest.raises(kalshi.ApiTypeError, match="side"):
        UserOrderCreateRequest(count=1, market_id="m", price=40, side="maybe")  # type: ignore[arg-type]
    request = UserOrderCreateRequest.from_dict({"count": 1, "market_id": "m", "price": 40, "side": "no"})
    assert request.side == "no"
    assert RangedMarket.from_wire({"mutually_exclusive_side": "maybe"}).mutually_exclusive_side == "maybe"
