"""Generate the endpoint tables and API classes of every operation from the spec.

Run by ``python test/codegen`` (``--check``: exit 1 if a checked-in file differs), with the other
stages. Writes ``kalshi/_operations/<tag>.py`` (one ``Endpoint`` table per operation, below
``api_client``) and ``kalshi/api/<tag>_api.py`` (one class per spec tag, one method per operation,
with overloads for each result shape) and ``kalshi/apis/__init__.py``. Standard library only. The rules:

- method names are the snake_case operationIds; python parameter names the snake_case of the wire
  names; a body parameter is named after its schema;
- required parameters are positional, optional ones keyword-only; a ``/users/{user_id}`` method
  takes ``user_id`` first and optional (the session's), and gives the required parameters after it
  a ``REQUIRED`` default that the call refuses, with an overload that leaves ``user_id`` out;
- operations the spec secures send the Authorization header; the others do not.
"""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from .spec import TAG_CLASSES as TAG_CLASSES  # re-exported: the docs stage reads both through this module
from .spec import Doc, body_schema, module_name, param_location, param_type, spec_doc
from .spec import snake as snake

GENERATED_BY = "generated from the spec by test/codegen/generate_apis.py; do not edit"

TAG_DOCS = {
    "account": "E-mail subscription, notifications and account history of the logged-in user.",
    "auth": "Log-in, log-out and password resets. ``ApiClient.login()`` keeps the session for you.",
    "exchange": "The exchange's state: whether it is open and whether trading is active.",
    "market": "Markets, their order books and their price and volume history.",
    "portfolio": "The value of the user's portfolio over time.",
    "ranged_market": "Ranged markets (a group of markets over ranges of one value), by id.",
    "ranged_markets": "Ranged markets, by ticker.",
    "user": "The logged-in user: profile, balance, orders, fills, positions and watchlist.",
    "default": "Operations the spec leaves untagged: the public trade tape.",
}
# Operations whose pages an iterator walks: operationId -> (iterator, list field, default page size).
ITERATORS = {
    "UserGetNotifications": ("iter_notifications", "notifications", 50),
    "GetTrades": ("iter_trades", "trades", 100),
    "UserTradesGet": ("iter_user_trades", "trades", 100),
    "UserOrdersGet": ("iter_orders", "orders", 100),
}
# The one operation that answers with headers instead of a body (see kalshi.exchange_status).
HEADER_RESULTS = {"ExchangeStatus": ("ExchangeStatus", "kalshi.exchange_status")}
PAGE_PARAMS = ("page_size", "page_number")


def wrapped(head: str, items: list[str], tail: str, indent: str) -> list[str]:
    """``head + items + tail`` on one line when it fits in 120 columns, else one item per line."""
    one = f"{indent}{head}{', '.join(items)}{tail}"
    if len(one) <= 120:
        return [one]
    return [f"{indent}{head}", *(f"{indent}    {item}," for item in items), f"{indent}{tail}"]


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[1]


class Param:
    def __init__(self, name: str, wire: str, location: str, pytype: str, required: bool, maximum: Any, doc: str):
        self.name = name
        self.wire = wire
        self.location = location
        self.pytype = pytype
        self.required = required
        self.maximum = maximum
        self.doc = doc
        self.session = location == "PATH" and name == "user_id"


