"""Readable reprs of models: one line when it fits, else one item per line, like pprint.

Duck-typed (``_repr_items`` for a model, ``_repr_list`` for a list-shaped one), so it sits below
the model classes that use it.
"""

from __future__ import annotations

from typing import Any

from kalshi._common.text import REDACTED

__all__ = ["MAX_DEPTH", "Redacted", "flat_text", "pformat"]

_WIDTH = 88
# Nesting shown before lists, dicts and models elide to "[...]", "{...}" and "Name(...)": a server
# may nest an unknown field without end, and a repr must not recurse out.
MAX_DEPTH = 12


class Redacted:
    """Stands in for a secret field's value in reprs and displays."""

    __slots__ = ()

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__


def pformat(value: Any, indent: int = 0, depth: int = 0) -> str:
    """One line when it fits, else one item per line; elided below ``MAX_DEPTH`` levels."""
    flat = flat_text(value, depth)
    nested = hasattr(value, "_repr_items") or hasattr(value, "_repr_list") or isinstance(value, (list, dict))
    if len(flat) + indent <= _WIDTH or not nested or depth >= MAX_DEPTH:
        return flat
    pad = " " * (indent + 4)
    end = " " * indent
    below = depth + 1
    if hasattr(value, "_repr_items"):
        inner = [f"{pad}{k}={pformat(v, indent + 4, below)}," for k, v in value._repr_items()]
        return f"{type(value).__name__}(\n" + "\n".join(inner) + f"\n{end})"
    if isinstance(value, dict):
        inner = [f"{pad}{k!r}: {pformat(v, indent + 4, below)}," for k, v in value.items()]
        return "{\n" + "\n".join(inner) + f"\n{end}}}"
    items = value._repr_list() if hasattr(value, "_repr_list") else value
    inner = [f"{pad}{pformat(v, indent + 4, below)}," for v in items]
    body = "[\n" + "\n".join(inner) + f"\n{end}]"
    return f"{type(value).__name__}({body})" if hasattr(value, "_repr_list") else body


def flat_text(value: Any, depth: int = 0) -> str:
    """The one-line text of a value; lists, dicts and models below ``MAX_DEPTH`` levels elided."""
    below = depth + 1
    if hasattr(value, "_repr_items"):
        if depth >= MAX_DEPTH:
            return f"{type(value).__name__}(...)"
        inner = ", ".join(f"{k}={flat_text(v, below)}" for k, v in value._repr_items())
        return f"{type(value).__name__}({inner})"
    if hasattr(value, "_repr_list"):
        if depth >= MAX_DEPTH:
            return f"{type(value).__name__}([...])"
        return f"{type(value).__name__}([" + ", ".join(flat_text(v, below) for v in value._repr_list()) + "])"
    if isinstance(value, list):
        return "[...]" if depth >= MAX_DEPTH else "[" + ", ".join(flat_text(v, below) for v in value) + "]"
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            return "{...}"
        return "{" + ", ".join(f"{k!r}: {flat_text(v, below)}" for k, v in value.items()) + "}"
    return repr(value)
