"""The ``[fast]`` extra and the SDK's own decoding path: the same models whichever decoder and path.

With orjson installed (test-requirements.txt installs it where it has wheels), responses are read by
orjson and compared with a forced standard-library run; without it, the default path is the
standard library and the comparison is of that path with a forced standard-library run (the test
says which in its id). The owned-JSON converter (``_from_decoded``, which empties the lists it reads)
is checked against ``from_wire`` on the same rules table as the other paths.
"""

from __future__ import annotations

import copy
import gc
import importlib.util
import json
from typing import Any, Callable, Dict, Iterator, List, Literal, Optional, Tuple

import pytest
from test_model_layer import MISSING, RULES, Refused, Row, _given

import kalshi
from kalshi._call import decode
from kalshi.apis import AccountApi, MarketApi, UserApi
from kalshi.exceptions import ApiResponseTypeError
from kalshi.model.user_get_account_history_response import UserGetAccountHistoryResponse
from kalshi.model_utils import Model
from kalshi.models import UserOrderCreateRequest
from kalshi.testing import FakeKalshiServer, make_history_entries, make_notifications

HAS_ORJSON = importlib.util.find_spec("orjson") is not None
DEFAULT = "orjson" if HAS_ORJSON else "json (orjson not installed)"
EMAIL, PASSWORD = "fast@example.com", "fast-password"
USER_ID = "5b0c7a9e-1f2d-4c3b-8a6e-0d9f8e7c6b5a"


def test_the_decoder_is_orjson_exactly_when_it_is_installed() -> None:
    assert decode.decoder_name() == ("orjson" if HAS_ORJSON else "json")


@pytest.fixture(scope="module")
def calls() -> Iterator[Dict[str, Callable[[], Any]]]:
    with FakeKalshiServer(seed=3) as server:
        market_id = server.add_market(ticker="FAST-1", title="Will the fast path agree?")
        server.add_market(ticker="FAST-2", title="A second market")
        server.add_user(
            EMAIL,
            PASSWORD,
            balance=500_000,
            user_id=USER_ID,
            history=make_history_entries(400, seed=2),
            notifications=make_notifications(50, USER_ID, seed=2),
        )
        with kalshi.ApiClient(kalshi.Configuration(host=server.host, retries=0, timeout=(2, 10))) as client:
            client.login(EMAIL, PASSWORD)
            user = UserApi(client)
            orders: Tuple[Tuple[Literal["yes", "no"], int, int], ...] = (("yes", 30, 5), ("no", 40, 3), ("yes", 25, 7))
            for side, price, count in orders:
                user.user_order_create(
                    user_order_create_request=UserOrderCreateRequest(
                        market_id=market_id, side=side, price=price, count=count
                    )
                )
            yield {
                "history": lambda: AccountApi(client).user_get_account_history(
                    should_return_deposits=True,
                    should_return_withdrawals=True,
                    should_return_orders=True,
                    should_return_settlements=True,
                    should_return_trades=True,
                    limit=400,
                ),
                "notifications": lambda: AccountApi(client).user_get_notifications(USER_ID, 50, 1),
                "markets": lambda: MarketApi(client).get_markets(),
                "orders": lambda: user.user_orders_get(),
            }
        assert server.errors == []


@pytest.mark.parametrize("payload", ["history", "notifications", "markets", "orders"])
def test_both_decoders_give_identical_models(
    calls: Dict[str, Callable[[], Any]], payload: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = calls[payload]()  # orjson when installed, else the standard library
    monkeypatch.setattr(decode, "_chosen", ("json", json.loads))
    stdlib = calls[payload]()
    assert type(default) is type(stdlib)
    assert len(default.to_records()) >= 3, f"the {payload} payload should hold several items ({DEFAULT})"
    assert default == stdlib, DEFAULT
    assert default.to_wire() == stdlib.to_wire()
    assert repr(default) == repr(stdlib)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": NaN, "b": -Infinity}',
        b'{"a": 123456789012345678901234567890}',
        b'{"a": [-9999999999999999999, 18446744073709551616]}',
        '{"a": "\u00e9"}'.encode("utf-16"),
        b'{"a": "\\ud800"}',
        b'\xef\xbb\xbf{"a": 1}',
        b'{"a": 1, "a": 2}',
    ],
    ids=["nan", "bigint", "past-64-bits", "utf16", "lone-surrogate", "bom", "duplicate-key"],
)
def test_bodies_orjson_refuses_decode_as_the_standard_library_does(raw: bytes) -> None:
    assert repr(decode.decode_json(raw)) == repr(json.loads(raw))


