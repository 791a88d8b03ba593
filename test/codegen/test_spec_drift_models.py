"""Spec drift, the schema half: every schema of test/spec/kalshi-v1.json against what the SDK declares.

For each object schema: the same fields, python name = snake_case of the wire name, the same
required set, the python type the spec's type maps to, secrets and ``minLength``. Array schemas are
list models of their item model (or, for ``PriceLevel``, a two-int ``NamedTuple``); scalar schemas
are aliases of ``int``/``str``. The mapping is written out here again, apart from the generator.
"""

from __future__ import annotations

import importlib
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, get_type_hints

import pytest

from kalshi._model.fields import split_unit
from kalshi.model_utils import ListModel, Model, model_fields

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
SCHEMAS: Dict[str, Any] = dict(SPEC["components"]["schemas"])
# JSONError is a response of the spec, not a schema: its four fields are declared as headers.
_ERROR = SPEC["components"]["responses"]["JSONError"]
SCHEMAS["JSONError"] = {"type": "object", "properties": {k: h["schema"] for k, h in _ERROR["headers"].items()}}
REF = "#/components/schemas/"


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _module(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", name).lower()


def sdk(name: str) -> Any:
    return getattr(importlib.import_module(f"kalshi.model.{_module(name)}"), name)


def _kind(name: str) -> str:
    schema = SCHEMAS[name]
    if schema.get("type") == "object":
        return "object"
    if schema.get("type") == "array":
        return "list" if "$ref" in schema["items"] else "tuple"
    return "scalar"


def expected_type(prop: Dict[str, Any]) -> Any:
    """The python type a property of the spec must be declared with (Optional left out)."""
    if "$ref" in prop:
        target = prop["$ref"][len(REF) :]
        if _kind(target) == "scalar":
            return {"integer": int, "string": str}[SCHEMAS[target]["type"]]
        return sdk(target)
    kind = prop["type"]
    if kind == "string":
        return datetime if prop.get("format") == "date-time" else str
    if kind == "array":
        return List[expected_type(prop["items"])]  # type: ignore[misc]
    if kind == "object":
        return Dict[str, Any]
    return {"integer": int, "number": float, "boolean": bool}[kind]


def _declared(cls: Any) -> Dict[str, Any]:
    return {f.wire: f for f in model_fields(cls)}


OBJECTS = sorted(n for n in SCHEMAS if _kind(n) == "object")


def test_the_spec_has_the_79_schemas_of_v1() -> None:
    assert len(SPEC["components"]["schemas"]) == 79


@pytest.mark.parametrize("name", OBJECTS)
def test_object_schema_fields_match(name: str) -> None:
    schema = SCHEMAS[name]
    cls = sdk(name)
    assert issubclass(cls, Model)
    fields = _declared(cls)
    assert set(fields) == set(schema.get("properties", {})), "wire names"
    required = set(schema.get("required", ()))
    for wire, prop in schema["properties"].items():
        f = fields[wire]
        assert f.name == _snake(wire), wire
        assert f.required is (wire in required), wire
        # A request's side is the spec's two values (its text names them), for type checkers too.
        expected = Literal["yes", "no"] if (wire == "side" and name.endswith("Request")) else expected_type(prop)
        assert f.annotation == expected, wire
        secret = prop.get("format") == "password" or wire == "token" or wire.endswith("password")
        assert f.secret is secret, wire
        assert f.min_length == prop.get("minLength"), wire


@pytest.mark.parametrize("name", OBJECTS)
def test_optional_fields_are_declared_optional(name: str) -> None:
    """What type checkers see: ``Optional[...]`` exactly for the fields the spec does not require."""
    cls = sdk(name)
    hints = get_type_hints(cls)
    for f in model_fields(cls):
        declared = hints[f.name]
        assert (declared == Optional[f.annotation]) is (not f.required), f.name


@pytest.mark.parametrize("name", sorted(n for n in SCHEMAS if _kind(n) == "list"))
def test_array_schemas_are_list_models_of_their_item(name: str) -> None:
    cls = sdk(name)
    assert issubclass(cls, ListModel)
    assert cls.item_type is sdk(SCHEMAS[name]["items"]["$ref"][len(REF) :])


def test_price_level_is_a_named_tuple_of_two_ints() -> None:
    assert _kind("PriceLevel") == "tuple" and SCHEMAS["PriceLevel"]["items"]["type"] == "integer"
    cls = sdk("PriceLevel")
    assert issubclass(cls, tuple) and cls._fields == ("price", "count")
    assert get_type_hints(cls) == {"price": int, "count": int}


@pytest.mark.parametrize("name", sorted(n for n in SCHEMAS if _kind(n) == "scalar"))
def test_scalar_schemas_are_aliases_of_their_type(name: str) -> None:
    tp, unit = split_unit(sdk(name))
    assert tp is {"integer": int, "string": str}[SCHEMAS[name]["type"]]
    assert unit == ("cents" if name == "Cent" else None)  # the one unit: money displays in dollars
