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


def test_exercise_under_an_h3_section_starts_at_h4(built_html: Path) -> None:
    page = (built_html / "notebooks" / "07-contact-maken-en-houden.html").read_text(encoding="utf-8")
    section = page[page.index('id="oefening-2-dilemma-aan-de-balie"'):]
    assert re.search(r"<h3>Oefening 2", section)
    root = re.search(r'<section class="ilomo-oefening"[^>]*>', section).group(0)
    assert 'data-heading-base="4"' in root
    assert re.search(r'<h4 id="ilomo-07-leap-balie-titel"', section)


def test_renumber_shifts_each_exercise_to_its_base() -> None:
    html = ('<p>x</p><section class="ilomo-oefening" data-ilomo-level="2"><h2>T</h2><h3>S</h3><h4>P</h4></section>'
            '<div data-heading-base=""><h2>U</h2></div>')
    out = renumber(html, 4)
    assert out.count('data-heading-base="4"') == 2 and 'data-ilomo-level="4"' in out
    assert re.findall(r"<(h\d)>", out) == ["h4", "h5", "h6", "h4"]
    assert re.findall(r"</(h\d)>", out) == ["h4", "h5", "h6", "h4"]
    assert renumber("<h2>no exercise</h2>", 4) == "<h2>no exercise</h2>"
