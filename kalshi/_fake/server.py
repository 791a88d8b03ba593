"""FakeKalshiServer, the public class: lifecycle, set-up API, state inspection and request log."""

from __future__ import annotations

import copy
import threading
import traceback
from types import TracebackType
from typing import Any, final

from .accounts import Account, Accounts
from .clock import LATEST, SimulatedClock
from .data import DEMO_BALANCE, DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, demo_history, demo_notifications
from .engine import Engine
from .errors import ApiError, error_response
from .fair_price import FairPriceSpec, read_fair_price
from .faults import Fault, FaultInjection
from .handler import RequestHandler
from .ids import Ids, Tokens
from .journal import READ_METHODS, Journal, journaled
from .listener import Server
from .markets import Market
from .queries import Queries
from .recorded import RecordedRequest
from .responses import JsonDict, Response
from .routes import Exchange
from .seeding import seed_markets
from .simulation import Simulation
from .state_file import StateFile

_STOP_JOIN_TIMEOUT = 2.0
_DAY = 86_400.0


@final
class FakeKalshiServer(FaultInjection):
    """A simulated Kalshi v1 exchange served over real HTTP/1.1 on 127.0.0.1.

    All 36 v1 operations are served by a small matching engine (rules in docs/testing.md). The
    port is bound on construction (``port=0`` picks a free one); ``start`` serves it from a daemon
    thread. Use it as a context manager::

        with FakeKalshiServer(seed=7) as server:
            configuration = kalshi.Configuration(host=server.host)

    ``seed`` makes every id reproducible; ``clock`` (a ``SimulatedClock``) supplies every
    timestamp and only moves with ``advance_clock``. The demo user (``DEMO_EMAIL`` /
    ``DEMO_PASSWORD``, id ``DEMO_USER_ID``) starts with ``DEMO_BALANCE`` cents, a seeded account
    history and notifications; seeded markets in a few categories and one ranged market are
    listed. Every public method is thread-safe.

    With ``state`` (a file path) nothing the exchange acknowledged is lost: every state-changing
    request and set-up call is journaled there before it returns, and a new server on the same
    file (same ``seed`` and clock start) carries on where the last one stopped or was killed.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: int = 0,
        clock: SimulatedClock | None = None,
        state: str | None = None,
    ) -> None:
        self._lock = threading.RLock()
        self._clock = SimulatedClock() if clock is None else clock
        self._accounts = Accounts(self._lock)
        self._engine = Engine(self._lock, self._accounts, self._clock, Ids(seed))
        self._queries = Queries(self._engine)
        self._exchange = Exchange(self._engine, self._queries, self._lock)
        self._simulation = Simulation(self._engine)
        self._requests: list[RecordedRequest] = []
        self._faults: list[Fault] = []
        self._errors: list[str] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._journal: Journal | None = None
        seed_markets(self._engine)
        self._engine.add_user(
            Account(DEMO_USER_ID, DEMO_EMAIL, DEMO_PASSWORD, demo_history(), demo_notifications(DEMO_USER_ID)),
            DEMO_BALANCE,
        )
        if state is not None:
            self._open_state(state, seed)
        try:
            self._server = Server((host, port), self, RequestHandler)
        except BaseException:
            self._close_state()
            raise

    def _open_state(self, path: str, seed: int) -> None:
        """Load the state file at ``path`` (snapshot, then journal) and journal from now on."""
        origin = {"seed": str(seed), "clock_start": repr(self._clock.now())}
        state = StateFile.open(path, origin)
        try:
            self._accounts.tokens = Tokens(bytes.fromhex(state.meta["token_key"]))
            journal = Journal(state, self._lock, self._state_roots, self._note_error)
            journal.replay(self._replay_call, self._answer)
        except BaseException:
            state.close()
            raise
        self._journal = journal

    def _state_roots(self) -> dict[str, object]:
        """The objects that hold the exchange's state and that others keep references to."""
        return {
            name: value for name, value in vars(self).items() if name not in _NOT_STATE and hasattr(value, "__dict__")
        }

    def _replay_call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        getattr(self, name)(*args, **kwargs)

    def _close_state(self) -> None:
        if self._journal is not None:
            self._journal.close()

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> None:
        """Start serving in a daemon thread; calling it again while running does nothing."""
        with self._lock:
            if self._stopped:
                raise RuntimeError("a stopped FakeKalshiServer cannot be restarted")
            if self._thread is not None:
                return
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"FakeKalshiServer-{self.port}",
                daemon=True,
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop serving, close open connections and release the port; safe to call twice."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            thread = self._thread
        self._stopping.set()
        if thread is not None:
            self._server.shutdown()
            thread.join()
        # Idle keep-alive handlers block in recv; shutting their sockets wakes them to exit.
        self._server.close_connections()
        self._server.server_close()
        # Woken handlers finish within milliseconds; the deadline only guards against surprises.
        self._server.join_handlers(_STOP_JOIN_TIMEOUT)
        self._close_state()

    def __enter__(self) -> FakeKalshiServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"FakeKalshiServer({self.base_url!r})"

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return self._server.server_port

    @property
    def base_url(self) -> str:
        """The server's origin, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self._server.server_name}:{self.port}"

    @property
    def host(self) -> str:
        """The API root to pass as ``Configuration(host=...)``, e.g. ``http://127.0.0.1:54321/v1``."""
        return self.base_url + "/v1"

    # -- users, sessions and cash --------------------------------------------

    def authorize(self, authorization: str, user_id: str) -> None:
        """Accept the Authorization header value ``authorization`` as a session of ``user_id``.

        An unknown ``user_id`` is created like the demo user (its balance, history and
        notifications), so the seed documentation's examples (``'YOUR_API_KEY'``,
        ``"user_id_example"``) run verbatim. These sessions survive ``expire_sessions`` and
        ``/log_out``.
        """
        with self._lock:
            if not self._accounts.has_user(user_id):
                account = Account(user_id, None, None, demo_history(), demo_notifications(user_id))
                self._engine.add_user(account, DEMO_BALANCE)
            self._accounts.add_static_session(authorization, user_id)

    def add_user(
        self,
        email: str,
        password: str,
        *,
        balance: int = 0,
        user_id: str | None = None,
        history: list[JsonDict] | None = None,
        notifications: list[JsonDict] | None = None,
    ) -> str:
        """Register a user who can log in, and return its id (from the seeded generator unless given).

        ``balance`` is the opening available balance in cents; it counts as a deposit (in the
        cash totals and the portfolio history) but writes no history entry. ``history`` and
        ``notifications`` are wire-format dicts, stored as given (deep-copied); when omitted the
        user gets its own copy of the demo account's data, so pass ``[]`` for an empty account.
        """
        if len(password) < 6:
            raise ValueError("password must be at least 6 characters; /log_in rejects shorter ones")
        if user_id == "":
            raise ValueError("user_id must not be empty")
        with self._engine.atomic() as undo:
            undo.call(self._engine.ids, self._engine.ids.restorer)  # a refused call mints no id
            new_id = self._engine.ids.uuid() if user_id is None else user_id
            entries = demo_history() if history is None else copy.deepcopy(history)
            notes = demo_notifications(new_id) if notifications is None else copy.deepcopy(notifications)
            self._engine.add_user(Account(new_id, email, password, entries, notes), balance)
        return new_id

    def deposit(self, user_id: str, cents: int) -> None:
        """Add ``cents`` (> 0) to the user's balance, with a Deposit history entry and notification."""
        self._engine.deposit(user_id, cents)

    def withdraw(self, user_id: str, cents: int) -> None:
        """Take ``cents`` (> 0, at most the available balance) out, with history and notification."""
        self._engine.withdraw(user_id, cents)

    def expire_sessions(self) -> None:
        """Invalidate every session created by /log_in, as a server-side expiry would."""
        self._accounts.expire_sessions()

    @property
    def login_count(self) -> int:
        """How many /log_in calls succeeded."""
        with self._lock:
            return self._accounts.login_count

    def reset_code_of(self, email: str) -> str | None:
        """Return the newest unused code POST /passwords/reset "e-mailed" to ``email``, if any."""
        return self._accounts.reset_code_of(email)

    # -- markets, exchange and clock -----------------------------------------

    def add_market(
        self,
        *,
        ticker: str,
        title: str,
        category: str = "Test",
        sub_title: str = "",
        description: str = "",
        close_in: float = 30 * _DAY,
        tags: list[str] | None = None,
        fair_price: FairPriceSpec = None,
    ) -> str:
        """List a new active binary market and return its id; ``ticker`` must be new.

        ``close_in`` is the number of seconds (> 0) from now to the market's close date: once the
        simulated clock reaches it the market is closed (``close_market`` closes it earlier).
        ``fair_price`` (a price, a dict of random walk settings or ``(seconds, price)`` points; see
        docs/testing.md) is what market makers added with ``add_agent`` quote around.
        """
        if not ticker or not title:
            raise ValueError("ticker and title must not be empty")
        if isinstance(close_in, bool) or not isinstance(close_in, (int, float)):
            raise TypeError(f"close_in must be a number of seconds, got {type(close_in).__name__}")
        fair = read_fair_price(fair_price)
        with self._engine.atomic() as undo:
            now = self._clock.now()
            if not 0 < close_in <= LATEST - now:  # also refuses NaN
                raise ValueError("close_in must be > 0 seconds and close the market by the year 9999")
            undo.call(self._engine.ids, self._engine.ids.restorer)  # a refused call mints no id
            market_id = self._engine.ids.uuid()
            market = Market(
                market_id,
                ticker,
                title,
                category,
                created=now,
                close=now + close_in,
                sub_title=sub_title,
                description=description,
                tags=[category] if tags is None else list(tags),
            )
            self._engine.add_market(market)
            if fair is not None:
                self._simulation.set_fair_price(market_id, fair)
        return market_id

    def add_agent(self, market_id: str, kind: str, **params: object) -> str:
        """Add a simulated trader to an active market and return the user id of its own account.

        ``kind`` is ``"market_maker"`` (needs the market's ``fair_price``) or ``"noise_trader"``;
        ``params`` are listed in docs/testing.md. Agents act as ``advance_clock`` moves the clock,
        in simulated-time order, deterministically for the server's ``seed``.
        """
        self._known(market_id)
        return self._simulation.add_agent(market_id, kind, params)

    def fair_price_of(self, market_id: str) -> float | None:
        """Return the market's fair yes price in cents now (a float), or None if it has none."""
        self._known(market_id)
        return self._simulation.fair_price(market_id)

    def market_id(self, ticker: str) -> str:
        """Return the id of the market listed as ``ticker`` (KeyError if none)."""
        try:
            return str(self._queries.market_by_ticker(ticker)["id"])
        except ApiError:
            raise KeyError(f"no market with ticker {ticker!r}") from None

    @property
    def operations(self) -> list[tuple[str, str]]:
        """Every (method, path template) served, e.g. ``("GET", "/v1/markets/{market_id}")``."""
        return self._exchange.operations

    @property
    def market_ids(self) -> list[str]:
        """Every listed market's id, in listing order (the seeded ones first)."""
        return self._queries.market_ids()

    def close_market(self, market_id: str) -> None:
        """Close an active market before its close date: it refuses new orders, its resting orders are canceled."""
        self._known(market_id)
        self._engine.close_market(market_id)

    def settle(self, market_id: str, result: str) -> None:
        """Settle an active or closed market as ``"yes"`` or ``"no"``: pay 100 cents a winning contract."""
        self._known(market_id)
        self._engine.settle(market_id, result)

    def set_exchange_status(self, *, exchange_active: bool | None = None, trading_active: bool | None = None) -> None:
        """Set what GET /exchange/status reports (None keeps a flag); either off refuses orders."""
        with self._lock:
            self._engine.set_status(
                self._engine.exchange_active if exchange_active is None else exchange_active,
                self._engine.trading_active if trading_active is None else trading_active,
            )

    @property
    def clock(self) -> SimulatedClock:
        """The simulated clock every timestamp comes from."""
        return self._clock

    @property
    def now(self) -> float:
        """The simulated time in unix seconds (use it to compute ``expiration_unix_ts``)."""
        return self._clock.now()

    def advance_clock(self, seconds: float) -> None:
        """Move the simulated clock forward: expire the orders and close the markets whose times it
        passes, and let the agents act."""
        self._simulation.advance(seconds)

    # -- state inspection ----------------------------------------------------

    def balance_of(self, user_id: str) -> int:
        """Return the user's available balance in cents, as GET /users/{id}/balance reports it."""
        self._user(user_id)
        return self._queries.balance(user_id)

    def positions_of(self, user_id: str) -> dict[str, JsonDict]:
        """Return the user's MarketPosition wire dicts keyed by market id."""
        self._user(user_id)
        return {str(p["market_id"]): p for p in self._queries.positions(user_id)}

    def book_of(self, market_id: str) -> JsonDict:
        """Return ``{"yes": [[price, count], ...], "no": [...]}``, best first, as the API does."""
        self._known(market_id)
        return self._queries.order_book(market_id)

    def orders_of(self, user_id: str) -> list[JsonDict]:
        """Return every order of the user (any status) as wire dicts, newest first."""
        self._user(user_id)
        return self._queries.orders(user_id, lambda order: True, queue=False)

    @property
    def fees_collected(self) -> int:
        """Taker fees the exchange collected so far, in cents."""
        with self._lock:
            return self._engine.ledger.fees_collected

    def notifications_of(self, user_id: str) -> list[JsonDict]:
        """Return a copy of the user's notifications, newest first."""
        with self._lock:
            return copy.deepcopy(self._account(user_id).notifications)

    def subscription_level_of(self, user_id: str) -> str:
        """Return the user's current e-mail subscription level."""
        with self._lock:
            return self._account(user_id).subscription_level

    def history_of(self, user_id: str) -> list[JsonDict]:
        """Return a copy of the user's account history, newest first."""
        with self._lock:
            return copy.deepcopy(self._account(user_id).history)

    def _account(self, user_id: str) -> Account:
        """Return the account of ``user_id`` or raise a KeyError naming it."""
        try:
            return self._accounts.account(user_id)
        except KeyError:
            raise KeyError(f"unknown user {user_id!r}") from None

    def _user(self, user_id: str) -> None:
        self._account(user_id)

    def _known(self, market_id: str) -> None:
        if not self._queries.has_market(market_id):
            raise KeyError(f"unknown market {market_id!r}")

    # -- request log ---------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of every request received so far, oldest first (fault-answered ones included)."""
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        """How many requests were received since the last ``clear_requests``."""
        with self._lock:
            return len(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    @property
    def errors(self) -> list[str]:
        """Tracebacks of unexpected errors inside the fake itself (empty when all is well)."""
        with self._lock:
            return list(self._errors)

    # -- called by the request handler ---------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        """Append ``request`` to the request log."""
        with self._lock:
            self._requests.append(request)

    def _respond(self, request: RecordedRequest) -> Response:
        """Route ``request``, journaling it first when it may change a persistent exchange."""
        journal = self._journal
        if journal is None or request.method in READ_METHODS:
            return self._answer(request)
        try:
            return journal.run_request(request, self._answer)
        except Exception as error:  # noqa: BLE001 - the change cannot be kept: say so, and keep it seen
            self._note_error(traceback.format_exc())
            failed = ApiError(503, "service_unavailable", f"the exchange cannot save its state: {error}")
            return error_response(failed)

    def _answer(self, request: RecordedRequest) -> Response:
        """Route ``request``; a bug in the fake becomes a 500 and is kept in ``errors``."""
        try:
            return self._exchange.handle(request)
        except Exception:  # noqa: BLE001 - a bug in the fake must still answer, and be seen
            self._note_error(traceback.format_exc())
            error = ApiError(500, "internal_server_error", "unexpected error in the fake exchange")
            return error_response(error)

    def _note_error(self, text: str) -> None:
        """Keep the traceback of an unexpected error."""
        with self._lock:
            self._errors.append(text)


# Attributes of the server that are not the exchange's state: the lock, the listener and its
# thread, faults, the request log, errors, the read and route views over the engine, the journal.
_NOT_STATE = frozenset(
    {"_lock", "_server", "_thread", "_stopping", "_stopped", "_requests", "_faults", "_errors", "_queries",
     "_exchange", "_journal"}
)
# Public methods that change nothing: every other public method is journaled (``journaled``).
_READS = frozenset(
    {"start", "stop", "market_id", "balance_of", "positions_of", "book_of", "orders_of", "notifications_of",
     "subscription_level_of", "history_of", "reset_code_of", "clear_requests", "fair_price_of"}
)
journaled(FakeKalshiServer, _READS)
