"""``Kalshi``: the trader's client, resources that speak tickers, on top of ``ApiClient``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional

from kalshi._common.environment import EMAIL_VARIABLE, PASSWORD_VARIABLE, variable
from kalshi._operations.user import USER_GET_BALANCE
from kalshi._trading.account import Account
from kalshi._trading.caller import Caller
from kalshi._trading.exchange import Exchange
from kalshi._trading.fills import Fills
from kalshi._trading.markets import Markets
from kalshi._trading.notifications import Notifications
from kalshi._trading.options import check_option_names, shared_settings
from kalshi._trading.orders import Orders
from kalshi._trading.portfolio import Portfolio
from kalshi._trading.positions import Positions
from kalshi._trading.state import ClientState
from kalshi._trading.trades import Trades
from kalshi._trading.watchlist import Watchlist
from kalshi.api_client import ApiClient
from kalshi.configuration import Configuration
from kalshi.exceptions import ApiTypeError

if TYPE_CHECKING:
    from types import TracebackType

    from typing_extensions import Self, Unpack

    from kalshi._trading.options import ClientOptions

__all__ = ["Kalshi"]


def _configuration(
    host: Optional[str], configuration: Optional[Configuration], options: Dict[str, Any]
) -> Configuration:
    """The client's configuration: the one given (copied when changed), else a new one."""
    check_option_names(options, "Kalshi()")
    if configuration is None:
        return Configuration(host=host, **options)
    if not isinstance(configuration, Configuration):
        raise ApiTypeError(
            f"configuration must be a kalshi.Configuration, got {type(configuration).__name__}",
            path_to_item=["configuration"],
        )
    if host is None and not options:
        return configuration
    changed = configuration.copy()
    if host is not None:
        changed.host = host
    for name, value in options.items():
        setattr(changed, name, value)  # checked like the constructor's argument
    return changed


class Kalshi:
    """The trader's client: markets, orders, positions, fills and your account, by ticker.

    Args:
        email, password: the account to log in with; when left out, ``KALSHI_EMAIL`` and
            ``KALSHI_PASSWORD`` from the environment (unless the configuration's ``trust_env``
            is False). Only calls that need a session need them.
        host: the API root (``kalshi.DEMO_HOST`` for the demo exchange); else ``KALSHI_HOST``,
            else production.
        configuration: a ``kalshi.Configuration`` to start from (copied if ``host`` or options
            change it).
        **options: any ``Configuration`` setting (``timeout``, ``deadline``, ``retries``,
            ``rate_limit``, ...); an unknown one is an ``ApiTypeError`` naming it.

    Nothing is sent on construction. The client logs in on the first call that needs a session
    (markets, their books and history and the trade tape need none) and again by itself when the
    session expires. Without credentials, such a call raises ``ApiValueError`` naming
    ``KALSHI_EMAIL`` and ``KALSHI_PASSWORD`` before anything is sent.

    Resources: ``exchange``, ``markets``, ``trades``, ``orders``, ``positions``, ``fills``,
    ``portfolio``, ``account``, ``notifications``, ``watchlist``; and ``balance()``. A market is
    named by its ticker or its id; tickers are resolved once per client and remembered. One client
    may be shared by threads. Close it (or use ``with``) when done::

        with kalshi.Kalshi(host=kalshi.DEMO_HOST) as client:
            book = client.markets.book("FED-23DEC-T3.00")
            order = client.orders.create("FED-23DEC-T3.00", side="yes", count=10, price=40)
    """

    def __init__(
        self,
        email: Optional[str] = None,
        password: Optional[str] = None,
        *,
        host: Optional[str] = None,
        configuration: Optional[Configuration] = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _configuration(host, configuration, dict(options))
        if config.trust_env:
            email = variable(EMAIL_VARIABLE) if email is None else email
            password = variable(PASSWORD_VARIABLE) if password is None else password
        state = ClientState(email, password, trust_env=config.trust_env)
        self._setup(ApiClient(config), state)

    def _setup(self, api_client: ApiClient, state: ClientState) -> None:
        state.api_clients.add(api_client)
        caller = Caller(api_client, state)
        self._caller = caller
        self.exchange: Exchange = Exchange(caller)
        """The exchange's status."""
        self.markets: Markets = Markets(caller)
        """Markets: ``list()``, ``get(market)``, ``book(market)``, ``history(market)``."""
        self.trades: Trades = Trades(caller)
        """The public trade tape: ``list()``."""
        self.orders: Orders = Orders(caller)
        """Your orders: ``create``, ``cancel``, ``decrease``, ``list``, ``wait``, ``reconcile``."""
        self.positions: Positions = Positions(caller)
        """Your positions: ``list()``, ``get(market)``."""
        self.fills: Fills = Fills(caller)
        """Your fills: ``list()``."""
        self.portfolio: Portfolio = Portfolio(caller)
        """Your portfolio's value over time: ``history()``."""
        self.account: Account = Account(caller)
        """Your account's history: ``history(**filters)``."""
        self.notifications: Notifications = Notifications(caller)
        """Your notifications: ``list()``, ``mark_read(notification)``."""
        self.watchlist: Watchlist = Watchlist(caller)
        """Your watchlist: ``list()``, ``add(market)``, ``remove(market)``."""

    # ---- session

    @property
    def api_client(self) -> ApiClient:
        """The underlying ``ApiClient``: use it with the generated API classes for anything else."""
        return self._caller.api_client

    @property
    def user_id(self) -> str:
        """Your user id; logs in first if no call has yet (``ApiValueError`` without credentials)."""
        self._caller.log_in("user_id")
        user_id = self._caller.api_client.user_id
        assert user_id is not None  # noqa: S101 - set by the log-in
        return user_id

    def balance(self) -> int:
        """Your available balance, in cents."""
        balance: int = self._caller.call(USER_GET_BALANCE, {}, "balance()").balance
        return balance

    def with_options(self, **options: Unpack[ClientOptions]) -> Self:
        """A copy of this client with other settings, sharing its session and connection pools.

        For example ``client.with_options(timeout=2, retries=0).orders.create(...)``. The copy
        logs in with (and shares) this client's session, remembers the same tickers, and uses
        the same keep-alive connections; closing either closes both. Settings of the pools or
        the session (``verify_ssl``, certificates, ``proxy``, ``connection_pool_maxsize``,
        ``trust_env``, ``api_key``, ...) cannot differ: ``ApiValueError``, create another
        ``Kalshi`` for that. Every value is checked like ``Configuration``'s.
        """
        values: Dict[str, Any] = dict(options)
        check_option_names(values, "with_options()")
        shared_settings(values)
        original = self._caller.api_client
        configuration = original.configuration.copy()
        for name, value in values.items():
            setattr(configuration, name, value)
        copy = object.__new__(type(self))
        copy._setup(original.sharing_session(configuration), self._caller.state)
        return copy

    def close(self) -> None:
        """Close the connection pools (shared with ``with_options`` copies, closed too); safe twice."""
        self._caller.state.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        api_client = self._caller.api_client
        return f"<Kalshi host={api_client.configuration.host!r} user_id={api_client.user_id!r}>"
