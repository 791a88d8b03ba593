"""``python -m kalshi demo``: the offline tour of the SDK."""

from __future__ import annotations

import sys
from typing import Optional, Sequence

USAGE = "usage: python -m kalshi demo\n\n  demo   tour every call against the embedded fake exchange (offline)\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["demo"]:
        from kalshi._demo import run

        return run()
    if args in (["-h"], ["--help"]):
        sys.stdout.write(USAGE)
        return 0
    sys.stderr.write(USAGE)
    return 2


if __name__ == "__main__":
    sys.exit(main())
