"""Round trips of every model, with wire data that hypothesis builds from the spec's schemas.

``from_wire(d).to_wire() == d`` for any valid ``d`` (timestamps in the RFC 3339 form the SDK writes,
unknown fields included), and ``from_dict(to_dict())`` gives an equal model.
"""

from __future__ import annotations

import importlib
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kalshi.model_utils import ListModel, Model, format_datetime

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
SCHEMAS: Dict[str, Any] = SPEC["components"]["schemas"]
REF = "#/components/schemas/"
MODELS = sorted(n for n, s in SCHEMAS.items() if s.get("type") == "object" or "$ref" in s.get("items", {}))

_ZONES = [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
_TIMESTAMPS = st.builds(
    lambda dt, tz: format_datetime(dt.replace(tzinfo=tz)),
    st.datetimes(min_value=datetime(1971, 1, 2), max_value=datetime(2099, 12, 30)),
    st.sampled_from(_ZONES),
)
_JSON_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=8)
_INTS = st.integers(-(2**63), 2**63 - 1)


def _module(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", name).lower()


def model_class(name: str) -> Any:
    return getattr(importlib.import_module(f"kalshi.model.{_module(name)}"), name)


def wire_of(prop: Dict[str, Any], owner: str = "") -> st.SearchStrategy[Any]:
    """Valid wire values of a schema (named ``owner``) or property."""
    if "$ref" in prop:
        target = prop["$ref"][len(REF) :]
        if target == "PriceLevel":  # [price, count]; the limits are in the spec's prose only
            return st.tuples(st.integers(1, 99), st.integers(0, 2**31 - 1)).map(list)
        return wire_of(SCHEMAS[target], target)
    kind = prop.get("type")
    if kind == "object" or "properties" in prop:
        if "properties" not in prop:  # free-form JSON object
            return st.dictionaries(st.text(max_size=5), _JSON_SCALARS, max_size=3)
        required = set(prop.get("required", ()))
        props = prop["properties"]
        return st.fixed_dictionaries(
            {k: _property(owner, k, v) for k, v in props.items() if k in required},
            optional={k: _property(owner, k, v) for k, v in props.items() if k not in required},
        )
    if kind == "array":
        return st.lists(wire_of(prop["items"]), max_size=2)
    if kind == "string":
        return _TIMESTAMPS if prop.get("format") == "date-time" else st.text(max_size=12)
    if kind == "integer":  # within the format's range: the SDK refuses others
        return st.integers(-(2**31), 2**31 - 1) if prop.get("format") == "int32" else _INTS
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    raise AssertionError(f"no strategy for {prop!r}")


def _property(owner: str, wire: str, prop: Dict[str, Any]) -> st.SearchStrategy[Any]:
    if wire == "side" and owner.endswith("Request"):  # the two values the spec's text names
        return st.sampled_from(["yes", "no"])
    return wire_of(prop)


def with_unknown_fields(name: str) -> st.SearchStrategy[Any]:
    """Wire data of the model, sometimes with a field this SDK does not know."""
    base = wire_of(SCHEMAS[name], name)
    if SCHEMAS[name].get("type") != "object":
        return base
    extra = st.dictionaries(st.sampled_from(["zz_new_field", "ZzOther"]), _JSON_SCALARS, max_size=1)
    return st.builds(lambda d, e: {**d, **e}, base, extra)


_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", MODELS)
def test_wire_round_trip(name: str) -> None:
    cls = model_class(name)

    @_SETTINGS
    @given(with_unknown_fields(name))
    def check(wire: Any) -> None:
        model = cls.from_wire(wire)
        assert model.to_wire() == wire
        if isinstance(model, Model):  # every field of the spec is a declared field, not an unknown one
            assert set(model.additional_properties) == set(wire) - set(SCHEMAS[name]["properties"])

    check()


@pytest.mark.parametrize("name", MODELS)
def test_python_round_trip(name: str) -> None:
    cls = model_class(name)

    @_SETTINGS
    @given(with_unknown_fields(name))
    def check(wire: Any) -> None:
        model = cls.from_wire(wire)
        if issubclass(cls, ListModel):
            again = cls(model.to_list())
        else:
            assert issubclass(cls, Model)
            again = cls.from_dict(model.to_dict())
        assert again == model
        assert again.to_wire() == wire

    check()


def test_every_model_schema_is_covered() -> None:
    assert len(MODELS) == 79 - 10  # ten schemas are scalars (Cent, Side, ...) or PriceLevel
