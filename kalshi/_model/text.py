"""Readable reprs of models: one line when it fits, else one item per line, like pprint.

Duck-typed (``_repr_items`` for a model, ``_repr_list`` for a list-shaped one), so it sits below
the model classes that use it.
"""

from __future__ import annotations

from typing import Any

from kalshi._text import REDACTED

__all__ = ["Redacted", "pformat"]

_WIDTH = 88


class Redacted:
    """Stands in for a secret field's value in reprs and displays."""

    __slots__ = ()

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__


def pformat(value: Any, indent: int = 0) -> str:
    """One line when it fits, else one item per line."""
    flat = _flat(value)
    nested = hasattr(value, "_repr_items") or hasattr(value, "_repr_list") or isinstance(value, (list, dict))
    if len(flat) + indent <= _WIDTH or not nested:
        return flat
    pad = " " * (indent + 4)
    end = " " * indent
    if hasattr(value, "_repr_items"):
        inner = [f"{pad}{k}={pformat(v, indent + 4)}," for k, v in value._repr_items()]
        return f"{type(value).__name__}(\n" + "\n".join(inner) + f"\n{end})"
    if isinstance(value, dict):
        inner = [f"{pad}{k!r}: {pformat(v, indent + 4)}," for k, v in value.items()]
        return "{\n" + "\n".join(inner) + f"\n{end}}}"
    items = value._repr_list() if hasattr(value, "_repr_list") else value
    inner = [f"{pad}{pformat(v, indent + 4)}," for v in items]
    body = "[\n" + "\n".join(inner) + f"\n{end}]"
    return f"{type(value).__name__}({body})" if hasattr(value, "_repr_list") else body


def _flat(value: Any) -> str:
    if hasattr(value, "_repr_items"):
        return f"{type(value).__name__}(" + ", ".join(f"{k}={_flat(v)}" for k, v in value._repr_items()) + ")"
    if hasattr(value, "_repr_list"):
        return f"{type(value).__name__}([" + ", ".join(_flat(v) for v in value._repr_list()) + "])"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_flat(v)}" for k, v in value.items()) + "}"
    return repr(value)
