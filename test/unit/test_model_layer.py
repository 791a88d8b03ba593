"""The model layer's promises: one rule per field on every path, portable annotations, inheritance."""

from __future__ import annotations

import importlib
import inspect
import json
import linecache
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import kalshi
from kalshi._model.source import PYTHON
from kalshi.exceptions import ApiResponseTypeError
from kalshi.model.deposit_history import DepositHistory
from kalshi.model.get_notification_preferences_response import GetNotificationPreferencesResponse
from kalshi.model.login_response import LoginResponse
from kalshi.model.notification_list import NotificationList
from kalshi.model.price_level import PriceLevel
from kalshi.model_utils import Model, ModelMeta, model_fields
from kalshi.models import UserOrderCreateRequest


class Row(Model):
    """One field of every kind, plus a required one."""

    r: str
    s: Optional[str] = None
    i: Optional[int] = None
    f: Optional[float] = None
    b: Optional[bool] = None
    t: Optional[datetime] = None
    o: Optional[Dict[str, Any]] = None
    ints: Optional[List[int]] = None
    n: Optional[DepositHistory] = None
    nl: Optional[NotificationList] = None
    p: Optional[PriceLevel] = None


class Refused:
    """The expected outcome of a value the field refuses, and where the error points."""

    def __init__(self, *path: Any) -> None:
        self.path = list(path)

    def __repr__(self) -> str:
        return f"Refused{tuple(self.path)}"


UTC = timezone.utc


