"""Page weight: leave out what the site never uses, so a module page stays within its 1 MB budget (`make bench`).

- The theme's ``fontawesome.js`` (1.4 MB) only swaps ``<i class="fa-…">`` icons for inline SVG. The theme's own
  stylesheet draws the same icons with its Font Awesome web font, so the template
  ``templates/static/webpack-macros.html`` leaves the script out.
- That web font is 156 KB for the 20 or so icons the site shows. After the build, ``write_icon_font`` writes a subset
  of the theme's ``fa-solid-900.ttf`` with just those glyphs (the icon classes on the built pages plus the theme's
  CSS icons, e.g. of admonitions) to ``_static/ilomo-icons.woff``; ``ilomo-site.css`` declares it after the theme's
  face, so browsers use it instead. ``tests/gates/test_page_weight.py`` checks that every icon shown is in the
  subset.
- The widget state of executed notebooks: myst-nb writes the whole ipywidgets state into every notebook page as a
  ``<script type="application/vnd.jupyter.widget-state+json">`` block (about 300 KB on a module page). Without the
  widget manager (``nb_ipywidgets_js: {}`` in ``_config.yml``) nothing reads it: the book shows the static players.
- The search index and search scripts are loaded only by the search page (``templates/layout.html``).
- Extensions' scripts and styles only where a page uses them (``only_where_used``): the copy button (clipboard.js)
  and Sphinx's code colours (pygments.css) on pages with code blocks, sphinx-togglebutton on pages with toggles or
  dropdowns (whole class names: the theme's own "dropdown-menu" is not one), sphinx-design's CSS and tab
  script on pages with its components. ilomo's player comes only where it is used too (``ilomo.sphinxext.oefening``:
  the shared part and the script of each kind the page shows).
- The themes' CSS without the rules no page can match (``purge_css``, after the build): the same method as
  PurgeCSS (keep a rule when every class and id in one of its selectors occurs as a word in the built pages or the
  site's scripts), done with tinycss2, which the build already has: PurgeCSS would add Node.js to the build, and the
  project keeps Node for test tools only. ``tests/gates/test_page_weight.py`` tests the rules it keeps and drops.
- ilomo's own scripts and stylesheets minified in the built site: scripts by esbuild ahead of time
  (``ilomo.sphinxext.minified``, ``make assets``), stylesheets by rcssmin. The sources stay readable, and ilomo's JS
  + CSS on a page stays within its 30 KB budget.
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


# A whole class name in a class attribute: not a part of a longer one ("dropdown" is not in "dropdown-menu").
def _class(names: str) -> re.Pattern[str]:
    return re.compile(rf'class="(?:[^"]*\s)?({names})(?=[\s"])')


# Per extension: a test on the page's body (the article) and the script or stylesheet names it needs.
USES = {
    "copybutton": (re.compile(r'<(pre|div class="highlight)'), ("clipboard.min.js", "copybutton.js", "copybutton.css")),
    # Sphinx's code colours: only pages with highlighted code use them (one request less on the others)
    "pygments": (re.compile(r'<(pre|div class="highlight)'), ("pygments.css",)),
    # sphinx-togglebutton's selector (".toggle, .admonition.dropdown") and the cells it hides by tag
    "togglebutton": (_class(r"toggle|dropdown|tag_hide-[a-z-]+|tag_toggle"),
                     ("togglebutton.js", "togglebutton.css", "toggleHint", "toggleOpenOnPrint",
                      "togglebuttonSelector")),
    "sphinx-design": (re.compile(r'class="[^"]*\bsd-'), ("sphinx-design.min.css", "design-tabs.js")),
}


def _asset_names(asset: Any) -> str:
    """What identifies a script or stylesheet entry: its file name, or the body of an inline script."""
    name = getattr(asset, "filename", None) or (asset if isinstance(asset, str) else "")
    body = getattr(asset, "attributes", {}).get("body", "") if hasattr(asset, "attributes") else ""
    return f"{name} {body}"


def only_where_used(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Leave out the scripts and stylesheets of extensions the page does not use."""
    body = str(context.get("body") or "")
    unused = [names for pattern, names in USES.values() if not pattern.search(body)]
    if not unused:
        return
    drop = {name for names in unused for name in names}
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if isinstance(assets, list):
            assets[:] = [a for a in assets if not any(name in _asset_names(a) for name in drop)]


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


