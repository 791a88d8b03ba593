"""The undo log that makes each change of exchange state all or nothing.

Before a step changes an object it registers how to put the object back; if anything raises
before the change is complete, ``rollback`` runs those inverses newest first, so a refused or
failed request leaves the exchange exactly as it was (ids and sequence numbers included, which
keeps runs reproducible). Only the first registration of an object counts: it holds the state
from before the change began.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any


class UndoLog:
    """Inverse operations registered by one change, undone together by ``rollback``."""

    def __init__(self) -> None:
        self._steps: list[Callable[[], None]] = []
        self._seen: set[Hashable] = set()

    def _first(self, key: Hashable) -> bool:
        """Tell whether ``key`` is registered for the first time (and remember it)."""
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def keep(
        self,
        key: Hashable,
        *,
        attributes: Iterable[Any] = (),
        appended: Iterable[list[Any]] = (),
        prepended: Iterable[list[Any]] = (),
        added: Iterable[dict[Any, Any]] = (),
    ) -> None:
        """Register, once per ``key``, how to put these objects back as they are now.

        ``attributes``: objects whose attributes are restored. ``appended``: lists that only grow
        at the end, ``prepended``: lists that only grow at the front (the newest-first ones),
        ``added``: dicts that only gain keys; what they gain is dropped.
        """
        if not self._first(key):
            return
        fields = [(vars(obj), dict(vars(obj))) for obj in attributes]
        tails = [(items, len(items)) for items in appended]
        heads = [(items, len(items)) for items in prepended]
        grown = [(mapping, len(mapping)) for mapping in added]

        def restore() -> None:
            for current, saved in fields:
                current.update(saved)
            for items, length in tails:
                del items[length:]
            for items, length in heads:
                del items[: len(items) - length]
            for mapping, length in grown:
                while len(mapping) > length:
                    mapping.popitem()  # dicts pop their newest key first

        self._steps.append(restore)

    def copied(self, items: list[Any]) -> None:
        """Put back the whole content of ``items`` (for heaps, which reorder on every push and pop)."""
        if self._first((id(items), "copy")):
            saved = list(items)
            self._steps.append(lambda: items.__setitem__(slice(None), saved))

    def call(self, key: Hashable, make: Callable[[], Callable[[], None]]) -> None:
        """Register the restore function ``make()`` returns, the first time ``key`` is seen."""
        if self._first(key):
            self._steps.append(make())

    def rollback(self) -> None:
        """Undo every registered change, newest first."""
        while self._steps:
            self._steps.pop()()
