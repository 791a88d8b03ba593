"""The ```python blocks of README.md and docs/*.md, for the tests that run them and type-check them.

A block's page is its file name under docs/, or ``../README.md`` for the project README. The text
between the previous block and this one is kept for ``<!-- expect-output: ... -->`` markers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_EXPECT = re.compile(r"<!--\s*expect-output:\s*(.*?)\s*-->")


class Block(NamedTuple):
    page: str
    number: int  # 1-based position among the page's python blocks
    line: int  # line of the opening fence
    code: str
    expected: tuple[str, ...]

    @property
    def test_id(self) -> str:
        return f"{self.page}:block{self.number}:line{self.line}"


def fences(text: str) -> Iterator[tuple[str, int, str, str]]:
    """Yield (language, fence line number, body, text between the previous block and this one)."""
    lines = text.splitlines()
    between: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("```"):
            language = stripped[3:].strip().lower()
            start = i + 1
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            if i == len(lines):
                raise AssertionError(f"unclosed ``` fence opened on line {start}")
            yield language, start, "\n".join(body) + "\n", "\n".join(between)
            between = []
        else:
            between.append(lines[i])
        i += 1


def collect_blocks() -> list[Block]:
    """Every python block of docs/*.md, then of the project README."""
    blocks: list[Block] = []
    for path in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]:
        index = 0
        for language, line, body, before in fences(path.read_text(encoding="utf-8")):
            if language != "python":
                continue
            index += 1
            name = path.name if path.parent == DOCS else f"../{path.name}"
            blocks.append(Block(name, index, line, body, tuple(_EXPECT.findall(before))))
    return blocks
