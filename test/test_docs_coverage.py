"""Every public name has its place in the docs, and the docs install what can be installed.

* every public method of every API class (the iterators too) has a ``# **name**`` section on
  ``docs/<Class>.md`` and a row in its method table;
* every model of ``kalshi.models`` has ``docs/<Model>.md`` listing its fields, and the page names
  the model's helpers (``to_records()``, ``to_dataframe()``, ``_repr_html_()``, ...);
* every other name of ``kalshi.__all__`` has a heading, or a reference-table row, on some page;
  ``Configuration`` and ``ApiClient`` have pages of their own that name each public method;
* docs/Kalshi.md names every public member of ``kalshi.Kalshi`` and every method of its resources;
* docs/testing.md names everything public of ``kalshi.testing`` and of the pytest plugin;
* no page or message tells users to ``pip install kalshi-v1-sdk``: the distribution is not on the
  package index, so the install commands work from a checkout (``pip install .``);
* the LICENSE ships and the README links it and the changelog.

Each failure names exactly what is missing, and where.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import kalshi
import kalshi.apis
import kalshi.models
import kalshi.pytest_plugin
import kalshi.testing
from kalshi.model_utils import ListModel, Model, model_fields

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _page(name: str) -> str:
    path = DOCS / name
    assert path.is_file(), f"docs/{name} is missing"
    return path.read_text(encoding="utf-8")


def _prose_lines(text: str) -> Iterator[str]:
    """The lines outside fenced code blocks."""
    in_code = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
        elif not in_code:
            yield line


def _headings(text: str) -> List[str]:
    return [line for line in _prose_lines(text) if re.match(r"#{1,6} ", line)]


def _names(text: str, name: str) -> bool:
    """``name`` appears as a word in a heading or in a `code span` of the page."""
    word = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)|\.{re.escape(name)}(?!\w)")
    if any(word.search(h) for h in _headings(text)):
        return True
    return any(word.search(span) for span in re.findall(r"`([^`\n]+)`", text))


def _public_members(cls: type, stop: tuple[type, ...] = (object,)) -> List[str]:
    """Public methods and properties defined by ``cls`` and its bases below ``stop``."""
    names = set()
    for klass in cls.__mro__:
        if klass in stop or klass.__module__ in ("builtins", "typing", "collections.abc", "abc"):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_"):
                continue
            if inspect.isfunction(value) or isinstance(value, (property, classmethod, staticmethod)):
                names.add(name)
    return sorted(names)


# --------------------------------------------------------------------------- API classes


API_CLASSES = sorted(kalshi.apis.__all__)


@pytest.mark.parametrize("cls_name", API_CLASSES)
def test_every_api_method_has_a_section_and_a_row(cls_name: str) -> None:
    cls = getattr(kalshi.apis, cls_name)
    text = _page(f"{cls_name}.md")
    methods = [n for n, v in vars(cls).items() if inspect.isfunction(v) and not n.startswith("_")]
    assert methods, f"{cls_name} has no public method"
    lines = text.splitlines()
    no_section = [m for m in methods if f"# **{m}**" not in lines]
    no_row = [m for m in methods if not any(line.startswith(f"[**{m}**]({cls_name}.md#{m})") for line in lines)]
    assert not no_section, f"docs/{cls_name}.md has no '# **name**' section for: {', '.join(no_section)}"
    assert not no_row, f"docs/{cls_name}.md's method table has no row for: {', '.join(no_row)}"


def test_every_iterator_is_documented() -> None:
    """The iterators are found, not listed: a new iter_* method must get its section too."""
    found = {
        f"{c}.{n}" for c in API_CLASSES for n in vars(getattr(kalshi.apis, c)) if n.startswith("iter_")
    }
    assert {"AccountApi.iter_notifications", "DefaultApi.iter_trades", "UserApi.iter_orders"} <= found
    assert "UserApi.iter_user_trades" in found


# --------------------------------------------------------------------------- models


def _model(name: str) -> Any:
    return getattr(kalshi.models, name)


def _properties(text: str) -> List[str]:
    if "## Properties" not in text:
        return []
    table = text.split("## Properties", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\*\*(\w+)\*\* \|", table, flags=re.M)


def _expected_fields(model: Any) -> List[str]:
    if inspect.isclass(model) and issubclass(model, Model):
        return [f.name for f in model_fields(model)]
    if inspect.isclass(model) and issubclass(model, ListModel):
        return ["value"]
    if inspect.isclass(model) and issubclass(model, tuple):
        return list(model._fields)  # type: ignore[attr-defined]  # a NamedTuple (a tuple with _fields)
    return []  # a type alias (Cent, Side, ...): its page explains the alias, there are no fields


def _helpers(model: Any) -> List[str]:
    """The helpers a model's page must name: its public methods, and the display protocol."""
    if not inspect.isclass(model) or not issubclass(model, (Model, ListModel)):
        return []
    names = _public_members(model)
    names.append("_repr_html_")
    if hasattr(model, "to_records"):
        names += ["to_records", "to_dataframe"]
    return sorted(set(names))


