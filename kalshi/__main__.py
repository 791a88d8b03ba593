"""``python -m kalshi``: the ``kalshi`` command line (``python -m kalshi demo`` is the offline tour)."""

from __future__ import annotations

import sys
from typing import Optional, Sequence


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line (see ``kalshi.cli``) and return its exit code."""
    from kalshi.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
