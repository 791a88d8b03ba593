"""Argument checks of the API methods: they fail before anything is sent.

Most tests point the client at the shared fake exchange and assert that it recorded nothing; the
first one uses a port where nothing listens, so an attempt to send would be a connection error.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.api.auth_api import AuthApi
from kalshi.models import ChangeSubscriptionRequest, LoginRequest
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

UID = DEMO_USER_ID


@pytest.fixture
def api(server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str) -> AccountApi:
    return AccountApi(make_client(server, login=False, api_key=static_key, retries=0))


@pytest.fixture
def nothing_sent(server: FakeKalshiServer) -> Any:
    yield
    assert server.requests == []


def test_validation_fails_before_connecting() -> None:
    with kalshi.ApiClient(kalshi.Configuration(host="http://127.0.0.1:9/v1", retries=0)) as client:
        with pytest.raises(kalshi.ApiTypeError, match="limit"):
            AccountApi(client).user_get_account_history(UID, limit="5")  # type: ignore[call-overload]
        with pytest.raises(kalshi.ApiValueError, match="page_size"):
            AccountApi(client).user_get_notifications(UID, 51, 1)


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda api: api.user_get_account_history(UID, limit="5"), "limit"),
        (lambda api: api.user_get_account_history(UID, limit=5.0), "limit"),
        (lambda api: api.user_get_account_history(UID, should_return_trades="yes"), "should_return_trades"),
        (lambda api: api.user_get_account_history(UID, should_return_deposits=1), "should_return_deposits"),
        (lambda api: api.user_get_notifications(UID, page_size=True, page_number=1), "page_size"),
        (lambda api: api.user_get_notifications(UID, 10, "1"), "page_number"),
        (lambda api: api.get_notification_preferences(12345), "user_id"),
        (lambda api: api.notification_mark_read(UID, b"id"), "notification_id"),
        (lambda api: api.change_subscription(UID, change_subscription_request="all"), "change_subscription_request"),
    ],
)
def test_wrong_type_is_an_api_type_error_naming_the_parameter(
    api: AccountApi, call: Callable[[AccountApi], Any], name: str
) -> None:
    with pytest.raises(kalshi.ApiTypeError, match=name) as info:
        call(api)
    assert info.value.path_to_item == [name]


@pytest.mark.usefixtures("nothing_sent")
def test_login_body_of_the_wrong_type_is_an_api_type_error(server: FakeKalshiServer) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
        with pytest.raises(kalshi.ApiTypeError, match="login_request"):
            AuthApi(client).login(login_request="me@example.com:password")  # type: ignore[call-overload]


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize("page_size", [51, 100, 2**40])
def test_page_size_above_50_is_an_api_value_error(api: AccountApi, page_size: int) -> None:
    with pytest.raises(kalshi.ApiValueError, match="page_size") as info:
        api.user_get_notifications(UID, page_size, 1)
    assert isinstance(info.value, ValueError)


def test_page_size_50_is_accepted(api: AccountApi, server: FakeKalshiServer) -> None:
    response = api.user_get_notifications(UID, 50, 1)

    assert len(response.notifications) == len(server.notifications_of(UID))
    assert server.requests[-1].query["page_size"] == ["50"]


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.user_get_notifications(UID, 10),
        lambda api: api.notification_mark_read(UID),
    ],
)
def test_missing_required_positional_is_a_type_error(api: AccountApi, call: Callable[[AccountApi], Any]) -> None:
    with pytest.raises(kalshi.ApiTypeError, match="is required, got nothing"):
        call(api)


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.get_notification_preferences(),
        lambda api: api.get_notification_preferences(None),
        lambda api: api.user_get_account_history(limit=3),
        lambda api: api.notification_mark_read(notification_id="n-1"),
        lambda api: api.user_get_notifications(None, 10, 1),
    ],
)
def test_a_left_out_user_id_without_a_session_is_refused_before_sending(
    api: AccountApi, call: Callable[[AccountApi], Any]
) -> None:
    with pytest.raises(kalshi.ApiValueError, match="needs a user_id: pass one, or log in first") as info:
        call(api)
    assert info.value.path_to_item == ["user_id"]


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda api: api.user_get_notifications(UID, None, 1), "page_size"),
        (lambda api: api.user_get_notifications(UID, 10, None), "page_number"),
        (lambda api: api.notification_mark_read(UID, None), "notification_id"),
    ],
)
def test_none_for_a_required_parameter_is_an_api_type_error(
    api: AccountApi, call: Callable[[AccountApi], Any], name: str
) -> None:
    with pytest.raises(kalshi.ApiTypeError, match=name) as info:
        call(api)
    assert isinstance(info.value, TypeError)


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize("option", ["_bogus", "async", "request_timeout", "page_size"])
def test_unknown_keyword_option_is_an_api_type_error(api: AccountApi, option: str) -> None:
    with pytest.raises(kalshi.ApiTypeError, match=option):
        api.get_notification_preferences(UID, **{option: 1})  # type: ignore[call-overload]


def test_check_input_type_false_lets_a_wrong_type_through(api: AccountApi, server: FakeKalshiServer) -> None:
    response = api.user_get_account_history(UID, limit="3", _check_input_type=False)  # type: ignore[call-overload]

    assert len(response.entries) == 3
    assert server.requests[-1].raw_query == "Limit=3"


def test_client_side_validation_off_lets_page_size_51_reach_the_server(
    server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient], static_key: str
) -> None:
    api = AccountApi(make_client(server, login=False, api_key=static_key, retries=0, client_side_validation=False))

    with pytest.raises(kalshi.BadRequestException) as info:
        api.user_get_notifications(UID, 51, 1)

    assert info.value.status == 400
    assert server.requests[-1].query["page_size"] == ["51"]


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize("index", [2, -1, 99, "0"])
def test_host_index_out_of_range_is_an_api_value_error(api: AccountApi, index: Any) -> None:
    with pytest.raises(kalshi.ApiValueError, match="host index"):
        api.get_notification_preferences(UID, _host_index=index)


@pytest.mark.usefixtures("nothing_sent")
@pytest.mark.parametrize("timeout", [-1, 0, "5", (1, 2, 3)])
def test_bad_request_timeout_is_an_api_value_error(api: AccountApi, timeout: Any) -> None:
    with pytest.raises(kalshi.ApiValueError, match="_request_timeout"):
        api.get_notification_preferences(UID, _request_timeout=timeout)


@pytest.mark.usefixtures("nothing_sent")
def test_body_dict_missing_a_required_field_is_a_type_error(api: AccountApi) -> None:
    with pytest.raises(TypeError, match="subscription_level"):
        api.change_subscription(UID, change_subscription_request={})  # type: ignore[call-overload]


def test_body_given_as_a_dict_is_accepted(
    fresh_server: FakeKalshiServer, make_client: Callable[..., kalshi.ApiClient]
) -> None:
    api = AccountApi(make_client(fresh_server, retries=0))
    body: Dict[str, Any] = {"subscription_level": "basic"}

    # A dict is accepted at run time; the annotation names only the model.
    assert api.change_subscription(UID, change_subscription_request=body) is None  # type: ignore[call-overload]
    assert fresh_server.subscription_level_of(UID) == "basic"


def test_models_check_their_own_fields_before_any_call() -> None:
    with pytest.raises(kalshi.ApiTypeError):
        ChangeSubscriptionRequest(subscription_level=3)  # type: ignore[arg-type]
    with pytest.raises(kalshi.ApiTypeError):
        LoginRequest(email="me@example.com", password=123456)  # type: ignore[arg-type]
