"""Benchmark: an agent-driven market advanced one simulated day in 1-second steps.

Run from the project root: ``python test/exchange/agent_day.py [--seconds 86400] [--step 1]``.
One market whose fair price is a random walk, one market maker and one noise trader (the
defaults of docs/testing.md); the clock moves through ``server.advance_clock`` as a test or
``--speed`` would move it. Also timed: the same steps with no agents (the clock's own cost)
and the whole span as one advance (the agents' own cost). The goal on the 2-core development
machine is a day in at most 10 s. It prints the numbers and exits 0: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from typing import Dict

from kalshi.testing import FakeKalshiServer

GOAL_SECONDS = 10.0


def run(seconds: float, step: float, agents: bool) -> Dict[str, float]:
    """Advance a fresh exchange by ``seconds`` in steps of ``step``; return the time taken and what happened."""
    with FakeKalshiServer(seed=1) as server:
        market_id = server.add_market(ticker="MOVING", title="A market that moves", fair_price={"start": 50})
        traders = []
        if agents:
            traders = [server.add_agent(market_id, "market_maker"), server.add_agent(market_id, "noise_trader")]
        steps = int(seconds // step)
        start = time.perf_counter()
        for _ in range(steps):
            server.advance_clock(step)
        server.advance_clock(seconds - steps * step)
        elapsed = time.perf_counter() - start
        assert server.errors == []
        return {
            "elapsed": elapsed,
            "contracts": server.positions_of(traders[1]).get(market_id, {}).get("volume", 0) if agents else 0,
            "orders": sum(len(server.orders_of(t)) for t in traders),
            "fees": server.fees_collected,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=86_400.0, help="simulated seconds (default: a day)")
    parser.add_argument("--step", type=float, default=1.0, help="seconds per advance_clock call (default 1)")
    options = parser.parse_args()
    steps = int(options.seconds // options.step)
    day = run(options.seconds, options.step, agents=True)
    bare = run(options.seconds, options.step, agents=False)
    whole = run(options.seconds, options.seconds, agents=True)
    verdict = "pass" if day["elapsed"] * 86_400 / options.seconds <= GOAL_SECONDS else "fail"
    print(f"agent-driven market: {options.seconds:,.0f} simulated s in {steps:,} advances of {options.step:g} s,"
          " 1 market maker + 1 noise trader")
    print(f"  stepped:            {day['elapsed']:.2f} s  (goal for a day <= {GOAL_SECONDS:g} s: {verdict})")
    print(f"  no agents:          {bare['elapsed']:.2f} s  (the clock's own cost)")
    print(f"  one advance:        {whole['elapsed']:.2f} s  (the agents' own cost)")
    print(f"  contracts traded by the noise trader: {day['contracts']:,.0f}; agent orders: {day['orders']:,.0f};"
          f" fees: {day['fees']:,.0f} cents")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"machine: Python {platform.python_version()}, {os.cpu_count()} cores; load average {load}")


if __name__ == "__main__":
    main()
