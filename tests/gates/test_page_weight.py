"""Page weight: what ilomo.sphinxext.weight leaves out stays out, module pages fit 1 MB, and every icon still shows.

`make bench` measures the weight in the browser; this gate adds up the files a page references, which is fast.
"""

from __future__ import annotations

import re
from pathlib import Path

from ilomo.sphinxext.weight import ICON_FONT

BUDGET = 1_000_000  # bytes, uncompressed, for a module page with everything it loads
_TAG = re.compile(r"<(?:script|link)\b[^>]*>")
_ADDRESS = re.compile(r'\b(?:src|href)="([^"#?]+)')
# Every glyph drawn with the icon font (content of ::before/::after), as code points.
GLYPHS = """() => { const out = new Set();
  for (const el of document.querySelectorAll('*')) for (const pseudo of ['::before', '::after']) {
    const s = getComputedStyle(el, pseudo);
    if (!/Font Awesome/.test(s.fontFamily) || !/^".+"$/.test(s.content)) continue;
    for (const ch of JSON.parse(s.content)) out.add(ch.codePointAt(0));
  } return [...out]; }"""


def pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts and p.name != "index.html")


def page_weight(html: Path, page: Path) -> int:
    """The page plus the scripts and stylesheets it references, plus the icon font."""
    text = page.read_text(encoding="utf-8")
    refs = [_ADDRESS.search(tag) for tag in _TAG.findall(text) if tag.startswith("<script") or "stylesheet" in tag]
    files = {(page.parent / ref.group(1)).resolve() for ref in refs if ref and "://" not in ref.group(1)}
    return len(text.encode("utf-8")) + sum(f.stat().st_size for f in files if f.is_file()) + \
        (html / ICON_FONT).stat().st_size


def test_no_page_loads_what_the_site_does_not_use(built_html: Path) -> None:
    problems = []
    for page in pages(built_html):
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_html).as_posix()
        problems += [f"{rel}: loads fontawesome.js"] * ("fontawesome.js" in text)
        problems += [f"{rel}: carries the notebook's widget state"] * ("widget-state+json" in text)
        if rel != "search.html" and "searchindex.js" in text:
            problems.append(f"{rel}: loads the search index")
    assert not problems, "\n".join(problems)


def test_module_pages_fit_the_budget(built_html: Path) -> None:
    weights = {p.name: page_weight(built_html, p) for p in sorted((built_html / "notebooks").glob("*.html"))}
    assert weights
    over = {name: weight for name, weight in weights.items() if weight > BUDGET}
    assert not over, f"over {BUDGET:,} bytes: {over}"


def test_every_icon_shown_is_in_the_icon_subset(built_html: Path, site_url: str, browser) -> None:
    from fontTools.ttLib import TTFont

    in_font = set(TTFont(built_html / ICON_FONT).getBestCmap())
    missing: dict[str, list[str]] = {}
    context = browser.new_context()
    page = context.new_page()
    for html in pages(built_html):
        rel = html.relative_to(built_html).as_posix()
        page.goto(f"{site_url}/{rel}", wait_until="domcontentloaded")
        absent = [f"U+{cp:04X}" for cp in page.evaluate(GLYPHS) if cp not in in_font]
        if absent:
            missing[rel] = absent
    context.close()
    assert not missing, f"icons missing from {ICON_FONT}: {missing}"
