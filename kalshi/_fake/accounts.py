"""Users, their log-in sessions and account data: the fake exchange's thread-safe state."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass

from .responses import JsonDict


@dataclass
class Account:
    """One user's credentials and data, all in wire format."""

    user_id: str
    email: str | None
    password: str | None
    history: list[JsonDict]
    notifications: list[JsonDict]
    subscription_level: str = "all"


@dataclass(frozen=True)
class Session:
    """A valid Authorization header value; static sessions come from ``authorize``."""

    user_id: str
    static: bool


class Accounts:
    """Every user (by id and by e-mail) and every open session; every method is thread-safe."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._users: dict[str, Account] = {}
        self._emails: dict[str, str] = {}  # lower-cased email -> user_id
        self._sessions: dict[str, Session] = {}  # Authorization header value -> session
        self.login_count = 0

    # -- users ---------------------------------------------------------------

    def add_user(
        self,
        email: str | None,
        password: str | None,
        user_id: str,
        history: list[JsonDict],
        notifications: list[JsonDict],
    ) -> None:
        """Create a user; the data lists are stored as given (callers pass private copies)."""
        with self._lock:
            if user_id in self._users:
                raise ValueError(f"user {user_id!r} already exists")
            if email is not None and email.lower() in self._emails:
                raise ValueError(f"email {email!r} is already registered")
            self._users[user_id] = Account(user_id, email, password, history, notifications)
            if email is not None:
                self._emails[email.lower()] = user_id

    def has_user(self, user_id: str) -> bool:
        """Tell whether ``user_id`` exists."""
        with self._lock:
            return user_id in self._users

    def account(self, user_id: str) -> Account:
        """Return the account of ``user_id`` (KeyError if unknown); hold the lock while using it."""
        with self._lock:
            return self._users[user_id]

    # -- sessions ------------------------------------------------------------

    def log_in(self, email: str, password: str) -> tuple[str, str] | None:
        """Open a session for valid credentials and return (user_id, token); None if invalid."""
        with self._lock:
            user_id = self._emails.get(email.lower())
            account = self._users.get(user_id) if user_id is not None else None
            if (
                account is None
                or account.password is None
                or not secrets.compare_digest(
                    account.password.encode("utf-8"), password.encode("utf-8")
                )
            ):
                return None
            token = secrets.token_hex(24)
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
