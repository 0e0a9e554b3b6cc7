"""Page weight: what ilomo.sphinxext.weight leaves out stays out, extensions' files come only where a page uses them,
unused theme CSS is left out safely, and every icon still shows.

The size budgets themselves (a module page ≤ 500 KB, ilomo's own JS + CSS ≤ 30 KB) are `make bench`'s, measured in
the browser: size targets live in bench/, not in the tests.
"""

from __future__ import annotations

from pathlib import Path

from ilomo.sphinxext.weight import ICON_FONT, purge_rules

# Every glyph drawn with the icon font (content of ::before/::after), as code points.
GLYPHS = """() => { const out = new Set();
  for (const el of document.querySelectorAll('*')) for (const pseudo of ['::before', '::after']) {
    const s = getComputedStyle(el, pseudo);
    if (!/Font Awesome/.test(s.fontFamily) || !/^".+"$/.test(s.content)) continue;
    for (const ch of JSON.parse(s.content)) out.add(ch.codePointAt(0));
  } return [...out]; }"""


def pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts and p.name != "index.html")


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


def test_extension_scripts_load_only_where_used(built_html: Path) -> None:
    intro = (built_html / "book" / "intro.html").read_text(encoding="utf-8")
    for unused in ("clipboard.min.js", "copybutton.js", "design-tabs.js", "sphinx-design.min.css"):
        assert unused not in intro
    authors = (built_html / "book" / "auteurs.html").read_text(encoding="utf-8")  # has code blocks
    assert "clipboard.min.js" in authors and "copybutton.js" in authors


def test_purge_keeps_what_may_match_and_drops_the_rest() -> None:
    import tinycss2

    css = """.used{color:red} .gone{color:blue} .used .gone, #main{margin:0} a:not(.absent){x:1}
    @media (min-width:10px){.gone{a:1} .used{b:2}} @media print{.gone{c:3}} @font-face{font-family:x}
    :root{--v:1} .x\\:y{d:4} div{e:5}"""
    rules = purge_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), {"used", "main"})
    out = "".join(tinycss2.serialize([r]) for r in rules)
    for kept in (".used{color:red}", "#main{margin:0}", "a:not(.absent)", ".used{b:2}", "@font-face", ":root",
                 "div{e:5}", ".x\\:y"):
        assert kept in out, kept
    assert ".gone" not in out and "@media print" not in out and ".used .gone" not in out


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
