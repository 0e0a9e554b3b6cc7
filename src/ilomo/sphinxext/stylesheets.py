"""One stylesheet for the themes: fewer requests before a page can be drawn.

Every page links four stylesheets of the themes before ilomo's own: Sphinx's ``basic.css``, pydata-sphinx-theme,
sphinx-book-theme and myst-nb's. A browser draws nothing, and runs no script, until each render-blocking stylesheet
has come in, and on a phone each is a request of its own. After the build has left out their unused rules
(``ilomo.sphinxext.weight.purge_css``), ``bundle_theme_css`` writes the four, in the same order, to
``_static/styles/theme-bundle.css``, and ``link_bundle`` puts one link to it where the four were on every page, with
the bundle's checksum as ``?v=`` so a browser never keeps an old copy. The cascade stays the same: the four were
next to each other, and the print stylesheet and ilomo's own come after them as before. ``bench/bench_floor.py``:
the demo page's first choice 7-24 ms sooner (three runs; 136 → 120 ms in the one the README quotes).

The four files stay in ``_static`` (a page written by another tool may link them); relative addresses in the files
outside ``styles/`` (``basic.css``'s ``file.png``) are rewritten for the bundle's folder.

Why not a CSS bundler: the files are already parsed and purged by tinycss2 in the same build, and joining four of
them needs nothing more than moving ``@charset`` to the top and rebasing ``url()``; esbuild or lightningcss would
add a Node or Rust tool to every book build.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

BUNDLE = "styles/theme-bundle.css"
# The themes' render-blocking stylesheets in their cascade order, as paths in _static (myst-nb's carries a hash).
PARTS = ("basic.css", "styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "mystnb.*.css")
_PART_NAMES = r"basic\.css|styles/pydata-sphinx-theme\.css|styles/sphinx-book-theme\.css|mystnb\.[0-9a-f]+\.css"
_LINK = re.compile(rf'<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="(?P<prefix>[^"]*?)_static/'
                   rf'(?P<name>{_PART_NAMES}|{re.escape(BUNDLE)})(?:\?[^"]*)?"[^>]*>\n?')
_CHARSET = re.compile(r'@charset\s+"[^"]*"\s*;')
_URL = re.compile(r"""url\(\s*(['"]?)(?![a-z][a-z0-9+.-]*:|/|#)([^'")]+)\1\s*\)""", re.I)


def part_files(outdir: Path) -> list[Path]:
    """The four files in cascade order; empty when one is missing (another theme, a test site)."""
    static = outdir / "_static"
    found = [sorted(static.glob(pattern)) for pattern in PARTS]
    return [files[0] for files in found] if all(len(files) == 1 for files in found) else []


def rebase(css: str, depth: int) -> str:
    """Relative url()s of a file ``depth`` folders above ``styles/``, as seen from ``styles/``."""
    return _URL.sub(lambda m: f"url({m.group(1)}{'../' * depth}{m.group(2)}{m.group(1)})", css)


def bundle_theme_css(outdir: Path) -> str | None:
    """Write the bundle; returns the first 8 hex digits of its SHA-256, or None when the four are not all there."""
    files = part_files(outdir)
    if not files:
        return None
    styles = outdir / "_static" / "styles"
    parts = []
    for path in files:
        text = _CHARSET.sub("", path.read_text(encoding="utf-8")).strip()
        parts.append(text if path.parent == styles else rebase(text, 1))
    bundle = '@charset "UTF-8";\n' + "\n".join(parts) + "\n"
    (outdir / "_static" / BUNDLE).write_text(bundle, encoding="utf-8")
    return hashlib.sha256(bundle.encode("utf-8")).hexdigest()[:8]


def link_bundle(page_html: str, version: str) -> str:
    """The page with one link to the bundle where the first of the four (or an older bundle link) was, the rest
    left out. A page without them is returned as it is."""
    done = False

    def replace(match: re.Match[str]) -> str:
        nonlocal done
        if done:
            return ""
        done = True
        return f'<link rel="stylesheet" href="{match["prefix"]}_static/{BUNDLE}?v={version}" />\n'

    return _LINK.sub(replace, page_html)


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    version = bundle_theme_css(outdir)
    if version is None:
        return
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        linked = link_bundle(text, version)
        if linked != text:
            page.write_text(linked, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup. After ilomo.sphinxext.weight's purge (500), before the CSP pass (900)."""
    app.connect("build-finished", _finish, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