class Operation:
    def __init__(self, spec: Doc, path: str, method: str, op: dict[str, Any]) -> None:
        self.op_id: str = op["operationId"]
        self.name = snake(self.op_id)
        self.const = self.name.upper()
        self.path = path
        self.method = method.upper()
        self.tag = (op.get("tags") or ["default"])[0]
        self.auth = "security" in op
        text = (op.get("description") or op.get("summary") or "").strip()
        self.summary = _first_sentence(text)
        self.params: list[Param] = []
        for p in op.get("parameters", []):
            schema = p.get("schema", {})
            where = f"operation {self.op_id}, parameter {p['name']!r}"
            location = param_location(p, where)
            self.params.append(
                Param(
                    snake(p["name"]),
                    p["name"],
                    location,
                    param_type(schema, where),
                    bool(p.get("required")) or location == "PATH",
                    schema.get("maximum"),
                    _first_sentence(p.get("description") or ""),
                )
            )
        schema_name = body_schema(op, f"operation {self.op_id}")
        if schema_name is not None:
            required = bool(op["requestBody"].get("required"))
            self.params.append(Param(snake(schema_name), "", "BODY", schema_name, required, None, "the request body"))
        self.result: Optional[str] = None
        self.result_module: Optional[str] = None
        self.item_type = ""  # what an iterator over this operation yields (see ITERATORS)
        self.status = "200"
        for status, response in op["responses"].items():
            if not status.startswith("2"):
                continue
            self.status = status
            schema_ref = response.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
            if schema_ref is None and "$ref" in response:
                name = ref_name(response["$ref"])
                if name in HEADER_RESULTS:
                    self.result, self.result_module = HEADER_RESULTS[name]
                    break
                resolved = spec["components"]["responses"][name]
                schema_ref = resolved.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
            if schema_ref is not None:
                self.result = ref_name(schema_ref)
                self.result_module = f"kalshi.model.{module_name(self.result)}"
            break

    @property
    def session(self) -> bool:
        return any(p.session for p in self.params)

    @property
    def positional(self) -> list[Param]:
        return [p for p in self.params if p.required]

    @property
    def keyword(self) -> list[Param]:
        return [p for p in self.params if not p.required]

    @property
    def returns(self) -> str:
        return self.result or "None"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for stop in (". ", ".\n"):
        if stop in text:
            return text.split(stop, 1)[0] + "."
    return text


def load_operations(spec: Optional[Doc] = None) -> list[Operation]:
    """Every operation of the spec (the checked-in one by default), sorted by method name."""
    spec = spec_doc() if spec is None else spec
    ops = [Operation(spec, path, method, op) for path, item in spec["paths"].items() for method, op in item.items()]
    return sorted(ops, key=lambda o: o.name)


# --------------------------------------------------------------------------- endpoint tables


def operations_module(tag: str, ops: list[Operation]) -> str:
    imports: set[tuple[Optional[str], str]] = set()
    for op in ops:
        for p in op.params:
            if p.pytype == "datetime":
                imports.add(("datetime", "datetime"))
    locations = sorted({p.location for op in ops for p in op.params})
    generated = f"{GENERATED_BY[0].upper()}{GENERATED_BY[1:]}."
    lines = [f'"""Endpoint tables of the ``{tag}`` operations.', "", generated, '"""']
    lines += ["", "from __future__ import annotations", ""]
    names = [*locations, "Endpoint", "Param"] if locations else ["Endpoint"]
    lines += _import_lines(imports, [("kalshi._call.endpoint", ", ".join(names))])
    lines.append("")
    lines += wrapped("__all__ = [", sorted(f'"{op.const}"' for op in ops), "]", "")
    for op in ops:
        lines.append("")
        params = []
        for p in op.params:
            extra = ""
            if p.required:
                extra += ", required=True"
            if p.maximum is not None:
                extra += f", maximum={p.maximum}"
            if p.session:
                extra += ", session_default=True"
            # A body's model class goes by its dotted path: imported when a call first needs it.
            kind = f'"{p.pytype}"' if p.location == "BODY" else p.pytype
            params.append(f"Param({p.name!r}, {p.wire!r}, {p.location}, {kind}{extra})")
        lines.append(f"{op.const} = Endpoint(")
        lines += [f"    {a}," for a in (repr(op.op_id), repr(op.name), repr(op.method), repr(op.path))]
        if len(params) == 1:
            lines += wrapped("(", params, ",),", "    ")
        else:
            lines += wrapped("(", params, "),", "    ")
        if op.result:
            # A model by its name in kalshi.models; anything else by its dotted path.
            in_models = op.result_module == f"kalshi.model.{module_name(op.result)}"
            lines.append(f'    "{op.result if in_models else f"{op.result_module}.{op.result}"}",')
        kw = [] if op.auth else ["auth=False"]
        if op.op_id == "Logout":
            kw += ["renews_session=False", "ends_session=True"]
        lines += [f"    {a}," for a in kw]
        lines.append(")")
    return "\n".join(lines) + "\n"


