"""``ExchangeStatus``: what ``GET /exchange/status`` answers, read from its response headers."""

from __future__ import annotations

from typing import ClassVar, Mapping

from kalshi.exceptions import ApiResponseTypeError

__all__ = ["ExchangeStatus"]

_BOOLS = {"true": True, "false": False}


class ExchangeStatus:
    """Whether the exchange is open (``exchange_active``) and whether trading is on (``trading_active``).

    The API sends no body for this operation: its state is in the ``exchange_active`` and
    ``trading_active`` response headers.
    """

    __slots__ = ("exchange_active", "trading_active")

    def __init__(self, *, exchange_active: bool, trading_active: bool) -> None:
        self.exchange_active: bool = exchange_active
        self.trading_active: bool = trading_active

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> ExchangeStatus:
        """Read both flags; a missing or non-boolean header raises ``ApiResponseTypeError``."""
        values = {}
        for name in cls.__slots__:
            text = headers.get(name)
            value = _BOOLS.get(text.strip().lower()) if isinstance(text, str) else None
            if value is None:
                shown = "missing" if text is None else f"{text[:20]!r}"
                raise ApiResponseTypeError(
                    f"ExchangeStatus: header '{name}' is {shown}, expected true or false", [name]
                )
            values[name] = value
        return cls(**values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExchangeStatus):
            return NotImplemented
        return (self.exchange_active, self.trading_active) == (other.exchange_active, other.trading_active)

    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # mutable: not hashable

    def __repr__(self) -> str:
        return f"ExchangeStatus(exchange_active={self.exchange_active}, trading_active={self.trading_active})"
