"""Response bodies to JSON values: ``orjson`` when installed (the ``[fast]`` extra), else ``json``.

Both give the same values: a body ``orjson`` refuses (NaN, UTF-16, lone surrogates, very deep
nesting) is read again by the standard library, which decodes it or raises as it always did; a
body that may hold an integer past 64 bits (which ``orjson`` would turn into a float) goes to the
standard library from the start. The choice is made on the first body, so ``import kalshi`` loads neither.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

__all__ = ["decode_json", "decoder_name"]

_Loads = Callable[[bytes], Any]
_chosen: Optional[tuple[str, _Loads]] = None


def _choose() -> tuple[str, _Loads]:
    global _chosen
    import json

    try:
        import orjson  # type: ignore[import-not-found,unused-ignore]  # the optional [fast] extra
    except ImportError:
        _chosen = ("json", json.loads)
        return _chosen
    fast: _Loads = orjson.loads
    stdlib: _Loads = json.loads
    # Digits become "0", everything else " ": a run of 19 zeros is a number that may not fit in
    # 64 bits (or a long digit run in a string: then the standard library reads it, no harm).
    # One C pass, about a quarter of what orjson saves.
    digits = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
    long_run = b"0" * 19

    def loads(raw: bytes) -> Any:
        if long_run in raw.translate(digits):
            return stdlib(raw)
        try:
            return fast(raw)
        except ValueError:  # orjson.JSONDecodeError: the standard library decides
            return stdlib(raw)

    _chosen = ("orjson", loads)
    return _chosen


def decode_json(raw: bytes) -> Any:
    """The JSON value of ``raw``; ``ValueError`` or ``RecursionError`` as ``json.loads`` raises them."""
    return (_chosen or _choose())[1](raw)


def decoder_name() -> str:
    """``"orjson"`` or ``"json"``: which decoder reads response bodies in this process."""
    return (_chosen or _choose())[0]
