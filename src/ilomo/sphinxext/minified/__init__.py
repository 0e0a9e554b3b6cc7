"""The site's own scripts, minified by esbuild ahead of time: the copies in this folder ship, the sources stay readable.

Why ahead of time: esbuild (a Node tool) shortens local names, which whitespace minifiers for Python (rjsmin) do
not; that keeps ilomo's own JS and CSS on a module page within its 30 KB budget (`make bench`). A book build must
not need Node (authors install ilomo from a wheel), so ``make assets`` runs esbuild and the results are committed
here, with the SHA-256 of each source in ``sources.json`` (not in the copies: every byte counts on a page).
``ilomo.sphinxext.weight.minify_own_assets`` uses a copy only when that hash matches the source it replaces;
otherwise the build warns (``-W`` makes that an error) and falls back to rjsmin. ``tests/sphinxext/test_minified.py``
checks that every copy is current and is esbuild's output.

Run: ``make assets`` (or ``python -m ilomo.sphinxext.minified node_modules/.bin/esbuild``).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

FOLDER = files(__name__)
TARGET = "es2019"  # what the player's sources are written in (see the headers of ilomo.js)
MANIFEST = "sources.json"  # name -> SHA-256 of the source its copy was made from


def sources() -> dict[str, Traversable]:
    """Every own script of the site: its name in ``_static`` -> its readable source."""
    from ilomo.kinds import KINDS
    from ilomo.static import ASSETS

    out: dict[str, Traversable] = {p.name: p for p in sorted(Path(ASSETS).glob("ilomo*.js"))}
    out.update({k.script: k.script_source() for k in KINDS.values()})
    return out


def digest(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()


def minified(name: str, source: bytes) -> bytes | None:
    """The committed minified copy of ``name`` when it was made from exactly ``source``; None otherwise."""
    copy, manifest = FOLDER / name, FOLDER / MANIFEST
    if not (copy.is_file() and manifest.is_file()):
        return None
    made_from = json.loads(manifest.read_text(encoding="utf-8")).get(name)
    return copy.read_bytes() if made_from == digest(source) else None


def minified_copy(name: str) -> bytes | None:
    """The committed copy of ``name`` whatever it was made from (a rebuild finds it already in ``_static``)."""
    copy = FOLDER / name
    return copy.read_bytes() if copy.is_file() else None


def esbuild(tool: Path, name: str, source: bytes) -> bytes:
    """esbuild's minified output for one source."""
    proc = subprocess.run([str(tool), "--minify", f"--target={TARGET}", "--loader=js", "--charset=utf8",
                           "--legal-comments=none"], input=source, capture_output=True, check=False, timeout=60)
    if proc.returncode != 0:
        raise SystemExit(f"esbuild could not minify {name}:\n{proc.stderr.decode(errors='replace')}")
    return proc.stdout


def build(tool: Path, folder: Path) -> list[str]:
    """Write every script's minified copy into ``folder`` (this package's folder in a checkout); returns the names."""
    made = {}
    for name, source in sources().items():
        data = source.read_bytes()
        (folder / name).write_bytes(esbuild(tool, name, data))
        made[name] = digest(data)
    for stale in sorted(folder.glob("*.js")):
        if stale.name not in made:
            stale.unlink()
    (folder / MANIFEST).write_text(json.dumps(made, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return list(made)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    tool = Path(args[0] if args else "node_modules/.bin/esbuild")
    if not tool.is_file():
        print(f"esbuild not found at {tool}: run `npm ci` first (make install does)", file=sys.stderr)
        return 1
    folder = Path(str(FOLDER))
    for name in build(tool, folder):
        print(f"{folder / name}: {(folder / name).stat().st_size:,} bytes")
    return 0
