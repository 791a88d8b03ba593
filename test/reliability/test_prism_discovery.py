"""Finding Prism: the contract tests run where it is installed, skip (naming the install command)
where it is not, and never install it (no test runs npm)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NoReturn

import pytest

from ._prism import INSTALL_COMMAND, PRISM_VERSION, find_prism

REPO = Path(__file__).resolve().parents[2]


def _executable(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def no_subprocess(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any process started (npm, node, prism) fails the test: finding Prism only looks at files."""

    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError(f"started a process: {args}")

    monkeypatch.setattr(subprocess, "Popen", refuse)


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("PRISM_BIN", raising=False)
    return home


@pytest.fixture
def node_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH holds a ``node`` and a recording ``npm``, nothing else."""
    bin_dir = tmp_path / "bin"
    _executable(bin_dir / "node", "exit 0")
    _executable(bin_dir / "npm", f"touch {tmp_path / 'npm-ran'}; exit 1")
    monkeypatch.setenv("PATH", str(bin_dir))


def test_nothing_installed_skips_naming_the_install_command(
    empty_home: Path, node_on_path: None, no_subprocess: None, tmp_path: Path
) -> None:
    with pytest.raises(pytest.skip.Exception) as skipped:
        find_prism()
    reason = str(skipped.value)
    assert INSTALL_COMMAND in reason
    assert INSTALL_COMMAND == (
        f"npm install --prefix ~/.cache/kalshi-sdk-tests/prism-{PRISM_VERSION} @stoplight/prism-cli@{PRISM_VERSION}"
    )
    assert "\n" not in reason
    assert not (tmp_path / "npm-ran").exists()
    assert list(empty_home.iterdir()) == [], "finding Prism must not create the cache"


def test_the_cached_install_is_found_under_home(empty_home: Path, node_on_path: None, no_subprocess: None) -> None:
    prism = _executable(empty_home / f".cache/kalshi-sdk-tests/prism-{PRISM_VERSION}/node_modules/.bin/prism", "exit 0")
    assert find_prism() == prism


def test_the_cached_install_without_node_skips(
    empty_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_subprocess: None
) -> None:
    _executable(empty_home / f".cache/kalshi-sdk-tests/prism-{PRISM_VERSION}/node_modules/.bin/prism", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(pytest.skip.Exception, match="node is not on PATH"):
        find_prism()


def test_prism_bin_wins_and_must_exist(
    empty_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_subprocess: None
) -> None:
    given = _executable(tmp_path / "standalone-prism", "exit 0")
    monkeypatch.setenv("PRISM_BIN", str(given))
    assert find_prism() == given
    monkeypatch.setenv("PRISM_BIN", str(tmp_path / "missing"))
    with pytest.raises(pytest.fail.Exception, match="PRISM_BIN=.*missing does not exist"):
        find_prism()


def test_a_run_without_prism_skips_the_contract_tests_and_never_runs_npm(tmp_path: Path) -> None:
    """The whole contract module in a fresh process, as a user with only pip runs it."""
    home = tmp_path / "home"
    home.mkdir()
    bin_dir = tmp_path / "bin"
    marker = tmp_path / "npm-ran"
    for name in ("npm", "npx"):
        _executable(bin_dir / name, f"touch {marker}; echo 'npm is not allowed in the tests' >&2; exit 1")
    env = {k: v for k, v in os.environ.items() if k != "PRISM_BIN"}
    env.update(HOME=str(home), PATH=os.pathsep.join([str(bin_dir), env.get("PATH", "")]))
    env.update(npm_config_offline="true", npm_config_registry="http://127.0.0.1:9/")
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "-n", "0"]
    command.append("test/reliability/test_contract_prism.py")
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert " passed" not in output and " failed" not in output and " error" not in output, output
    assert " skipped" in output, output
    assert f"to run these tests: {INSTALL_COMMAND}" in output, output
    assert not marker.exists(), output
