"""The API pages and endpoint tables that generate_api_docs.py makes from the spec.

That the checked-in files are exactly its output is test_generated_current.py's test.
"""

from __future__ import annotations

import re
from typing import Dict, List

import pytest

from codegen import generate_api_docs as GEN
from codegen import generate_apis
from codegen.spec import ROOT

FILES: Dict[str, str] = GEN.generate(*GEN.current_readmes())
API_CLASSES = sorted(generate_apis.TAG_CLASSES.values())


def test_every_api_class_has_a_page() -> None:
    generated = {p for p in FILES if p.startswith("docs/") and p != "docs/README.md"}
    assert generated | {f"docs/{c}.md" for c in GEN.HAND_WRITTEN} == {f"docs/{c}.md" for c in API_CLASSES}
    assert len(API_CLASSES) == 9


def test_the_generator_is_deterministic() -> None:
    assert GEN.generate(*GEN.current_readmes()) == FILES


def _method_rows(text: str) -> List[str]:
    return [line for line in text.splitlines() if re.match(r"^\[\*\*\w+\*\*\]\(\w+\.md#\w+\) \| ", line)]


@pytest.mark.parametrize("cls", sorted(GEN.HAND_WRITTEN))
def test_hand_written_page_lists_every_method_with_the_generated_signature(cls: str) -> None:
    """AccountApi.md and AuthApi.md keep their prose, but not a method table of their own."""
    text = (ROOT / "docs" / f"{cls}.md").read_text(encoding="utf-8")
    rows, signatures = GEN.hand_written_expectations(cls)
    assert _method_rows(text) == rows
    assert [line for line in text.splitlines() if line.startswith("> ")] == signatures


def test_readme_lists_all_36_operations() -> None:
    readme = FILES["README.md"]
    rows = [line for line in readme.splitlines() if re.match(r"^\| `\w+Api` \| \[`\w+`\]", line)]
    assert len(rows) == 36
    assert len(set(rows)) == 36
    docs_rows = [line for line in FILES["docs/README.md"].splitlines() if re.match(r"^\*\w+Api\* \| ", line)]
    assert len(docs_rows) == 36


def test_every_status_of_an_operation_has_its_exception() -> None:
    page = FILES["docs/UserApi.md"]
    create = page.split("# **user_order_create**", 1)[1].split("# **", 1)[0]
    assert "| **201** |" in create
    assert "| **503** | JSONError is a generic structure for API error responses. |" in create
    assert "`kalshi.ServiceException` |" in create
    assert "| **400** |" in create and "`kalshi.BadRequestException` |" in create


def test_a_new_spec_parameter_changes_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages follow the spec: a parameter added to it shows up in the parameters table."""
    real = generate_apis.load_operations

    def with_extra() -> List[generate_apis.Operation]:
        ops = real()
        market_op = next(o for o in ops if o.op_id == "GetTrades")
        market_op.params.append(generate_apis.Param("min_ts", "MinTs", "QUERY", "int", False, 10, "Newer than this."))
        return ops

    monkeypatch.setattr(generate_apis, "load_operations", with_extra)
    page = GEN.generate(*GEN.current_readmes())["docs/DefaultApi.md"]
    assert "**min_ts** | **int** |" in page
    assert "query parameter `MinTs` (the python name is `min_ts`)" in page
    assert "at most 10: a larger value raises `kalshi.ApiValueError`" in page
