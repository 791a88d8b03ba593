"""The progress line of commands that fetch page after page: on a terminal only, wiped at the end.

The end-to-end tests run ``python -m kalshi`` with stderr on a pseudo-terminal (``pty``), or the
command in-process with stderr captured, against a fake exchange that holds several pages of
notifications, fills and orders.
"""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import tempfile
from typing import Callable, Dict, Iterator, List, NamedTuple, Sequence, Tuple, TypeVar

import pytest

from kalshi._call.paging import iter_pages
from kalshi.cli.progress import Progress, collect
from kalshi.exceptions import ApiException
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

from .cli_support import MAKER_EMAIL, MAKER_PASSWORD, REPO, TIMEOUT, cli_env, fill_many, run_kalshi

FILLS = 250  # three pages of 100
T = TypeVar("T")


class Case(NamedTuple):
    args: Tuple[str, ...]
    page_size: int
    as_maker: bool = False


CASES = {
    "notifications": Case(("notifications", "--all"), 50),
    "notifications-small-pages": Case(("notifications", "--all", "--page-size", "40", "--page", "2"), 40),
    "fills": Case(("fills",), 100),
    "orders": Case(("orders",), 100, as_maker=True),
}


@pytest.fixture(scope="module")
def busy() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as server:
        fill_many(server, FILLS)
        yield server
        assert server.errors == []


def _env(server: FakeKalshiServer, case: Case) -> Dict[str, str]:
    if case.as_maker:
        return cli_env(server, KALSHI_EMAIL=MAKER_EMAIL, KALSHI_PASSWORD=MAKER_PASSWORD)
    return cli_env(server)


def _expected_lines(total: int, page_size: int) -> List[str]:
    """``page N, M entries`` after each page; the last page is short (maybe empty)."""
    pages = total // page_size + 1
    return [f"page {n}, {min(n * page_size, total)} entries" for n in range(1, pages + 1)]


def _total(server: FakeKalshiServer, name: str) -> int:
    if name.startswith("notifications"):
        return len(server.notifications_of(DEMO_USER_ID))
    return FILLS  # the demo user's fills, or the maker's orders


def _run_on_terminal(args: Sequence[str], env: Dict[str, str]) -> Tuple[int, str, str]:
    """``python -m kalshi ARGS`` with stderr on a pseudo-terminal: exit code, stdout, stderr."""
    controller, terminal = pty.openpty()
    chunks: List[bytes] = []
    with tempfile.TemporaryFile() as stdout:  # a file: a full pipe could block the child
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module, fixed arguments
            [sys.executable, "-m", "kalshi", *args],
            env=env,
            cwd=str(REPO),
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=terminal,
        )
        os.close(terminal)
        try:
            while True:
                ready, _, _ = select.select([controller], [], [], TIMEOUT)
                assert ready, "no output and no exit within the timeout"
                try:
                    data = os.read(controller, 4096)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            code = process.wait(timeout=TIMEOUT)
        finally:
            process.kill()
            os.close(controller)
        stdout.seek(0)
        return code, stdout.read().decode("utf-8"), b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("name", CASES)
def test_progress_on_a_terminal(busy: FakeKalshiServer, name: str) -> None:
    case = CASES[name]
    start = int(case.args[case.args.index("--page") + 1]) if "--page" in case.args else 1
    total = _total(busy, name) - (start - 1) * case.page_size

    code, out, err = _run_on_terminal(case.args, _env(busy, case))

    assert code == 0, err
    assert len(json.loads(out)) == total
    lines = _expected_lines(total, case.page_size)
    assert len(lines) >= 3  # several pages, or the test shows little
    # Each count overwrites the one before; the last is wiped before the result is printed.
    assert err == "".join(f"\r{line}" for line in lines) + "\r" + " " * len(lines[-1]) + "\r"


@pytest.mark.parametrize("name", CASES)
def test_no_progress_when_stderr_is_not_a_terminal(busy: FakeKalshiServer, name: str) -> None:
    case = CASES[name]

    result = run_kalshi(case.args, _env(busy, case))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)


