"""The progress line of a command that fetches page after page (``orders``, ``fills``, ``notifications --all``).

The same counting serves a look-up of an id's start (``cancel 12e0``), which lists the candidates.

On a terminal, stderr shows ``page 3, 150 entries``, rewritten in place after each page and wiped
before the result is printed. When stderr is not a terminal (a file, a pipe, CI), nothing is
written: a log or a captured stderr should hold errors only.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, List, Optional, TextIO, TypeVar

from kalshi.cli.terminal import is_terminal

__all__ = ["Progress", "collect"]

T = TypeVar("T")


class Progress:
    """Counts pages and entries, and shows the count on ``stream`` when that is a terminal."""

    def __init__(self, stream: Optional[TextIO], *, enabled: bool = True) -> None:
        self._stream = stream if enabled and is_terminal(stream) else None
        self._pages = 0
        self._entries = 0
        self._shown = 0  # the length of the line on screen, 0 when there is none

    def page(self, entries: int) -> None:
        """One more page, of ``entries`` entries, has arrived."""
        self._pages += 1
        self._entries += entries
        if self._stream is None:
            return
        # Both counts only grow, so the new line always covers the old one.
        text = f"page {self._pages}, {self._entries} {'entry' if self._entries == 1 else 'entries'}"
        self._stream.write(f"\r{text}")
        self._stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        """Wipe the line, so that what follows (the result, an error) starts on a clean line."""
        if self._stream is None or not self._shown:
            return
        self._stream.write("\r" + " " * self._shown + "\r")
        self._stream.flush()
        self._shown = 0


def collect(items: Iterable[T], progress: Progress, *, page_size: int, limit: Optional[int] = None) -> List[T]:
    """The items of a lazily paged listing, at most ``limit``, counted on ``progress`` a page at a time.

    ``page_size`` is the listing's page size: a page has arrived when that many more items have.
    With ``limit`` the listing is not read past the ``limit``-th item, so no page beyond it is fetched.
    """
    every: List[T] = []
    try:
        for item in islice(items, limit):
            every.append(item)
            if len(every) % page_size == 0:
                progress.page(page_size)
        if len(every) % page_size or len(every) != limit:
            progress.page(len(every) % page_size)  # the last page, short or empty
        return every
    finally:
        progress.clear()

