"""Reproducible identifiers: every id the fake exchange mints comes from one seeded generator."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable


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

    def restorer(self) -> Callable[[], None]:
        """Return a function that rewinds the generator to where it is now (to undo a failed change)."""
        state = self._rng.getstate()
        return lambda: self._rng.setstate(state)
