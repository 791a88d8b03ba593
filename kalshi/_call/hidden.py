"""A value kept out of sight: its ``repr`` is redacted, and it has no ``__dict__`` for ``vars()``.

The client keeps its cookie and the headers it last sent (which hold the session token) in
these, so ``vars(api_client)``, ``pprint`` and a debugger's view of the client show
``<redacted>`` where a credential would be.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from kalshi._common.text import REDACTED

__all__ = ["Hidden"]

T = TypeVar("T")


class Hidden(Generic[T]):
    """Holds ``value``; shows as ``<redacted>``. Compared by identity: a new value, a new holder."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value: T = value

    def __repr__(self) -> str:
        return REDACTED
