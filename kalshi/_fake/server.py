"""FakeKalshiServer, the public class: lifecycle, users and sessions, state and request log."""

from __future__ import annotations

import copy
import threading
import traceback
import uuid
from types import TracebackType
from typing import final

from .accounts import Account, Accounts
from .data import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, demo_history, demo_notifications
from .errors import ApiError, error_response
from .faults import Fault, FaultInjection
from .handler import RequestHandler
from .listener import Server
from .recorded import RecordedRequest
from .responses import JsonDict, Response
from .routes import Exchange

_STOP_JOIN_TIMEOUT = 2.0


@final
class FakeKalshiServer(FaultInjection):
    """A fake Kalshi v1 exchange served over real HTTP/1.1 on 127.0.0.1.

    The port is bound on construction (``port=0`` picks a free one); ``start`` serves it from a
    daemon thread. Use it as a context manager::

        with FakeKalshiServer() as server:
            configuration = kalshi.Configuration(host=server.host)

    The demo user (``DEMO_EMAIL`` / ``DEMO_PASSWORD``, id ``DEMO_USER_ID``) exists from the start
    with a seeded account history and notifications. Every public method is thread-safe.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.RLock()
        self._accounts = Accounts(self._lock)
        self._exchange = Exchange(self._accounts, self._lock)
        self._requests: list[RecordedRequest] = []
        self._faults: list[Fault] = []
        self._errors: list[str] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._accounts.add_user(
            DEMO_EMAIL,
            DEMO_PASSWORD,
            DEMO_USER_ID,
            demo_history(),
            demo_notifications(DEMO_USER_ID),
        )
        self._server = Server((host, port), self, RequestHandler)

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

    # -- users and sessions --------------------------------------------------

    def authorize(self, authorization: str, user_id: str) -> None:
        """Accept the Authorization header value ``authorization`` as a session of ``user_id``.

        An unknown ``user_id`` is created with its own copy of the demo account, so the seed
        documentation's examples (``'YOUR_API_KEY'``, ``"user_id_example"``) run verbatim.
        These sessions survive ``expire_sessions`` and ``/log_out``.
        """
        with self._lock:
            if not self._accounts.has_user(user_id):
                self._accounts.add_user(
                    None, None, user_id, demo_history(), demo_notifications(user_id)
                )
            self._accounts.add_static_session(authorization, user_id)

    def add_user(
        self,
        email: str,
        password: str,
        user_id: str | None = None,
        *,
        history: list[JsonDict] | None = None,
        notifications: list[JsonDict] | None = None,
    ) -> str:
        """Register a user who can log in, and return its id (a new uuid4 unless given).

        ``history`` and ``notifications`` are wire-format dicts, stored as given (deep-copied);
        when omitted the user gets its own copy of the demo account's data.
        """
        if len(password) < 6:
            raise ValueError("password must be at least 6 characters; /log_in rejects shorter ones")
        if user_id == "":
            raise ValueError("user_id must not be empty")
        new_id = str(uuid.uuid4()) if user_id is None else user_id
        entries = demo_history() if history is None else copy.deepcopy(history)
        notes = (
            demo_notifications(new_id) if notifications is None else copy.deepcopy(notifications)
        )
        self._accounts.add_user(email, password, new_id, entries, notes)
        return new_id

    def expire_sessions(self) -> None:
        """Invalidate every session created by /log_in, as a server-side expiry would."""
        self._accounts.expire_sessions()

    @property
    def login_count(self) -> int:
        """How many /log_in calls succeeded."""
        with self._lock:
            return self._accounts.login_count

    # -- state inspection ----------------------------------------------------

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
