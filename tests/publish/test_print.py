"""The print stylesheet: a module prints as a handout (no navigation, every exercise as its full text version)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

MODULE = "notebooks/07-contact-maken-en-houden.html"
PRINT_LINK = re.compile(r'<link media="print" rel="stylesheet" type="text/css" href="[./]*_static/ilomo-print\.css')


def test_every_page_links_the_print_stylesheet(built_html: Path) -> None:
    pages = [p for p in built_html.rglob("*.html") if "_static" not in p.parts and p.name != "index.html"]
    assert pages
    missing = [p.name for p in pages if not PRINT_LINK.search(p.read_text(encoding="utf-8"))]
    assert missing == []


@pytest.fixture()
def printed(browser: Any, site_url: str) -> Any:
    """The module page as print media, without the beforeprint script: the stylesheet alone must do it."""
    page = browser.new_page()
    page.goto(f"{site_url}/{MODULE}")
    page.locator("section.ilomo-oefening .ilomo-speler").first.wait_for()
    page.emulate_media(media="print")
    yield page
    page.close()


@pytest.mark.browser
def test_print_hides_navigation_and_the_player(printed: Any) -> None:
    for selector in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-header-article",
                     ".prev-next-footer", "section.ilomo-oefening .ilomo-speler", "details.ilomo-tekst > summary"):
        boxes = printed.locator(selector)
        assert boxes.count() >= 1, selector
        assert not any(boxes.nth(i).is_visible() for i in range(boxes.count())), f"{selector} is printed"


@pytest.mark.browser
def test_print_shows_every_exercise_as_text(printed: Any) -> None:
    exercises = printed.locator("section.ilomo-oefening")
    assert exercises.count() >= 2
    for i in range(exercises.count()):
        text = exercises.nth(i).locator(".ilomo-tekstversie")
        assert text.is_visible(), f"exercise {i + 1}: the text version is not printed"
        assert text.bounding_box()["height"] > 50
    # <details> print open even without the beforeprint script.
    details = printed.locator("details.ilomo-tekst").first
    assert details.locator(".ilomo-tekstversie").is_visible()


@pytest.mark.browser
def test_print_shows_where_links_go(printed: Any) -> None:
    after = printed.evaluate("""() => {
      const a = [...document.querySelectorAll('.bd-article a[href^="http"]')][0];
      return [a.href, getComputedStyle(a, '::after').content];
    }""")
    href, content = after
    assert href in content
    internal = printed.evaluate("""() => getComputedStyle(
      document.querySelector('.bd-article a.reference.internal'), '::after').content""")
    assert internal in ("none", "normal", "")


@pytest.mark.browser
def test_beforeprint_opens_all_details(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}/{MODULE}")
    page.locator("details.ilomo-tekst").first.wait_for(state="attached")
    closed = page.evaluate("() => document.querySelectorAll('details:not([open])').length")
    assert closed >= 1
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("() => document.querySelectorAll('details:not([open])').length") == 0
    page.close()
