# mypy: disallow-any-expr
"""A user's script that calls every public method of every API class, as a user would.

test_user_typing.py type-checks it with ``mypy --strict`` (plus the ``disallow-any-expr`` above,
so any ``Any`` the SDK hands back is an error) against the installed package, and runs it for real
against the embedded fake exchange. When an API gains a method or a new API class appears in
``kalshi.apis``, call it here: a test fails until every public method is called in this file.
Each API class has one ``use_<class>`` function; the typed assignments are the point.
"""

from __future__ import annotations

from datetime import datetime
from typing import List, Optional

import kalshi
from kalshi.apis import AccountApi, AuthApi
from kalshi.models import (
    ChangeSubscriptionRequest,
    GetNotificationPreferencesResponse,
    LoginRequest,
    LoginResponse,
    Notification,
    UserGetAccountHistoryResponse,
    UserGetNotificationsResponse,
)


def log_in(auth: AuthApi, email: str, password: str) -> str:
    """Log in by hand (AuthApi.login) and send "<user_id> <token>" from now on; return the user_id."""
    response: LoginResponse = auth.login(login_request=LoginRequest(email=email, password=password))
    configuration = auth.api_client.configuration
    configuration.api_key["cookie"] = response.token
    configuration.api_key_prefix["cookie"] = response.user_id
    return response.user_id


def use_account_api(api: AccountApi, user_id: str) -> None:
    history: UserGetAccountHistoryResponse = api.user_get_account_history(
        user_id, should_return_trades=True, should_return_deposits=True, limit=10
    )
    for entry in history.entries:
        kind: str = entry.type
        data = entry.data
        if data is not None and data.deposit is not None:
            amount: Optional[int] = data.deposit.amount
            created: Optional[datetime] = data.deposit.created_at
            print(kind, amount, created)

    page: UserGetNotificationsResponse = api.user_get_notifications(user_id, page_size=5, page_number=1)
    first_page: List[Notification] = list(page.notifications)
    for notification in first_page:
        if notification.id is not None and not notification.is_read:
            api.notification_mark_read(user_id, notification.id)

    unread = [n.id for n in api.iter_notifications(user_id, page_size=5) if not n.is_read]
    print(len(unread), "unread")

    api.change_subscription(user_id, change_subscription_request=ChangeSubscriptionRequest(subscription_level="basic"))
    pending = api.get_notification_preferences(user_id, async_req=True, _request_timeout=(2, 10))
    preferences: GetNotificationPreferencesResponse = pending.get()
    level: Optional[str] = preferences.preferences.subscription_level
    print("subscription:", level)


def use_auth_api_logout(auth: AuthApi) -> None:
    auth.logout()
    auth.api_client.configuration.api_key.pop("cookie", None)


def main(host: str, email: str, password: str) -> None:
    with kalshi.ApiClient(kalshi.Configuration(host=host, timeout=(2, 10), retries=0)) as api_client:
        auth = AuthApi(api_client)
        user_id = log_in(auth, email, password)
        use_account_api(AccountApi(api_client), user_id)
        use_auth_api_logout(auth)


if __name__ == "__main__":
    from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

    with FakeKalshiServer() as server:
        main(server.host, DEMO_EMAIL, DEMO_PASSWORD)
