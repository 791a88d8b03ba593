"""docs/quickstart.ipynb runs top to bottom in a real Jupyter kernel and shows tables and plots.

The kernel is ipykernel's "python3", which jupyter_client starts with this interpreter. A cell put
before the notebook's own records every socket connection the kernel makes (an audit hook), and
one put after reports them: the notebook must reach nothing but the simulated exchange on 127.0.0.1.
Another cell put after redraws the moving market's plot and reports its lines, to check the gaps.
"""

from __future__ import annotations

import base64
import json
import struct
import sys
import warnings
from pathlib import Path
from typing import Any

import nbformat
import pytest

from kalshi.testing import DEMO_USER_ID

with warnings.catch_warnings():
    # jupyter_core 5.8 (the last for Python 3.9) warns at import about its coming switch to
    # platformdirs; nothing here depends on which directories it picks.
    warnings.simplefilter("ignore", DeprecationWarning)
    from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "quickstart.ipynb"

GUARD = """
import sys as _sys
_connections = []

def _record(event, args):
    if event == "socket.connect":
        _connections.append(args[1])
    elif event == "socket.getaddrinfo":
        _connections.append((args[0], args[1]))

_sys.addaudithook(_record)
"""

REPORT = """
import json as _json, sys as _sys
print(_json.dumps({"executable": _sys.executable, "connections": [list(c) for c in _connections]}))
"""

PLOT_REPORT = """
import json as _json, math as _math
_ax = moving_history.plot()
_drawn = {str(l.get_label()): [None if _math.isnan(y) else float(y) for y in l.get_ydata()] for l in _ax.get_lines()}
_points = moving_history.market_stats_points
print(_json.dumps({"drawn": _drawn, "bid": [p.yes_bid for p in _points], "ask": [p.yes_ask for p in _points],
                   "price": [p.price for p in _points]}))
"""


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(GUARD))
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    nb.cells.append(nbformat.v4.new_code_cell(PLOT_REPORT))
    workdir = tmp_path_factory.mktemp("notebook")
    client = NotebookClient(
        nb, timeout=120, startup_timeout=60, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    client.execute()  # raises CellExecutionError on the first cell that fails
    return nb


def _cell(nb: Any, snippet: str) -> Any:
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and snippet in c.source]
    return cell


def _html(cell: Any) -> str:
    (html,) = [o.data["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})]
    assert "<table" in html
    return str(html)


def _png_size(cell: Any) -> tuple[int, int]:
    (png,) = [o.data["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
    raw = base64.b64decode(png)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    return width, height


def test_the_committed_notebook_is_clean_and_valid() -> None:
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert nb.metadata.kernelspec.name == "python3"


def test_the_kernel_is_this_interpreter_and_reaches_only_the_loopback(executed: Any) -> None:
    (stream,) = _cell(executed, "for c in _connections]").outputs
    report = json.loads(stream.text)
    assert Path(report["executable"]).resolve() == Path(sys.executable).resolve()
    hosts = {c[0] for c in report["connections"]}
    assert hosts == {"127.0.0.1"}  # the notebook made requests, all of them to the simulated exchange


def test_the_client_logs_in_and_markets_and_book_display_as_tables(executed: Any) -> None:
    (user_id,) = _cell(executed, "Kalshi(DEMO_EMAIL").outputs
    assert user_id.data["text/plain"] == repr(DEMO_USER_ID)
    markets = _html(_cell(executed, "markets = client.markets.list()"))
    assert "FED-21DEC-HIKE" in markets and "yes_ask" in markets
    assert ">35¢<" in markets and ">62¢<" in markets and "$0.35" not in markets  # the maker's bid and ask
    book = _html(_cell(executed, "client.markets.book(TICKER)"))
    assert "OrderBook" in book and "price 38¢, count 20" in book and "price 35¢, count 20" in book


def test_the_dataframe_keeps_cents_and_states_their_units(executed: Any) -> None:
    (stream,) = _cell(executed, "frame = markets.to_dataframe()").outputs
    assert stream.text.splitlines() == [
        "{'yes_bid': 'cents per contract', 'yes_ask': 'cents per contract', 'dollar_volume': 'dollars'}",
        "1 of 9 markets have a bid; the narrowest spread is 27¢",
    ]


def test_the_order_fills(executed: Any) -> None:
    (stream,) = _cell(executed, "client.orders.create(TICKER").outputs
    assert stream.text.splitlines() == ["executed: 5 yes filled for $3.10, fee $0.09"] * 2


def test_positions_fills_and_history_display_as_tables(executed: Any) -> None:
    positions = _html(_cell(executed, "client.positions.list()"))
    assert "Position list (1 row)" in positions and "FED-21DEC-HIKE" in positions  # with its ticker
    assert ">$6.20<" in positions and ">$0.18<" in positions  # position cost and fees, in dollars
    fills = _html(_cell(executed, "client.fills.list(TICKER)"))
    assert "UserTradeList (2 rows)" in fills and fills.count(">62¢<") == 2
    history = _html(_cell(executed, "client.account.history("))
    assert "UserGetAccountHistoryResponse (5 rows)" in history and "Settlement" in history
    # Each summary leads with what happened: side, count, price, amount; zero counters are left out.
    assert "side</span> yes · <span style=\"color:#777\">price</span> 62¢ · " in history
    assert "amount</span> $3.10" in history and "fee</span> $0.09" in history
    assert "original_count</span> 5 · " in history and "remaining_count</span> 0" not in history


def test_the_moving_market_moves_and_its_plot_has_no_line_where_there_was_no_bid_or_ask(executed: Any) -> None:
    (stream,) = [o for o in _cell(executed, "_ax = moving_history.plot()").outputs if o.output_type == "stream"]
    report = json.loads(stream.text)
    prices = [p for p in report["price"] if p]
    assert len(prices) > 100 and max(prices) - min(prices) >= 5  # simulated traders moved it
    drawn = report["drawn"]
    assert drawn["yes bid"] == [None if bid == 0 else bid for bid in report["bid"]]
    assert drawn["yes ask"] == [None if ask == 100 else ask for ask in report["ask"]]
    assert report["ask"][0] == 100 and drawn["yes ask"][0] is None  # listed before the maker quoted
    assert 100 not in drawn["yes ask"] and 0 not in drawn["yes bid"]


def test_the_plot_cells_show_an_image(executed: Any) -> None:
    for snippet in ("portfolio.plot()", "moving_history.plot();"):
        cell = _cell(executed, snippet)
        width, height = _png_size(cell)
        assert width > 300 and height > 150
        assert not [o for o in cell.outputs if o.output_type == "execute_result"]  # the ; hides the Axes repr
