"""The benchmark runs end to end at tiny sizes and prints every row (no timing assertions here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parent / "benchmark.py"
ROWS = (
    "history (50 entries",
    "notifications (page of 5)",
    "get_notification_preferences (tiny)",
    "import kalshi + kalshi.api.account_api",
    "peak memory, history",
)


def test_benchmark_completes_and_prints_every_row() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--quick"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["case", "bare", "ms", "sdk", "ms", "ratio", "target", "ok"]
    for row in ROWS:
        matching = [line for line in lines if line.startswith(row)]
        assert len(matching) == 1, (row, done.stdout)
        assert matching[0].rstrip().endswith(("yes", "NO"))
    assert lines[-1] in ("all targets met", "some targets missed")
    assert done.stderr == ""
