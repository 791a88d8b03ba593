"""The undo log that makes each change of exchange state all or nothing.

Before a step changes an object it registers how to put the object back; if anything raises
before the change is complete, ``rollback`` runs those inverses newest first, so a refused or
failed request leaves the exchange exactly as it was (ids and sequence numbers included, which
keeps runs reproducible). Only the first registration of an object counts: it holds the state
from before the change began.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
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

    def attributes(self, obj: Any, *names: str) -> None:
        """Restore the attributes ``names`` of ``obj`` (all of them when none are named)."""
        if self._first((id(obj), "attributes", names)):
            fields = vars(obj)
            saved = {name: fields[name] for name in names} if names else dict(fields)
            self._steps.append(lambda: fields.update(saved))

    def appended(self, items: list[Any]) -> None:
        """Drop whatever gets appended to ``items``."""
        if self._first((id(items), "tail")):
            length = len(items)
            self._steps.append(lambda: items.__delitem__(slice(length, None)))

    def prepended(self, items: list[Any]) -> None:
        """Drop whatever gets inserted at the front of ``items`` (the newest-first lists)."""
        if self._first((id(items), "head")):
            length = len(items)
            self._steps.append(lambda: items.__delitem__(slice(0, len(items) - length)))

    def added(self, mapping: dict[Any, Any]) -> None:
        """Drop the keys that get added to ``mapping`` (which only ever grows)."""
        if self._first((id(mapping), "keys")):
            length = len(mapping)

            def drop_new_keys() -> None:
                while len(mapping) > length:
                    mapping.popitem()  # dicts pop their newest key first

            self._steps.append(drop_new_keys)

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