def test_verbose_replaces_the_progress_line_with_the_request_log(busy: FakeKalshiServer) -> None:
    code, out, err = _run_on_terminal(["fills", "-v"], cli_env(busy))

    assert code == 0
    assert len(json.loads(out)) == FILLS
    assert "page " not in err
    assert err.count("/trades?") == 3  # one logged request per page


def test_single_page_commands_show_no_progress(busy: FakeKalshiServer) -> None:
    code, _, err = _run_on_terminal(["notifications"], cli_env(busy))

    assert (code, err) == (0, "")


# --------------------------------------------------------------------------- in-process


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_pages_and_entries_and_wipes_its_line() -> None:
    stream = _Terminal()
    progress = Progress(stream)

    progress.page(1)
    progress.page(2)
    progress.clear()
    progress.clear()  # nothing left to wipe

    assert stream.getvalue() == "\rpage 1, 1 entry\rpage 2, 3 entries\r" + " " * 17 + "\r"


@pytest.mark.parametrize("stream", [io.StringIO(), None], ids=["not-a-terminal", "no-stream"])
def test_progress_is_silent_off_a_terminal(stream: "io.StringIO | None") -> None:
    progress = Progress(stream)
    progress.page(5)
    progress.clear()

    assert stream is None or stream.getvalue() == ""


def test_progress_can_be_turned_off_on_a_terminal() -> None:
    stream = _Terminal()
    progress = Progress(stream, enabled=False)
    progress.page(5)
    progress.clear()

    assert stream.getvalue() == ""


def _pages(pages: "dict[int, List[T]]", asked: "List[int] | None" = None) -> Callable[[int], List[T]]:
    def fetch(page: int) -> List[T]:
        if asked is not None:
            asked.append(page)
        if page not in pages:
            raise ApiException(status=503, reason="Service Unavailable")
        return pages[page]

    return fetch


def test_collect_wipes_the_line_when_a_page_fails() -> None:
    stream = _Terminal()
    fetch = _pages({1: ["a", "b"], 2: ["c", "d"]})

    with pytest.raises(ApiException):
        collect(iter_pages(fetch, page_size=2, what="test"), Progress(stream), page_size=2)

    assert stream.getvalue().endswith("\rpage 2, 4 entries\r" + " " * len("page 2, 4 entries") + "\r")


def test_collect_stops_at_a_short_page_from_the_start_page() -> None:
    stream = _Terminal()
    asked: List[int] = []
    fetch = _pages({3: [3, 3], 4: [4, 4], 5: [5]}, asked)

    items = collect(iter_pages(fetch, page_size=2, start_page=3, what="test"), Progress(stream), page_size=2)

    assert items == [3, 3, 4, 4, 5]
    assert asked == [3, 4, 5]
    assert stream.getvalue().startswith("\rpage 1, 2 entries\rpage 2, 4 entries\rpage 3, 5 entries\r")


@pytest.mark.parametrize(
    ("limit", "pages_asked", "shown"),
    [
        (3, [1, 2], "page 1, 2 entries\rpage 2, 3 entries"),
        (4, [1, 2], "page 1, 2 entries\rpage 2, 4 entries"),  # no page past the limit is fetched
        (9, [1, 2, 3], "page 1, 2 entries\rpage 2, 4 entries\rpage 3, 5 entries"),
    ],
)
def test_collect_stops_at_the_limit_without_reading_on(limit: int, pages_asked: List[int], shown: str) -> None:
    stream = _Terminal()
    asked: List[int] = []
    fetch = _pages({1: [1, 1], 2: [2, 2], 3: [3]}, asked)

    items = collect(iter_pages(fetch, page_size=2, what="test"), Progress(stream), page_size=2, limit=limit)

    assert items == [1, 1, 2, 2, 3][:limit]
    assert asked == pages_asked
    assert stream.getvalue().startswith("\r" + shown + "\r" + " ")
