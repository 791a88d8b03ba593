"""The secrets of one run (password, session token) and their removal from text shown to the user.

The SDK already keeps secrets out of its messages and logs; this is the CLI's own second line of
defence for everything it writes to stderr: error messages, debug logs and tracebacks.
"""

from __future__ import annotations

import json
import logging
from typing import Optional

from kalshi._common.text import REDACTED

__all__ = ["RedactingFormatter", "Redactor"]


class Redactor:
    """Remembers secrets and replaces each of them (also JSON- or repr-escaped) in a text."""

    def __init__(self) -> None:
        self._needles: set[str] = set()

    def add(self, secret: Optional[str]) -> None:
        """Remember ``secret`` (empty values are ignored)."""
        if not secret:
            return
        self._needles.add(secret)
        # The same secret as it would look inside a JSON string or a Python repr.
        for escaped in (json.dumps(secret)[1:-1], repr(secret)[1:-1]):
            if escaped:
                self._needles.add(escaped)

    def scrub(self, text: str) -> str:
        """``text`` with every remembered secret replaced by ``<redacted>``."""
        for needle in sorted(self._needles, key=len, reverse=True):
            text = text.replace(needle, REDACTED)
        return text

    def __repr__(self) -> str:
        return f"<Redactor secrets={len(self._needles)}>"


class RedactingFormatter(logging.Formatter):
    """A log formatter whose output (message and any traceback) goes through a ``Redactor``."""

    def __init__(self, redactor: Redactor, fmt: str) -> None:
        super().__init__(fmt)
        self._redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self._redactor.scrub(super().format(record))
