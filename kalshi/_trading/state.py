"""What a ``Kalshi`` client shares with its ``with_options`` copies.

The credentials and the one log-in made with them, the market ids and tickers it resolved, the
orders it already handed out (which ``orders.reconcile`` never returns again), and the family of
``ApiClient``s that share one session and one set of connection pools, so that closing any of
them closes them all.
"""

from __future__ import annotations

from _thread import allocate_lock  # threading's Lock, without importing threading
from typing import TYPE_CHECKING, Optional
from weakref import WeakSet

from kalshi._common.environment import EMAIL_VARIABLE, PASSWORD_VARIABLE
from kalshi._trading.markets_cache import MarketIds
from kalshi.exceptions import ApiValueError

if TYPE_CHECKING:
    from kalshi.api_client import ApiClient

__all__ = ["ClientState", "KnownOrders"]

# Order ids remembered at most (oldest forgotten first): reconcile looks at recent orders only.
_KNOWN_ORDERS_LIMIT = 10_000


class KnownOrders:
    """The ids of the orders this client already handed out, oldest forgotten first."""

    __slots__ = ("_ids", "_lock")

    def __init__(self) -> None:
        self._ids: dict[str, None] = {}  # insertion-ordered: a bounded FIFO set
        self._lock = allocate_lock()

    def add(self, order_id: Optional[str]) -> None:
        """Remember ``order_id`` (None is ignored)."""
        if order_id is None:
            return
        with self._lock:
            self._ids[order_id] = None
            if len(self._ids) > _KNOWN_ORDERS_LIMIT:
                del self._ids[next(iter(self._ids))]

    def __contains__(self, order_id: object) -> bool:
        return order_id in self._ids


class ClientState:
    """Credentials, the log-in lock, the market cache, known orders and the client family."""

    __slots__ = ("_email", "_login_lock", "_password", "api_clients", "known_orders", "markets", "trust_env")

    def __init__(self, email: Optional[str], password: Optional[str], *, trust_env: bool) -> None:
        self._email = email
        self._password = password
        self.trust_env = trust_env
        self._login_lock = allocate_lock()
        self.markets = MarketIds()
        self.known_orders = KnownOrders()
        self.api_clients: WeakSet[ApiClient] = WeakSet()

    @property
    def email(self) -> Optional[str]:
        """The e-mail the client logs in with (from the argument or ``KALSHI_EMAIL``), if any."""
        return self._email

    def log_in(self, api_client: ApiClient, what: str) -> None:
        """Log in once for the whole family, before the first call that needs a session.

        Without credentials: an ``ApiValueError`` naming both variables, before anything is sent.
        """
        with self._login_lock:
            if api_client.user_id is not None:  # another thread, or another copy, did it
                return
            if self._email is None or self._password is None:
                where = (
                    f"set {EMAIL_VARIABLE} and {PASSWORD_VARIABLE} in the environment"
                    if self.trust_env
                    else f"({EMAIL_VARIABLE} and {PASSWORD_VARIABLE} are not read: trust_env is False)"
                )
                raise ApiValueError(
                    f"{what} needs a logged-in session, and this Kalshi client has no credentials: "
                    f"pass email= and password= to Kalshi(), or {where}",
                    path_to_item=["email" if self._email is None else "password"],
                )
            api_client.login(self._email, self._password)

    def close(self) -> None:
        """Close every ``ApiClient`` of the family (they share their pools)."""
        for api_client in list(self.api_clients):
            api_client.close()
