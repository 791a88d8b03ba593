"""The generator's stages together, and its command line.

    python test/codegen                                  # rewrite every generated file that differs
    python test/codegen --check                          # exit 1, naming each, if a file differs
    python test/codegen --section UserApi user_get_balance   # print one API method's docs section

Exit status 2, with the place named on stderr, when the spec has a shape no stage handles.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, List, Optional

from . import generate_api_docs, generate_apis, generate_models
from .spec import ROOT, UnsupportedShape, spec_doc

Files = Dict[str, str]  # path relative to the repository root -> content


def render_all() -> Files:
    """Every generated file, from the checked-in spec and the current READMEs.

    docs/README.md has a section from two stages: the model list's output is the input of the API list's.
    """
    doc = spec_doc()
    readme, docs_readme = generate_api_docs.current_readmes()
    files = generate_models.generate(doc, docs_readme)
    files.update(generate_apis.render(doc))
    files.update(generate_api_docs.generate(readme, files["docs/README.md"]))
    return files


def stale(files: Files, root: Path = ROOT) -> List[str]:
    """The paths whose file under ``root`` is missing or differs, sorted."""
    return [p for p, text in sorted(files.items()) if not _same(root / p, text)]


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text


def main(argv: List[str], root: Optional[Path] = None) -> int:
    root = ROOT if root is None else root
    try:
        if argv[:1] == ["--section"] and len(argv) == 3:
            generate_api_docs.print_section(argv[1], argv[2])
            return 0
        if argv not in ([], ["--check"]):
            print(__doc__, file=sys.stderr)
            return 2
        files = render_all()
    except UnsupportedShape as err:
        print(f"test/codegen: the spec has a shape the generator does not handle: {err}", file=sys.stderr)
        return 2
    differing = stale(files, root)
    if argv == ["--check"]:
        for path in differing:
            print(f"out of date: {path}")
        return 1 if differing else 0
    for path in differing:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(files[path], encoding="utf-8")
        print(f"wrote {path}")
    return 0
