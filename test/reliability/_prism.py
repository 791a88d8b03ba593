"""Where the contract tests' Prism comes from: ``$PRISM_BIN``, else the cached npm install.

Tests never run a package manager, so nothing here installs Prism: without it the contract tests
skip, and the reason names the one command that installs it (the same one ``.ci/run`` runs).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PRISM_VERSION = "5.14.2"
# Spelled with ~ because it is shown to users as a shell command; Path.expanduser reads the same $HOME.
PRISM_CACHE = f"~/.cache/kalshi-sdk-tests/prism-{PRISM_VERSION}"
INSTALL_COMMAND = f"npm install --prefix {PRISM_CACHE} @stoplight/prism-cli@{PRISM_VERSION}"


def cached_prism() -> Path:
    """The Prism executable of the cached install (which may not exist)."""
    return Path(PRISM_CACHE).expanduser() / "node_modules" / ".bin" / "prism"


def find_prism() -> Path:
    """``$PRISM_BIN`` (which must exist), else the cached install; skip when there is neither."""
    given = os.environ.get("PRISM_BIN")
    if given:
        if not Path(given).is_file():
            pytest.fail(f"PRISM_BIN={given} does not exist")
        return Path(given)
    path = cached_prism()
    if not path.is_file():
        pytest.skip(f"Prism {PRISM_VERSION} is not installed; to run these tests: {INSTALL_COMMAND} (or set PRISM_BIN)")
    # The npm build is a node script: without node it cannot start.
    if shutil.which("node") is None:
        pytest.skip(f"node is not on PATH, so {path} cannot run; install Node.js 18+ (or set PRISM_BIN)")
    return path
