"""The progress line of a command that fetches page after page (``notifications --all``, ``orders``, ``fills``).

On a terminal, stderr shows ``page 3, 150 entries``, rewritten in place after each page and wiped
before the result is printed. When stderr is not a terminal (a file, a pipe, CI), nothing is
written: a log or a captured stderr should hold errors only.
"""

from __future__ import annotations

from typing import Callable, List, Optional, Sequence, TextIO, TypeVar

from kalshi._call.paging import iter_pages
from kalshi.cli.terminal import is_terminal

__all__ = ["Progress", "every_page"]

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


def every_page(
    fetch: Callable[[int], Sequence[T]],
    progress: Progress,
    *,
    page_size: int,
    start_page: int = 1,
    what: str,
) -> List[T]:
    """The items of every page from ``start_page`` on (the SDK's paging rules), counted on ``progress``."""

    def counted(page: int) -> Sequence[T]:
        items = fetch(page)
        progress.page(len(items))
        return items

    try:
        return list(iter_pages(counted, page_size=page_size, start_page=start_page, what=what))
    finally:
        progress.clear()
