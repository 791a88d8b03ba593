"""The log-in session an ``ApiClient`` holds: credentials (memory only) and the current header,
and the secrets the client sent (to scrub from error text)."""

from __future__ import annotations

from _thread import allocate_lock  # threading's Lock, without importing threading
from typing import Callable, Optional

__all__ = ["Session"]

# Secrets sent in request bodies that are remembered: the latest few (a script that retries a
# log-in in a loop does not grow the list).
_SENT_LIMIT = 8


class Session:
    """Who the client is logged in as, and how to log in again when the session expires.

    ``generation`` counts log-ins, so that threads which all saw the same expired session share
    one re-login: only the first to arrive logs in, the others see a newer generation and retry.
    """

    __slots__ = ("_email", "_lock", "_password", "_sent", "_sent_lock", "authorization", "generation", "user_id")

    def __init__(self) -> None:
        self._lock = allocate_lock()
        self._email: Optional[str] = None
        self._password: Optional[str] = None
        self.authorization: Optional[str] = None
        self.user_id: Optional[str] = None
        self.generation = 0
        self._sent: tuple[str, ...] = ()
        # A lock of its own: a renewing log-in (under ``_lock``) sends its password too.
        self._sent_lock = allocate_lock()

    @property
    def can_relogin(self) -> bool:
        return self._password is not None

    def start(self, email: str, password: str, user_id: str, token: str) -> None:
        with self._lock:
            self._email, self._password = email, password
            self._set(user_id, token)

    def _set(self, user_id: str, token: str) -> None:
        self.user_id = user_id
        self.authorization = f"{user_id} {token}"
        self.generation += 1

    def remember(self, secrets: tuple[str, ...]) -> None:
        """Keep secrets the client sends (a log-in's password, a new password, a token it was
        given) as secrets of this session from now on, whichever way they were sent."""
        with self._sent_lock:
            kept = [s for s in self._sent if s not in secrets]
            self._sent = (*kept, *secrets)[-_SENT_LIMIT:]

    def secrets(self) -> list[str]:
        """The password, the token, and the secrets sent: everything to scrub from error text."""
        found = [self._password, *self._sent]
        if self.authorization:
            found.append(self.authorization.rpartition(" ")[2])
        return [s for s in found if s]

    def renew(self, seen_generation: int, login: Callable[[str, str], tuple[str, str]]) -> bool:
        """Log in again unless another thread already did since ``seen_generation``.

        ``login(email, password)`` returns ``(user_id, token)``. Returns False when there are no
        credentials to log in with.
        """
        with self._lock:
            if self._email is None or self._password is None:
                return False
            if self.generation != seen_generation:
                return True
            user_id, token = login(self._email, self._password)
            self._set(user_id, token)
            return True

    def clear(self) -> None:
        with self._lock:
            self._email = self._password = None
            self.authorization = self.user_id = None
            with self._sent_lock:
                self._sent = ()
            self.generation += 1

    def __repr__(self) -> str:
        return f"<Session user_id={self.user_id!r} logged_in={self.authorization is not None}>"
