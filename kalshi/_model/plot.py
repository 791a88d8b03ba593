"""``.plot()`` for the two history responses: portfolio value and market statistics over time.

matplotlib is an optional extra (``[plot]``) and heavy to import, so it is imported only when a
plot is drawn, never by ``import kalshi``. The mixins are duck-typed on the responses' fields
(protocols below), so this module sits below the generated models and imports none of them.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Protocol, Sequence

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["MarketHistoryPlot", "PortfolioHistoryPlot", "plot_market_history", "plot_portfolio_history"]

_MATPLOTLIB_HINT = (
    "plotting needs matplotlib, an optional extra of this SDK: pip install matplotlib"
    " (or, from a checkout of the SDK, pip install '.[plot]')"
)


class _Measurement(Protocol):
    @property
    def ts(self) -> int: ...
    @property
    def v(self) -> int: ...
    @property
    def a(self) -> int: ...


class _StatsPoint(Protocol):
    @property
    def ts(self) -> Optional[int]: ...
    @property
    def price(self) -> Optional[int]: ...
    @property
    def yes_bid(self) -> Optional[int]: ...
    @property
    def yes_ask(self) -> Optional[int]: ...
    @property
    def volume(self) -> Optional[int]: ...


class _PortfolioHistory(Protocol):
    @property
    def values(self) -> Optional[Sequence[_Measurement]]: ...


class _MarketHistory(Protocol):
    @property
    def market_stats_points(self) -> Sequence[_StatsPoint]: ...


def _axes(ax: Optional[Axes]) -> Axes:
    """``ax`` itself, or the axes of a new pyplot figure (which Jupyter's inline backend then shows)."""
    if ax is not None:
        return ax  # whoever made it has matplotlib
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise ImportError(_MATPLOTLIB_HINT, name="matplotlib") from err
    return plt.figure(figsize=(8, 4), constrained_layout=True).add_subplot()


def _days(ts: int) -> float:
    """A Unix time as matplotlib's date number: days since 1970-01-01 UTC (its default epoch).

    The times are given as plain numbers, not datetimes: matplotlib's own date conversion goes
    through NumPy's generic timedelta unit, which NumPy 2.5 deprecates (a warning on every plot).
    """
    return ts / _DAY


_DAY = 86400
# Tick spacings in seconds, from a minute to a month: the first that gives at most 7 ticks is used.
_SPACINGS = (60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, _DAY, 2 * _DAY, 7 * _DAY, 30 * _DAY)


def time_ticks(low: float, high: float) -> tuple[list[float], str]:
    """Tick positions (date numbers) on whole UTC minutes/hours/days between ``low`` and ``high``,
    and the strftime format that shows them."""
    start, end = low * _DAY, high * _DAY
    spacing = next((s for s in _SPACINGS if (end - start) / s <= 7), _SPACINGS[-1])
    first = -(-start // spacing) * spacing  # the first multiple of the spacing at or after the start
    ticks = []
    tick = first
    while tick <= end:
        ticks.append(tick / _DAY)
        tick += spacing
    return ticks, "%H:%M" if spacing < _DAY else "%Y-%m-%d"


def _series(
    points: Iterable[_StatsPoint], attr: str, keep: Optional[Callable[[int], bool]] = None
) -> tuple[list[float], list[int]]:
    """(times, values) of the points whose ``ts`` and ``attr`` are set (and ``keep(value)`` is true)."""
    times: list[float] = []
    values: list[int] = []
    for point in points:
        value: Optional[int] = getattr(point, attr)
        if point.ts is None or value is None or (keep is not None and not keep(value)):
            continue
        times.append(_days(point.ts))
        values.append(value)
    return times, values


def _quote(points: Iterable[_StatsPoint], attr: str, none: int) -> tuple[list[float], list[float]]:
    """(times, values) of a bid or ask, NaN where the book had none (``none``): the line breaks there."""
    times, values = _series(points, attr)
    return times, [math.nan if value == none else float(value) for value in values]


def _time_axis(ax: Axes, empty: bool, note: str) -> None:
    """Dates on the x axis, in UTC; an empty history says so in the middle of the plot instead."""
    ax.set_xlabel("time (UTC)")
    if empty:
        # Nothing to read off: the default limits would show January 1970 and $0.00.
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, note, transform=ax.transAxes, ha="center", va="center", color="gray")
        return
    from matplotlib.ticker import Formatter, Locator

    class UtcTimeLocator(Locator):
        def __call__(self) -> Sequence[float]:
            low, high = self.axis.get_view_interval() if self.axis is not None else (0.0, 0.0)
            return self.tick_values(low, high)

        def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
            return time_ticks(vmin, vmax)[0]

    class UtcTimeFormatter(Formatter):
        def __call__(self, x: float, pos: Optional[int] = None) -> str:
            low, high = self.axis.get_view_interval() if self.axis is not None else (x, x)
            return datetime.fromtimestamp(x * _DAY, tz=timezone.utc).strftime(time_ticks(low, high)[1])

    ax.xaxis.set_major_locator(UtcTimeLocator())
    ax.xaxis.set_major_formatter(UtcTimeFormatter())


def _dollars(amount: float, _pos: object = None) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def plot_portfolio_history(values: Sequence[_Measurement], ax: Optional[Axes] = None) -> Axes:
    """Draw portfolio value and available cash, in dollars, as steps over time; return the axes."""
    ax = _axes(ax)
    from matplotlib.ticker import FuncFormatter

    points = sorted(values, key=lambda m: m.ts)
    times = [_days(m.ts) for m in points]
    # A measurement holds until the next one: post-steps show the value between changes.
    ax.step(times, [m.v / 100 for m in points], where="post", marker="o", label="portfolio value")
    ax.step(times, [m.a / 100 for m in points], where="post", linestyle="--", label="cash available")
    ax.yaxis.set_major_formatter(FuncFormatter(_dollars))
    ax.set_ylabel("US dollars")
    ax.set_title("Portfolio value")
    _time_axis(ax, not points, "no portfolio history")
    if points:
        ax.legend(loc="best")
    return ax


def plot_market_history(points: Sequence[_StatsPoint], ax: Optional[Axes] = None) -> Axes:
    """Draw last price and yes bid/ask (cents) and, on a right-hand axis, volume; return the price axes.

    Where the book had no bid (a yes bid of 0) or no ask (a yes ask of 100), that line has a gap.
    """
    ax = _axes(ax)
    ordered = sorted(points, key=lambda p: p.ts if p.ts is not None else 0)
    # A price of 0 means no trade yet, not a trade at 0 (prices are 1 to 99 cents).
    # A marker per trade while they can be told apart; a busy market is a plain line.
    marker = "o" if len(ordered) <= 60 else None
    ax.plot(*_series(ordered, "price", lambda cents: cents > 0), marker=marker, label="last price")
    # A yes bid of 0 means no bid and a yes ask of 100 no ask (no no-bid to sell against): no line.
    ax.step(*_quote(ordered, "yes_bid", 0), where="post", linestyle="--", label="yes bid")
    ax.step(*_quote(ordered, "yes_ask", 100), where="post", linestyle="--", label="yes ask")
    ax.set_ylim(0, 100)
    ax.set_ylabel("price (cents)")
    ax.set_title("Market history")
    volume_ax = ax.twinx()
    volume_ax.step(
        *_series(ordered, "volume"), where="post", color="gray", alpha=0.6, label="volume (contracts traded)"
    )
    volume_ax.set_ylabel("volume (contracts)")
    volume_ax.set_ylim(bottom=0)
    # The twin is drawn over its host by default: keep the prices and the legend on top instead.
    ax.set_zorder(volume_ax.get_zorder() + 1)
    ax.patch.set_visible(False)
    _time_axis(ax, not ordered, "no market history")
    if ordered:
        handles, labels = ax.get_legend_handles_labels()
        more_handles, more_labels = volume_ax.get_legend_handles_labels()
        ax.legend(handles + more_handles, labels + more_labels, loc="upper left")
    return ax


class PortfolioHistoryPlot:
    """Gives ``UserGetPortfolioHistoryResponse`` its ``plot()``."""

    __slots__ = ()

    def plot(self: _PortfolioHistory, ax: Optional[Axes] = None) -> Axes:
        """Plot portfolio value and available cash over time (in dollars); needs the ``[plot]`` extra.

        Draws on ``ax`` if given, else on a new figure; returns the matplotlib ``Axes``.
        """
        return plot_portfolio_history(self.values or (), ax)


class MarketHistoryPlot:
    """Gives ``GetMarketHistoryResponse`` its ``plot()``."""

    __slots__ = ()

    def plot(self: _MarketHistory, ax: Optional[Axes] = None) -> Axes:
        """Plot last price, yes bid/ask (cents, a gap where there was none) and volume over time;
        needs the ``[plot]`` extra.

        Draws on ``ax`` if given, else on a new figure; returns the matplotlib ``Axes`` of the prices
        (volume is on its twin, ``ax.figure.axes``).
        """
        return plot_market_history(self.market_stats_points, ax)
