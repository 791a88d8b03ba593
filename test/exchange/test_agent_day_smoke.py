"""The agent-driven day benchmark (agent_day.py) runs end to end on a short span (no timing asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def test_agent_day_benchmark_runs_and_prints_its_numbers() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run(  # noqa: S603 - this interpreter, our script
        [sys.executable, str(HERE / "agent_day.py"), "--seconds", "900", "--step", "1"],
        capture_output=True, encoding="utf-8", env=env, cwd=REPO, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert "900 simulated s in 900 advances of 1 s, 1 market maker + 1 noise trader" in out
    assert re.search(r"stepped: +\d+\.\d\d s  \(goal for a day <= 10 s: (pass|fail)\)", out), out
    assert re.search(r"no agents: +\d+\.\d\d s", out) and re.search(r"one advance: +\d+\.\d\d s", out), out
    traded = re.search(r"contracts traded by the noise trader: ([\d,]+); agent orders: ([\d,]+)", out)
    assert traded and int(traded[1].replace(",", "")) > 0 and int(traded[2].replace(",", "")) > 2, out
