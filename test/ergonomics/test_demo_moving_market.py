"""``python -m kalshi demo`` ends with a market that moves: simulated traders, read hour by hour."""

from __future__ import annotations

import re

from kalshi.cli.demo import HOURS, MOVING, run


def _tour() -> list[str]:
    lines: list[str] = []
    assert run(lines.append) == 0
    return "\n".join(lines).splitlines()


def test_the_demo_shows_a_market_that_moves_hour_by_hour() -> None:
    out = _tour()
    start = next(i for i, line in enumerate(out) if line.startswith(f"9. A market that moves: {MOVING}"))
    hourly = [line for line in out[start:] if re.match(r"   2021-11-03 \d\d:30 ", line)]
    assert [line.split()[1] for line in hourly] == [f"{10 + h}:30" for h in range(HOURS)]
    rows = [re.findall(r"(\d+(?:\.\d)?)¢", line) for line in hourly]
    assert all(len(row) == 4 for row in rows)  # fair, last, bid, ask
    lasts = [int(row[1]) for row in rows]
    assert len(set(lasts)) > 1  # the price moved
    for fair, _last, bid, ask in rows:
        assert int(ask) - int(bid) == 4  # the maker's spread, around the fair price
        assert int(bid) <= float(fair) + 2.5 and int(ask) >= float(fair) - 2.5
    volumes = [int(line.split()[-1].replace(",", "")) for line in hourly]
    assert volumes == sorted(volumes) and volumes[0] > 0  # the noise trader kept trading
    (summary,) = [line for line in out[start:] if " trades in " in line]
    assert re.fullmatch(rf"   \d+ trades in {HOURS} hours, from \d+¢ to \d+¢\.", summary)


def test_the_moving_market_is_the_same_every_run() -> None:
    def without_port(lines: list[str]) -> list[str]:
        return [line for line in lines if "127.0.0.1:" not in line]

    assert without_port(_tour()) == without_port(_tour())