@pytest.mark.parametrize("name", sorted(kalshi.models.__all__))
def test_every_model_has_a_page_with_its_fields_and_helpers(name: str) -> None:
    model = _model(name)
    text = _page(f"{name}.md")
    assert text.startswith(f"# {name}\n"), f"docs/{name}.md does not start with '# {name}'"
    missing = [f for f in _expected_fields(model) if f not in _properties(text)]
    assert not missing, f"docs/{name}.md's Properties table lacks the fields: {', '.join(missing)}"
    unnamed = [h for h in _helpers(model) if not _names(text, h)]
    assert not unnamed, f"docs/{name}.md does not document: {', '.join(unnamed)}"


def test_the_list_shaped_models_are_found() -> None:
    tabular = [n for n in kalshi.models.__all__ if hasattr(_model(n), "to_records")]
    assert "UserGetAccountHistoryResponse" in tabular and "NotificationList" in tabular
    assert len(tabular) >= 17


# --------------------------------------------------------------------------- the rest of kalshi.__all__


def _all_pages() -> Dict[str, str]:
    pages = {f"docs/{p.name}": p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}
    pages["README.md"] = (ROOT / "README.md").read_text(encoding="utf-8")
    return pages


def _has_section(text: str, name: str) -> bool:
    """A heading names it, or a reference table has a row whose first cell is it."""
    word = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)|kalshi\.{re.escape(name)}(?!\w)")
    if any(word.search(h) for h in _headings(text)):
        return True
    for line in _prose_lines(text):
        if "|" not in line or set(line.replace("|", "").strip()) <= set("-: "):
            continue  # not a table row, or its separator
        first = line.strip().strip("|").split("|")[0].strip()
        if first.startswith("`") and word.search(first):
            return True
    return False


OTHER_NAMES = sorted(
    n for n in kalshi.__all__ if n not in kalshi.apis.__all__ and n not in ("Configuration", "ApiClient")
)


def test_every_other_public_name_has_a_section() -> None:
    pages = _all_pages()
    missing = [n for n in OTHER_NAMES if not any(_has_section(t, n) for t in pages.values())]
    assert not missing, (
        "no docs page has a heading or a reference-table row for: " + ", ".join(f"kalshi.{n}" for n in missing)
    )


def test_every_exception_has_its_section_on_the_exceptions_page() -> None:
    text = _page("exceptions.md")
    headings = set(_headings(text))
    exceptions = [
        n for n in kalshi.__all__ if inspect.isclass(getattr(kalshi, n)) and issubclass(getattr(kalshi, n), Exception)
    ]
    missing = [n for n in exceptions if f"### `{n}`" not in headings]
    assert not missing, f"docs/exceptions.md has no '### `Name`' section for: {', '.join(missing)}"


@pytest.mark.parametrize("cls_name", ["Configuration", "ApiClient"])
def test_configuration_and_api_client_pages_name_every_public_method(cls_name: str) -> None:
    text = _page(f"{cls_name}.md")
    assert any(cls_name in h for h in _headings(text)), f"docs/{cls_name}.md has no heading naming {cls_name}"
    cls = getattr(kalshi, cls_name)
    missing = [m for m in _public_members(cls) if not _names(text, m)]
    assert not missing, f"docs/{cls_name}.md does not name these public members of {cls_name}: {', '.join(missing)}"


