"""The checked-in model modules and docs pages are exactly what the generator makes from the spec."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Dict, List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_models", Path(__file__).with_name("generate_models.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _load_generator()
DOC = GEN.load_spec()
FILES: Dict[str, str] = GEN.generate(DOC, (ROOT / "docs" / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(FILES))
def test_checked_in_file_is_what_the_generator_writes(path: str) -> None:
    on_disk = ROOT / path
    assert on_disk.is_file(), f"{path} is missing: run python test/codegen/generate_models.py"
    assert on_disk.read_text(encoding="utf-8") == FILES[path], (
        f"{path} differs from the generator's output: run python test/codegen/generate_models.py"
    )


def test_every_model_module_is_generated() -> None:
    """No hand-written module hides among the generated ones."""
    on_disk = {f"kalshi/model/{p.name}" for p in (ROOT / "kalshi" / "model").glob("*.py") if p.name != "__init__.py"}
    assert on_disk == {p for p in FILES if p.startswith("kalshi/model/")}


def test_the_generator_is_deterministic() -> None:
    readme = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    assert GEN.generate(DOC, readme) == FILES


def _table(text: str) -> List[Tuple[str, str, str]]:
    """(name, type cell, required/[optional]) per row of a page's properties table."""
    rows = []
    for line in text.split("## Properties", 1)[1].split("\n## ", 1)[0].splitlines():
        match = re.match(r"\*\*(\w+)\*\* \| (.*?) \| .*? \| (required|\[optional\])", line)
        if match:
            rows.append(match.groups())
    return rows


@pytest.mark.parametrize("name", sorted(GEN.HAND_WRITTEN_DOCS))
def test_hand_written_page_lists_the_fields_of_the_spec(name: str) -> None:
    """The pages kept by hand still show every field, with the generator's type and required cells."""
    spec = GEN.Spec(DOC)
    if spec.kind(name) == "list":
        item = GEN.ref_name(spec.schemas[name]["items"])
        expected = [("value", f"list of [**{item}**]({item}.md)", "required")]
    else:
        expected = [(a, t, n.split(";")[0]) for a, t, _d, n in GEN.property_rows(spec, name)]
    assert sorted(_table((ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8"))) == sorted(expected)


def test_a_literal_whose_value_left_the_spec_text_is_refused() -> None:
    doc = GEN.load_spec()
    doc["components"]["schemas"]["UserOrderCreateRequest"]["properties"]["side"]["description"] = "The side."
    with pytest.raises(AssertionError, match="SideLiteral"):
        GEN.generate(doc)


def test_a_new_spec_field_changes_the_output() -> None:
    doc = GEN.load_spec()
    doc["components"]["schemas"]["Market"]["properties"]["NewThing"] = {"type": "integer"}
    market = GEN.generate(doc)["kalshi/model/market.py"]
    assert '    new_thing: Optional[int] = field(wire="NewThing", default=None)\n' in market
