"""Heading order (WCAG 1.3.1): on every built page the headings a reader meets start at h1 and never skip a level,
also inside exercises (ilomo.sphinxext.headings sets data-heading-base) and in what the players draw."""

from __future__ import annotations

import re
from pathlib import Path

from ilomo.sphinxext.headings import renumber
from tests.gates.gate_helpers import MOUNTED

# The levels of the headings a reader meets in the page's main content, in order (hidden ones excluded).
LEVELS = """() => [...document.querySelectorAll(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => '#main-content ' + h)
  .join(', '))].filter((h) => h.getClientRects().length)
  .map((h) => [+h.tagName[1], h.textContent.trim().slice(0, 40)])"""


def jumps(levels: list[list]) -> list[str]:
    problems, previous = [], 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"h{previous} → h{level} ({text!r})")
        previous = level
    return problems


def test_no_page_skips_a_heading_level(built_html: Path, site_url: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems, exercises = [], 0
    for html in sorted(p for p in built_html.rglob("*.html") if "_static" not in p.parts):
        rel = html.relative_to(built_html).as_posix()
        if 'http-equiv="Refresh"' in html.read_text(encoding="utf-8"):
            continue
        page.goto(f"{site_url}/{rel}")
        page.wait_for_function(MOUNTED, timeout=5000)
        exercises += page.evaluate("() => document.querySelectorAll('[data-heading-base]').length")
        levels = page.evaluate(LEVELS)
        if levels and levels[0][0] != 1:
            problems.append(f"{rel}: starts at h{levels[0][0]}")
        problems += [f"{rel}: {j}" for j in jumps(levels)]
    context.close()
    assert exercises >= 10, "no exercise got a heading base: is the build step connected?"
    assert not problems, "\n".join(problems)


def test_each_exercise_starts_one_below_its_section(built_html: Path) -> None:
    """In the static HTML too: the title of an exercise under an h3 section is an h4, and so on."""
    from bs4 import BeautifulSoup

    checked, problems = 0, []
    for html in sorted((built_html / "notebooks").glob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for root in soup.select("section.ilomo-oefening"):
            section = root.find_parent("section", class_=lambda c: not c or "ilomo-oefening" not in c)
            heading = section.find(re.compile(r"^h[1-6]$")) if section else None
            level = int(heading.name[1]) if heading else 1
            title = root.find(re.compile(r"^h[1-6]$"))
            checked += 1
            if root.get("data-heading-base") != str(level + 1) or title.name != f"h{level + 1}":
                problems.append(f"{html.name}: {root.get('data-ilomo-id')} under h{level} is {title.name}")
    assert checked >= 20
    assert not problems, "\n".join(problems)


def test_renumber_shifts_each_exercise_to_its_base() -> None:
    html = ('<p>x</p><section class="ilomo-oefening" data-ilomo-level="2"><h2>T</h2><h3>S</h3><h4>P</h4></section>'
            '<div data-heading-base=""><h2>U</h2></div>')
    out = renumber(html, 4)
    assert out.count('data-heading-base="4"') == 2 and 'data-ilomo-level="4"' in out
    assert re.findall(r"<(h\d)>", out) == ["h4", "h5", "h6", "h4"]
    assert re.findall(r"</(h\d)>", out) == ["h4", "h5", "h6", "h4"]
    assert renumber("<h2>no exercise</h2>", 4) == "<h2>no exercise</h2>"
