"""docs/architecture.md and CONTRIBUTING.md cannot go stale: every path, module and link they name exists.

A path is any ``kalshi/...``, ``test/...``, ``docs/...`` or ``.ci/...`` in the text (a ``*`` in it
must match at least one file); a module is any ``kalshi.x.y`` in backquotes, resolved by importing
the longest prefix that is a module and looking the rest up as attributes.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path
from typing import Any, Iterator, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "docs" / "architecture.md", ROOT / "CONTRIBUTING.md"]

_PATH = re.compile(r"(?<![\w./-])((?:kalshi|test|docs|\.ci)/[\w./*-]*[\w*/])")
_MODULE = re.compile(r"`(kalshi(?:\.[\w*]+)+)")
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _paths(text: str) -> Iterator[str]:
    for match in _PATH.finditer(text):
        yield match.group(1).rstrip(".")


def _exists(path: str) -> bool:
    if "*" in path:
        return any(ROOT.glob(path.rstrip("/")))
    return (ROOT / path).exists()


def _resolve(dotted: str) -> Any:
    """The module or attribute ``dotted`` names; raises if there is none."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            value = getattr(value, name)
        return value
    raise ModuleNotFoundError(dotted)


def _module_exists(dotted: str) -> bool:
    if "*" in dotted:  # kalshi.api.*_api: a pattern over modules
        pattern = dotted.replace(".", "/")
        return any(ROOT.glob(pattern + ".py")) or any(ROOT.glob(pattern + "/__init__.py"))
    try:
        _resolve(dotted)
    except (ImportError, AttributeError):
        return False
    return True


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_named_path_exists(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    named = sorted(set(_paths(text)))
    assert len(named) >= 5, f"{page.name} names too few paths for this test to mean anything: {named}"
    missing = [path for path in named if not _exists(path)]
    assert missing == [], f"{page.name} names paths that do not exist: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_named_module_exists(page: Path) -> None:
    named = sorted(set(_MODULE.findall(page.read_text(encoding="utf-8"))))
    missing = [name for name in named if not _module_exists(name)]
    assert missing == [], f"{page.name} names modules or attributes that do not exist: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_resolves(page: Path) -> None:
    broken: List[str] = []
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file_part, _, anchor = target.partition("#")
        path = (page.parent / file_part).resolve()
        if not path.is_file():
            broken.append(target)
        elif anchor and not re.search(rf"^#+ .*\b{re.escape(anchor)}\b", _slugged(path), re.MULTILINE | re.I):
            broken.append(target)
    assert broken == [], f"broken links in {page.name}: {broken}"


def _slugged(path: Path) -> str:
    """The page with each heading written as its GitHub anchor (lower case, spaces to hyphens)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            hashes, _, title = line.partition(" ")
            line = hashes + " " + re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        lines.append(line)
    return "\n".join(lines)


def test_the_map_is_linked_from_the_readme_and_contributing() -> None:
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_stale_path_or_module_would_be_caught() -> None:
    """The checks above find what they look for: a made-up path and module fail them."""
    text = "see `kalshi/_nowhere/retry.py` and `kalshi.no_such_module` in docs/nothing.md"
    assert [p for p in _paths(text) if not _exists(p)] == ["kalshi/_nowhere/retry.py", "docs/nothing.md"]
    assert not _module_exists("kalshi.no_such_module")
    assert not _module_exists("kalshi.Kalshi.no_such_attribute")
    assert _module_exists("kalshi.Kalshi") and _module_exists("kalshi.api.*_api")


# What each low layer may import of the SDK, at module level or inside a function (``TYPE_CHECKING``
# blocks aside): itself and the layers below it. An import on first use is still an import upward.
_LOW_LAYERS = {
    "kalshi/_common": ("kalshi._common",),
    "kalshi/exceptions.py": ("kalshi._common",),
    "kalshi/_model": ("kalshi._common", "kalshi.exceptions", "kalshi._model"),
    "kalshi/_transport": ("kalshi._common", "kalshi.exceptions", "kalshi._transport"),
}


def _sdk_imports(source: str) -> List[str]:
    """Every ``kalshi...`` module imported by ``source``, wherever the import is, but for type checking."""
    tree = ast.parse(source)
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    names = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "the SDK imports by absolute name"
            names.append(node.module or "")
    return [name for name in names if name == "kalshi" or name.startswith("kalshi.")]


def _upward_imports(layer: str, source: str) -> List[str]:
    allowed = _LOW_LAYERS[layer]
    return [name for name in _sdk_imports(source) if not any(name == a or name.startswith(a + ".") for a in allowed)]


@pytest.mark.parametrize("layer", sorted(_LOW_LAYERS))
def test_the_low_layers_import_only_downward(layer: str) -> None:
    path = ROOT / layer
    files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
    upward = {
        str(file.relative_to(ROOT)): found
        for file in files
        if (found := _upward_imports(layer, file.read_text(encoding="utf-8")))
    }
    assert upward == {}, f"imports above {layer} (allowed: {', '.join(_LOW_LAYERS[layer])})"


def test_an_upward_import_inside_a_function_would_be_caught() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from kalshi.model.order import Order\n"
        "def retry_after():\n    from kalshi._transport.retry import parse\n    return parse\n"
    )
    assert _upward_imports("kalshi/exceptions.py", source) == ["kalshi._transport.retry"]
