"""The generator as one program: its command line, and the shapes it refuses to guess at."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

from codegen import generate_apis, program
from codegen.spec import ROOT, UnsupportedShape, check_spec, load_spec

# The smallest spec with one operation of each kind the generator handles: path and query scalars,
# a JSON body, a response model.
SYNTHETIC: Dict[str, Any] = {
    "openapi": "3.0.0",
    "paths": {
        "/things/{thing_id}": {
            "put": {
                "operationId": "ThingPut",
                "tags": ["market"],
                "parameters": [
                    {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "Since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 10}},
                ],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "responses": {
                    "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
                },
            }
        }
    },
    "components": {"schemas": {"Thing": {"type": "object", "properties": {"size": {"type": "integer"}}}}},
}


def _with(**changes: Any) -> Dict[str, Any]:
    doc = copy.deepcopy(SYNTHETIC)
    op = doc["paths"]["/things/{thing_id}"]["put"]
    if "query" in changes:
        op["parameters"].append({"name": "tags", "in": "query", "schema": changes["query"]})
    if "param" in changes:
        op["parameters"].append(changes["param"])
    if "prop" in changes:
        doc["components"]["schemas"]["Thing"]["properties"]["kind"] = changes["prop"]
    if "body" in changes:
        op["requestBody"] = changes["body"]
    if "tag" in changes:
        op["tags"] = [changes["tag"]]
    return doc


def test_the_synthetic_spec_generates() -> None:
    check_spec(SYNTHETIC)
    (op,) = generate_apis.load_operations(SYNTHETIC)
    assert [(p.name, p.wire, p.location, p.pytype) for p in op.params] == [
        ("thing_id", "thing_id", "PATH", "str"),
        ("since", "Since", "QUERY", "datetime"),
        ("limit", "limit", "QUERY", "int"),
        ("thing", "", "BODY", "Thing"),
    ]
    assert "THING_PUT = Endpoint(" in generate_apis.render(SYNTHETIC)["kalshi/_operations/market.py"]


UNSUPPORTED = {
    "array query parameter": (
        _with(query={"type": "array", "items": {"type": "string"}}),
        "operation ThingPut, parameter 'tags': type 'array'",
    ),
    "enum query parameter": (
        _with(query={"type": "string", "enum": ["a", "b"]}),
        "operation ThingPut, parameter 'tags': a parameter schema with 'enum'",
    ),
    "object query parameter": (_with(query={"type": "object"}), "operation ThingPut, parameter 'tags': type 'object'"),
    "$ref query parameter": (
        _with(query={"$ref": "#/components/schemas/Thing"}),
        "operation ThingPut, parameter 'tags': a $ref",
    ),
    "header parameter": (
        _with(param={"name": "X-Trace", "in": "header", "schema": {"type": "string"}}),
        "operation ThingPut, parameter 'X-Trace': a parameter in 'header'",
    ),
    "form body": (
        _with(body={"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}}),
        "operation ThingPut: a request body must be one application/json $ref",
    ),
    "unknown tag": (_with(tag="things"), "operation ThingPut: the tag 'things' has no API class"),
    "enum property": (_with(prop={"type": "string", "enum": ["x"]}), "schema Thing.kind: 'enum'"),
    "oneOf property": (_with(prop={"oneOf": [{"type": "string"}, {"type": "integer"}]}), "schema Thing.kind: 'oneOf'"),
    "array without items": (_with(prop={"type": "array"}), "schema Thing.kind: an array without an items schema"),
}


@pytest.mark.parametrize("case", sorted(UNSUPPORTED))
def test_an_unsupported_shape_stops_the_generator_naming_it(case: str) -> None:
    doc, message = UNSUPPORTED[case]
    with pytest.raises(UnsupportedShape) as err:
        check_spec(doc)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize("case", [c for c in sorted(UNSUPPORTED) if c.endswith(("parameter", "body"))])
def test_the_api_stage_refuses_it_too_when_called_on_its_own(case: str) -> None:
    doc, message = UNSUPPORTED[case]
    with pytest.raises(UnsupportedShape, match=message.split(":")[0]):
        generate_apis.load_operations(doc)


def test_the_program_reports_an_unsupported_shape_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = load_spec()
    doc["paths"]["/trades"]["get"]["parameters"][0]["schema"] = {"type": "array", "items": {"type": "string"}}

    def refuse() -> None:
        check_spec(doc)

    monkeypatch.setattr(program, "render_all", refuse)
    assert program.main(["--check"], root=tmp_path) == 2
    err = capsys.readouterr().err
    assert "operation GetTrades, parameter 'trades_date': type 'array'" in err
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_check_names_each_stale_file_and_writing_fixes_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = program.render_all()
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    (tmp_path / "kalshi" / "api" / "user_api.py").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "docs" / "Market.md").unlink()

    assert program.stale(files, tmp_path) == ["docs/Market.md", "kalshi/api/user_api.py"]
    assert program.main(["--check"], root=tmp_path) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["out of date: docs/Market.md", "out of date: kalshi/api/user_api.py"]
    assert program.main([], root=tmp_path) == 0
    assert program.stale(files, tmp_path) == []


def test_the_command_line_checks_the_repository() -> None:
    """What CI and contributors run: ``python test/codegen --check``, from any directory."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and generator
        [sys.executable, str(ROOT / "test" / "codegen"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT / "docs",
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_an_unknown_argument_prints_the_usage() -> None:
    done = subprocess.run(  # noqa: S603 - our own interpreter and generator
        [sys.executable, str(ROOT / "test" / "codegen"), "--chek"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "python test/codegen --check" in done.stderr
