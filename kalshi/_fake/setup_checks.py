"""Checks of set-up API arguments: a TypeError or ValueError naming the argument, before any change."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping


def check_int(name: str, value: object, low: int, high: int | None = None) -> int:
    """Return ``value`` if it is an int (not a bool) in ``[low, high]``; raise naming ``name`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < low or (high is not None and value > high):
        raise ValueError(f"{name} must be {_range(low, high)}, not {value!r}")
    return value


def check_number(name: str, value: object, low: float, high: float | None = None) -> float:
    """Return ``value`` as a float if it is a finite int or float in ``[low, high]`` (bools refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if not math.isfinite(value) or value < low or (high is not None and value > high):
        raise ValueError(f"{name} must be {_range(low, high)}, not {value!r}")
    return float(value)


def check_names(what: str, given: Mapping[str, object], known: Iterable[str]) -> None:
    """Refuse names in ``given`` that are not ``known`` (a TypeError, as for an unexpected keyword)."""
    allowed = list(known)
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise TypeError(f"{what} got unknown parameter(s) {', '.join(unknown)}; known: {', '.join(allowed)}")


def _range(low: float, high: float | None) -> str:
    return f">= {low}" if high is None else f"between {low} and {high}"