@pytest.mark.parametrize("raw", [b"{", b"\xff", b"[" * 100_000], ids=["truncated", "not-utf8", "deep"])
def test_bodies_neither_decoder_reads_raise_what_json_loads_raises(raw: bytes) -> None:
    with pytest.raises((ValueError, RecursionError)):
        decode.decode_json(raw)


# --------------------------------------------------------------------------- owned JSON


def test_the_owned_path_builds_what_from_wire_builds_and_from_wire_leaves_its_input_alone() -> None:
    wire = {"entries": make_history_entries(2000, seed=5)}
    kept = copy.deepcopy(wire)
    given = UserGetAccountHistoryResponse.from_wire(wire)
    assert wire == kept
    owned_input = copy.deepcopy(wire)
    owned = UserGetAccountHistoryResponse._from_decoded(owned_input, True)
    assert owned == given and len(owned.entries) == 2000
    assert owned_input == {"entries": []}  # emptied as it was read


def _gen0_collections(convert: Callable[[], Any]) -> int:
    before = gc.get_stats()[0]["collections"]
    convert()
    return int(gc.get_stats()[0]["collections"] - before)


def test_the_owned_path_runs_the_cyclic_gc_about_half_as_often() -> None:
    raw = json.dumps({"entries": make_history_entries(5000, seed=6)}).encode()
    UserGetAccountHistoryResponse.from_wire(json.loads(raw))  # compile both converters first
    UserGetAccountHistoryResponse._from_decoded(json.loads(raw), True)
    alone = _gen0_collections(lambda: json.loads(raw))
    wire = _gen0_collections(lambda: UserGetAccountHistoryResponse.from_wire(json.loads(raw)))
    owned = _gen0_collections(lambda: UserGetAccountHistoryResponse._from_decoded(json.loads(raw), True))
    if gc.isenabled():
        assert wire > alone  # the models are extra allocations...
        assert owned <= alone + 2  # ...which the freed dicts pay for
    else:
        assert wire == owned == alone == 0


class Rows(Model):
    """A list of rows: the converter folds the loop and writes ``Row`` inline."""

    rows: List[Row]
    label: Optional[str] = None


def _rows_given(value: Any, name: str) -> Dict[str, Any]:
    return {"rows": [{"r": "first"}, _given(value, name)], "label": "L"}


@pytest.mark.parametrize("owned", [False, True], ids=["from_wire", "owned"])
@pytest.mark.parametrize("name, value, expected", RULES, ids=[f"{r[0]}={r[1]!r}" for r in RULES])
def test_the_rules_table_holds_for_items_of_a_folded_list(owned: bool, name: str, value: Any, expected: Any) -> None:
    # A copy: the owned path empties the lists it reads, and RULES is test_model_layer's table too.
    data = copy.deepcopy(_rows_given(value, name))

    def build() -> Rows:
        return Rows._from_decoded(data, True) if owned else Rows.from_wire(data)

    if isinstance(expected, Refused):
        with pytest.raises(ApiResponseTypeError) as info:
            build()
        assert info.value.path_to_item == ["rows", 1, *expected.path]
    else:
        got = getattr(build().rows[1], name)
        assert got == expected and type(got) is type(expected)
    assert value is MISSING or name in _given(value, name)


def test_unchecked_conversion_keeps_refused_values_on_both_paths() -> None:
    data = {"rows": [{"r": None, "i": "7", "ints": [1, "x"]}, 5, {"r": "ok", "extra": 1}], "label": 3}
    given = Rows.from_wire(copy.deepcopy(data), check=False)
    owned = Rows._from_decoded(copy.deepcopy(data), False)
    assert given == owned
    assert given.rows[1] == 5 and given.label == 3
    assert given.rows[0].i == "7" and given.rows[0].ints == [1, "x"]
    assert given.rows[2].additional_properties == {"extra": 1}
