"""Reproducible identifiers: every id the fake exchange mints comes from one seeded generator."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import uuid
from collections.abc import Callable

_CODE_MASK = 2**48 - 1


class Ids:
    """Mints uuid4 strings and short codes from ``random.Random(seed)``; callers hold the lock.

    Every id is one 128-bit draw, so the generator's position is just the number of draws, which
    makes marking it (for undoing a failed change) free.
    """

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._rng = random.Random(seed)  # noqa: S311 - reproducible test ids, not security
        self._drawn = 0

    def _draw(self) -> int:
        self._drawn += 1
        return self._rng.getrandbits(128)

    def uuid(self) -> str:
        """Return the next uuid4 string."""
        return str(uuid.UUID(int=self._draw(), version=4))

    def code(self) -> str:
        """Return the next 12-hex-digit code (password-reset codes)."""
        return f"{self._draw() & _CODE_MASK:012x}"

    def restorer(self) -> Callable[[], None]:
        """Return a function that rewinds the generator to where it is now (to undo a failed change)."""
        drawn = self._drawn

        def rewind() -> None:
            if self._drawn != drawn:
                # Replaying from the seed costs a fraction of a microsecond a draw, and only a
                # failed change pays it; marking the position stays free.
                self._rng = random.Random(self._seed)  # noqa: S311 - as above
                for _ in range(drawn):
                    self._rng.getrandbits(128)
                self._drawn = drawn

        return rewind


class Tokens:
    """Mints log-in session tokens: HMAC-SHA256 of a counter under a secret ``key``.

    Unguessable without the key (a fresh random one by default), yet reproducible from it, so a
    state file that keeps the key replays its journal into the same sessions.
    """

    def __init__(self, key: bytes | None = None) -> None:
        self.key = secrets.token_bytes(32) if key is None else key
        self._minted = 0

    def token(self) -> str:
        """Return the next 48-hex-digit token."""
        self._minted += 1
        return hmac.new(self.key, self._minted.to_bytes(8, "big"), hashlib.sha256).hexdigest()[:48]
