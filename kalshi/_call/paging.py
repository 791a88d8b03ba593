"""Page-numbered iteration with a guard against servers that never stop paging.

``iter_pages(fetch, page_size=..., start_page=..., max_pages=...)`` yields the items of page after
page, fetched lazily with ``fetch(page_number) -> list``. It stops after a short (or empty) page,
after ``max_pages`` pages, and raises ``ApiPagingError`` when a full page equals the one before:
a server that ignores ``page_number`` would otherwise be iterated forever.
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional, Sequence, TypeVar

from kalshi.exceptions import ApiPagingError, ApiValueError

__all__ = ["check_max_pages", "iter_pages"]

T = TypeVar("T")


def check_max_pages(max_pages: Optional[int], what: str) -> None:
    """Refuse a ``max_pages`` that is not None or an int >= 1 (before anything is sent)."""
    if max_pages is not None and (not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1):
        raise ApiValueError(f"{what}: max_pages must be None or an int >= 1, got {max_pages!r}")


def iter_pages(
    fetch: Callable[[int], Sequence[T]],
    *,
    page_size: int,
    start_page: int = 1,
    max_pages: Optional[int] = None,
    what: str = "iterator",
) -> Iterator[T]:
    """Every item of pages ``start_page``, ``start_page + 1``, ... (see the module docstring)."""
    check_max_pages(max_pages, what)
    page = start_page
    previous: Optional[Sequence[T]] = None
    fetched = 0
    while max_pages is None or fetched < max_pages:
        items = fetch(page)
        fetched += 1
        if previous is not None and len(items) >= page_size and list(items) == list(previous):
            raise ApiPagingError(
                f"{what}: page {page} repeats page {page - 1} ({len(items)} items); the server "
                "ignores the page number, so iterating on would never end",
                page=page,
            )
        yield from items
        if len(items) < page_size:
            return
        previous = items
        page += 1
