"""Whether a stream is an interactive terminal (for the password prompt and the progress line)."""

from __future__ import annotations

from typing import Optional, TextIO

__all__ = ["is_terminal"]


def is_terminal(stream: Optional[TextIO]) -> bool:
    """True when ``stream`` is open and attached to a terminal."""
    if stream is None:
        return False
    try:
        return stream.isatty()
    except (ValueError, OSError):  # closed or detached
        return False