def _import_lines(imports: set[tuple[Optional[str], str]], first: list[tuple[str, str]]) -> list[str]:
    stdlib = sorted((m, n) for m, n in imports if m == "datetime")
    own = sorted([*first, *((m, n) for m, n in imports if m and m != "datetime")])
    out = [f"from {m} import {n}" for m, n in stdlib]
    if stdlib:
        out.append("")
    out += [f"from {m} import {n}" for m, n in own]
    return out


# --------------------------------------------------------------------------- API classes

SHAPES = [
    # (async_req, _return_http_data_only, _preload_content, result)
    ("Literal[False] = ...", "Literal[True] = ...", "Literal[True] = ...", "{T}"),
    ("Literal[False] = ...", "bool = ...", "Literal[False]", "RawResponse"),
    ("Literal[False] = ...", "Literal[False]", "Literal[True] = ...", "ApiResponse[{T}]"),
    ("Literal[True]", "Literal[True] = ...", "Literal[True] = ...", "AsyncResult[{T}]"),
    ("Literal[True]", "bool = ...", "bool = ...", "AsyncResult[Any]"),
]


def _param_text(p: Param, *, default: Optional[str]) -> str:
    tp = p.pytype
    if default == "None":
        tp = f"Optional[{tp}]"
    return f"{p.name}: {tp}" + (f" = {default}" if default is not None else "")


def _signatures(op: Operation) -> tuple[list[list[str]], list[str]]:
    """The overloads' parameter lists (one per call shape) and the implementation's."""
    positional = op.positional
    keyword = [_param_text(p, default="None") for p in op.keyword]
    shapes: list[list[str]] = []
    if op.session:
        others = [p for p in positional if not p.session]
        with_user = ["user_id: Optional[str]" if others else "user_id: Optional[str] = None"]
        with_user += [_param_text(p, default=None) for p in others]
        shapes.append(with_user + (["*"] + keyword if keyword else []))
        if others:
            shapes.append(["*"] + [_param_text(p, default=None) for p in others] + keyword)
        impl = ["user_id: Optional[str] = None"] + [_param_text(p, default="REQUIRED") for p in others]
    else:
        shapes.append([_param_text(p, default=None) for p in positional] + (["*"] + keyword if keyword else []))
        impl = [_param_text(p, default=None) for p in positional]
    impl += ["*"] + keyword
    return shapes, impl


def _def(name: str, params: list[str], returns: str, indent: str = "    ") -> list[str]:
    lines = [f"{indent}def {name}(", f"{indent}    self,"]
    lines += [f"{indent}    {p}," for p in params]
    lines.append(f"{indent}) -> {returns}:")
    return lines


def _with_options(params: list[str], shape: tuple[str, str, str, str]) -> list[str]:
    out = list(params)
    if "*" not in out:
        out.append("*")
    out += [
        f"async_req: {shape[0]}",
        f"_return_http_data_only: {shape[1]}",
        f"_preload_content: {shape[2]}",
        "**kwargs: Unpack[CallOptions]",
    ]
    return out


def method_lines(op: Operation) -> list[str]:
    shapes, impl = _signatures(op)
    lines: list[str] = []
    for params in shapes:
        for shape in SHAPES:
            lines.append("    @overload")
            sig = _def(op.name, _with_options(params, shape), shape[3].format(T=op.returns))
            sig[-1] = sig[-1] + " ..."
            lines += sig
            lines.append("")
    impl_params = list(impl)
    impl_params += [
        "async_req: bool = False",
        "_return_http_data_only: bool = True",
        "_preload_content: bool = True",
        "**kwargs: Unpack[CallOptions]",
    ]
    lines += _def(op.name, impl_params, f"CallResult[{op.returns}]")
    lines += _docstring(op)
    args = [f"\"{p.name}\": {p.name}" for p in op.params]
    lines += [
        f"        result: CallResult[{op.returns}] = self.api_client.call_endpoint(",
        f"            ops.{op.const},",
        *wrapped("{", args, "},", "            "),
        "            {",
        '                "async_req": async_req,',
        '                "_return_http_data_only": _return_http_data_only,',
        '                "_preload_content": _preload_content,',
        "                **kwargs,",
        "            },",
        "        )",
        "        return result",
    ]
    return lines


