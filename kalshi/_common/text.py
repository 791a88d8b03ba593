"""Safe error text: one printable line of bounded length, with the client's secrets scrubbed out.

Server text reaches ``str(e)`` and logs; a line break there forges a log line, an unpaired surrogate
makes a UTF-8 log handler drop the record, and an echoed password leaks. Everything shown goes
through ``safe_text``. Only the standard library is used, and nothing is imported: this sits
below ``kalshi.exceptions``.
"""

from __future__ import annotations

from typing import Iterable, Optional

__all__ = ["MAX_TEXT", "REDACTED", "one_line", "safe_text", "scrub", "scrub_chain", "secret_forms"]

MAX_TEXT = 1000
REDACTED = "<redacted>"
# Shorter secrets are not scrubbed: replacing every "ab" in a message would hide more than it protects.
_MIN_SECRET = 3


def one_line(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` as one printable line of at most ``limit`` characters, valid UTF-8 when encoded."""
    if len(text) > limit:
        text = text[: limit * 2]  # sanitizing can only lengthen; cut what can never be shown first
    if not text.isprintable():
        text = _escaped(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _escape(char: str) -> str:
    # Whitespace of any kind becomes a space; anything else unprintable (controls, unpaired
    # surrogates, bidi overrides) shows as its escape, in ASCII.
    return " " if char.isspace() else _hex(char)


def _hex(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# The printable ASCII characters some stage below changes (escapes, or folds).
_CHANGED = "\\\"'/ "


def secret_forms(secrets: Iterable[Optional[str]]) -> tuple[str, ...]:
    """Every form in which the secrets may reach the text shown, longest first.

    Text passes through a pipeline before it is shown: a server may JSON-escape it (or send it
    as UTF-8 that a status line or header reads as latin-1), an excerpt folds its whitespace, a
    message quotes it with ``repr`` (urllib3 quotes it once more), and ``one_line`` escapes what
    is unprintable. The forms are those stages applied in that order, any of them skipped.
    Called when an error is built, never per request.
    """
    forms: set[str] = set()
    for secret in secrets:
        if not secret or len(secret) < _MIN_SECRET:
            continue
        if secret.isascii() and secret.isprintable() and not any(c in secret for c in _CHANGED):
            forms.add(secret)  # the common case (tokens, keys): every stage leaves it as it is
            continue
        stage = {secret, *_json_forms(secret)}
        stage |= {_mojibake(s) for s in stage}
        stage |= {folded for s in stage for folded in _folded(s)}
        stage |= {escaped for s in stage for escaped in (_repr_escaped(s, "'"), _repr_escaped(s, ""), _escaped(s))}
        stage |= {_repr_escaped(s, "'") for s in stage}
        forms |= stage
    return tuple(sorted((f for f in forms if len(f) >= _MIN_SECRET), key=len, reverse=True))


def _json_forms(secret: str) -> set[str]:
    # What a server's JSON echo looks like: short escapes or \u00XX for controls, non-ASCII kept or
    # \uXXXX (either case of hex), "/" escaped or not. json is only imported when an error is built.
    import json

    forms = {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    controls = secret.replace("\\", "\\\\").replace('"', '\\"')
    forms.add("".join(c if c >= " " else f"\\u{ord(c):04x}" for c in controls))
    forms |= {_upper_hex(f) for f in forms}
    forms |= {f.replace("/", "\\/") for f in forms}
    return forms


def _upper_hex(escaped: str) -> str:
    parts = escaped.split("\\u")
    return parts[0] + "".join("\\u" + p[:4].upper() + p[4:] for p in parts[1:])


def _mojibake(text: str) -> str:
    # UTF-8 read as latin-1, as http.client reads a status line and headers.
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _folded(text: str) -> tuple[str, str]:
    # An excerpt turns each run of whitespace into one space; at the edges of the text, none.
    inner = " ".join(text.split())
    return inner, (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")


_REPR_SHORT = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _repr_escaped(text: str, quote: str) -> str:
    # What repr() shows between its quotes: ``quote`` is escaped when repr chose that quote.
    return "".join(
        _REPR_SHORT.get(c) or ("\\" + c if c == quote else c if c.isprintable() else _hex(c)) for c in text
    )


def _escaped(text: str) -> str:
    """``text`` with every unprintable character escaped (whitespace as a space)."""
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every secret of ``secrets`` (as from ``secret_forms``) replaced."""
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def scrub_chain(error: Optional[BaseException], secrets: tuple[str, ...]) -> None:
    """Scrub, in place, the text of ``error`` and of the errors it was raised from: a traceback
    (``traceback.format_exc()``, ``logger.exception``) prints every one of them."""
    for _ in range(8):  # a chain is a few errors long; never follow a loop forever
        if error is None:
            return
        args = tuple(_scrubbed(a, secrets) for a in error.args)
        if args != error.args:
            error.args = args
        error = error.__cause__ or error.__context__


def _scrubbed(arg: object, secrets: tuple[str, ...]) -> object:
    if isinstance(arg, str):
        return scrub(arg, secrets)
    if isinstance(arg, BaseException):  # urllib3 wraps the error it caught in its arguments
        inner = tuple(scrub(a, secrets) if isinstance(a, str) else a for a in arg.args)
        if inner != arg.args:
            arg.args = inner
    return arg


def safe_text(text: str, secrets: tuple[str, ...] = (), limit: int = MAX_TEXT) -> str:
    """Scrubbed, then one printable line of bounded length."""
    # Scrub first, so a secret split by a line break or cut by the limit cannot survive half-shown.
    return one_line(scrub(text, secrets) if secrets else text, limit)