# --------------------------------------------------------------------------- kalshi.Kalshi


def _kalshi_surface() -> List[str]:
    """``client.<name>`` for each public member of ``Kalshi``, and ``client.<resource>.<method>``
    for each public method of each resource; found, not listed, so a new one needs its place too."""
    client = kalshi.Kalshi(host="http://127.0.0.1:9", trust_env=False)  # sends nothing until called
    try:
        names = [f"client.{n}" for n in _public_members(kalshi.Kalshi)]
        resources = {n: v for n, v in vars(client).items() if not n.startswith("_")}
        for resource, value in sorted(resources.items()):
            names += [f"client.{resource}.{m}" for m in _public_members(type(value))]
        return names
    finally:
        client.close()


def test_the_kalshi_page_names_every_resource_method() -> None:
    text = _page("Kalshi.md")
    surface = _kalshi_surface()
    assert "client.orders.reconcile" in surface and "client.markets.book" in surface
    spans = _headings(text) + re.findall(r"`([^`\n]+)`", text)
    missing = [n for n in surface if not any(n in span for span in spans)]
    assert not missing, f"docs/Kalshi.md does not name: {', '.join(missing)}"
    for needed in (
        "OrderOutcomeUnknownError", "OrderWaitTimeoutError", "KALSHI_EMAIL", "KALSHI_PASSWORD", "KALSHI_HOST"
    ):
        assert _names(text, needed), f"docs/Kalshi.md does not name {needed}"
    assert "## When the answer to an order is lost" in text and "cannot be told apart" in text


# --------------------------------------------------------------------------- kalshi.testing


def test_testing_page_names_everything_public_of_the_fake_exchange() -> None:
    text = _page("testing.md")
    wanted = {f"kalshi.testing.{n}": n for n in kalshi.testing.__all__}
    for cls in (kalshi.testing.FakeKalshiServer, kalshi.testing.SimulatedClock):
        wanted.update({f"{cls.__name__}.{n}": n for n in _public_members(cls)})
    wanted.update(
        {f"RecordedRequest.{f.name}": f.name for f in dataclasses.fields(kalshi.testing.RecordedRequest)}
    )
    wanted.update({f"fixture {n}": n for n in kalshi.pytest_plugin.__all__})
    missing = [label for label, name in sorted(wanted.items()) if not _names(text, name)]
    assert not missing, f"docs/testing.md does not document: {', '.join(missing)}"


# --------------------------------------------------------------------------- installing


_UNINSTALLABLE = re.compile(r"pip install ['\"]?kalshi-v1-sdk")


def _install_texts() -> Iterator[Path]:
    yield ROOT / "README.md"
    yield from sorted(DOCS.glob("*.md"))
    yield from sorted((ROOT / "kalshi").rglob("*.py"))


def test_no_page_or_message_installs_the_distribution_from_the_index() -> None:
    """kalshi-v1-sdk is not on the package index: ``pip install kalshi-v1-sdk`` cannot work."""
    found = []
    for path in _install_texts():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _UNINSTALLABLE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "install commands that cannot work (use pip install . from a checkout):\n" + "\n".join(found)


def test_the_readme_installs_from_a_checkout_with_each_extra() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("pip install .", "pip install '.[pandas]'", "pip install '.[fast]'"):
        assert command in readme, f"README.md does not show {command!r}"


def test_license_ships_and_the_readme_links_it_and_the_changelog() -> None:
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n")
    assert "Copyright (c) 2026 The kalshi-v1-sdk authors" in license_text
    assert 'license="MIT"' in (ROOT / "setup.py").read_text(encoding="utf-8")
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
    assert "include LICENSE" in manifest, "MANIFEST.in does not ship LICENSE in the sdist"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](LICENSE)" in readme and "](docs/changelog.md)" in readme
    changelog = _page("changelog.md")
    for part in ("### Added", "### Changed", "### Fixed", f"## {kalshi.__version__}"):
        assert part in changelog, f"docs/changelog.md has no {part!r}"