def _docstring(op: Operation) -> list[str]:
    summary = textwrap.wrap(f'"""{op.summary}', 108) or ['"""']
    lines = [f"        {line}" for line in summary]
    lines += ["", f"        ``{op.method} {op.path}`` (operation ``{op.op_id}``).", ""]
    if op.params:
        lines.append("        Args:")
        for p in op.params:
            if p.session:
                doc = "your user id; the logged-in session's when left out."
            elif p.location == "BODY":
                doc = f"``{p.pytype}(...)`` or a dict of its fields: the request body."
            else:
                doc = p.doc or f"the ``{p.wire}`` {p.location.lower()} parameter."
                if p.wire != p.name:
                    doc += f" (sent as ``{p.wire}``)"
                if p.maximum is not None:
                    doc += f" At most {p.maximum}, checked before sending."
            text = textwrap.wrap(f"{p.name}: {doc}", 104)
            lines += [f"            {text[0]}", *(f"                {t}" for t in text[1:])]
        lines.append("")
    lines.append("        Returns:")
    if op.result:
        lines.append(f"            ``{op.result}`` (HTTP {op.status}).")
    else:
        lines.append(f"            None (the API answers {op.status} with no body).")
    lines.append('        """')
    return lines


def iterator_lines(op: Operation) -> list[str]:
    name, field, page_size = ITERATORS[op.op_id]
    item = f"{op.result}.{field}"
    filters = [p for p in op.keyword if p.name not in PAGE_PARAMS]
    params = ["user_id: Optional[str] = None"] if op.session else []
    params.append("*")
    params += [_param_text(p, default="None") for p in filters]
    params += [f"page_size: int = {page_size}", "start_page: int = 1", "max_pages: Optional[int] = None"]
    params.append("**kwargs: Unpack[CallOptions]")
    item_type = op.item_type
    lines = _def(name, params, f"Iterator[{item_type}]")
    lines += [
        f'        """Every item of ``{op.name}``, page after page, fetched lazily.',
        "",
        f"        It yields the items of ``{item}``.",
        "        Arguments are checked now, before anything is sent; a page is fetched when the",
        "        iteration reaches it, with the per-call options given. It stops after a short page or",
        "        ``max_pages`` pages; a server that repeats a full page raises ``ApiPagingError``.",
        '        """',
    ]
    args = [f"\"{p.name}\": {p.name}" for p in op.params if p.name not in PAGE_PARAMS]
    lines += [
        "        items: Iterator[" + item_type + "] = self.api_client.paginate(",
        f"            ops.{op.const},",
        *wrapped("{", args, "},", "            "),
        f"            {field!r},",
        "            page_size=page_size,",
        "            start_page=start_page,",
        "            max_pages=max_pages,",
        "            options=kwargs,",
        "        )",
        "        return items",
    ]
    return lines


