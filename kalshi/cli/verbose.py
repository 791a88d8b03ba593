"""``-v``: the SDK's debug log (and the CLI's own) on stderr, for the length of one command."""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from typing import Iterator

from kalshi.cli.redaction import RedactingFormatter, Redactor

__all__ = ["debug_logging"]

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@contextmanager
def debug_logging(enabled: bool, redactor: Redactor) -> Iterator[None]:
    """While active, log the ``kalshi`` logger at DEBUG to stderr, through ``redactor``.

    The logger's level and handlers are restored afterwards, so that ``kalshi.cli.main()`` can
    be called in-process (tests, other tools) without leaving logging changed.
    """
    if not enabled:
        yield
        return
    logger = logging.getLogger("kalshi")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(redactor, _FORMAT))
    previous_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
        handler.close()
