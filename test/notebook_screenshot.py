"""Screenshot of docs/quickstart.ipynb as Jupyter shows it: executed, rendered to HTML, photographed.

Usage, from anywhere (needs the test requirements: nbclient, ipykernel, nbconvert, matplotlib)::

    python test/notebook_screenshot.py                 # writes docs/images/notebook.png
    python test/notebook_screenshot.py --out shot.png

The notebook runs in a Jupyter kernel of this interpreter against the SDK's simulated exchange on
127.0.0.1; nbconvert renders the result, without its scripts (the page needs none, and they would
be fetched from the internet); headless Chromium takes the picture with every host name made
unresolvable, so nothing leaves the machine. Without Chromium it says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "quickstart.ipynb"
DEFAULT_OUT = ROOT / "docs" / "images" / "notebook.png"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
WINDOW = "1280,4600"
CELL_TIMEOUT_S = 120
CHROMIUM_TIMEOUT_S = 180


def find_chromium() -> Optional[str]:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def executed_html(notebook: Path, workdir: Path) -> str:
    """The notebook run top to bottom in a fresh kernel, as static HTML."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    # kernel "python3" is ipykernel's spec, whose "python" jupyter_client runs as sys.executable.
    resources = {"metadata": {"path": str(workdir)}}
    NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3", resources=resources).execute()
    body, _ = HTMLExporter().from_notebook_node(nb)
    return re.sub(r"<script\b[^>]*>.*?</script>", "", body, flags=re.DOTALL | re.IGNORECASE)


def screenshot(chromium: str, page: Path, out: Path, profile: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # a file:// page needs no host; nothing else may load
        f"--user-data-dir={profile}",
        f"--screenshot={out}",
        f"--window-size={WINDOW}",
        page.as_uri(),
    ]
    result = subprocess.run(  # noqa: S603 - the browser found on PATH, fixed flags
        command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_S, check=False
    )
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"chromium failed ({result.returncode}):\n{result.stderr[-2000:]}")


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the PNG to write (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("notebook_screenshot: no chromium on PATH, no screenshot taken")
        return 0
    with tempfile.TemporaryDirectory(prefix="kalshi-notebook-") as tmp:
        work = Path(tmp)
        page = work / "quickstart.html"
        page.write_text(executed_html(NOTEBOOK, work), encoding="utf-8")
        (work / "profile").mkdir()
        screenshot(chromium, page, args.out.resolve(), work / "profile")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
