"""What every stage of the generator shares: the spec, its names, and the python types of its shapes.

- the spec: ``load_spec()`` reads ``test/spec/kalshi-v1.json`` and refuses, with an
  ``UnsupportedShape`` that names the schema, any shape the generator has no rule for;
- names: ``snake()`` for operationIds, wire and parameter names, ``module_name()`` for the module of
  a schema, ``TAG_CLASSES`` for the API class of a spec tag;
- types: ``param_type()`` for a path or query parameter.

Standard library only.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "test" / "spec" / "kalshi-v1.json"
REF = "#/components/schemas/"
HOST = "https://trading-api.kalshi.com/v1"
# The configuration block every documented example of the generator's client opens with.
CONFIGURATION_BLOCK = (
    f"# Defining the host is optional and defaults to {HOST}",
    "# See configuration.py for a list of all supported configuration parameters.",
    "configuration = kalshi.Configuration(",
    f'    host = "{HOST}"',
    ")",
)

Doc = Dict[str, Any]

# The API class of each spec tag ("default" is the spec's untagged operations).
TAG_CLASSES = {
    "account": "AccountApi",
    "auth": "AuthApi",
    "exchange": "ExchangeApi",
    "market": "MarketApi",
    "portfolio": "PortfolioApi",
    "ranged_market": "RangedMarketApi",
    "ranged_markets": "RangedMarketsApi",
    "user": "UserApi",
    "default": "DefaultApi",
}


class UnsupportedShape(ValueError):
    """The spec has a shape the generator has no rule for; the message says where."""


# --------------------------------------------------------------------------- names


def snake(name: str) -> str:
    """``GetMarketOrderBookCached`` -> ``get_market_order_book_cached``; ``MinPrice`` -> ``min_price``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.lower()


def module_name(schema: str) -> str:
    """``GetMarketOrderBookResponse`` -> ``get_market_order_book_response``; ``JSONError`` -> ``json_error``."""
    return re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", schema).lower()


def schema_ref(prop: Dict[str, Any]) -> Optional[str]:
    """The component schema a ``{"$ref": ...}`` names, else None."""
    ref = prop.get("$ref")
    return ref[len(REF) :] if isinstance(ref, str) and ref.startswith(REF) else None


# --------------------------------------------------------------------------- types

# The python type of a path or query parameter, by the schema's type (a date-time string is a datetime).
_PARAM_TYPES = {"integer": "int", "boolean": "bool", "number": "float", "string": "str"}
PARAM_LOCATIONS = {"path": "PATH", "query": "QUERY"}
# Keywords no stage has a rule for: a schema using one would be generated as if it were not there.
_UNHANDLED = ("enum", "oneOf", "anyOf", "allOf", "not", "const")


def param_type(schema: Dict[str, Any], where: str) -> str:
    """The python type of a path or query parameter's schema; ``where`` names it in the error."""
    for key in _UNHANDLED:
        if key in schema:
            raise UnsupportedShape(f"{where}: a parameter schema with {key!r} has no python type here")
    kind = schema.get("type")
    if kind not in _PARAM_TYPES:
        shape = "a $ref" if "$ref" in schema else f"type {kind!r}"
        raise UnsupportedShape(f"{where}: {shape} in a parameter has no python type here (only scalars)")
    if kind == "string" and schema.get("format") == "date-time":
        return "datetime"
    return _PARAM_TYPES[kind]


def param_location(param: Dict[str, Any], where: str) -> str:
    """``PATH`` or ``QUERY``; a header or cookie parameter has no rule."""
    location = PARAM_LOCATIONS.get(param.get("in", ""))
    if location is None:
        raise UnsupportedShape(f"{where}: a parameter in {param.get('in')!r} is not handled (only path and query)")
    return location


def body_schema(operation: Dict[str, Any], where: str) -> Optional[str]:
    """The component schema of an operation's JSON body, None without a body."""
    body = operation.get("requestBody")
    if body is None:
        return None
    content = body.get("content", {})
    name = schema_ref(content.get("application/json", {}).get("schema", {}))
    if set(content) != {"application/json"} or name is None:
        raise UnsupportedShape(f"{where}: a request body must be one application/json $ref to a component schema")
    return name


def _properties(doc: Doc) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """(``Schema.property`` or ``Schema[]``, its schema) for every property and array item, nested too."""

    def walk(where: str, schema: Dict[str, Any]) -> Iterator[Tuple[str, Dict[str, Any]]]:
        yield where, schema
        for name, prop in schema.get("properties", {}).items():
            yield from walk(f"{where}.{name}", prop)
        if isinstance(schema.get("items"), dict):
            yield from walk(f"{where}[]", schema["items"])

    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        yield from walk(name, schema)


def check_spec(doc: Doc) -> None:
    """Raise ``UnsupportedShape`` for the first shape of the spec that the generator would get wrong."""
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            name = op.get("operationId", f"{method.upper()} {path}")
            tag = (op.get("tags") or ["default"])[0]
            if tag not in TAG_CLASSES:
                raise UnsupportedShape(f"operation {name}: the tag {tag!r} has no API class in TAG_CLASSES")
            for p in op.get("parameters", []):
                where = f"operation {name}, parameter {p.get('name')!r}"
                param_location(p, where)
                param_type(p.get("schema", {}), where)
            body_schema(op, f"operation {name}")
    for where, schema in _properties(doc):
        for key in _UNHANDLED:
            if key in schema:
                raise UnsupportedShape(f"schema {where}: {key!r} has no rule in the generator")
        if schema.get("type") == "array" and not isinstance(schema.get("items"), dict):
            raise UnsupportedShape(f"schema {where}: an array without an items schema")


# --------------------------------------------------------------------------- the spec


def load_spec(path: Path = SPEC_PATH) -> Doc:
    """A fresh, checked copy of the spec (callers may change it, e.g. to test the generator)."""
    doc: Doc = json.loads(path.read_text(encoding="utf-8"))
    check_spec(doc)
    return doc


@functools.lru_cache(maxsize=None)
def spec_doc() -> Doc:
    """The checked-in spec, read once, for the stages that only read it."""
    return load_spec()
