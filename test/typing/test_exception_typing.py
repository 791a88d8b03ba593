"""A user's script that catches the SDK's exceptions stays Any-free under ``disallow-any-expr``.

user_script.py is checked with ``# mypy: disallow-any-expr``, so that no ``Any`` reaches a user
from the SDK. Naming an exception class is an expression of type ``type[...]``, whose type
includes the constructor's signature: a constructor parameter typed ``Any`` makes every
``except kalshi.ApiException:`` an error for such a user (``object`` would not).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """\
# mypy: disallow-any-expr
import kalshi
from kalshi.exceptions import ApiPagingError, BadRequestException


def attempt() -> str:
    try:
        return "ok"
    except BadRequestException as error:
        return f"refused: {error.status}"
    except kalshi.ApiException as error:
        return f"failed: {error.reason}"
    except ApiPagingError:
        return "runaway paging"
"""


def test_catching_sdk_exceptions_passes_disallow_any_expr(tmp_path: Path) -> None:
    if importlib.util.find_spec("mypy") is None:
        if os.environ.get("CI"):
            pytest.fail("mypy is not installed: pip install -r test-requirements.txt")
        pytest.skip("mypy is not installed: pip install -r test-requirements.txt")
    (tmp_path / "catching.py").write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    command = [sys.executable, "-m", "mypy", "--strict", "--no-color-output", "--show-error-codes", "catching.py"]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
