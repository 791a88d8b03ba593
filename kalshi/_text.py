"""Safe error text: one printable line of bounded length, with the client's secrets scrubbed out.

Server text reaches ``str(e)`` and logs; a line break there forges a log line, an unpaired surrogate
makes a UTF-8 log handler drop the record, and an echoed password leaks. Everything shown goes
through ``safe_text``. Only the standard library is used, and nothing is imported: this sits
below ``kalshi.exceptions``.
"""

from __future__ import annotations

from typing import Iterable, Optional

__all__ = ["MAX_TEXT", "REDACTED", "one_line", "safe_text", "scrub", "secret_forms"]

MAX_TEXT = 1000
REDACTED = "<redacted>"
# Shorter secrets are not scrubbed: replacing every "ab" in a message would hide more than it protects.
_MIN_SECRET = 3


def one_line(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` as one printable line of at most ``limit`` characters, valid UTF-8 when encoded."""
    if len(text) > limit:
        text = text[: limit * 2]  # sanitizing can only lengthen; cut what can never be shown first
    if not text.isprintable():
        text = "".join(c if c.isprintable() else _escape(c) for c in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _escape(char: str) -> str:
    # Whitespace of any kind becomes a space; anything else unprintable (controls, unpaired
    # surrogates, bidi overrides) shows as its escape, in ASCII.
    if char.isspace():
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def secret_forms(secrets: Iterable[Optional[str]]) -> tuple[str, ...]:
    """The secrets worth scrubbing, with their JSON-escaped forms, longest first."""
    forms: set[str] = set()
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET:
            forms.add(secret)
            escaped = _json_escaped(secret)
            if escaped != secret:
                forms.add(escaped)
    return tuple(sorted(forms, key=len, reverse=True))


def _json_escaped(secret: str) -> str:
    # What a server's JSON echo of the secret looks like, without importing json here.
    out = secret.replace("\\", "\\\\").replace('"', '\\"')
    return "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in out)


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every secret of ``secrets`` (as from ``secret_forms``) replaced."""
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def safe_text(text: str, secrets: tuple[str, ...] = (), limit: int = MAX_TEXT) -> str:
    """Scrubbed, then one printable line of bounded length."""
    # Scrub first, so a secret split by a line break or cut by the limit cannot survive half-shown.
    return one_line(scrub(text, secrets) if secrets else text, limit)
