"""Page weight: leave out what the site never uses, so a module page stays within its 1 MB budget (`make bench`).

- The theme's ``fontawesome.js`` (1.4 MB) only swaps ``<i class="fa-…">`` icons for inline SVG. The theme's own
  stylesheet draws the same icons with its Font Awesome web font, so the template
  ``templates/static/webpack-macros.html`` leaves the script out.
- That web font is 156 KB for the 20 or so icons the site shows. After the build, ``write_icon_font`` writes a subset
  of the theme's ``fa-solid-900.ttf`` with just those glyphs (the icon classes on the built pages plus the theme's
  CSS icons, e.g. of admonitions) to ``_static/ilomo-icons.woff``; ``ilomo-icons.css`` declares it after the theme's
  face, so browsers use it instead. ``tests/gates/test_page_weight.py`` checks that every icon shown is in the
  subset.
- The widget state of executed notebooks: myst-nb writes the whole ipywidgets state into every notebook page as a
  ``<script type="application/vnd.jupyter.widget-state+json">`` block (about 300 KB on a module page). Without the
  widget manager (``nb_ipywidgets_js: {}`` in ``_config.yml``) nothing reads it: the book shows the static players.
- The search index and search scripts are loaded only by the search page (``templates/layout.html``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
THEME_CSS = Path("_static", "styles", "pydata-sphinx-theme.css")
THEME_FONT = Path("_static", "vendor", "fontawesome", "webfonts", "fa-solid-900.ttf")
ICON_FONT = Path("_static", "ilomo-icons.woff")
_CLASS_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\(f[0-9a-f]{3,4})"\}')
_THEME_ICON = re.compile(r'--pst-icon-[a-z-]+:"(.)"')
_PAGE_CLASS = re.compile(r'class="([^"]*\bfa-[^"]*)"')


def drop_widget_state(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Runs after myst-nb added the page's scripts (priority 500)."""
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [js for js in scripts if getattr(js, "attributes", {}).get("type") != WIDGET_STATE]


def icon_codepoints(outdir: Path) -> set[int]:
    """The solid glyphs the built site can show: icon classes on its pages, and the theme's CSS icons."""
    css = (outdir / THEME_CSS).read_text(encoding="utf-8")
    by_class = {}
    for rule in _CLASS_RULE.finditer(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", rule.group(1)):
            by_class[name] = int(rule.group(2), 16)
    used = {ord(char) for char in _THEME_ICON.findall(css)}
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        for classes in _PAGE_CLASS.findall(page.read_text(encoding="utf-8")):
            used |= {by_class[name] for name in classes.split() if name in by_class}
    return used


def write_icon_font(outdir: Path, memo: Path | None = None) -> int:
    """Subset the theme's solid icon font to the glyphs in use; returns the number of glyphs.

    `memo` (a file outside the site) remembers the glyphs of the last subset: when they did not change and the font
    is there, nothing is written, which keeps a cached rebuild short."""
    from fontTools import subset

    codepoints = icon_codepoints(outdir)
    key = json.dumps({"glyphs": sorted(codepoints), "font": (outdir / THEME_FONT).stat().st_size})
    if memo is not None and (outdir / ICON_FONT).is_file() and memo.is_file() and memo.read_text() == key:
        return len(codepoints)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.name_IDs = ["*"]  # keep the font's names and its licence notice (SIL OFL 1.1)
    options.notdef_outline = True
    font = subset.load_font(str(outdir / THEME_FONT), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    subset.save_font(font, str(outdir / ICON_FONT), options)
    if memo is not None:
        memo.write_text(key)
    return len(codepoints)


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not (outdir / THEME_CSS).is_file():
        return  # another theme (a test project, say): nothing to subset
    if not (outdir / THEME_FONT).is_file():
        logger.warning("the theme's icon font is missing: icons may not show", type="ilomo")
        return
    write_icon_font(outdir, Path(app.doctreedir) / "ilomo-icons.json")


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("html-page-context", drop_widget_state, priority=800)
    app.connect("build-finished", _finish)
    app.add_css_file("ilomo-icons.css", priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
