"""The generator's documented examples: what openapi-generator's python client docs show for each operation.

The seed documentation (test/spec/seed-account-api.txt) is that generator's page for five
operations; this renders the same example, from the spec, for all 36, so that a test can run code
written for the generator's client against this SDK. Its rules are the generator's template:

- imports: ``time``, the package, the API module, every model the example names and the return
  model (sorted), ``pprint``;
- the configuration block, and the API-key block for a secured operation;
- one line per parameter, required ones first (spec order, the body last): ``<name> = <example> #
  <type> | <description>``, `` (optional)`` for the others; the example of a string is
  ``"<wire name>_example"``, of an integer ``1``, a boolean ``True``, a number ``3.14``, a
  date-time ``dateutil_parser('1970-01-01T00:00:00.00Z')`` (a name the generator's examples use
  without importing it), a model ``Model(<each property>=<its example>, ...)``;
- a call with the required parameters only, if there are any, then a call with every parameter if
  there are optional ones (a call without arguments if there are none), each in ``try`` /
  ``except kalshi.ApiException``, printing the result when there is one.

The test checks the rendering against the seed's five examples line for line.
"""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Set, Tuple

from .spec import CONFIGURATION_BLOCK, TAG_CLASSES, Doc, body_schema, module_name, schema_ref, snake

DATE_TIME = "dateutil_parser('1970-01-01T00:00:00.00Z')"
_REQUIRED_ONLY = "example passing only required values which don't have defaults set"


class Call(NamedTuple):
    """One call of an example: the parameters it passes."""

    comment: str  # the "# example passing ..." lines' text
    params: Tuple[str, ...]
    sends_body: bool


class GeneratorExample(NamedTuple):
    operation_id: str
    method: str  # the python method, e.g. "user_order_create"
    result: Optional[str]  # the model a successful call prints, if the operation answers one
    code: str
    calls: Tuple[Call, ...]


def _escape(text: str) -> str:
    """The generator's escaping of a description in a comment: whitespace to spaces, quotes escaped."""
    for space in "\t\n\r":
        text = text.replace(space, " ")
    return text.replace("\\", "\\\\").replace('"', '\\"')


class _Param(NamedTuple):
    name: str
    data_type: str
    value: List[str]  # the example value's lines (a model spans several)
    description: str
    required: bool
    body: bool


def _scalar(schema: Dict[str, Any], wire: str) -> Tuple[str, str]:
    """(python type, example) of a scalar schema."""
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date-time":
            return "datetime", DATE_TIME
        return "str", f'"{wire}_example"'
    if kind in ("integer", "boolean", "number"):
        return {"integer": ("int", "1"), "boolean": ("bool", "True"), "number": ("float", "3.14")}[kind]
    raise ValueError(f"{wire}: no example for {schema!r}")


def _model_lines(doc: Doc, name: str, models: Set[str]) -> List[str]:
    """``Name(`` / ``    prop=value,`` / ``)``: every property in the spec's order."""
    models.add(name)
    lines = [f"{name}("]
    for prop, schema in doc["components"]["schemas"][name].get("properties", {}).items():
        target = schema_ref(schema)
        if target is not None:
            target_schema = doc["components"]["schemas"][target]
            if target_schema.get("type") == "object":
                nested = _model_lines(doc, target, models)
                lines += [f"    {prop}={nested[0]}", *(f"    {line}" for line in nested[1:-1]), "    ),"]
                continue
            schema = target_schema
        lines.append(f"    {prop}={_scalar(schema, prop)[1]},")
    return lines + [")"]


def _params(doc: Doc, op: Dict[str, Any], models: Set[str]) -> List[_Param]:
    out = []
    for p in op.get("parameters", []):
        data_type, value = _scalar(p["schema"], p["name"])
        required = bool(p.get("required")) or p["in"] == "path"
        out.append(_Param(snake(p["name"]), data_type, [value], p.get("description", ""), required, False))
    schema_name = body_schema(op, op["operationId"])
    if schema_name is not None:
        body = op["requestBody"]
        lines = _model_lines(doc, schema_name, models)
        description, required = body.get("description", ""), bool(body.get("required"))
        out.append(_Param(snake(schema_name), schema_name, lines, description, required, True))
    return [p for p in out if p.required] + [p for p in out if not p.required]