class _Missing:
    """The field is absent from the input; its repr keeps the test ids the same in every process (pytest-xdist)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()

# (field, value given, expected value or Refused(path below the field)). One table, three paths.
RULES = [
    ("s", "text", "text"),
    ("s", 1, Refused("s")),
    ("i", 7, 7),
    ("i", True, Refused("i")),
    ("i", 7.0, Refused("i")),
    ("i", "7", Refused("i")),
    ("f", 2, 2.0),
    ("f", 2.5, 2.5),
    ("f", False, Refused("f")),
    ("f", "2.5", Refused("f")),
    ("b", True, True),
    ("b", 1, Refused("b")),
    ("b", "true", Refused("b")),
    ("t", "2024-01-02T03:04:05Z", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("t", "2024-01-02T03:04:05", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("t", "2024-01-02T03:04:05.5+01:00", datetime(2024, 1, 2, 3, 4, 5, 500000, tzinfo=timezone(timedelta(hours=1)))),
    ("t", datetime(2024, 1, 2), datetime(2024, 1, 2, tzinfo=UTC)),
    ("t", "yesterday", Refused("t")),
    ("t", 1704164645, Refused("t")),
    ("o", {"a": [1, None]}, {"a": [1, None]}),
    ("o", [1], Refused("o")),
    ("ints", [1, 2], [1, 2]),
    ("ints", [1, "2"], Refused("ints", 1)),
    ("ints", "12", Refused("ints")),
    ("n", {"amount": 5}, DepositHistory(amount=5)),
    ("n", {"amount": "5"}, Refused("n", "amount")),
    ("n", 5, Refused("n")),
    ("nl", [{"id": "a"}], NotificationList([{"id": "a"}])),
    ("nl", [{"id": 1}], Refused("nl", 0, "id")),
    ("nl", {"id": "a"}, Refused("nl")),
    ("p", [30, 5], PriceLevel(30, 5)),
    ("p", [30], Refused("p")),
    ("p", [30, "5"], Refused("p", 1)),
    ("r", None, Refused("r")),
    ("r", MISSING, Refused("r")),
    ("s", None, None),
    ("s", MISSING, None),
]


def _given(value: Any, name: str) -> Dict[str, Any]:
    data: Dict[str, Any] = {"r": "required", name: value}
    if value is MISSING:
        del data[name]
    return data


def _by_keywords(value: Any, name: str) -> Row:
    return Row(**_given(value, name))


def _by_from_dict(value: Any, name: str) -> Row:
    return Row.from_dict(_given(value, name))


def _by_wire(value: Any, name: str) -> Row:
    return Row.from_wire(_given(value, name))


PATHS = {"keywords": (_by_keywords, ["Row"]), "from_dict": (_by_from_dict, ["Row"]), "wire": (_by_wire, [])}


@pytest.mark.parametrize("path_name", sorted(PATHS))
@pytest.mark.parametrize("name, value, expected", RULES, ids=[f"{r[0]}={r[1]!r}" for r in RULES])
def test_one_table_of_rules_holds_on_every_path(path_name: str, name: str, value: Any, expected: Any) -> None:
    build, root = PATHS[path_name]
    if isinstance(expected, Refused):
        error = ApiResponseTypeError if path_name == "wire" else kalshi.ApiTypeError
        with pytest.raises(error) as info:
            build(value, name)
        assert info.value.path_to_item == root + expected.path
        assert isinstance(info.value, kalshi.ApiTypeError)  # one family, whichever path
    else:
        got = getattr(build(value, name), name)
        assert got == expected
        assert type(got) is type(expected)


def test_a_wire_violation_is_an_api_exception_naming_the_path_for_the_seed_s_except_clause() -> None:
    with pytest.raises(kalshi.ApiException) as info:
        GetNotificationPreferencesResponse.from_wire({"preferences": None})
    assert isinstance(info.value, ApiResponseTypeError)
    assert info.value.path_to_item == ["preferences"]
    assert "field 'preferences' is required but null" in str(info.value)


def test_null_in_a_required_field_is_refused_by_every_path() -> None:
    with pytest.raises(ApiResponseTypeError):
        LoginResponse.from_wire({"user_id": None, "token": "t", "access_level": "member"})
    with pytest.raises(kalshi.ApiTypeError, match="required but null"):
        LoginResponse.from_dict({"user_id": None, "token": "t", "access_level": "member"})
    with pytest.raises(kalshi.ApiTypeError, match="required but null"):
        LoginResponse(user_id=None, token="t", access_level="member")  # type: ignore[arg-type]


def test_unchecked_conversion_keeps_what_the_server_sent() -> None:
    row = Row.from_wire({"r": None, "i": "7", "ints": [1, "x"]}, check=False)
    assert (row.r, row.i, row.ints) == (None, "7", [1, "x"])


def test_unknown_keyword_is_an_api_type_error_naming_it() -> None:
    with pytest.raises(kalshi.ApiTypeError, match="unexpected keyword argument 'colour'") as info:
        Row(r="x", colour="red")  # type: ignore[call-arg]
    assert info.value.path_to_item == ["colour"]


# --------------------------------------------------------------------------- inheritance and annotations


class MyDeposit(DepositHistory):
    note: Optional[str] = None


def test_a_subclass_of_a_shipped_model_keeps_its_parents_fields_and_adds_its_own() -> None:
    deposit = MyDeposit(amount=500, note="salary")
    assert (deposit.amount, deposit.note) == (500, "salary")
    assert [f.name for f in model_fields(MyDeposit)][-1] == "note"
    assert {f.name for f in model_fields(DepositHistory)} < {f.name for f in model_fields(MyDeposit)}
    wire = MyDeposit.from_wire({"amount": 7, "note": "n", "other": 1})
    assert (wire.amount, wire.note, wire.additional_properties) == (7, "n", {"other": 1})
    assert "note" not in {f.name for f in model_fields(DepositHistory)}  # the parent is untouched


class Keyed(DepositHistory):
    def __new__(cls, key: str) -> Keyed:  # a constructor of its own, with an argument the wire never gives
        return super().__new__(cls)


def test_the_wire_builds_a_subclass_with_its_own_new_without_calling_it() -> None:
    wire = Keyed.from_wire({"amount": 7, "created_at": "2021-11-02T07:03:48Z"})
    assert type(wire) is Keyed
    assert (wire.amount, wire.created_at) == (7, datetime(2021, 11, 2, 7, 3, 48, tzinfo=timezone.utc))


USER_MODULE = '''
from __future__ import annotations

from datetime import datetime
from typing import List, Optional

from kalshi.model.deposit_history import DepositHistory
from kalshi.model_utils import Model, field


class Tagged(DepositHistory):
    note: Optional[str] = None
    tags: Optional[List[str]] = None


class Trip(Model):
    start: datetime
    legs: List[Leg]
    label: Optional[str] = field(wire="Label", default=None)


class Leg(Model):
    km: int
'''


def test_models_in_a_module_with_postponed_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Trip names Leg before Leg exists: its annotations are resolved when Trip is made, so this
    # module defines Leg first... except it does not: the error must be a clear TypeError.
    (tmp_path / "user_models_late.py").write_text(USER_MODULE, encoding="utf-8")
    (tmp_path / "user_models.py").write_text(
        USER_MODULE.replace("\n\nclass Leg(Model):\n    km: int\n", "").replace(
            "class Trip(Model):", "class Leg(Model):\n    km: int\n\n\nclass Trip(Model):"
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(TypeError, match="cannot resolve the annotation 'List\\[Leg\\]'"):
        importlib.import_module("user_models_late")
    module = importlib.import_module("user_models")
    tagged = module.Tagged(amount=5, note="x", tags=["a"])
    assert (tagged.amount, tagged.note, tagged.tags) == (5, "x", ["a"])
    trip = module.Trip.from_wire({"start": "2024-05-01T00:00:00Z", "legs": [{"km": 3}], "Label": "L"})
    assert trip.legs[0].km == 3 and trip.label == "L" and trip.start.tzinfo is not None
    with pytest.raises(ApiResponseTypeError) as info:
        module.Trip.from_wire({"start": "2024-05-01T00:00:00Z", "legs": [{"km": "3"}]})
    assert info.value.path_to_item == ["legs", 0, "km"]
    sys.modules.pop("user_models", None)


def test_lazily_evaluated_annotations_are_read_through_annotate() -> None:
    # What Python 3.14 (PEP 649/749) hands a metaclass: __annotate__ and no __annotations__.
    def __annotate__(format: int) -> Dict[str, Any]:  # noqa: N807 - the protocol's name
        if format != 1:
            raise NotImplementedError
        return {"amount": int, "note": Optional[str]}

    namespace = {"__module__": __name__, "__qualname__": "Lazy", "__annotate__": __annotate__, "note": None}
    lazy: Any = ModelMeta("Lazy", (Model,), namespace)
    assert [(f.name, f.required) for f in model_fields(lazy)] == [("amount", True), ("note", False)]
    assert lazy.__slots__ == ("amount", "note")
    assert lazy(amount=3).amount == 3
    assert lazy.from_wire({"amount": 4, "note": "n"}).note == "n"


def test_class_variables_are_not_fields() -> None:
    from typing import ClassVar

    class WithConstant(Model):
        LIMIT: ClassVar[int] = 50
        value: int

    assert [f.name for f in model_fields(WithConstant)] == ["value"]
    assert WithConstant.LIMIT == 50


# --------------------------------------------------------------------------- the compiled converter


def test_converter_source_is_registered_with_linecache_for_tracebacks() -> None:
    converter = Row._converter(True)
    filename = converter.__code__.co_filename
    assert filename.startswith("<kalshi converter ") and "Row" in filename
    assert linecache.getline(filename, 1) == "def convert(d):\n"
    source = inspect.getsource(converter)
    # Each leaf field is fetched, then tested once; anything unusual (the required field missing
    # included) goes to one slow-path call, with no try block around the usual case.
    assert source.count("if not (v0.__class__ is str):") == 1
    assert source.count("v0 = slow") == 1
    assert "except FieldError as e:\n        e.path.append('r')" not in source
    assert "if v is M" not in source.replace("if v0 is M", "")  # no dead placeholder branches


def test_the_subscript_path_and_the_general_path_build_the_same_model() -> None:
    exact = {"amount": 5, "created_ts": "2024-01-01T00:00:00Z", "status": "applied"}
    fields = {f.wire for f in model_fields(DepositHistory)}
    full = {w: None for w in fields} | {"amount": 5}
    assert DepositHistory.from_wire(full).amount == 5
    sparse = DepositHistory.from_wire(exact)
    assert sparse.additional_properties == {"created_ts": "2024-01-01T00:00:00Z"}
    assert sparse.status == "applied"


class Deposits(Model):
    """A list of models inside a model: its items are read inline, in one loop."""

    items: Optional[List[DepositHistory]] = None


def test_items_of_a_list_are_read_by_name_whatever_keys_the_first_item_had() -> None:
    # In a list the converter reads each item by subscript when it has exactly the declared keys.
    # Items that miss a key, carry an unknown one or come in another order must still be read by
    # name, on both paths.
    base = {
        "amount": 1,
        "created_at": "2024-01-01T00:00:00Z",
        "deposit_type": "ach",
        "fee": 0,
        "returned_amount": 0,
        "status": "applied",
        "updated_at": "2024-01-02T00:00:00Z",
    }
    first = {k: v for k, v in base.items() if k != "fee"} | {"surprise": 1}  # as many keys, one unknown
    reordered = dict(reversed(list(base.items()))) | {"amount": 3}
    items = [first, dict(base, amount=2), reordered, {"amount": 4}]
    text = json.dumps({"items": items})
    for built in (Deposits.from_wire(json.loads(text)), Deposits._from_decoded(json.loads(text), True)):
        assert built.items is not None
        assert [d.amount for d in built.items] == [1, 2, 3, 4]
        assert built.items[0].fee is None and built.items[0].additional_properties == {"surprise": 1}
        assert built.items[2].deposit_type == "ach" and built.items[2].fee == 0
        assert built.items == [DepositHistory.from_wire(item) for item in items]
    source = inspect.getsource(Deposits._converter(True))
    assert "for x0 in v0:" in source and "['amount']" in source  # the path under test is the one taken


def test_a_response_type_error_keeps_status_headers_and_body() -> None:
    error = ApiResponseTypeError(
        "X: field 'a' is str, expected int", ["a"], status=200, reason="OK", body=b'{"a": "1"}', headers={"h": "v"}
    )
    assert (error.status, error.headers["h"], error.body, error.path_to_item) == (200, "v", '{"a": "1"}', ["a"])
    assert str(error).startswith("(200) X: field 'a' is str, expected int")


def test_a_kind_s_check_is_written_once_and_run_by_construction_and_the_wire_alike() -> None:
    # The side's kind gives its usual-case code once; its own converter (construction, from_dict,
    # assignment) and the model's wire converter are both compiled from it.
    side = UserOrderCreateRequest._by_name["side"].kind
    own = inspect.getsource(side.converter(PYTHON))
    wire = inspect.getsource(UserOrderCreateRequest._converter(True))
    assert "if not (v.__class__ is str and v in values0):" in own
    assert re.search(r"if not \((v\d+)\.__class__ is str and \1 in values\d+\):", wire)
    with pytest.raises(kalshi.ApiTypeError, match="expected 'yes' or 'no'"):
        UserOrderCreateRequest(count=1, market_id="m", price=40, side="maybe")  # type: ignore[arg-type]
    with pytest.raises(ApiResponseTypeError, match="expected 'yes' or 'no'"):
        UserOrderCreateRequest.from_wire({"count": 1, "market_id": "m", "price": 40, "side": "maybe"})


def test_compiled_converters_are_cached_per_owner_and_mode() -> None:
    assert Row._converter(True) is Row._converter(True)
    assert len({id(Row._converter(check, consume)) for check in (True, False) for consume in (True, False)}) == 4
    assert MyDeposit._converter(True) is not DepositHistory._converter(True)  # a subclass compiles its own

    class Notes(NotificationList):
        __slots__ = ()

    assert Notes._converter(True) is not NotificationList._converter(True)
    assert type(Notes.from_wire([{"id": "a"}])) is Notes
    kind = model_fields(Row)[2].kind  # i: int
    assert kind.converter(PYTHON) is kind.converter(PYTHON)
