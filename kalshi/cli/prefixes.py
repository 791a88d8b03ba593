"""Ids given by a unique start, like git's short hashes: ``kalshi cancel 12e0c8b2``.

A whole id (a UUID) is used as given, with no look-up. Anything shorter is matched against the
start of the ids of the things it could name; it must match exactly one. An ambiguous or unknown
start is a ``CliError`` that lists the candidates, whole, so that one can be copied.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Sequence, Tuple, TypeVar

from kalshi._common.ids import is_uuid
from kalshi.cli.errors import CliError

__all__ = ["resolve"]

T = TypeVar("T")

_LISTED = 10  # candidates listed at most in an error


def resolve(
    given: str,
    candidates: Callable[[], Iterable[T]],
    id_of: Callable[[T], str],
    describe: Callable[[T], str],
    *,
    what: str,
) -> str:
    """The id that ``given`` starts (case does not matter), among ``candidates()`` (read only when needed).

    ``what`` names the candidates in the error (``"resting order"``); ``describe`` says a few words
    about one (its market, side, price).
    """
    if is_uuid(given):
        return given
    every: List[Tuple[str, T]] = [(id_of(c), c) for c in candidates()]
    start = given.lower()
    matches = [(i, c) for i, c in every if i.lower().startswith(start)]
    if len(matches) == 1:
        return matches[0][0]
    if matches:
        raise CliError(f"{given!r} is the start of {len(matches)} {what} ids:\n{_listed(matches, describe)}")
    if not every:
        raise CliError(f"no {what} has an id starting with {given!r}: you have none")
    raise CliError(f"no {what} has an id starting with {given!r}; yours are:\n{_listed(every, describe)}")


def _listed(found: Sequence[Tuple[str, T]], describe: Callable[[T], str]) -> str:
    lines = [f"  {i}  {describe(c)}".rstrip() for i, c in found[:_LISTED]]
    if len(found) > _LISTED:
        lines.append(f"  ... and {len(found) - _LISTED} more")
    return "\n".join(lines)
