"""How pages load their scripts and styles (ilomo.sphinxext.loading, weight.py, ilomo-site.css), and that the site still
works with it: no script blocks the parser, the player's script runs first, fewer requests, the exercises' long
text versions drawn only near the screen. Speed itself is measured by `make bench`, never asserted here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.builders.html._assets import _JavaScript

from ilomo.sphinxext.loading import ON_DEMAND, split_scripts
from ilomo.sphinxext.stylesheets import BUNDLE
from tests.site.test_build import toc_files

MODULE = "notebooks/07-contact-maken-en-houden.html"
DEMO = "notebooks/00-demo-dilemma.html"
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
_HEAD_SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)


def pages(html: Path) -> list[Path]:
    return [html / f"{Path(f).with_suffix('')}.html" for f in toc_files()] + [html / "search.html"]


def head_of(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[: text.index("</head>")]


def script_sources(html: str) -> list[str]:
    return [re.search(r'src="([^"?]+)', attrs).group(1).rsplit("/", 1)[-1]
            for attrs in _HEAD_SCRIPT.findall(html) if "src=" in attrs]


# --- the page-context step, without a build ------------------------------------------------------------------


def test_scripts_are_deferred_after_the_non_blocking_ones_in_their_order() -> None:
    scripts = [
        _JavaScript("documentation_options.js", priority=200),
        _JavaScript("doctools.js", priority=200),
        _JavaScript("ilomo-site.js", priority=300),
        _JavaScript("ilomo.js", priority=500, defer="defer"),
        _JavaScript("togglebutton.js", priority=500),
        _JavaScript(None, priority=500, body="let toggleHintShow = 'Klik om te tonen';"),
        _JavaScript(None, priority=500, body="DOCUMENTATION_OPTIONS.pagename = 'x';"),
        _JavaScript("module.js", priority=600, type="module"),
    ]
    head, end = split_scripts(scripts)
    # Sphinx sorts by priority after the handlers (a stable sort): the order the page gets
    ordered = sorted(head, key=lambda js: js.priority)
    assert [js.filename for js in ordered] == ["ilomo.js", "module.js", "doctools.js", "ilomo-site.js",
                                               "togglebutton.js"]
    assert all(js.attributes.get("defer") or js.attributes.get("type") == "module" for js in head)
    assert [js.filename or js.attributes["body"][:8] for js in end] == ["documentation_options.js", "let togg",
                                                                         "DOCUMENT"]
    assert "defer" not in end[0].attributes  # the inline settings after it need DOCUMENTATION_OPTIONS


# --- the built pages -------------------------------------------------------------------------------------------


def test_no_script_in_the_head_blocks_the_parser(built_html: Path) -> None:
    for page in pages(built_html):
        for attrs in _HEAD_SCRIPT.findall(head_of(page)):
            if "src=" in attrs:
                assert re.search(r"\b(defer|async)\b|type=\"module\"", attrs), f"{page.name}: <script{attrs}>"
        # the inline scripts left in the head come before the first stylesheet (so they wait for none)
        head = head_of(page)
        first_css = head.index('rel="stylesheet"')
        assert all(m.start() < first_css for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", head)), page.name


def test_settings_come_at_the_end_of_the_body_after_documentation_options(built_html: Path) -> None:
    for page in pages(built_html):
        text = page.read_text(encoding="utf-8")
        body = text[text.index("</head>"):]
        options = body.index("documentation_options.js")
        assert body.index("DOCUMENTATION_OPTIONS.pagename") > options, page.name
        assert "defer" not in body[body.rindex("<script", 0, options):options], page.name


def test_the_player_is_the_first_script_to_run(built_html: Path) -> None:
    for rel in (MODULE, DEMO):
        assert script_sources(head_of(built_html / rel))[0] == "ilomo.js"


def test_highlighting_scripts_only_on_the_search_page(built_html: Path) -> None:
    assert set(ON_DEMAND) <= set(script_sources(head_of(built_html / "search.html")))
    for page in pages(built_html):
        if page.name != "search.html":
            assert not set(ON_DEMAND) & set(script_sources(page.read_text(encoding="utf-8"))), page.name


def test_the_themes_four_stylesheets_come_as_one(built_html: Path) -> None:
    """theme.css is only an @import of basic.css, so the template links basic.css itself; after the build the four
    theme stylesheets, basic.css first, are one bundle (ilomo.sphinxext.stylesheets) linked once from every page."""
    theme = (built_html / "_static" / "styles" / "theme.css").read_text(encoding="utf-8")
    assert re.sub(r"/\*.*?\*/", "", theme, flags=re.S).split() == ['@import', '"../basic.css";']
    for page in pages(built_html):
        head = head_of(page)
        for part in ("styles/theme.css", "_static/basic.css", "pydata-sphinx-theme.css", "sphinx-book-theme.css",
                     "_static/mystnb."):
            assert part not in head, f"{page.name} links {part}"
        assert head.count(f"_static/{BUNDLE}?v=") == 1, page.name
    bundle = (built_html / "_static" / BUNDLE).read_text(encoding="utf-8")
    assert bundle.startswith('@charset "UTF-8";\ndiv.section::after') and bundle.count("@charset") == 1


# Every element's computed style, as one list: the same page must look the same with the bundle and with the four.
COMPUTED = """() => [document.body, ...document.body.querySelectorAll('*')].map((el) => {
  const s = getComputedStyle(el);
  return [...s].map((p) => s.getPropertyValue(p)).join('|');
})"""
THEMES_ORDER = ("basic.css", "styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "mystnb.*.css")
# No transition running and the fonts in: the styles are final.
SETTLED = "() => document.fonts.status === 'loaded' && document.getAnimations().length === 0"
UNBUNDLE = """(parts) => new Promise((done) => {
  const bundle = document.querySelector('link[href*="theme-bundle.css"]');
  let waiting = parts.length;
  for (const href of parts) {
    const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href});
    link.onload = () => { if (--waiting === 0) { bundle.remove(); done(); } };
    bundle.before(link);
  }
})"""


@pytest.mark.parametrize("rel", [DEMO, "book/intro.html", "search.html"])
def test_the_bundle_styles_every_element_as_the_four_stylesheets_did(built_html: Path, site_url: str, browser,
                                                                     rel: str) -> None:
    depth = "../" * rel.count("/")
    static = built_html / "_static"
    # The order the themes link them in (Sphinx's, then the themes', then myst-nb's), not the bundler's list.
    parts = [f"{depth}_static/{p.relative_to(static).as_posix()}" for name in THEMES_ORDER
             for p in sorted(static.glob(name))]
    assert len(parts) == 4
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(f"{site_url}/{rel}", wait_until="networkidle")  # the theme's scripts have set their classes
    page.wait_for_function(SETTLED)
    bundled = page.evaluate(COMPUTED)
    page.evaluate(UNBUNDLE, parts)
    page.wait_for_function(SETTLED)
    separate = page.evaluate(COMPUTED)
    context.close()
    assert len(bundled) == len(separate) > 100
    differ = [n for n, (a, b) in enumerate(zip(bundled, separate, strict=True)) if a != b]
    assert not differ, f"{len(differ)} elements styled differently, the first: element {differ[0]}"


def test_icon_font_face_is_in_ilomo_site_css(built_html: Path) -> None:
    css = (built_html / "_static" / "ilomo-site.css").read_text(encoding="utf-8")
    assert "@font-face" in css and "ilomo-icons.woff" in css
    assert all("ilomo-icons.css" not in head_of(page) for page in pages(built_html))


def test_code_colours_and_toggles_only_where_used(built_html: Path) -> None:
    for page in pages(built_html):
        text = page.read_text(encoding="utf-8")
        if "<article" not in text:
            continue  # the search page: its results come later, as text
        article = text[text.index("<article"): text.index("</article>")]
        has_code = bool(re.search(r'<(pre|div class="highlight)', article))
        assert ("pygments.css" in head_of(page)) == has_code, page.name
    # module pages have the trainers' dropdown (".admonition.dropdown"): sphinx-togglebutton stays there
    assert "togglebutton.js" in (built_html / MODULE).read_text(encoding="utf-8")


# --- in the browser ---------------------------------------------------------------------------------------------


def open_page(browser, url: str, errors: list[str], **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.parametrize("device", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_module_page_works_with_deferred_scripts(site_url: str, browser, device: dict) -> None:
    errors: list[str] = []
    context, page = open_page(browser, f"{site_url}/{MODULE}", errors, **device)
    # the theme's scripts ran: settings at the end of the body, the Dutch toggle hint, the player mounted
    assert page.evaluate("() => DOCUMENTATION_OPTIONS.pagename") == MODULE.removesuffix(".html")
    page.locator(".ilomo-oefening .ilomo-keuzes button").first.wait_for()
    # the trainers' dropdown (sphinx-togglebutton) opens and closes
    toggle = page.locator(".admonition.dropdown button.toggle-button").first
    toggle.scroll_into_view_if_needed()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    page.wait_for_function("() => document.querySelector('.admonition.dropdown button.toggle-button')"
                           ".getAttribute('aria-expanded') === 'true'", timeout=3000)
    # the theme switch (pydata-sphinx-theme.js) changes the colour mode
    before = page.evaluate("() => document.documentElement.dataset.mode")
    page.locator(".theme-switch-button").first.click()
    page.wait_for_function("(m) => document.documentElement.dataset.mode !== m", arg=before, timeout=3000)
    context.close()
    assert errors == []


def test_search_and_highlighting_work(site_url: str, browser) -> None:
    errors: list[str] = []
    context, page = open_page(browser, f"{site_url}/search.html?q=LEAP", errors, **LAPTOP)
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=10_000)
    results.first.click()  # the result page gets the terms to mark (localStorage or ?highlight=)
    page.wait_for_load_state("load")
    page.wait_for_selector("span.highlighted", state="attached", timeout=5000)
    assert page.evaluate("() => typeof SphinxHighlight") == "object"  # loaded on demand by ilomo-site.js
    context.close()
    assert errors == []


def test_pages_without_search_terms_load_no_highlighting(site_url: str, browser) -> None:
    errors: list[str] = []
    requested: list[str] = []
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.on("request", lambda r: requested.append(r.url.rsplit("/", 1)[-1].split("?")[0]))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}/{MODULE}", wait_until="load")
    context.close()
    assert not set(ON_DEMAND) & set(requested) and errors == []


def test_text_versions_are_drawn_when_near_the_screen_and_always_on_paper(site_url: str, browser) -> None:
    context = browser.new_context(**LAPTOP, java_script_enabled=False)  # no player: the text versions show
    page = context.new_page()
    page.goto(f"{site_url}/{MODULE}", wait_until="load")
    style = "(sel) => getComputedStyle(document.querySelector(sel)).contentVisibility"
    assert page.evaluate(style, ".ilomo-tekstversie") == "auto"
    assert page.evaluate(style, ".ilomo-tekstversie > section.ilomo-tv-situatie") == "auto"
    last = page.locator(".ilomo-tekstversie").last
    last.scroll_into_view_if_needed()
    # drawn once on screen (innerText is empty while a part is skipped, so it shows the text was laid out)
    page.wait_for_timeout(300)  # a frame or two (with scripts off, wait_for_function cannot poll)
    assert page.evaluate("() => [...document.querySelectorAll('.ilomo-tekstversie')].pop().innerText.trim()")
    page.emulate_media(media="print")
    assert page.evaluate(style, ".ilomo-tekstversie") == "visible"
    assert page.evaluate(style, ".ilomo-tekstversie > section.ilomo-tv-situatie") == "visible"
    context.close()


@pytest.mark.parametrize("scripts", [False, True], ids=["text-only", "player"])
def test_links_between_situations_of_a_text_version_land_on_them(site_url: str, browser, scripts: bool) -> None:
    context = browser.new_context(**LAPTOP, java_script_enabled=scripts)
    page = context.new_page()
    page.goto(f"{site_url}/{DEMO}", wait_until="load")
    if scripts:  # the player folds the text version into a closed <details>
        page.locator("details.ilomo-tekst summary").first.click()
    links = page.locator('.ilomo-tekstversie a[href^="#ilomo-"]')
    assert links.count() > 5
    for i in (0, links.count() // 2, links.count() - 1):
        link = links.nth(i)
        target = link.get_attribute("href")[1:]
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_timeout(300)
        top = page.evaluate("(t) => document.getElementById(t).getBoundingClientRect().top", target)
        assert 40 <= top < 200, (target, top)
    context.close()


@pytest.mark.parametrize("anchor", ["take-aways", "voor-de-trainer", "stelling-ben-jij-neutraal"])
def test_a_link_to_an_anchor_below_the_exercises_lands_on_it(site_url: str, browser, anchor: str) -> None:
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(f"{site_url}/{MODULE}#{anchor}", wait_until="load")
    page.wait_for_timeout(300)
    top = page.evaluate("(a) => document.getElementById(a).getBoundingClientRect().top", anchor)
    context.close()
    assert 40 <= top < 200  # just under the sticky header (scroll-margin-top)


def test_focus_ring_at_the_edge_of_a_text_version_is_not_clipped(site_url: str, browser) -> None:
    """A text version is paint-contained: its padding leaves room for the 3 px ring with its 2 px offset."""
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(f"{site_url}/{MODULE}", wait_until="load")
    room = page.evaluate("""() => {
      const s = document.querySelector('.ilomo-tekstversie');
      const p = getComputedStyle(s);
      return [parseFloat(p.paddingLeft), parseFloat(p.paddingRight)];
    }""")
    context.close()
    assert min(room) >= 5
