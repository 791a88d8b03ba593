"""Generate the model layer from the spec: ``kalshi/model/*.py``, ``kalshi/models/__init__.py``, docs pages.

Run by ``python test/codegen`` (``--check``: exit 1 if a checked-in file is stale), with the other
stages. It reads ``test/spec/kalshi-v1.json`` only (stdlib, no network) and its output is
deterministic. ``test/codegen/test_generated_current.py`` fails when the checked-in files differ from it.

What comes from where:

* every field, wire name, type, required flag, secret flag and ``minLength`` from the schema;
* docstrings from the spec's descriptions, else from the operations that use the schema;
* the few things the spec cannot say are the tables at the bottom: docstrings kept from the
  hand-written account models, a few one-line summaries, ``Literal`` aliases (each with the spec text that
  names its values, checked here), and the docs pages that stay hand-written (their property
  tables are checked against the spec by the test).
"""

from __future__ import annotations

import json
import re
import textwrap
import uuid
from typing import Any, Dict, List, Optional, Tuple

from .spec import REF, ROOT, module_name, snake
from .spec import schema_ref as ref_name

Files = Dict[str, str]  # path relative to the repository root -> content


# --------------------------------------------------------------------------- the spec, classified


class Spec:
    """The schemas of the spec, sorted by kind, and where each one is used."""

    def __init__(self, doc: Dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: Dict[str, Dict[str, Any]] = dict(doc["components"]["schemas"])
        self.schemas.update(error_schema(doc))
        self.usage = self._usage()

    def kind(self, name: str) -> str:
        """``object``, ``list`` (array of a model), ``tuple`` (array of ints) or ``alias`` (scalar)."""
        schema = self.schemas[name]
        if schema.get("type") == "object" or "properties" in schema:
            return "object"
        if schema.get("type") == "array":
            return "list" if ref_name(schema["items"]) else "tuple"
        return "alias"

    def names(self, kind: Optional[str] = None) -> List[str]:
        return sorted(n for n in self.schemas if kind is None or self.kind(n) == kind)

    def _usage(self) -> Dict[str, List[str]]:
        """Schema name -> ``"Response of ``GET /path``"``-style phrases, from the operations."""
        responses = self.doc["components"].get("responses", {})
        usage: Dict[str, List[str]] = {}
        for path, item in sorted(self.doc["paths"].items()):
            for method, op in sorted(item.items()):
                where = f"``{method.upper()} {path}``"
                for content in op.get("requestBody", {}).get("content", {}).values():
                    name = ref_name(content["schema"])
                    if name:
                        usage.setdefault(name, []).append(f"Body of {where}")
                for code, resp in sorted(op.get("responses", {}).items()):
                    if "$ref" in resp:
                        resp = responses[resp["$ref"].rsplit("/", 1)[1]]
                    for content in resp.get("content", {}).values():
                        name = ref_name(content["schema"])
                        if name and code.startswith("2"):
                            usage.setdefault(name, []).append(f"Response of {where}")
        return usage


def error_schema(doc: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    """``JSONError`` as an object schema: the spec has it only as a response, its fields as headers."""
    response = doc["components"].get("responses", {}).get("JSONError")
    if response is None or "JSONError" in doc["components"]["schemas"]:
        return {}
    properties = {name: header["schema"] for name, header in response.get("headers", {}).items()}
    return {"JSONError": {"type": "object", "description": response["description"], "properties": properties}}


# --------------------------------------------------------------------------- types


class PyType:
    """A field's python annotation, the names it needs imported and its docs cell."""

    def __init__(self, text: str, imports: List[Tuple[str, str]], cell: str, note: str = "") -> None:
        self.text = text
        self.imports = imports  # (module, name)
        self.cell = cell
        self.note = note


def py_type(spec: Spec, prop: Dict[str, Any]) -> PyType:
    name = ref_name(prop)
    if name is not None:
        module = f"kalshi.model.{module_name(name)}"
        kind: Optional[str] = spec.kind(name)
        if kind == "alias":
            target = spec.schemas[name]
            base = "int" if target.get("type") == "integer" else "str"
            note = "cents" if name == "Cent" else f"see [{name}]({name}.md)"
            return PyType(name, [(module, name)], f"**{base}**", note)
        if kind == "tuple":
            return PyType(name, [(module, name)], f"[**{name}**]({name}.md)")
        return PyType(name, [(module, name)], f"[**{name}**]({name}.md)")
    kind = prop.get("type")
    if kind == "string":
        if prop.get("format") == "date-time":
            return PyType("datetime", [("datetime", "datetime")], "**datetime** (timezone-aware)")
        return PyType("str", [], "**str**")
    if kind == "integer":
        # The spec's format bounds the value: Int32/Int64 are ints to type checkers, range-checked at run time.
        if prop.get("format") in INT_FORMATS:
            alias = INT_FORMATS[prop["format"]]
            return PyType(alias, [("kalshi.model_utils", alias)], "**int**", prop["format"])
        return PyType("int", [], "**int**")
    if kind == "number":
        return PyType("float", [], "**float**")
    if kind == "boolean":
        return PyType("bool", [], "**bool**")
    if kind == "array":
        item = py_type(spec, prop["items"])
        return PyType(f"List[{item.text}]", [("typing", "List"), *item.imports], f"list of {item.cell}", item.note)
    if kind == "object":
        return PyType("Dict[str, Any]", [("typing", "Dict"), ("typing", "Any")], "**dict**")
    raise ValueError(f"no python type for {prop!r}")


def field_type(spec: Spec, name: str, wire: str, prop: Dict[str, Any]) -> PyType:
    """A field's type: the spec's, except that the fields of ``CENT_FIELDS`` are ``Cent`` and a
    request's ``side`` is ``SideLiteral`` (a type checker flags another value; responses stay lenient)."""
    if wire in CENT_FIELDS.get(name, ()):
        return py_type(spec, {"$ref": REF + "Cent"})
    if wire == "side" and name.endswith("Request"):
        values = " or ".join(f'`"{v}"`' for v in LITERALS["Side"][0])
        return PyType("SideLiteral", [("kalshi.model.side", "SideLiteral")], "**str**", f"{values} only")
    return py_type(spec, prop)


def is_secret(wire: str, prop: Dict[str, Any]) -> bool:
    # The spec marks only some passwords as ``format: password``; every password and token is secret.
    return prop.get("format") == "password" or wire == "token" or wire.endswith("password")


# --------------------------------------------------------------------------- text


def clean(text: str, schema: str = "") -> str:
    """A spec description as prose: Go-swagger leftovers dropped, whitespace collapsed."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if lines and lines[0] == schema:  # "OrderBook\nContains ..." repeats the name first
        lines = lines[1:]
    lines = [line for line in lines if not re.fullmatch(r"in: \w+|swagger: ignore", line)]
    paragraph: List[str] = []
    for line in lines:
        if not line:
            if paragraph:
                break
            continue
        paragraph.append(line)
    out = " ".join(paragraph).strip()
    if out and out[-1] not in ".!?":
        out += "."
    return out[:1].upper() + out[1:]


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def docstring(text: str, indent: str) -> str:
    body = textwrap.wrap(text.replace("\\", "\\\\"), width=100 - len(indent))
    if len(body) == 1 and len(indent) + len(body[0]) + 6 <= 120:
        return f'{indent}"""{body[0]}"""'
    return f'{indent}"""' + f"\n{indent}".join(body) + f'\n{indent}"""'


def summary(spec: Spec, name: str) -> str:
    """One sentence saying what the schema is."""
    if name in SUMMARIES:
        return SUMMARIES[name]
    uses = spec.usage.get(name, [])
    if uses:
        text = uses[0] + ("".join(" and " + u.split(" of ", 1)[1] for u in uses[1:3]))
        return text + "."
    desc = spec.schemas[name].get("description")
    if desc:
        return first_sentence(clean(desc, name))
    if spec.kind(name) == "list":
        return f"A list of {ref_name(spec.schemas[name]['items'])}: a JSON array on the wire."
    raise ValueError(f"{name}: no description in the spec and none in SUMMARIES")


def class_doc(spec: Spec, name: str) -> str:
    desc = spec.schemas[name].get("description")
    return clean(desc, name) if desc else summary(spec, name)


# --------------------------------------------------------------------------- python modules


def _import_lines(imports: List[Tuple[str, str]]) -> str:
    """Sorted the way ruff's isort rules want: stdlib, then first party; names by type then case."""
    by_module: Dict[str, set] = {}
    for module, name in imports:
        by_module.setdefault(module, set()).add(name)

    def order(n: str) -> Tuple[int, str]:
        return (0 if n.isupper() and len(n) > 1 else 1 if n[:1].isupper() else 2, n)

    def line(module: str) -> str:
        return f"from {module} import {', '.join(sorted(by_module[module], key=order))}"

    stdlib = sorted(m for m in by_module if not m.startswith("kalshi"))
    first = sorted(m for m in by_module if m.startswith("kalshi"))
    blocks = ["\n".join(line(m) for m in group) for group in (stdlib, first) if group]
    return "\n\n".join(blocks)


def render_object(spec: Spec, name: str) -> str:
    schema = spec.schemas[name]
    required = set(schema.get("required", ()))
    base = "ListResponse" if is_list_response(spec, name) else "Model"
    imports: List[Tuple[str, str]] = [("kalshi.model_utils", base)]
    bases = base
    if name in MIXINS:
        imports.append(("kalshi._model.plot", MIXINS[name][0]))
        bases = f"{MIXINS[name][0]}, {base}"
    lines = []
    for wire, prop in ordered_properties(schema):
        attr = snake(wire)
        tp = field_type(spec, name, wire, prop)
        imports += tp.imports
        args = []
        if attr != wire:
            args.append(f'wire="{wire}"')
        if wire not in required:
            args.append("default=None")
        if is_secret(wire, prop):
            args.append("secret=True")
        if "minLength" in prop:
            args.append(f"min_length={prop['minLength']}")
        annotation = tp.text if wire in required else f"Optional[{tp.text}]"
        if wire not in required:
            imports.append(("typing", "Optional"))
        if args == ["default=None"]:
            lines.append(f"    {attr}: {annotation} = None")
        elif args:
            imports.append(("kalshi.model_utils", "field"))
            lines.append(f"    {attr}: {annotation} = field({', '.join(args)})")
        else:
            lines.append(f"    {attr}: {annotation}")
    module_doc, cls_doc = DOCSTRINGS.get(name, (summary(spec, name), class_doc(spec, name)))
    out = f"{docstring(module_doc, '')}\n\n{_import_lines(imports)}\n\n\nclass {name}({bases}):\n"
    out += docstring(cls_doc, "    ") + "\n"
    if lines:
        out += "\n" + "\n".join(lines) + "\n"
    return out


def ordered_properties(schema: Dict[str, Any]) -> List[Tuple[str, Dict[str, Any]]]:
    """Required fields first, then the optional ones, each in the spec's (alphabetical) order."""
    required = set(schema.get("required", ()))
    props = list(schema.get("properties", {}).items())
    return [p for p in props if p[0] in required] + [p for p in props if p[0] not in required]


def is_list_response(spec: Spec, name: str) -> bool:
    """A response holding one list of models: it gets ``to_records()``/``to_dataframe()`` (``ListResponse``)."""
    props = list(spec.schemas[name].get("properties", {}).values())
    if not name.endswith("Response") or len(props) != 1:
        return False
    target = ref_name(props[0]) or ref_name(props[0].get("items", {}))
    if target is None:
        return False
    return spec.kind(target) == "list" if "$ref" in props[0] else spec.kind(target) == "object"


def render_list(spec: Spec, name: str) -> str:
    item = ref_name(spec.schemas[name]["items"])
    assert item is not None
    behaves = f"Behaves as a list of ``{item}`` (len, iteration, indexing); ``.value`` is the list."
    module_doc, cls_doc = DOCSTRINGS.get(name, (summary(spec, name), behaves))
    imports = [(f"kalshi.model.{module_name(item)}", item), ("kalshi.model_utils", "ListModel")]
    return (
        f"{docstring(module_doc, '')}\n\nfrom typing import ClassVar, Type\n\n{_import_lines(imports)}\n\n\n"
        f"class {name}(ListModel[{item}]):\n{docstring(cls_doc, '    ')}\n\n"
        f"    __slots__ = ()\n    item_type: ClassVar[Type[{item}]] = {item}\n"
    )


def render_tuple(spec: Spec, name: str) -> str:
    assert name == "PriceLevel", f"{name}: only PriceLevel is a tuple-shaped schema"
    return f'''"""{summary(spec, name)}"""

from typing import NamedTuple

from kalshi.model.cent import Cent
from kalshi.model_utils import Int32


class PriceLevel(NamedTuple):
    """One price of an order book side: ``[price, count]`` on the wire, e.g. ``[30, 50]``.

    ``price`` is in cents (1 to 99); ``count`` is the number of contracts resting at that price.
    """

    price: Cent
    count: Int32  # type: ignore[assignment]  # the spec's name; it hides tuple.count(), of no use here
'''


def render_alias(spec: Spec, name: str) -> str:
    schema = spec.schemas[name]
    base = "int" if schema.get("type") == "integer" else "str"
    text = summary(spec, name)
    literal = LITERALS.get(name)
    imports = "\nfrom typing import Literal\n" if literal else ""
    if name == "Cent":
        # An int to type checkers and at run time, in the int64 range; the metadata tells displays to show dollars.
        imports = "\nfrom typing import Annotated\n\nfrom kalshi.model_utils import Int64\n"
        base = 'Annotated[Int64, "cents"]'
    out = f'{docstring(text, "")}\n{imports}\n{name} = {base}\n'
    if literal:
        values, where = literal
        out += f"\n# The values the spec's text names ({where.replace('`', '')}); the server may send others.\n"
        out += f"{name}Literal = Literal[{', '.join(json.dumps(v) for v in values)}]\n"
    return out


def render_models_init(spec: Spec) -> str:
    exports = []  # (name, module)
    for name in spec.names():  # the schema names only: a Literal alias stays in its module
        exports.append((name, module_name(name)))
    exports.sort(key=lambda e: (0 if e[0].isupper() else 1, e[0]))
    by_module: Dict[str, List[str]] = {}
    for n, m in exports:
        by_module.setdefault(m, []).append(n)
    checking = "\n".join(
        f"    from kalshi.model.{m} import {', '.join(sorted(n))}" for m, n in sorted(by_module.items())
    )
    table = "\n".join(f'    "{n}": "kalshi.model.{m}",' for n, m in exports)
    names = "\n".join(f'    "{n}",' for n, _ in exports)
    return f'''"""Every model of the API: ``from kalshi.models import Market``.

Nothing is imported until first used (PEP 562): ``kalshi.models.Market`` imports
``kalshi.model.market`` then, and only the models it refers to.
"""

from typing import TYPE_CHECKING

from kalshi._common.lazy import Dir, Getattr, lazy_exports

if TYPE_CHECKING:
{checking}

# Public name -> the module that defines it.
_MODULES = {{
{table}
}}

__all__ = [
{names}
]

__getattr__: Getattr
__dir__: Dir
__getattr__, __dir__ = lazy_exports(__name__, _MODULES)
'''


# --------------------------------------------------------------------------- docs pages

_FOOTER = (
    "[[Back to Model list]](../README.md#models) [[Back to API list]](../README.md#endpoints) "
    "[[Back to README]](../README.md)\n"
)
_UTC_SAMPLE = "2021-11-02T14:03:07Z"


def property_rows(spec: Spec, name: str) -> List[Tuple[str, str, str, str]]:
    """(python name, type cell, description, notes) per field, sorted by wire name."""
    schema = spec.schemas[name]
    required = set(schema.get("required", ()))
    rows = []
    for wire, prop in ordered_properties(schema):
        attr = snake(wire)
        tp = field_type(spec, name, wire, prop)
        notes = ["required" if wire in required else "[optional]"]
        if attr != wire:
            notes.append(f"wire name `{wire}`")
        if is_secret(wire, prop):
            notes.append("secret: never shown in repr")
        if "minLength" in prop:
            notes.append(f"at least {prop['minLength']} characters")
        if "maxLength" in prop:
            notes.append(f"at most {prop['maxLength']} characters (checked by the exchange)")
        if tp.note:
            notes.append(tp.note)
        desc = clean(prop.get("description", ""), name) or FIELD_DESCRIPTIONS.get((name, attr), "")
        rows.append((attr, tp.cell, desc, "; ".join(notes)))
    return rows


def _sample_string(spec: Spec, name: str, wire: str, prop: Dict[str, Any]) -> str:
    if "example" in prop:
        return str(prop["example"])
    fmt = prop.get("format")
    if fmt == "date-time":
        return _UTC_SAMPLE
    if fmt == "uuid4" or wire == "id" or wire.endswith("_id"):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kalshi-sdk-docs/{name}/{wire}"))
    if fmt == "email" or wire == "email":
        return "you@example.com"
    if is_secret(wire, prop):
        return "your-password"
    return SAMPLE_STRINGS.get(wire, f"{wire.replace('_', '-')}-example")


def sample(spec: Spec, name: str, depth: int = 0) -> Any:
    """A small valid wire value of the schema: required fields, else the first few."""
    kind = spec.kind(name)
    schema = spec.schemas[name]
    if kind == "tuple":
        return [30, 50]
    if kind == "list":
        item = ref_name(schema["items"])
        assert item is not None
        return [sample(spec, item, depth + 1)]
    if kind == "alias":
        return 45 if schema.get("type") == "integer" else SAMPLE_ALIASES.get(name, f"{module_name(name)}-example")
    props = schema.get("properties", {})
    keys = [k for k in sorted(props) if k in schema.get("required", ())]
    if name in EXAMPLE_FIELDS:
        keys = EXAMPLE_FIELDS[name][: None if depth == 0 else 3]
    if not keys:
        keys = sorted(props)[: 3 if depth == 0 else 2]
    return {k: _sample_prop(spec, name, k, props[k], depth) for k in keys}


def _sample_prop(spec: Spec, name: str, wire: str, prop: Dict[str, Any], depth: int) -> Any:
    target = ref_name(prop)
    if target is not None:
        return sample(spec, target, depth + 1)
    kind = prop.get("type")
    if kind == "string":
        return _sample_string(spec, name, wire, prop)
    if kind == "integer":
        return 1635861787 if wire in ("ts", "max_ts", "min_ts") or wire.endswith("_unix_ts") else 10
    if kind == "number":
        return 2.5
    if kind == "boolean":
        return True
    if kind == "array":
        return [_sample_prop(spec, name, wire, prop["items"], depth + 1)]
    return {"key": "value"}


def _leaf(spec: Spec, name: str, value: Any, expr: str) -> Optional[Tuple[str, str, List[str]]]:
    """The first scalar reachable in a sample: (python expression, the text print() shows, the optional
    attributes on the way that a user's code narrows with ``is not None`` before going further)."""
    kind = spec.kind(name)
    if kind == "tuple":
        return f"{expr}.count", str(value[1]), []
    if kind == "list":
        item = ref_name(spec.schemas[name]["items"])
        assert item is not None
        return _leaf(spec, item, value[0], f"{expr}[0]")
    props = spec.schemas[name].get("properties", {})
    required = set(spec.schemas[name].get("required", ()))
    for wire, v in value.items():
        prop = props[wire]
        target = ref_name(prop)
        attr = f"{expr}.{snake(wire)}"
        narrow = [] if wire in required else [attr]
        if is_secret(wire, prop):
            continue
        found: Optional[Tuple[str, str, List[str]]]
        if target is not None and spec.kind(target) != "alias":
            found = _through(narrow, _leaf(spec, target, v, attr))
        elif prop.get("type") == "array":
            item_ref = ref_name(prop["items"])
            if item_ref is not None and spec.kind(item_ref) != "alias":
                found = _through(narrow, _leaf(spec, item_ref, v[0], f"{attr}[0]"))
            else:
                found = (f"{attr}[0]", str(v[0]), narrow)
        elif prop.get("type") == "object":
            continue
        elif prop.get("format") == "date-time":
            found = (attr, "2021-11-02 14:03:07+00:00", [])
        else:
            found = (attr, str(v), [])
        if found:
            return found
    return None


def _through(narrow: List[str], found: Optional[Tuple[str, str, List[str]]]) -> Optional[Tuple[str, str, List[str]]]:
    """A leaf found inside an attribute: that attribute, if optional, is narrowed first."""
    return None if found is None else (found[0], found[1], narrow + found[2])


def _variable(name: str) -> str:
    for suffix, var in (("Response", "response"), ("Request", "request"), ("List", "items")):
        if name.endswith(suffix):
            return var
    return module_name(name)


def _py_value(value: Any) -> str:
    """A JSON value as a python literal on one line."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_py_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_py_value(v) for v in value) + "]"
    return json.dumps(value) if isinstance(value, str) else repr(value)


def _py_literal(value: Any) -> str:
    """A JSON value as a python literal: one line per top-level key or item."""
    if isinstance(value, dict) and value:
        return "{\n" + "".join(f"    {json.dumps(k)}: {_py_value(v)},\n" for k, v in value.items()) + "}"
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "[\n" + "".join(f"    {_py_value(v)},\n" for v in value) + "]"
    return _py_value(value)


def model_example(spec: Spec, name: str) -> str:
    value = sample(spec, name)
    var = _variable(name)
    leaf = _leaf(spec, name, value, var)
    expected = []
    code = [f"from kalshi.models import {name}", "", f"wire = {_py_literal(value)}", f"{var} = {name}.from_wire(wire)"]
    if leaf is not None:
        expr, shown, optional = leaf
        # The sample sets these optional fields; a user's code states that before reading through them.
        code += [f"assert {attr} is not None" for attr in optional]
        code.append(f"print({expr})")
        expected.append(shown)
    code.append(f'print("round trip:", {var}.to_wire() == wire)')
    expected.append("round trip: True")
    if spec.kind(name) == "list":
        code.append(f"print(len({var}), type({var}[0]).__name__)")
        item = ref_name(spec.schemas[name]["items"])
        expected.append(f"1 {item}")
    marks = "".join(f"<!-- expect-output: {e} -->\n" for e in expected)
    return marks + "```python\n" + "\n".join(code) + "\n```\n"


def _methods_text(spec: Spec, name: str) -> str:
    if spec.kind(name) == "list":
        return (
            f"`{name}([...])` builds one from models or dicts; it behaves as a list (`len()`, iteration,\n"
            "indexing, slicing) and `.value` is the python list. `from_wire(list)` reads the API's JSON\n"
            "array and raises `kalshi.ApiTypeError` for an item of the wrong type; `to_wire()` returns the\n"
            "JSON array; `to_list()` returns plain dicts keyed by python names. Records, DataFrames and\n"
            "display: [below](#display-and-records).\n"
        )
    return (
        f"`{name}(...)` builds one by keyword from python values; a missing required field raises\n"
        "`TypeError`. `to_dict()` returns a plain dict keyed by python names; `from_dict()` takes such a\n"
        "dict (python or wire names); `to_wire()` returns the API's JSON form (RFC 3339 timestamps, unset\n"
        "fields left out); `from_wire()` reads the API's JSON and raises `kalshi.ApiTypeError` for a field\n"
        "of the wrong type. Fields this SDK does not know are kept in `additional_properties` and\n"
        "written back by `to_wire()`.\n"
        + (f"\n{MIXINS[name][1]}\n" if name in MIXINS else "")
    )


def tabular(spec: Spec, name: str) -> Optional[Tuple[str, str]]:
    """(list attribute, item schema) of a model with ``to_records()``/``to_dataframe()``, else None.

    The attribute is ``""`` for a list model (it is the list).
    """
    if spec.kind(name) == "list":
        item = ref_name(spec.schemas[name]["items"])
        assert item is not None
        return "", item
    if not is_list_response(spec, name):
        return None
    wire, prop = next(iter(spec.schemas[name]["properties"].items()))
    target = ref_name(prop) or ref_name(prop.get("items", {}))
    assert target is not None
    if spec.kind(target) == "list":
        target = ref_name(spec.schemas[target]["items"])
        assert target is not None
    return snake(wire), target


_DISPLAY_HEADINGS = ("## Display\n", "## Display and records\n")
_COMMON_ROWS = [
    "`repr()`, `print()`, `pprint()` | The fields that are set, as `{name}(field=value, ...)`: one line "
    "when it fits in 88 columns, else one field per line; unknown fields show as `additional_properties`.",
    "`_repr_pretty_()` | IPython's text display: the same text as `repr()`.",
    "`to_str()` | The same text as `repr()`.",
    "`model[\"name\"]` | A field by python or wire name, or an unknown field kept in "
    "`additional_properties`; `KeyError` for any other name.",
    "`check_limits()` | Raises `kalshi.ApiValueError` if a field breaks a limit of the spec "
    "(`minLength`); the SDK calls it on a request body before sending it, unless "
    "`Configuration.client_side_validation` is False.",
    "`==` | Equal when the class, every field and the unknown fields are equal. Models are mutable, "
    "so they are not hashable.",
]


def display_section(spec: Spec, name: str) -> str:
    """The page's "Display" (or "Display and records") section: the helpers beyond conversion."""
    table = tabular(spec, name)
    heading = _DISPLAY_HEADINGS[0 if table is None else 1]
    rows = ["Helper | What it gives", "------------- | -------------"]
    if spec.kind(name) == "list":
        rows += [
            f"`repr()`, `print()`, `pprint()` | `{name}([...])` with the items' reprs: one line when it "
            "fits in 88 columns, else one item per line.",
            "`_repr_pretty_()` | IPython's text display: the same text as `repr()`.",
            f"`==` | Equal to another `{name}` or a plain list with equal items. Not hashable.",
        ]
    else:
        rows += [r.replace("{name}", name) for r in _COMMON_ROWS]
    if table is None:
        rows.insert(
            4,
            "`_repr_html_()` | Jupyter's rich display: a two-column table of the fields that are set, under "
            "the class name.",
        )
    else:
        field, item = table
        of = f"item of `{field}`" if field else "item"
        rows += [
            f"`to_records()` | A `list[dict]`: one flat dict per {of}, keyed by python names: the fields of "
            f"[{item}]({item}.md), a nested model's fields merged in, datetimes kept as `datetime`, "
            "unknown fields appended.",
            "`to_dataframe()` | A `pandas.DataFrame` of the records, a column per field even when there "
            "are no items: timestamps timezone-aware UTC, integers (cents, counts) `Int64`, booleans "
            "`boolean`; `attrs[\"units\"]` names each money or price column's unit. Needs pandas "
            "(`pip install '.[pandas]'` from a checkout of the SDK); without it, "
            "an `ImportError` that names the extra.",
            f"`_repr_html_()` | Jupyter's rich display: one table with a row per {of} (the first 60, then "
            "how many more), under the class name and the row count.",
        ]
    secrets = [snake(w) for w, prop in spec.schemas[name].get("properties", {}).items() if is_secret(w, prop)]
    text = heading + "\n" + "\n".join(rows) + "\n"
    if secrets:
        shown = ", ".join(f"`{s}`" for s in secrets)
        text += (
            "\n"
            + _wrap(
                f"Secret: {shown}. `repr()`, `to_str()` and `_repr_html_()` show `<redacted>` in its place; "
                "`to_dict()` and `to_wire()` keep the value, since a request needs it."
            )
            + "\n"
        )
    if table is not None:
        text += "\n" + _records_example(spec, name)
    return text


def _records_example(spec: Spec, name: str) -> str:
    code = [
        f"from kalshi.models import {name}",
        "",
        f"value = {name}.from_wire({_py_literal(sample(spec, name))})",
        "records = value.to_records()",
        'print(len(records), "record")',
        "frame = value.to_dataframe()  # needs pandas: pip install '.[pandas]'",
        'print(len(frame), "row,", len(frame.columns), "columns")',
        'print("html table:", value._repr_html_().startswith("<table"))',
    ]
    marks = "".join(f"<!-- expect-output: {e} -->\n" for e in ("1 record", "1 row,", "html table: True"))
    return marks + "```python\n" + "\n".join(code) + "\n```\n"


def with_display(page: str, section: str) -> str:
    """A hand-written page with the generated display section, just before its example."""
    for heading in _DISPLAY_HEADINGS:
        if heading in page:
            before, _sep, rest = page.partition(heading)
            after = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
            page = before + "## " + after
    head, sep, tail = page.partition("## Example\n")
    assert sep, "a hand-written model page without an '## Example' section"
    return head + section + "\n" + sep + tail


def _intro(spec: Spec, name: str) -> str:
    module = module_name(name)
    text = f"`kalshi.model.{module}.{name}`: {class_doc(spec, name)}"
    uses = spec.usage.get(name, [])
    if uses and not text.rstrip(".").endswith(uses[0].split(" of ", 1)[1].rstrip(".")):
        text += " " + "; ".join(u.replace("``", "`") for u in uses) + "."
    return _wrap(text.replace("``", "`")) + "\n"


def _wrap(text: str) -> str:
    """Lines of at most 98 characters, never breaking inside a `code span`."""
    protected = re.sub(r"`[^`]*`", lambda m: m.group(0).replace(" ", "\0"), text)
    return "\n".join(textwrap.wrap(protected, width=98)).replace("\0", " ")


def render_model_page(spec: Spec, name: str) -> str:
    out = [f"# {name}\n", _intro(spec, name)]
    if spec.kind(name) == "object":
        table = [
            "## Properties\n",
            "Name | Type | Description | Notes",
            "------------ | ------------- | ------------- | -------------",
        ]
        table += [f"**{a}** | {t} | {d} | {n}" for a, t, d, n in property_rows(spec, name)]
        out.append("\n".join(table) + "\n")
    else:
        item = ref_name(spec.schemas[name]["items"])
        out.append(
            "## Properties\n\nName | Type | Description | Notes\n"
            "------------ | ------------- | ------------- | -------------\n"
            f"**value** | list of [**{item}**]({item}.md) |  | required (may be empty)\n"
        )
    out.append("## Methods\n\n" + _methods_text(spec, name))
    out.append(display_section(spec, name))
    out.append("## Example\n\n" + model_example(spec, name))
    out.append(_FOOTER)
    return "\n".join(out)


def render_tuple_page(spec: Spec, name: str) -> str:
    desc = summary(spec, name).replace("``", "`")
    return f"""# {name}

`kalshi.model.price_level.{name}`: {desc}

The spec declares it as an array of two integers and states its limits in prose only. The SDK
reads it as a `NamedTuple` with `.price` (cents, 1 to 99) and `.count` (contracts resting at that
price, 0 or more), and writes it back as the same array. It is an item of `yes` and `no` in
[OrderBook](OrderBook.md).

## Properties

Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
**price** | **int** | The price, in cents. | required; first item of the array
**count** | **int** | The number of contracts resting at that price among all orders. | required; second item

## Example

<!-- expect-output: 30 50 -->
<!-- expect-output: [30, 50] -->
```python
from kalshi.models import {name}

level = {name}(30, 50)
print(level.price, level.count)
print(list(level))
```

{_FOOTER}"""


def render_alias_page(spec: Spec, name: str) -> str:
    schema = spec.schemas[name]
    base = "int" if schema.get("type") == "integer" else "str"
    module = module_name(name)
    literal = LITERALS.get(name)
    text = (
        f"# {name}\n\n`kalshi.model.{module}.{name}`: {summary(spec, name)} The spec declares it as a plain "
        f"`{schema.get('type')}`{' (' + schema['format'] + ')' if 'format' in schema else ''}, so it is a "
        f"type alias of `{base}`: `{name} = {base}`. "
    )
    if name == "Cent":
        text = text.replace(
            "`Cent = int`. ",
            '`Cent = Annotated[Int64, "cents"]`, an `int` to type checkers and at run time (a value outside '
            "the int64 range is refused like a value of the wrong type). The `\"cents\"` "
            "marks the fields that hold money or prices: the HTML display of models shows prices (`price`, "
            "`yes_bid`, `last_price`, ...) in cents (`62¢`) and amounts in dollars (`$6.20`) "
            "([notebooks](notebooks.md#rich-display-in-jupyter)), while `to_dict()`, `to_records()` and "
            'DataFrames keep the integer cents (a DataFrame names each column\'s unit in `attrs["units"]`). ',
        )
    if literal:
        values, where = literal
        shown = ", ".join(f'`"{v}"`' for v in values)
        text += (
            f"`{name}Literal` lists the values the spec text names ({shown}, from {where}) for type "
            "checkers; a value the server sends that is not among them is kept as it is, never an error."
        )
    elif base == "str":
        text += "The spec names none of its values, so any string the server sends is kept as it is."
    if name in EXPECTED_VALUES:
        shown = ", ".join(f'`"{v}"`' for v in EXPECTED_VALUES[name])
        text += f" The simulated exchange sends {shown} (see [Status values](testing.md#status-values))."
    paragraph = _wrap(text.split("\n\n", 1)[1])
    example_lines = [f"from kalshi.models import {name}"]
    expected = []
    if literal:
        example_lines = [
            "from typing import get_args",
            "",
            f"from kalshi.model.{module} import {name}, {name}Literal",
            "",
            f"print(get_args({name}Literal))",
        ]
        expected.append(repr(tuple(literal[0])))
    value = "45" if base == "int" else json.dumps(SAMPLE_ALIASES.get(name, f"{module}-example"))
    example_lines += [f"value: {name} = {value}", f"print(isinstance(value, {base}), value)"]
    expected.append(f"True {json.loads(value)}")
    marks = "".join(f"<!-- expect-output: {e} -->\n" for e in expected)
    example = marks + "```python\n" + "\n".join(example_lines) + "\n```\n"
    return f"# {name}\n\n{paragraph}\n\n## Example\n\n{example}\n{_FOOTER}"


def render_readme_models(spec: Spec) -> str:
    """The model list of docs/README.md (between its "Documentation for Models" heading and the next)."""
    return "\n".join(f" - [{n}]({n}.md)" for n in spec.names()) + "\n"


# --------------------------------------------------------------------------- all files


def check_tables(spec: Spec) -> None:
    """Fail on a table entry that the spec no longer supports."""
    for name, (values, where) in LITERALS.items():
        node: Any = spec.doc
        for part in _spec_path(spec.doc, where):
            node = node[part]
        for value in values:
            assert value in node, f"{name}Literal: {value!r} not in the text of {where}"
    for name, wires in CENT_FIELDS.items():
        for wire in wires:
            prop = spec.schemas[name]["properties"][wire]
            assert prop.get("type") == "integer", f"{name}.{wire}: in CENT_FIELDS but not an integer"
    for name in [*DOCSTRINGS, *SUMMARIES, *HAND_WRITTEN_DOCS]:
        assert name in spec.schemas, f"{name}: in a table of generate_models.py but not a schema of the spec"


def _spec_path(doc: Dict[str, Any], where: str) -> List[Any]:
    """``GET /users/{user_id}/orders`` parameter ``status`` or a schema property, as keys into the spec."""
    match = re.fullmatch(r"the `(\w+) (\S+)` parameter `(\w+)`", where)
    if match:
        method, path, param = match.groups()
        params = doc["paths"][path][method.lower()]["parameters"]
        index = next(i for i, p in enumerate(params) if p["name"] == param)
        return ["paths", path, method.lower(), "parameters", index, "description"]
    match = re.fullmatch(r"`(\w+)\.(\w+)`", where)
    assert match, where
    schema, prop = match.groups()
    return ["components", "schemas", schema, "properties", prop, "description"]


def generate(doc: Dict[str, Any], docs_readme: Optional[str] = None) -> Files:
    """Every generated file, path -> content. ``docs_readme`` is docs/README.md's current text."""
    spec = Spec(doc)
    check_tables(spec)
    files: Files = {}
    for name in spec.names():
        kind = spec.kind(name)
        render = {"object": render_object, "list": render_list, "tuple": render_tuple, "alias": render_alias}[kind]
        files[f"kalshi/model/{module_name(name)}.py"] = render(spec, name)
        if name in HAND_WRITTEN_DOCS:
            # Written by hand, except for the display section, which every model page shares.
            hand_written = ROOT / "docs" / f"{name}.md"
            if kind in ("object", "list") and hand_written.is_file():
                files[f"docs/{name}.md"] = with_display(
                    hand_written.read_text(encoding="utf-8"), display_section(spec, name)
                )
            continue
        page = {"object": render_model_page, "list": render_model_page, "tuple": render_tuple_page}.get(
            kind, render_alias_page
        )
        files[f"docs/{name}.md"] = page(spec, name)
    files["kalshi/models/__init__.py"] = render_models_init(spec)
    if docs_readme is not None:
        files["docs/README.md"] = replace_model_list(docs_readme, render_readme_models(spec))
    return files


def replace_model_list(readme: str, listing: str) -> str:
    head, sep, rest = readme.partition("## Documentation for Models\n")
    assert sep, "docs/README.md has no '## Documentation for Models' heading"
    body, nxt, tail = rest.partition("\n## ")
    intro = body.split("\n - [", 1)[0].rstrip("\n")
    return head + sep + intro + "\n\n" + listing + nxt + tail


# --------------------------------------------------------------------------- what the spec cannot say

# Values of a string schema named in the spec's prose, and where: the generator checks each value
# is in that text. Only these; the other string schemas have no values in the spec.
LITERALS: Dict[str, Tuple[List[str], str]] = {
    "Side": (["yes", "no"], "`UserOrderCreateRequest.side`"),
    "OrderStatus": (["resting", "canceled", "executed"], "the `GET /users/{user_id}/orders` parameter `status`"),
}

# The spec's integer formats and the annotations of kalshi.model_utils that bound them.
INT_FORMATS: Dict[str, str] = {"int32": "Int32", "int64": "Int64"}

# Fields in cents that the spec types as a plain integer (the account history's sub-records): they
# are ``Cent`` like the spec's other money fields, so that they display in dollars too.
CENT_FIELDS: Dict[str, Tuple[str, ...]] = {
    "OrderHistory": ("price",),
    "SettlementHistory": ("no_total_cost", "profit", "yes_total_cost"),
    "TradeHistory": ("amount", "fee", "price"),
}

# Extra behaviour of a few models: a mixin class of kalshi._model.plot, and the docs page's words for it.
MIXINS: Dict[str, Tuple[str, str]] = {
    "UserGetPortfolioHistoryResponse": (
        "PortfolioHistoryPlot",
        "`plot(ax=None)` draws portfolio value and available cash over time, in dollars, with matplotlib\n"
        "(needs the `[plot]` extra: `pip install '.[plot]'` from a checkout) and returns the `Axes`; it\n"
        "draws on `ax` if given, else on a new figure, which Jupyter shows below the cell.",
    ),
    "GetMarketHistoryResponse": (
        "MarketHistoryPlot",
        "`plot(ax=None)` draws the last price and the yes bid and ask (cents; no line where the book had\n"
        "no bid or no ask) over time, with the volume on a second y axis, with matplotlib (needs the\n"
        "`[plot]` extra: `pip install '.[plot]'` from a checkout) and returns the price `Axes`; it draws\n"
        "on `ax` if given, else on a new figure.",
    ),
}

# Words for the fields whose names say little and that the spec leaves undescribed.
FIELD_DESCRIPTIONS: Dict[Tuple[str, str], str] = {
    ("PortfolioMeasurement", "a"): "Available: the cash not reserved by resting orders.",
    ("PortfolioMeasurement", "v"): "Value: available + reserved + the positions at their last trade price.",
}

# The values of a status alias that the spec leaves unnamed, as docs/testing.md#status-values lists them.
EXPECTED_VALUES: Dict[str, Tuple[str, ...]] = {
    "MarketStatus": ("active", "closed", "settled"),
    "TradeStatus": ("executed",),
    "DepositStatus": ("applied", "pending", "returned"),
    "WithdrawalStatus": ("applied", "pending", "returned"),
}

# One-line summaries for the schemas that no operation uses and the spec does not describe.
SUMMARIES: Dict[str, str] = {
    "AccountHistoryEntryData": "The payload of an account history entry: one populated sub-record.",
    "PriceLevel": "One price level of an order book: ``[price, count]`` on the wire.",
    "Cent": "An amount of money in US cents (the spec's ``Cent``, an int64).",
    "DepositStatus": "The state of a deposit, a string.",
    "DepositType": "How a deposit is made, a string.",
    "MarketOptionType": "The option type of a market, a string.",
    "MarketStatsPoint": "One point of a market's statistics history (price, bid/ask, volume, open interest).",
    "MarketStatus": "The state of a market, a string.",
    "OrderStatus": "The state of an order, a string.",
    "RangedMarket": "A ranged market: a group of markets on ranges of one underlying value.",
    "SettlementSource": "A source a market is settled from: a name and a URL.",
    "Side": "The side of a market or an order: yes or no.",
    "TradeStatus": "The state of a trade, a string.",
    "WithdrawalStatus": "The state of a withdrawal, a string.",
    "OrderHistory": "An order account history item.",
    "SettlementHistory": "A market settlement account history item.",
    "TradeHistory": "A trade account history item.",
    "WithdrawalHistory": "A withdrawal account history item.",
    "Notification": "A notification for the logged-in user.",
    "SubscriptionPreference": "The e-mail subscription level of a user.",
    "AccountHistoryEntry": "One item of a user's account history.",
    "UserGetPortfolioValueResponse": "The value of the user's portfolio, in cents.",
    "UserDepositRequest": "A request to deposit money from a linked bank account (no operation of v1 uses it).",
    "UserDepositResponse": "The id of a deposit just requested (no operation of v1 uses it).",
    "UserWithdrawalRequest": "A request to withdraw money to a linked bank account (no operation of v1 uses it).",
    "UserWithdrawalResponse": "The id of a withdrawal just requested (no operation of v1 uses it).",
    "UserUpdateProfileRequest": "Changes to a user's profile (no operation of v1 uses it).",
    "CreateUserRequest": "A request for creating a new user (no operation of v1 uses it).",
    "CreateUserResponse": "The user_id of a user just created (no operation of v1 uses it).",
    "UserListLedgerxBankAccountsResponse": "The user's linked bank accounts (no operation of v1 uses it).",
    "GetUserDepositsResponse": "The user's previous deposits (no operation of v1 uses it).",
    "GetUserWithdrawalsResponse": "The user's previous withdrawals (no operation of v1 uses it).",
    "GetRangedMarketsResponse": "A list of ranged markets (no operation of v1 uses it).",
}

SAMPLE_STRINGS: Dict[str, str] = {
    "title": "Will it snow in New York this week?",
    "ticker": "SNOW-21NOV05",
    "ticker_name": "SNOW-21NOV05",
    "name": "National Weather Service",
    "status": "applied",
    "type": "Deposit",
    "subscription_level": "basic",
    "access_level": "member",
    "side": "yes",
    "token": "your-token",
    "code": "not_found",
    "bank_id": "bank-1",
    "mask": "6789",
    "subtype": "checking",
}

SAMPLE_ALIASES: Dict[str, str] = {
    "MarketStatus": "active",
    "Side": "yes",
    "OrderStatus": "resting",
    "DepositStatus": "applied",
    "DepositType": "ach",
}

# The fields a docs example shows, for the big schemas whose fields are all optional.
EXAMPLE_FIELDS: Dict[str, List[str]] = {
    "Market": ["id", "ticker_name", "title", "yes_bid", "yes_ask", "close_date"],
    "Order": ["order_id", "market_id", "is_yes", "price", "remaining_count", "status", "create_ts"],
    "UserTrade": ["id", "order_id", "market_id", "is_yes", "price", "count", "create_date"],
    "PublicTrade": ["trade_id", "market_id", "price", "count", "create_date"],
    "MarketPosition": ["market_id", "position", "position_cost", "realized_pnl", "fees_paid"],
    "User": ["user_id", "email", "first_name", "last_name", "created_ts"],
    "Deposit": ["id", "amount_cents", "deposit_type", "status", "created_ts"],
    "Withdrawal": ["id", "amount_cents", "status", "created_ts"],
    "MarketStatsPoint": ["ts", "price", "yes_bid", "yes_ask", "volume"],
    "RangedMarket": ["id", "ticker", "title", "mutually_exclusive_side"],
}

# Docs pages written by hand (richer than the generated ones). The generator leaves them alone;
# test_generated_current.py checks that their property tables match the spec.
HAND_WRITTEN_DOCS = frozenset(
    {
        "AccountHistoryEntry",
        "AccountHistoryEntryData",
        "ChangeSubscriptionRequest",
        "DepositHistory",
        "GetNotificationPreferencesResponse",
        "JSONError",
        "LoginRequest",
        "LoginResponse",
        "Notification",
        "NotificationList",
        "OrderHistory",
        "SettlementHistory",
        "SubscriptionPreference",
        "TradeHistory",
        "UserGetAccountHistoryResponse",
        "UserGetNotificationsResponse",
        "WithdrawalHistory",
    }
)

# (module docstring, class docstring) of the models that were written by hand before the generator.
DOCSTRINGS: Dict[str, Tuple[str, str]] = {
    "AccountHistoryEntry": (
        "One item of a user's account history.",
        "An account history item: ``type`` (``Deposit``, ``Withdrawal``, ``Order``, ``Trade`` or "
        "``Settlement``) and ``data``, the matching sub-record, e.g. ``entry.data.deposit``.",
    ),
    "AccountHistoryEntryData": (
        "The payload of an account history entry: one populated sub-record.",
        "Holds the sub-record named by the entry's ``type``; the API capitalises the wire keys.",
    ),
    "ChangeSubscriptionRequest": (
        "Body of ``PUT /users/{user_id}/subscribe``.",
        'The e-mail subscription level to switch to: ``subscription_level`` is ``"none"``, ``"basic"`` or ``"all"``.',
    ),
    "DepositHistory": (
        "A deposit account history item.",
        "Represents a deposit account history item; amounts are in cents.",
    ),
    "GetNotificationPreferencesResponse": (
        "Response of ``GET /users/{user_id}/notifications/preferences``.",
        "The current user's e-mail notification preferences.",
    ),
    "CreateUserResponse": (
        "The user_id of a user just created (no operation of v1 uses it).",
        "The new user's ``user_id`` (the spec's description, \"Response for submitting an order\", is a slip).",
    ),
    "JSONError": ("The API's generic error structure.", "JSONError is a generic structure for API error responses."),
    "LoginRequest": (
        "Body of ``POST /log_in``.",
        "E-mail and password; the password never shows in ``repr`` or ``str``.",
    ),
    "LoginResponse": (
        "Response of ``POST /log_in``.",
        'A new session: send ``"<user_id> <token>"`` as the Authorization header. The token never shows in '
        "``repr`` or ``str``.",
    ),
    "Notification": (
        "A notification for the logged-in user.",
        "A notification; ``content`` is a free-form JSON object whose shape depends on ``type``.",
    ),
    "NotificationList": (
        "A page of notifications: a JSON array on the wire.",
        "Behaves as a list of ``Notification`` (len, iteration, indexing); ``.value`` is the list.",
    ),
    "OrderHistory": (
        "An order account history item.",
        "An order submitted, edited or canceled; ``price`` is in cents, counts in contracts.",
    ),
    "SettlementHistory": (
        "A market settlement account history item.",
        "A settlement of a market where the user had a position; money in cents.",
    ),
    "SubscriptionPreference": (
        "The e-mail subscription level of a user.",
        'A user\'s e-mail subscription level (``"none"``, ``"basic"`` or ``"all"``).',
    ),
    "TradeHistory": (
        "A trade account history item.",
        "A trade execution (order matching); ``price`` and ``fee`` are in cents.",
    ),
    "UserGetAccountHistoryResponse": (
        "Response of ``GET /users/{user_id}/account/history``.",
        "The user's account history, newest first.",
    ),
    "UserGetNotificationsResponse": (
        "Response of ``GET /users/{user_id}/notifications``.",
        "One page of the user's notifications, newest first.",
    ),
    "WithdrawalHistory": (
        "A withdrawal account history item.",
        "Represents a withdrawal account history item; amounts are in cents.",
    ),
}
