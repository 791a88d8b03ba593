""".plot() of the portfolio and market history responses, drawn from a paper trade on the fake exchange."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator, Literal, Optional, Tuple

import matplotlib
import numpy as np
import pytest

import kalshi
from kalshi._model.plot import time_ticks
from kalshi.api.market_api import MarketApi
from kalshi.api.portfolio_api import PortfolioApi
from kalshi.api.user_api import UserApi
from kalshi.models import GetMarketHistoryResponse, UserGetPortfolioHistoryResponse, UserOrderCreateRequest
from kalshi.testing import DEMO_EMAIL, DEMO_PASSWORD, FakeKalshiServer

matplotlib.use("Agg")  # no display; must come before pyplot is imported

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

TICKER = "FED-21DEC-HIKE"


@dataclass
class Histories:
    portfolio: UserGetPortfolioHistoryResponse
    market: GetMarketHistoryResponse


@pytest.fixture(scope="module")
def histories() -> Histories:
    """A maker quotes; the demo user buys twice, an hour apart; the market settles an hour later."""
    with FakeKalshiServer() as server:
        market_id = server.market_id(TICKER)
        server.add_user("maker@example.com", "maker-password", balance=500_000, history=[], notifications=[])
        with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as maker:
            maker.login("maker@example.com", "maker-password")
            quotes: Tuple[Tuple[Literal["yes", "no"], int], ...] = (("yes", 35), ("no", 38))
            for side, cents in quotes:
                request = UserOrderCreateRequest(market_id=market_id, side=side, price=cents, count=20)
                UserApi(maker).user_order_create(user_order_create_request=request)
        with kalshi.ApiClient(kalshi.Configuration(host=server.host)) as client:
            client.login(DEMO_EMAIL, DEMO_PASSWORD)
            for _ in range(2):
                server.advance_clock(3600)
                request = UserOrderCreateRequest(market_id=market_id, side="yes", price=65, count=5)
                UserApi(client).user_order_create(user_order_create_request=request)
            server.advance_clock(3600)
            server.settle(market_id, "yes")
            return Histories(
                PortfolioApi(client).user_get_portfolio_history(),
                MarketApi(client).get_market_history(market_id),
            )


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _lines(ax: Axes) -> dict[str, tuple[list[float], list[float]]]:
    return {
        str(line.get_label()): (
            [float(x) for x in np.asarray(line.get_xdata())],  # matplotlib date numbers: days since 1970 UTC
            [float(y) for y in np.asarray(line.get_ydata())],
        )
        for line in ax.get_lines()
    }


def _gaps(values: list[float]) -> list[Optional[float]]:
    return [None if math.isnan(v) else v for v in values]


def test_a_quote_line_breaks_where_the_book_had_no_bid_or_ask() -> None:
    points = [
        {"ts": 3600 * h, "price": 0, "yes_bid": bid, "yes_ask": ask, "volume": 0}
        for h, (bid, ask) in enumerate([(40, 45), (0, 45), (41, 100), (0, 100), (42, 46)])
    ]
    ax = GetMarketHistoryResponse.from_wire({"market_stats_points": points}).plot()
    lines = _lines(ax)
    assert _gaps(lines["yes bid"][1]) == [40, None, 41, None, 42]
    assert _gaps(lines["yes ask"][1]) == [45, 45, None, None, 46]
    ask = next(line for line in ax.get_lines() if line.get_label() == "yes ask")
    # The drawn path holds 45 up to the third point and then stops: no segment at 100 anywhere.
    drawn = [(round(x * 24), y) for (x, y) in np.asarray(ask.get_path().vertices) if not math.isnan(y)]
    assert 100 not in [y for _, y in drawn] and (2, 45) in drawn
    assert ax.get_ylim() == (0, 100)


def test_portfolio_plot_has_value_and_cash_in_dollars_at_each_measurement(histories: Histories) -> None:
    values = histories.portfolio.values or []
    assert len(values) == 4  # the deposit, two trades, the settlement

    ax = histories.portfolio.plot()

    assert isinstance(ax, Axes)
    lines = _lines(ax)
    assert list(lines) == ["portfolio value", "cash available"]
    times, dollars = lines["portfolio value"]
    assert times == [m.ts / 86400 for m in values]
    assert dollars == [m.v / 100 for m in values]
    assert lines["cash available"][1] == [m.a / 100 for m in values]
    assert ax.get_ylabel() == "US dollars"
    assert ax.get_xlabel() == "time (UTC)"
    assert ax.yaxis.get_major_formatter()(1234567.5, 0) == "$1,234,567.50"
    assert ax.yaxis.get_major_formatter()(-0.25, 0) == "-$0.25"
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["portfolio value", "cash available"]


def test_plot_draws_on_the_axes_it_is_given(histories: Histories) -> None:
    figure, (left, right) = plt.subplots(1, 2)

    assert histories.portfolio.plot(ax=left) is left
    assert histories.market.plot(ax=right) is right
    assert len(left.get_lines()) == 2
    assert len(right.get_lines()) == 3
    assert plt.get_fignums() == [figure.number]  # no other figure was made


def test_market_plot_has_prices_in_cents_and_volume_on_a_twin_axis(histories: Histories) -> None:
    points = histories.market.market_stats_points
    assert [p.price for p in points] == [0, 62, 62, 62]  # no trade yet at the listing, then 62

    ax = histories.market.plot()

    lines = _lines(ax)
    assert list(lines) == ["last price", "yes bid", "yes ask"]
    assert lines["last price"][1] == [62, 62, 62]  # the 0 before the first trade is no price
    assert lines["last price"][0] == [(p.ts or 0) / 86400 for p in points[1:]]
    # The listing (nothing in the book yet) and the settlement (the book emptied) have no bid and
    # no ask: a gap (NaN), not a line at 0 or at 100; in between the maker's 35 and 62.
    assert [p.yes_bid for p in points] == [0, 35, 35, 0] and [p.yes_ask for p in points] == [100, 62, 62, 100]
    assert _gaps(lines["yes bid"][1]) == [None, 35, 35, None]
    assert _gaps(lines["yes ask"][1]) == [None, 62, 62, None]
    assert lines["yes ask"][0] == [(p.ts or 0) / 86400 for p in points]
    assert ax.get_ylim() == (0, 100)
    assert ax.get_ylabel() == "price (cents)"
    (volume_ax,) = [other for other in ax.figure.axes if other is not ax]
    (volume,) = volume_ax.get_lines()
    assert [float(v) for v in np.asarray(volume.get_ydata())] == [0, 5, 10, 10]
    assert volume_ax.get_ylabel() == "volume (contracts)"
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "last price",
        "yes bid",
        "yes ask",
        "volume (contracts traded)",
    ]


def test_the_time_axis_ticks_whole_utc_hours_and_labels_them(histories: Histories) -> None:
    ax = histories.portfolio.plot()
    ax.figure.canvas.draw()  # ticks are placed when drawn
    ticks = [float(t) for t in ax.get_xticks()]
    low, high = ax.get_xlim()
    assert ticks and all(low <= t <= high for t in ticks)
    seconds = [round(t * 86400) for t in ticks]
    spacing = seconds[1] - seconds[0] if len(seconds) > 1 else 60
    assert all(s % spacing == 0 for s in seconds)  # whole minutes/hours in UTC, evenly spaced
    label = ax.xaxis.get_major_formatter()(ticks[0], 0)
    assert label == datetime.fromtimestamp(seconds[0], tz=timezone.utc).strftime("%H:%M")


def test_time_ticks_pick_a_spacing_for_the_span() -> None:
    day = 86400
    hour_ticks, hour_format = time_ticks(0.5, 0.5 + 4 * 3600 / day)  # four hours from noon
    assert [round(t * day) for t in hour_ticks] == [day // 2 + h * 3600 for h in range(5)]
    assert hour_format == "%H:%M"
    day_ticks, day_format = time_ticks(0.0, 5.0)
    assert [round(t) for t in day_ticks] == [0, 1, 2, 3, 4, 5]
    assert day_format == "%Y-%m-%d"
    assert len(time_ticks(0.0, 400.0)[0]) <= 14  # a year and more: monthly at most


def test_empty_histories_plot_no_points_and_say_so() -> None:
    for response, note in (
        (UserGetPortfolioHistoryResponse(values=None), "no portfolio history"),
        (UserGetPortfolioHistoryResponse(values=[]), "no portfolio history"),
        (GetMarketHistoryResponse(market_stats_points=[]), "no market history"),
    ):
        ax = response.plot()
        assert all(len(np.asarray(line.get_xdata())) == 0 for line in ax.get_lines())
        assert [t.get_text() for t in ax.texts] == [note]
        assert ax.get_legend() is None
        assert list(ax.get_xticks()) == []


def test_without_matplotlib_plot_raises_an_import_error_naming_the_extra(
    histories: Histories, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes an import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)

    for response in (histories.portfolio, histories.market):
        with pytest.raises(ImportError, match=r"plotting needs matplotlib.*pip install matplotlib") as info:
            response.plot()
        assert info.value.name == "matplotlib"
        assert "from a checkout of the SDK, pip install '.[plot]'" in str(info.value)


def test_importing_and_using_the_history_models_does_not_load_matplotlib() -> None:
    code = (
        "import sys, kalshi\n"
        "from kalshi.models import GetMarketHistoryResponse, UserGetPortfolioHistoryResponse\n"
        "r = UserGetPortfolioHistoryResponse.from_wire({'values': []})\n"
        "m = GetMarketHistoryResponse.from_wire({'market_stats_points': []})\n"
        "r._repr_html_(); m.to_records()\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'matplotlib'))\n"
    )
    out = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
