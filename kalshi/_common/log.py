"""The SDK's ``kalshi`` logger, made on first use so that ``import kalshi`` does not import logging.

The library convention (a ``NullHandler`` on the library's logger, nothing on the root) holds from
the moment the SDK first touches its logger: ``logger()`` attaches the handler then.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from logging import Logger

__all__ = ["DEBUG", "debug_enabled", "logger"]

DEBUG = 10  # logging.DEBUG, without importing logging to name it

_logger: Optional[Logger] = None


def logger() -> Logger:
    """The ``kalshi`` logger, with the library's ``NullHandler`` attached (once)."""
    global _logger
    if _logger is None:
        import logging  # first use only

        log = logging.getLogger("kalshi")
        if not any(type(h) is logging.NullHandler for h in log.handlers):
            log.addHandler(logging.NullHandler())
        _logger = log
    return _logger


def debug_enabled() -> bool:
    """Whether the ``kalshi`` logger takes DEBUG records; False, at no cost, while nothing imported logging."""
    if _logger is None and "logging" not in sys.modules:
        return False  # nobody can have configured a level without importing logging
    return logger().isEnabledFor(DEBUG)