def _return_model(doc: Doc, op: Dict[str, Any]) -> Optional[str]:
    for status, response in op["responses"].items():
        if not status.startswith("2"):
            continue
        if "$ref" in response:
            response = doc["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
        return schema_ref(response.get("content", {}).get("application/json", {}).get("schema", {}))
    return None


def render(doc: Doc, path: str, method: str) -> GeneratorExample:
    """The generator's example for the operation at ``method path``."""
    op = doc["paths"][path][method]
    cls = TAG_CLASSES[(op.get("tags") or ["default"])[0]]
    module = snake(cls)
    name = snake(op["operationId"])
    models: Set[str] = set()
    params = _params(doc, op, models)
    result = _return_model(doc, op)
    if result is not None:
        models.add(result)
    lines = ["import time", "import kalshi", f"from kalshi.api import {module}"]
    lines += sorted(f"from kalshi.model.{module_name(m)} import {m}" for m in models)
    lines += [
        "from pprint import pprint",
        *CONFIGURATION_BLOCK,
        "",
    ]
    if "security" in op:
        lines += [
            "# The client must configure the authentication and authorization parameters",
            "# in accordance with the API server security policy.",
            "# Examples for each auth method are provided below, use the example that",
            "# satisfies your auth use case.",
            "",
            "# Configure API key authorization: cookie",
            "configuration.api_key['cookie'] = 'YOUR_API_KEY'",
            "",
            "# Uncomment below to setup prefix (e.g. Bearer) for API key, if needed",
            "# configuration.api_key_prefix['cookie'] = 'Bearer'",
            "",
        ]
    body = ["# Create an instance of the API class", f"api_instance = {module}.{cls}(api_client)"]
    for p in params:
        comment = f" # {p.data_type} | {_escape(p.description)}" + ("" if p.required else " (optional)")
        value = [f"{p.name} = {p.value[0]}", *p.value[1:]]  # the comment follows the value's last line
        body += [*value[:-1], value[-1] + comment]
    required = [p for p in params if p.required]
    optional = [p for p in params if not p.required]
    calls: List[Call] = []
    if required:
        names = tuple(p.name for p in required)
        calls.append(Call(_REQUIRED_ONLY, names, any(p.body for p in required)))
    if optional:
        names = tuple(p.name for p in params)
        calls.append(Call(f"{_REQUIRED_ONLY}\n# and optional values", names, any(p.body for p in params)))
    if not params:
        calls.append(Call("example, this endpoint has no required or optional parameters", (), False))
    for call in calls:
        args = [p.name for p in required] + [f"{p.name}={p.name}" for p in optional if p.name in call.params]
        invoke = f"api_instance.{name}({', '.join(args)})"
        body += ["", *(f"# {c}" for c in call.comment.split("\n# ")), "try:"]
        if op.get("summary"):
            body.append(f"    # {op['summary']}")
        body.append(f"    api_response = {invoke}" if result else f"    {invoke}")
        if result:
            body.append("    pprint(api_response)")
        body += ["except kalshi.ApiException as e:", f'    print("Exception when calling {cls}->{name}: %s\\n" % e)']
    lines.append("# Enter a context with an instance of the API client")
    lines.append("with kalshi.ApiClient(configuration) as api_client:")
    lines += [f"    {line}" if line else "" for line in body]
    return GeneratorExample(op["operationId"], name, result, "\n".join(lines) + "\n", tuple(calls))


def render_all(doc: Doc) -> List[GeneratorExample]:
    """The example of every operation, by method name."""
    examples = [render(doc, path, method) for path, item in doc["paths"].items() for method in item]
    return sorted(examples, key=lambda e: e.method)
