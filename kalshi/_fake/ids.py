"""Reproducible identifiers: every id the fake exchange mints comes from one seeded generator."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import uuid


class Ids:
    """Mints uuid4 strings and short codes from ``random.Random(seed)``; callers hold the lock."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - reproducible test ids, not security

    def uuid(self) -> str:
        """Return the next uuid4 string."""
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def code(self) -> str:
        """Return the next 12-hex-digit code (password-reset codes)."""
        return f"{self._rng.getrandbits(48):012x}"


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
