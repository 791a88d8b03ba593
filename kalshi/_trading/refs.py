"""An argument that names something the exchange holds: the model the SDK returned, or its id."""

from __future__ import annotations

from typing import TypeVar

from kalshi.exceptions import ApiTypeError, ApiValueError
from kalshi.model_utils import Model

__all__ = ["id_of"]

M = TypeVar("M", bound=Model)


def id_of(value: object, kind: type[M], attribute: str, name: str) -> str:
    """The id in ``value``: a ``kind`` model's ``attribute``, or a non-empty str; refused before sending."""
    if isinstance(value, kind):
        found = getattr(value, attribute)
        if not found:
            raise ApiValueError(
                f"{name} has no {attribute}: pass {_article(kind.__name__)} {kind.__name__} the exchange returned",
                path_to_item=[name],
            )
        return str(found)
    if not isinstance(value, str):
        raise ApiTypeError(
            f"{name} must be {_article(kind.__name__)} {kind.__name__} or its id (str), got {type(value).__name__}",
            path_to_item=[name],
        )
    if not value.strip():
        raise ApiValueError(
            f"{name} must be {_article(kind.__name__)} {kind.__name__} or its id, got {value!r}", path_to_item=[name]
        )
    return value


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
