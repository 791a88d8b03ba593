"""``python test/codegen [--check]``: see ``program.py``."""

import sys
from pathlib import Path

# Run as a directory, the package is not importable yet: its parent (test/) and the repository
# root (for ``kalshi``) go first on the path, as they are under pytest.
_HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(_HERE.parent), str(_HERE.parents[1])]

from codegen.program import main  # noqa: E402 - after the path is set

sys.exit(main(sys.argv[1:]))