# The stylesheets purged after the build (the themes' and extensions'; ilomo's own are small and all used).
PURGED = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "sphinx-design.min.css", "mystnb.*.css",
          "basic.css")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
_NEGATED = re.compile(r":(not|is|where)\((?:[^()]|\([^()]*\))*\)")  # may match without the classes named in it
_NAMES = re.compile(r"[.#](-?[A-Za-z_][A-Za-z0-9_-]*)")


def used_words(outdir: Path) -> set[str]:
    """Every word in the built pages and the site's scripts: class names and ids set in HTML or by JS."""
    words: set[str] = set()
    for path in outdir.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            words |= set(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def selector_may_match(selector: str, words: set[str]) -> bool:
    if "\\" in selector:
        return True  # escaped names: keep rather than guess
    names = _NAMES.findall(_NEGATED.sub("", selector))
    return all(name in words for name in names)


def purge_rules(rules: list[Any], words: set[str]) -> list[Any]:
    import tinycss2

    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            alive = [s for s in selectors if selector_may_match(s, words)]
            if not alive:
                continue
            if len(alive) < len(selectors) and "(" not in tinycss2.serialize(rule.prelude):
                rule.prelude = tinycss2.parse_component_value_list(",".join(alive))
            kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer") and rule.content:
            inner = purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                words)
            if inner:
                rule.content = tinycss2.parse_component_value_list("".join(tinycss2.serialize([r]) for r in inner))
                kept.append(rule)
        elif rule.type != "comment":
            kept.append(rule)
    return kept


def purge_css(outdir: Path) -> dict[str, tuple[int, int]]:
    """Remove the rules no page can match from the purged stylesheets; returns name -> (bytes before, after)."""
    import tinycss2

    words = used_words(outdir)
    sizes = {}
    for pattern in PURGED:
        for css in sorted((outdir / "_static").glob(pattern)):
            text = css.read_text(encoding="utf-8")
            rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
            purged = "\n".join(tinycss2.serialize([rule]) for rule in purge_rules(rules, words))
            css.write_text(purged, encoding="utf-8")
            sizes[css.name] = (len(text.encode()), len(purged.encode()))
    return sizes


def minify_own_assets(outdir: Path) -> int:
    """Minify ``_static/ilomo*.js`` and ``_static/ilomo*.css``; returns the bytes saved.

    Scripts get their esbuild copy from ``ilomo.sphinxext.minified`` when it was made from the same source; a
    script changed since ``make assets`` gets a warning and rjsmin. Stylesheets get rcssmin."""
    import rcssmin
    import rjsmin

    from ilomo.sphinxext.minified import minified, minified_copy

    saved = 0
    for path in sorted((outdir / "_static").glob("ilomo*")):
        if path.suffix not in (".js", ".css"):
            continue
        data = path.read_bytes()
        small = minified(path.name, data) if path.suffix == ".js" else None
        if small is None and path.suffix == ".js":
            if data == minified_copy(path.name):
                continue  # replaced by an earlier build (Sphinx kept the file in _static)
            logger.warning("%s changed since its minified copy was made: run `make assets`", path.name,
                           type="ilomo", subtype="assets")
        if small is None:
            text = data.decode("utf-8")
            small = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}[path.suffix](text).encode("utf-8")
        if len(small) < len(data):
            path.write_bytes(small)
            saved += len(data) - len(small)
    return saved


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    minify_own_assets(outdir)
    if not (outdir / THEME_CSS).is_file():
        return  # another theme (a test project, say): nothing to subset
    if not (outdir / THEME_FONT).is_file():
        logger.warning("the theme's icon font is missing: icons may not show", type="ilomo")
        return
    write_icon_font(outdir, Path(app.doctreedir) / "ilomo-icons.json")  # before purging: it reads the theme's CSS
    sizes = purge_css(outdir)
    before, after = sum(b for b, _ in sizes.values()), sum(a for _, a in sizes.values())
    logger.info("ilomo: theme CSS purged of unused rules: %d KB -> %d KB", before // 1024, after // 1024)


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("html-page-context", drop_widget_state, priority=800)
    app.connect("html-page-context", only_where_used, priority=800)
    app.connect("build-finished", _finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
