"""axe-core (WCAG 2.1 A/AA and best practices) on every page with exercises, in every state of the exercises.

States: after one choice in every exercise, with every exercise finished (light and dark colour mode), and two error
states: progress that could only partly be restored (the exercise changed), and storage blocked by the browser
(where the page must also run without script errors). The start state of every page, in light mode, is the site
gate's (tests/site/test_accessibility.py, same rules, same helper). One test per page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gates.gate_helpers import (
    SEC,
    STEP,
    STORAGE_BLOCKED,
    exercise_pages,
    open_page,
    pages_meant_to_have_exercises,
    play_to_end,
)
from tests.site.test_accessibility import axe_violations

NOT_SAVED = "Je voortgang wordt niet bewaard in deze browser."
PARTLY = "Een deel van je voortgang kon niet worden teruggezet. De oefening is veranderd."
# Saved progress whose second step no longer exists (999 is no choice, category or answer of any exercise).
BROKEN_PROGRESS = """() => document.querySelectorAll('section.ilomo-oefening').forEach((sec) => {
  const sc = JSON.parse(sec.querySelector('script.ilomo-data').textContent);
  const first = {dilemma: 0, sortering: (sc.categories || [{}])[0].id, stelling: (sc.options || [{}])[0].id}[sc.kind];
  const path = sc.kind === 'reflectie' ? [999] : [first, 999];
  localStorage.setItem('ilomo:v1:progress:' + sc.id, JSON.stringify({v: 1, id: sc.id, kind: sc.kind, path}));
})"""
SETTLED = "() => document.getAnimations().length === 0"
PAGES = pages_meant_to_have_exercises()
NOTES = f"() => [...document.querySelectorAll('{SEC} .ilomo-melding')].map((n) => n.textContent)"


def test_the_gates_see_every_page_with_exercises(built_html: Path) -> None:
    assert exercise_pages(built_html) == PAGES


def check(page, rel: str, state: str, whole: bool = False) -> list[str]:
    """The whole page in dark mode and with storage blocked; otherwise only the exercises."""
    page.wait_for_function(SETTLED)  # colour transitions of the theme are done: axe measures final colours
    return [f"{rel} [{state}]: {v}" for v in axe_violations(page, None if whole else SEC)]


@pytest.mark.parametrize("rel", PAGES)
def test_every_exercise_state_has_no_axe_violation(built_html: Path, site_url: str, browser, rel: str) -> None:
    url = f"{site_url}/{rel}"
    context = browser.new_context(bypass_csp=True)  # empty storage; axe is injected by the test, not the site
    page = context.new_page()
    count = open_page(page, url)
    assert count, f"{rel} has no exercises"
    for n in range(count):
        page.evaluate(STEP, [n, 0])
    problems = check(page, rel, "na een keuze")
    for n in range(count):
        play_to_end(page, n)
    problems += check(page, rel, "afgerond")
    page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
    problems += check(page, rel, "afgerond, donker", whole=True)
    page.evaluate(BROKEN_PROGRESS)
    open_page(page, url)
    notes = page.evaluate(NOTES)
    assert notes == [PARTLY] * count, f"{rel}: {json.dumps(notes, ensure_ascii=False)}"
    problems += check(page, rel, "voortgang deels verloren")
    context.close()

    blocked = browser.new_context(bypass_csp=True)
    blocked.add_init_script(STORAGE_BLOCKED)
    page = blocked.new_page()
    errors: list[str] = []  # the theme's scripts must keep working too (templates/layout.html)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: uncaught {exc}"))
    count = open_page(page, url)
    assert page.evaluate(NOTES) == [NOT_SAVED] * count, rel
    page.evaluate(STEP, [0, 0])
    problems += check(page, rel, "opslag geblokkeerd", whole=True)  # the theme runs differently too
    blocked.close()
    problems += errors
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)