def api_module(tag: str, ops: list[Operation], spec: Doc) -> str:
    cls = TAG_CLASSES[tag]
    type_imports: set[tuple[Optional[str], str]] = set()
    uses_required = False
    for op in ops:
        if op.result:
            type_imports.add((op.result_module, op.result))
        for p in op.params:
            if p.location == "BODY":
                type_imports.add((f"kalshi.model.{module_name(p.pytype)}", p.pytype))
            if p.pytype == "datetime":
                type_imports.add(("datetime", "datetime"))
        if op.session and len(op.positional) > 1:
            uses_required = True
        if op.op_id in ITERATORS:
            item_type = _item_type(spec, op)
            op.item_type = item_type
            type_imports.add((f"kalshi.model.{module_name(item_type)}", item_type))
    has_iter = any(op.op_id in ITERATORS for op in ops)
    typing_names = ["TYPE_CHECKING", "Any"] + (["Iterator"] if has_iter else []) + ["Literal", "Optional", "overload"]
    lines = [
        *textwrap.wrap(f'"""``{cls}``: {TAG_DOCS[tag]}', 110),
        "",
        f"{GENERATED_BY[0].upper()}{GENERATED_BY[1:]}.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f"from typing import {', '.join(typing_names)}",
        "",
    ]
    if uses_required:
        lines.append("from kalshi._call.endpoint import REQUIRED")
    lines.append(f"from kalshi._operations import {tag} as ops")
    lines += ["", "if TYPE_CHECKING:"]
    stdlib = sorted(n for m, n in type_imports if m == "datetime")
    if stdlib:
        lines.append("    from datetime import datetime")
        lines.append("")
    lines.append("    from typing_extensions import Unpack")
    lines.append("")
    own = [("kalshi.api_client", "ApiClient")]
    own += [("kalshi.calls", "ApiResponse, AsyncResult, CallOptions, CallResult, RawResponse")]
    own += [(m, n) for m, n in type_imports if m and m != "datetime"]
    lines += [f"    from {m} import {n}" for m, n in sorted(own)]
    lines += ["", f'__all__ = ["{cls}"]', "", "", f"class {cls}:", f'    """{TAG_DOCS[tag]}', ""]
    lines += [
        "    Every method accepts the per-call options ``async_req``, ``_return_http_data_only``,",
        "    ``_preload_content`` (which change what it returns, see ``kalshi.calls``) and those of",
        "    ``CallOptions`` (``_request_timeout``, ``_deadline``, ``_check_input_type``,",
        "    ``_check_return_type``, ``_host_index``).",
        '    """',
        "",
        "    def __init__(self, api_client: Optional[ApiClient] = None) -> None:",
        "        if api_client is None:",
        "            # Imported here, and only without a client: the seed's import stays cheap.",
        "            from kalshi.api_client import ApiClient",
        "",
        "            api_client = ApiClient()",
        "        self.api_client: ApiClient = api_client",
    ]
    for op in ops:
        lines.append("")
        lines += method_lines(op)
        if op.op_id in ITERATORS:
            lines.append("")
            lines += iterator_lines(op)
    return "\n".join(lines) + "\n"


def _item_type(spec: Doc, op: Operation) -> str:
    field = ITERATORS[op.op_id][1]
    prop = spec["components"]["schemas"][op.result]["properties"][field]
    if "items" in prop:
        return ref_name(prop["items"]["$ref"])
    listed = spec["components"]["schemas"][ref_name(prop["$ref"])]
    return ref_name(listed["items"]["$ref"])


def apis_module(tags: list[str]) -> str:
    classes = sorted((TAG_CLASSES[t], t) for t in tags)
    lines = [
        '"""Every API class, loaded on first use: ``from kalshi.apis import MarketApi, UserApi``.',
        "",
        f"{GENERATED_BY[0].upper()}{GENERATED_BY[1:]}.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING",
        "",
        "from kalshi._common.lazy import Dir, Getattr, lazy_exports",
        "",
        "if TYPE_CHECKING:",
    ]
    lines += [f"    from kalshi.api.{t}_api import {c}" for c, t in classes]
    lines += ["", "_MODULES = {"]
    lines += [f'    "{c}": "kalshi.api.{t}_api",' for c, t in classes]
    lines += ["}", "", "__all__ = ["]
    lines += [f'    "{c}",' for c, _ in classes]
    lines += [
        "]",
        "",
        "__getattr__: Getattr",
        "__dir__: Dir",
        "__getattr__, __dir__ = lazy_exports(__name__, _MODULES)",
    ]
    return "\n".join(lines) + "\n"


def render(spec: Optional[Doc] = None) -> dict[str, str]:
    """Every file of this stage: path relative to the repository -> content."""
    spec = spec_doc() if spec is None else spec
    ops = load_operations(spec)
    by_tag: dict[str, list[Operation]] = {}
    for op in ops:
        by_tag.setdefault(op.tag, []).append(op)
    out: dict[str, str] = {}
    for tag, tag_ops in sorted(by_tag.items()):
        out[f"kalshi/_operations/{tag}.py"] = operations_module(tag, tag_ops)
        out[f"kalshi/api/{tag}_api.py"] = api_module(tag, tag_ops, spec)
    out["kalshi/apis/__init__.py"] = apis_module(sorted(by_tag))
    return out
