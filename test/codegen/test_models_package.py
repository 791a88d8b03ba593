"""``kalshi.models``: every schema name, loaded lazily, each from its own module."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import get_args

import kalshi.models

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]


def _module(name: str) -> str:
    # The generator's convention, written out again so that the test does not trust it.
    out = ""
    for i, ch in enumerate(name):
        if ch.isupper() and i and name[i + 1 : i + 2].islower():
            out += "_"
        out += ch.lower()
    return out


def test_every_schema_and_jsonerror_is_exported() -> None:
    names = set(kalshi.models.__all__)
    assert set(SCHEMAS) | {"JSONError"} <= names
    assert names - set(SCHEMAS) == {"JSONError"}
    assert len(SCHEMAS) == 79


def test_literal_aliases_live_beside_their_string_alias() -> None:
    from kalshi.model.order_status import OrderStatus, OrderStatusLiteral
    from kalshi.model.side import Side, SideLiteral

    assert Side is str and OrderStatus is str
    assert get_args(SideLiteral) == ("yes", "no")
    assert get_args(OrderStatusLiteral) == ("resting", "canceled", "executed")


def test_every_name_comes_from_its_own_module() -> None:
    for name in kalshi.models.__all__:
        module = importlib.import_module(f"kalshi.model.{_module(name)}")
        assert getattr(module, name) is getattr(kalshi.models, name), name


def test_module_names_follow_the_generator_convention() -> None:
    assert _module("JSONError") == "json_error"
    assert _module("GetMarketOrderBookResponse") == "get_market_order_book_response"
    assert _module("UserListLedgerxBankAccountsResponse") == "user_list_ledgerx_bank_accounts_response"


def test_dir_lists_every_model_and_unknown_names_are_attribute_errors() -> None:
    assert set(kalshi.models.__all__) <= set(dir(kalshi.models))
    try:
        kalshi.models.NoSuchModel  # noqa: B018
    except AttributeError as err:
        assert "NoSuchModel" in str(err)
    else:
        raise AssertionError("kalshi.models.NoSuchModel did not raise AttributeError")


def test_star_import_gives_every_name() -> None:
    namespace: dict = {}
    exec("from kalshi.models import *", namespace)  # noqa: S102
    assert set(kalshi.models.__all__) <= set(namespace)


_PROBE = """
import sys
import kalshi
before = {m for m in sys.modules if m.startswith("kalshi.model.")}
import kalshi.models
after_import = {m for m in sys.modules if m.startswith("kalshi.model.")}
kalshi.models.Market
after_use = {m for m in sys.modules if m.startswith("kalshi.model.")}
print(sorted(after_import - before))
print(sorted(after_use - before))
"""


def test_importing_kalshi_models_loads_no_model_until_one_is_used() -> None:
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()

    assert out[0] == "[]"
    loaded = set(eval(out[1]))  # noqa: S307 - a list of module names printed above
    assert "kalshi.model.market" in loaded
    # Market and what it refers to, nothing else.
    assert loaded <= {
        "kalshi.model.market",
        "kalshi.model.cent",
        "kalshi.model.market_option_type",
        "kalshi.model.market_status",
        "kalshi.model.settlement_source",
    }, loaded
