"""Every ```python block in docs/*.md runs, against the embedded fake exchange.

The examples are written against the production host, as users copy them. Before a block runs,
that host is swapped for the fake server's, and the placeholder credentials the examples use are
registered with the server:

* ``'YOUR_API_KEY'`` as the Authorization value of the user ``"user_id_example"``;
* ``you@example.com`` / ``your-password`` as a user who can log in, with $10,000 to trade.

Each block runs with ``exec`` in a fresh namespace, stdout captured. A block passes when it
raises nothing, prints no "Exception when calling" (the examples catch ``ApiException`` and
print that), and prints every ``<!-- expect-output: ... -->`` text written just above it.
Blocks that must not run use another fence language (```bash, ```text).

Nothing reaches the internet: name resolution of any host other than the fake's is refused.
A second set of tests checks that the pages exist and that every link between them resolves.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import socket
from pathlib import Path
from typing import Any, Iterator

import pytest
from docs_blocks import DOCS, Block, collect_blocks

from kalshi.testing import FakeKalshiServer

PRODUCTION_HOST = "https://trading-api.kalshi.com/v1"
API_KEY = "YOUR_API_KEY"
KEY_USER_ID = "user_id_example"
LOGIN_EMAIL = "you@example.com"
LOGIN_PASSWORD = "your-password"

API_PAGES = (
    "AccountApi.md",
    "AuthApi.md",
    "DefaultApi.md",
    "ExchangeApi.md",
    "MarketApi.md",
    "PortfolioApi.md",
    "RangedMarketApi.md",
    "RangedMarketsApi.md",
    "UserApi.md",
)
# A page for every schema of the spec (and JSONError, an error response), and the guides.
_SPEC = json.loads((Path(__file__).parent / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
MODEL_PAGES = tuple(f"{name}.md" for name in sorted({*_SPEC["components"]["schemas"], "JSONError"}))
GUIDE_PAGES = (
    "ApiClient.md", "Configuration.md", "Kalshi.md", "cli.md", "exceptions.md", "notebooks.md", "testing.md",
)  # fmt: skip
ALL_PAGES = ("README.md", *API_PAGES, *MODEL_PAGES, *GUIDE_PAGES)

# Text that, after the host swap, would mean an example can still reach a real exchange.
_REAL_HOST_MARKERS = ("kalshi.com", "kalshi.co/", "DEMO_HOST", "_host_index", "server_index")


# --------------------------------------------------------------------------- collecting blocks


BLOCKS = collect_blocks()


# --------------------------------------------------------------------------- the fake exchange


class _InternetRefused(RuntimeError):
    """Raised instead of resolving a non-local host (not an OSError, so nothing retries it)."""


def _local_only(real_getaddrinfo: Any) -> Any:
    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in ("127.0.0.1", "localhost", "::1"):
            raise _InternetRefused(f"a docs example tried to reach {name!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    return getaddrinfo


@pytest.fixture(scope="module")
def docs_server() -> Iterator[FakeKalshiServer]:
    with FakeKalshiServer() as fake:
        fake.authorize(API_KEY, KEY_USER_ID)
        # A balance to trade with, for the examples of docs/Kalshi.md.
        fake.add_user(LOGIN_EMAIL, LOGIN_PASSWORD, balance=1_000_000)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(socket, "getaddrinfo", _local_only(socket.getaddrinfo))
            yield fake


def run_block(block: Block, server: FakeKalshiServer) -> str:
    code = block.code.replace(PRODUCTION_HOST, server.host)
    for marker in _REAL_HOST_MARKERS:
        assert marker not in code, f"{block.test_id} would run against a real exchange ({marker!r})"
    out, err = io.StringIO(), io.StringIO()
    namespace: dict[str, Any] = {"__name__": "__docs_example__"}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            exec(compile(code, block.test_id, "exec"), namespace)  # noqa: S102 - our own docs
    except Exception as exc:
        printed = out.getvalue() + err.getvalue()
        raise AssertionError(f"{block.test_id} raised {exc!r}; it printed:\n{printed}") from exc
    return out.getvalue() + err.getvalue()


# --------------------------------------------------------------------------- the tests


def test_blocks_were_found() -> None:
    pages_with_code = {b.page for b in BLOCKS}
    # docs/cli.md shows shell commands; test/cli/test_cli_docs.py runs them.
    missing = [page for page in ALL_PAGES if page not in pages_with_code and page != "cli.md"]
    assert not missing, f"pages without a python example: {missing}"


@pytest.mark.parametrize("block", BLOCKS, ids=[b.test_id for b in BLOCKS])
def test_example_runs(block: Block, docs_server: FakeKalshiServer) -> None:
    errors_before = len(docs_server.errors)
    output = run_block(block, docs_server)

    assert "Exception when calling" not in output, output
    assert "Traceback" not in output, output
    if re.search(r"\bp?print\(", block.code):
        assert output.strip(), f"{block.test_id} prints nothing"
    for text in block.expected:
        assert text in output, f"{block.test_id}: {text!r} not in output:\n{output}"
    assert docs_server.errors[errors_before:] == []


def test_every_page_exists() -> None:
    missing = [page for page in ALL_PAGES if not (DOCS / page).is_file()]
    assert not missing


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*\*?|__", "", heading.strip()).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(text: str) -> set[str]:
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    in_code = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        match = None if in_code else re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if match:
            slug = _slug(match.group(1))
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(text: str) -> Iterator[str]:
    in_code = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code:
            yield from re.findall(r"\]\(([^)\s]+)\)", line)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_links_resolve(page: str) -> None:
    """Every relative link (other pages, ../README.md) and its #anchor exists."""
    text = (DOCS / page).read_text(encoding="utf-8")
    broken = []
    for target in _links(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file_part, _, anchor = target.partition("#")
        target_path = (DOCS / file_part).resolve() if file_part else DOCS / page
        if not target_path.is_file():
            broken.append(target)
        elif anchor and anchor not in _anchors(target_path.read_text(encoding="utf-8")):
            broken.append(target)
    assert not broken, f"broken links in {page}: {broken}"
