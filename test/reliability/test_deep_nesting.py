"""Display, pickling and copies of models never recurse out, however deep a server nests a value.

The choice (docs/models.md): a body the JSON parser reads is kept whatever its depth; ``repr``,
``str`` and ``_repr_html_`` elide below a fixed depth, and ``pickle``, ``copy.copy`` and
``copy.deepcopy`` work at any depth. A body nested deeper than the parser reads is an
``ApiDecodeError``. Tested at 400, 1,000 and 100,000 levels.
"""

from __future__ import annotations

import copy
import json
import pickle
import pprint
from typing import Any, Callable, Dict

import pytest

import kalshi
from kalshi.apis import AccountApi
from kalshi.models import Notification, UserGetNotificationsResponse
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

DEPTHS = [400, 1_000, 100_000]


def deep(levels: int) -> Dict[str, Any]:
    """``{"a": [{"a": [... 0 ...]}]}``: dicts and lists alternating, ``levels`` of each, built without recursion."""
    value: Any = 0
    for _ in range(levels):
        value = {"a": [value]}
    return value  # type: ignore[no-any-return]


def depth_of(value: Any) -> int:
    levels = 0
    while isinstance(value, dict):
        value = value["a"][0]
        levels += 1
    assert value == 0
    return levels


def wire(levels: int) -> Dict[str, Any]:
    return {
        "notifications": [{"id": "n-1", "content": deep(levels), "zz_unknown": deep(levels)}],
        "zz_unknown": deep(levels),
    }


def check_model(model: UserGetNotificationsResponse, levels: int) -> None:
    for text in (repr(model), str(model), pprint.pformat(model), model.to_str(), model._repr_html_()):
        assert "..." in text and len(text) < 20_000
    item = model.notifications[0]
    assert "{...}" in repr(item) or "[...]" in repr(item)
    assert "<table" in item._repr_html_()
    for clone in (pickle.loads(pickle.dumps(model)), copy.deepcopy(model), copy.copy(model)):
        assert type(clone) is UserGetNotificationsResponse
        copied = clone.notifications[0]
        assert isinstance(copied, Notification) and copied.content is not None
        assert depth_of(copied.content) == levels
        assert depth_of(copied.additional_properties["zz_unknown"]) == levels
        assert depth_of(clone.additional_properties["zz_unknown"]) == levels
    deep_copy = copy.deepcopy(model).notifications[0]
    assert deep_copy.content is not item.content
    assert copy.copy(model).notifications is model.notifications


@pytest.mark.parametrize("levels", DEPTHS)
@pytest.mark.parametrize("build", [UserGetNotificationsResponse.from_wire, UserGetNotificationsResponse.from_dict])
def test_models_built_in_python_display_pickle_and_copy_at_any_depth(
    levels: int, build: Callable[[Any], UserGetNotificationsResponse]
) -> None:
    check_model(build(wire(levels)), levels)


def _body(levels: int) -> bytes:
    # json.dumps recurses as deep as the value: written by hand for the deepest bodies.
    inner = '{"a": [' * levels + "0" + "]}" * levels
    body = '{"notifications": [{"id": "n-1", "content": %s, "zz_unknown": %s}], "zz_unknown": %s}' % ((inner,) * 3)
    return body.encode()


def test_the_body_writer_matches_json() -> None:
    assert json.loads(_body(3)) == wire(3)


@pytest.mark.parametrize("levels", DEPTHS)
def test_a_deep_response_decodes_and_displays_or_is_an_api_decode_error(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str, levels: int
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0)
    server.respond_next(body=_body(levels))
    try:
        response = AccountApi(client).user_get_notifications(DEMO_USER_ID, 10, 1)
    except kalshi.ApiDecodeError as err:
        # Deeper than the JSON parser reads (its limit depends on the Python version): refused, typed.
        assert levels >= 1_000 and err.status == 200
        return
    assert levels < 100_000, "the parsers of every supported Python stop well before 100,000 levels"
    check_model(response, levels)


def test_400_levels_always_decode(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    client = make_client(server, login=False, api_key=static_key, retries=0)
    server.respond_next(body=_body(400))
    check_model(AccountApi(client).user_get_notifications(DEMO_USER_ID, 10, 1), 400)
