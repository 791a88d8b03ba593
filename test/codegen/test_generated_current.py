"""The checked-in generated files are exactly what the generator makes from the spec.

Every file of every stage (models, endpoint tables and API classes, docs pages) is compared with
``program.render_all()``, the same files ``python test/codegen --check`` compares; then the model
stage's own promises.
"""

from __future__ import annotations

import re
from typing import Dict, List, Tuple

import pytest

from codegen import generate_models as GEN
from codegen import program
from codegen.spec import ROOT, load_spec, schema_ref

ALL_FILES: Dict[str, str] = program.render_all()
DOC = load_spec()
FILES: Dict[str, str] = GEN.generate(DOC, (ROOT / "docs" / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(ALL_FILES))
def test_checked_in_file_is_what_the_generator_writes(path: str) -> None:
    on_disk = ROOT / path
    assert on_disk.is_file(), f"{path} is missing: run python test/codegen"
    assert on_disk.read_text(encoding="utf-8") == ALL_FILES[path], (
        f"{path} differs from the generator's output: run python test/codegen"
    )


def test_every_stage_is_checked() -> None:
    """The endpoint tables and API classes, the model modules and the docs pages are all compared."""
    assert {p for p in ALL_FILES if p.startswith("kalshi/api/")} == {
        f"kalshi/api/{p.name}" for p in (ROOT / "kalshi" / "api").glob("*_api.py")
    }
    tables = (ROOT / "kalshi" / "_operations").glob("*.py")
    assert {p for p in ALL_FILES if p.startswith("kalshi/_operations/")} == {
        f"kalshi/_operations/{p.name}" for p in tables if p.name != "__init__.py"
    }
    assert set(FILES) - {"docs/README.md"} <= set(ALL_FILES)
    assert {"README.md", "docs/README.md", "docs/UserApi.md", "kalshi/apis/__init__.py"} <= set(ALL_FILES)


def test_every_model_module_is_generated() -> None:
    """No hand-written module hides among the generated ones."""
    on_disk = {f"kalshi/model/{p.name}" for p in (ROOT / "kalshi" / "model").glob("*.py") if p.name != "__init__.py"}
    assert on_disk == {p for p in FILES if p.startswith("kalshi/model/")}


def test_the_generator_is_deterministic() -> None:
    readme = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    assert GEN.generate(DOC, readme) == FILES


def _table(text: str) -> List[Tuple[str, str, str]]:
    """(name, type cell, required/[optional]) per row of a page's properties table."""
    rows: List[Tuple[str, str, str]] = []
    for line in text.split("## Properties", 1)[1].split("\n## ", 1)[0].splitlines():
        match = re.match(r"\*\*(\w+)\*\* \| (.*?) \| .*? \| (required|\[optional\])", line)
        if match:
            rows.append((match[1], match[2], match[3]))
    return rows


@pytest.mark.parametrize("name", sorted(GEN.HAND_WRITTEN_DOCS))
def test_hand_written_page_lists_the_fields_of_the_spec(name: str) -> None:
    """The pages kept by hand still show every field, with the generator's type and required cells."""
    spec = GEN.Spec(DOC)
    if spec.kind(name) == "list":
        item = schema_ref(spec.schemas[name]["items"])
        expected = [("value", f"list of [**{item}**]({item}.md)", "required")]
    else:
        expected = [(a, t, n.split(";")[0]) for a, t, _d, n in GEN.property_rows(spec, name)]
    assert sorted(_table((ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8"))) == sorted(expected)


def test_a_literal_whose_value_left_the_spec_text_is_refused() -> None:
    doc = load_spec()
    doc["components"]["schemas"]["UserOrderCreateRequest"]["properties"]["side"]["description"] = "The side."
    with pytest.raises(AssertionError, match="SideLiteral"):
        GEN.generate(doc)


def test_a_new_spec_field_changes_the_output() -> None:
    doc = load_spec()
    doc["components"]["schemas"]["Market"]["properties"]["NewThing"] = {"type": "integer"}
    market = GEN.generate(doc)["kalshi/model/market.py"]
    assert '    new_thing: Optional[int] = field(wire="NewThing", default=None)\n' in market
