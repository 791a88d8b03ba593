"""Users, their log-in sessions, profiles and password resets: the fake exchange's user registry."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field

from .ids import Tokens
from .responses import JsonDict

MIN_PASSWORD = 6


@dataclass
class Account:
    """One user's credentials and data, all in wire format."""

    user_id: str
    email: str | None
    password: str | None
    history: list[JsonDict]  # newest first
    notifications: list[JsonDict]  # newest first
    created: float = 0.0
    subscription_level: str = "all"
    watchlist: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Session:
    """A valid Authorization header value; static sessions come from ``authorize``."""

    user_id: str
    static: bool


def _same(secret: str | None, given: str) -> bool:
    """Compare a stored password with a given one in constant time."""
    return secret is not None and secrets.compare_digest(secret.encode("utf-8"), given.encode("utf-8"))


class Accounts:
    """Every user (by id and by e-mail), every open session and pending reset codes.

    Every method takes the exchange's one lock, so it is thread-safe on its own and composes
    with the engine's larger changes.
    """

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._users: dict[str, Account] = {}
        self._emails: dict[str, str] = {}  # lower-cased email -> user_id
        self._sessions: dict[str, Session] = {}  # Authorization header value -> session
        self._reset_codes: dict[str, str] = {}  # code -> user_id
        self.login_count = 0
        self.tokens = Tokens()

    # -- users ---------------------------------------------------------------

    def add_user(self, account: Account) -> None:
        """Register ``account``; its e-mail and id must be new."""
        with self._lock:
            if account.user_id in self._users:
                raise ValueError(f"user {account.user_id!r} already exists")
            if account.email is not None and account.email.lower() in self._emails:
                raise ValueError(f"email {account.email!r} is already registered")
            self._users[account.user_id] = account
            if account.email is not None:
                self._emails[account.email.lower()] = account.user_id

    def has_user(self, user_id: str) -> bool:
        """Tell whether ``user_id`` exists."""
        with self._lock:
            return user_id in self._users

    def account(self, user_id: str) -> Account:
        """Return the account of ``user_id`` (KeyError if unknown); hold the lock while using it."""
        with self._lock:
            return self._users[user_id]

    # -- passwords -------------------------------------------------------------

    def change_password(self, user_id: str, old: str, new: str) -> bool:
        """Set a new password if ``old`` is the current one; tell whether it was changed."""
        with self._lock:
            account = self._users[user_id]
            if not _same(account.password, old):
                return False
            account.password = new
            return True

    def start_reset(self, email: str, code: str) -> bool:
        """Remember ``code`` as a reset code for the user of ``email``; False if there is none."""
        with self._lock:
            user_id = self._emails.get(email.lower())
            if user_id is None:
                return False
            self._reset_codes[code] = user_id
            return True

    def reset_code_of(self, email: str) -> str | None:
        """Return the newest pending reset code sent to ``email``, if any."""
        with self._lock:
            user_id = self._emails.get(email.lower())
            codes = [code for code, owner in self._reset_codes.items() if owner == user_id]
            return codes[-1] if codes else None

    def confirm_reset(self, code: str, user_id: str, password: str) -> bool:
        """Use ``code`` (once) to set ``user_id``'s password; tell whether the code was valid."""
        with self._lock:
            if self._reset_codes.get(code) != user_id:
                return False
            del self._reset_codes[code]
            self._users[user_id].password = password
            return True

    # -- sessions ------------------------------------------------------------

    def log_in(self, email: str, password: str) -> tuple[str, str] | None:
        """Open a session for valid credentials and return (user_id, token); None if invalid."""
        with self._lock:
            user_id = self._emails.get(email.lower())
            account = self._users.get(user_id) if user_id is not None else None
            if account is None or not _same(account.password, password):
                return None
            token = self.tokens.token()
            self._sessions[f"{account.user_id} {token}"] = Session(account.user_id, static=False)
            self.login_count += 1
            return account.user_id, token

    def session(self, authorization: str) -> Session | None:
        """Return the session the Authorization value ``authorization`` stands for, if any."""
        with self._lock:
            return self._sessions.get(authorization)

    def end_session(self, authorization: str) -> None:
        """Forget the session ``authorization`` (nothing happens if there is none)."""
        with self._lock:
            self._sessions.pop(authorization, None)

    def add_static_session(self, authorization: str, user_id: str) -> None:
        """Accept ``authorization`` as a session of ``user_id`` until the server stops."""
        with self._lock:
            self._sessions[authorization] = Session(user_id, static=True)

    def expire_sessions(self) -> None:
        """Forget every session created by /log_in."""
        with self._lock:
            self._sessions = {key: s for key, s in self._sessions.items() if s.static}
