"""Readable reprs: one line when it fits, else one item per line, like pprint does for dataclasses."""

from __future__ import annotations

from typing import Any

__all__ = ["Redacted", "pformat"]

_REDACTED = "<redacted>"
_WIDTH = 88


class Redacted:
    """Stands in for a secret field's value in reprs and displays."""

    def __repr__(self) -> str:
        return _REDACTED


def pformat(value: Any, indent: int = 0) -> str:
    """One line when it fits, else one item per line, like pprint does for dataclasses."""
    from kalshi.model_utils import ListModel, Model  # at call time: the models import this module

    flat = _flat(value)
    if len(flat) + indent <= _WIDTH or not isinstance(value, (Model, ListModel, list, dict)):
        return flat
    pad = " " * (indent + 4)
    end = " " * indent
    if isinstance(value, Model):
        inner = [f"{pad}{k}={pformat(v, indent + 4)}," for k, v in value._repr_items()]
        return f"{type(value).__name__}(\n" + "\n".join(inner) + f"\n{end})"
    if isinstance(value, dict):
        inner = [f"{pad}{k!r}: {pformat(v, indent + 4)}," for k, v in value.items()]
        return "{\n" + "\n".join(inner) + f"\n{end}}}"
    items = value.value if isinstance(value, ListModel) else value
    inner = [f"{pad}{pformat(v, indent + 4)}," for v in items]
    body = "[\n" + "\n".join(inner) + f"\n{end}]"
    return f"{type(value).__name__}({body})" if isinstance(value, ListModel) else body


def _flat(value: Any) -> str:
    from kalshi.model_utils import ListModel, Model

    if isinstance(value, Model):
        return f"{type(value).__name__}(" + ", ".join(f"{k}={_flat(v)}" for k, v in value._repr_items()) + ")"
    if isinstance(value, ListModel):
        return f"{type(value).__name__}([" + ", ".join(_flat(v) for v in value.value) + "])"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_flat(v)}" for k, v in value.items()) + "}"
    return repr(value)

