"""The whole interface in Dutch: no English string of Sphinx, the themes or their extensions on any built page.

The strings come from the project's catalogues in locale/nl/LC_MESSAGES (ilomo.sphinxext.locale); this test looks
at what a participant sees or hears: element text, and the names and tooltips in title, aria-label, alt and
placeholder attributes.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment

from ilomo.sphinxext.locale import compile_catalogue
from tests.conftest import ROOT

# Interface strings the installed packages ship in English (Sphinx 7.4, pydata-sphinx-theme 0.17, sphinx-book-theme
# 1.3, myst-nb, sphinx-copybutton). Matched against a whole text or attribute value, so a Dutch sentence that
# happens to contain "Download" does not count.
ENGLISH = [
    "Skip to main content", "Back to top", "Toggle primary sidebar", "Toggle secondary sidebar",
    "Link to this heading", "Link to this definition", "Link to this table", "Link to this image", "Search",
    "Contents", "Table of contents", "Print to PDF", "Download", "Download this page", "Download source file",
    "Download notebook file", "Fullscreen", "Fullscreen mode", "Initial", "Site navigation", "On this page", "Main",
    "Page", "Version warning", "Announcement", "Breadcrumb", "Section Navigation", "next page", "previous page",
    "next", "previous", "Next", "Previous", "Launch interactive content", "Binder logo", "JupyterHub logo",
    "Color mode", "Light", "Dark", "System Settings", "Hide Search Matches", "Search Results", "Searching",
    "Copy", "Copied!", "Copy to clipboard", "By", "Show code cell source", "Hide code cell source", "Index",
    "Search these docs", "Toggle navigation",
]
ENGLISH_PREFIXES = ("Launch on ", "Launch via ", "Copyright", "Created using", "Built with")
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "data-bs-title", "data-tooltip")


def english_strings(html: str) -> list[str]:
    """The English interface strings on one page (each once)."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.body or soup  # the head's <link title> are not shown or read out
    for node in body(["script", "style", "template", "code", "pre", "kbd"]):  # code is not interface text
        node.decompose()
    found = set()
    values = [" ".join(t.split()) for t in body.find_all(string=True) if not isinstance(t, Comment)]
    values += [" ".join(str(v).split()) for el in body.find_all(True) for a in ATTRIBUTES if (v := el.get(a))]
    for value in values:
        if value in ENGLISH or value.startswith(ENGLISH_PREFIXES):
            found.add(value)
    return sorted(found)


def test_no_page_shows_an_english_interface_string(built_html: Path) -> None:
    pages = [p for p in sorted(built_html.rglob("*.html")) if "_static" not in p.parts]
    assert len(pages) >= 20
    problems = [f"{p.relative_to(built_html)}: {s}" for p in pages for s in english_strings(p.read_text("utf-8"))]
    assert not problems, "\n".join(problems)


def test_the_check_finds_english() -> None:
    page = ('<a class="skip-link" href="#m">Skip to main content</a><button title="Toggle primary sidebar">'
            '<img alt="Binder logo"></button><p>Download de brief. Search is Engels.</p><a title="Launch on Binder">')
    assert english_strings(page) == ["Binder logo", "Launch on Binder", "Skip to main content",
                                     "Toggle primary sidebar"]


def test_the_themes_strings_come_from_the_projects_catalogue(built_html: Path) -> None:
    page = (built_html / "notebooks" / "07-contact-maken-en-houden.html").read_text(encoding="utf-8")
    for dutch in ("Naar de inhoud", "Naar boven", "Link naar dit kopje", "Menu tonen of verbergen"):
        assert dutch in page
    assert re.search(r'<html[^>]*\blang="nl"', page)


def test_every_catalogue_compiles(tmp_path: Path) -> None:
    catalogues = sorted((ROOT / "locale" / "nl" / "LC_MESSAGES").glob("*.po"))
    assert {p.stem for p in catalogues} >= {"sphinx", "booktheme"}
    for po in catalogues:
        compile_catalogue(po, tmp_path / f"{po.stem}.mo")
        assert (tmp_path / f"{po.stem}.mo").stat().st_size > 200
