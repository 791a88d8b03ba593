"""Spec drift, operations: every operation of test/spec/kalshi-v1.json is what the SDK declares.

This walks the spec on its own (it does not reuse the generator, so a generator bug or a table
edited by hand fails here): for each operation, the ``Endpoint`` in ``kalshi._operations.<tag>``
(method, path, parameters with python name, wire name, location, type, required and maximum, the
body, the return model, auth), and the API class of its tag (its methods and their run-time
signatures).
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import kalshi.apis
import kalshi.models
from kalshi._call.endpoint import BODY, PATH, QUERY, REQUIRED, Endpoint
from kalshi.exchange_status import ExchangeStatus

SPEC: Dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8")
)
CLASSES = {
    "account": "AccountApi",
    "auth": "AuthApi",
    "default": "DefaultApi",
    "exchange": "ExchangeApi",
    "market": "MarketApi",
    "portfolio": "PortfolioApi",
    "ranged_market": "RangedMarketApi",
    "ranged_markets": "RangedMarketsApi",
    "user": "UserApi",
}
# The page iterators, the only public methods that are not operations.
ITERATORS = {
    "AccountApi": {"iter_notifications"},
    "DefaultApi": {"iter_trades"},
    "UserApi": {"iter_orders", "iter_user_trades"},
}
OPTIONS = ["async_req", "_return_http_data_only", "_preload_content"]


def snake(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def _ref(ref: str) -> str:
    return ref.rsplit("/", 1)[1]


class Op:
    def __init__(self, path: str, method: str, op: Dict[str, Any]) -> None:
        self.path, self.method, self.raw = path, method.upper(), op
        self.op_id: str = op["operationId"]
        self.tag: str = (op.get("tags") or ["default"])[0]

    def __repr__(self) -> str:
        return self.op_id


OPS = [Op(path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items()]


def _scalar(schema: Dict[str, Any]) -> type:
    kind = schema.get("type")
    if kind == "integer":
        return int
    if kind == "boolean":
        return bool
    if kind == "number":
        return float
    assert kind == "string", schema
    return datetime if schema.get("format") == "date-time" else str


def expected_params(op: Op) -> List[Tuple[str, str, str, type, bool, Optional[int], bool]]:
    """(name, wire, location, type, required, maximum, session_default), in the spec's order."""
    out = []
    for p in op.raw.get("parameters", []):
        schema = p["schema"]
        location = {"path": PATH, "query": QUERY}[p["in"]]
        required = bool(p.get("required")) or location == PATH
        session = location == PATH and p["name"] == "user_id"
        out.append((snake(p["name"]), p["name"], location, _scalar(schema), required, schema.get("maximum"), session))
    body = op.raw.get("requestBody")
    if body:
        schema_name = _ref(body["content"]["application/json"]["schema"]["$ref"])
        model = getattr(kalshi.models, schema_name)
        out.append((snake(schema_name), "", BODY, model, bool(body.get("required")), None, False))
    return out


def expected_result(op: Op) -> Optional[type]:
    successes = [(s, r) for s, r in op.raw["responses"].items() if s.startswith("2")]
    assert len(successes) == 1, op
    response = successes[0][1]
    if "$ref" in response:
        response = SPEC["components"]["responses"][_ref(response["$ref"])]
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is not None:
        model: type = getattr(kalshi.models, _ref(schema["$ref"]))
        return model
    if set(response.get("headers", {})) == {"exchange_active", "trading_active"}:
        return ExchangeStatus
    return None


def endpoint_of(op: Op) -> Endpoint:
    module = importlib.import_module(f"kalshi._operations.{op.tag}")
    endpoint = getattr(module, snake(op.op_id).upper(), None)
    assert isinstance(endpoint, Endpoint), f"kalshi._operations.{op.tag} declares no {snake(op.op_id).upper()}"
    return endpoint


def test_the_spec_has_36_operations_in_9_tags() -> None:
    assert len(OPS) == 36
    assert {op.tag for op in OPS} == set(CLASSES)


@pytest.mark.parametrize("tag", sorted(CLASSES))
def test_each_table_declares_exactly_its_tags_operations(tag: str) -> None:
    module = importlib.import_module(f"kalshi._operations.{tag}")
    declared = {name for name in vars(module) if isinstance(getattr(module, name), Endpoint)}
    assert declared == {snake(op.op_id).upper() for op in OPS if op.tag == tag}
    assert sorted(module.__all__) == sorted(declared)


@pytest.mark.parametrize("op", OPS, ids=[op.op_id for op in OPS])
def test_endpoint_matches_the_spec(op: Op) -> None:
    endpoint = endpoint_of(op)
    assert endpoint.operation_id == op.op_id
    assert endpoint.name == snake(op.op_id)
    assert endpoint.method == op.method
    assert endpoint.path == op.path
    assert endpoint.auth == ("security" in op.raw)
    declared = [(p.name, p.wire, p.location, p.type, p.required, p.maximum, p.session_default) for p in endpoint.params]
    assert declared == expected_params(op)
    assert endpoint.response_type is expected_result(op)


def test_the_exchange_status_quirk_is_covered() -> None:
    """GET /exchange/status answers in headers; the SDK returns ExchangeStatus, not the generator's None."""
    op = next(o for o in OPS if o.op_id == "GetExchangeStatus")
    assert endpoint_of(op).response_type is ExchangeStatus


@pytest.mark.parametrize("tag", sorted(CLASSES))
def test_api_class_has_exactly_its_tags_methods(tag: str) -> None:
    cls = getattr(kalshi.apis, CLASSES[tag])
    methods = {name for name, value in vars(cls).items() if callable(value) and not name.startswith("_")}
    assert methods == {snake(op.op_id) for op in OPS if op.tag == tag} | ITERATORS.get(CLASSES[tag], set())


@pytest.mark.parametrize("op", OPS, ids=[op.op_id for op in OPS])
def test_method_signature_follows_the_spec(op: Op) -> None:
    """Required parameters positional, in the spec's order; optional ones keyword-only, defaulting to None."""
    method = getattr(getattr(kalshi.apis, CLASSES[op.tag]), snake(op.op_id))
    params = list(inspect.signature(method).parameters.values())[1:]  # without self
    expected = expected_params(op)
    required = [e for e in expected if e[4]]
    optional = [e for e in expected if not e[4]]
    positional = [p for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    keyword = [p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY]
    assert [p.name for p in positional] == [e[0] for e in required]
    assert keyword == [e[0] for e in optional] + OPTIONS
    assert params[-1].kind is inspect.Parameter.VAR_KEYWORD
    session = any(e[6] for e in expected)
    for p, e in zip(positional, required):
        if e[6]:  # user_id: the logged-in session's when left out
            assert p.default is None
        elif session:  # after an optional user_id, a required parameter cannot lack a default
            assert p.default is REQUIRED
        else:
            assert p.default is inspect.Parameter.empty
    for p in params:
        if p.name in {e[0] for e in optional}:
            assert p.default is None
