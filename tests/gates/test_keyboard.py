"""Every exercise on every built page can be finished with the keyboard alone.

A generic driver: from the top of the page it takes the skip link (Tab, Enter), then presses Tab until the next
button of the player has focus, checks that the focus is visible (a computed outline of at least 2 px), presses
Enter or Space, and checks that the focus lands on the player's new heading, until the exercise is finished. It
follows one path per exercise: the shortest way to an ending. Reflection questions are answered by tabbing to each
text box and typing, then Shift+Tab goes back to the first. After the end of the other kinds it goes one step back
(Shift+Tab from "Opnieuw beginnen" to "Terug", Enter) and finishes again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gates.gate_helpers import PLAN, SEC, open_page, pages_meant_to_have_exercises

MAX_TABS = 400
FOCUS_VISIBLE = """() => { const s = getComputedStyle(document.activeElement);
  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""
# Is the focused element the given thing in exercise n? kinds: choice (with position), box (position), terug, opnieuw.
FOCUS_IS = f"""([n, what, position]) => {{
  const sec = document.querySelectorAll('{SEC}')[n], el = document.activeElement;
  if (!sec.contains(el)) return false;
  if (what === 'choice') return el === sec.querySelectorAll('.ilomo-speler .ilomo-keuzes button')[position];
  if (what === 'box') return el === sec.querySelectorAll('.ilomo-speler textarea')[position];
  if (what === 'option') return el === sec.querySelectorAll('.ilomo-speler .ilomo-optie input')[position];
  return el.matches('.ilomo-' + what);
}}"""
ON_HEADING = f"""(n) => {{ const el = document.activeElement;
  return el.matches('.ilomo-kop') && document.querySelectorAll('{SEC}')[n].contains(el) ? el.textContent : null; }}"""
DESCRIBE = """() => { const el = document.activeElement;
  return el.tagName + (el.className ? '.' + el.className : '') + ' ' + (el.textContent || '').trim().slice(0, 40); }"""


class Stuck(AssertionError):
    pass


def tab_to(page: Any, n: int, what: str, position: int = 0, key: str = "Tab") -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if page.evaluate(FOCUS_IS, [n, what, position]):
            if not page.evaluate(FOCUS_VISIBLE):
                raise Stuck(f"focus on {page.evaluate(DESCRIBE)} is not visible")
            return
    raise Stuck(f"{key} did not reach {what} {position} of exercise {n}")


def press(page: Any, n: int, step: int) -> str:
    """Press the focused button (Enter and Space in turn); the focus must move to the new, visible heading."""
    page.keyboard.press("Enter" if step % 2 == 0 else "Space")
    heading = page.evaluate(ON_HEADING, n)
    if heading is None:
        raise Stuck(f"after step {step + 1} the focus is on {page.evaluate(DESCRIBE)}, not on the new heading")
    if not page.evaluate(FOCUS_VISIBLE):
        raise Stuck(f"the focus on the heading '{heading}' is not visible")
    return heading


def play_by_keyboard(page: Any, n: int) -> None:
    plan = page.evaluate(PLAN, n)
    if plan is None:  # reflection: type an answer in each box, then Shift+Tab back to the first
        boxes = page.evaluate(f"(n) => document.querySelectorAll('{SEC}')[n].querySelectorAll('textarea').length", n)
        for position in range(boxes):
            tab_to(page, n, "box", position)
            page.keyboard.type("Mijn antwoord.")
        tab_to(page, n, "box", 0, key="Shift+Tab")
        status = page.evaluate(f"(n) => document.querySelectorAll('{SEC}')[n].querySelector('.ilomo-status')"
                               ".textContent", n)
        if status != "Je hebt alle vragen beantwoord.":
            raise Stuck(f"after answering every question the status says '{status}'")
        return
    if page.evaluate(f"(n) => !!document.querySelectorAll('{SEC}')[n].querySelector('.ilomo-controleer')", n):
        for step, position in enumerate(plan):  # kennisvraag: Space ticks an option, then "Controleer"
            tab_to(page, n, "option", position)
            page.keyboard.press("Space")
            tab_to(page, n, "controleer")
            press(page, n, step)
        return
    for step, position in enumerate(plan):
        tab_to(page, n, "choice", position)
        press(page, n, step)
    # One step back with Shift+Tab from "Opnieuw beginnen" to "Terug", then the last step again.
    tab_to(page, n, "opnieuw")
    tab_to(page, n, "terug", key="Shift+Tab")
    press(page, n, 0)
    tab_to(page, n, "choice", plan[-1])
    press(page, n, 1)
    if page.evaluate(f"(n) => !!document.querySelectorAll('{SEC}')[n].querySelector('.ilomo-keuzes button')", n):
        raise Stuck("the exercise still shows choices after the last step")


@pytest.mark.parametrize("rel", pages_meant_to_have_exercises())  # which pages: see test_exercise_states
def test_every_exercise_can_be_finished_by_keyboard(built_html: Path, site_url: str, browser, rel: str) -> None:
    problems: list[str] = []
    context = browser.new_context()  # empty storage: every exercise starts at the beginning
    page = context.new_page()
    count = open_page(page, f"{site_url}/{rel}")
    assert count, f"{rel} has no exercises"
    page.keyboard.press("Tab")  # the first Tab reaches the skip link; Enter skips the navigation
    if not page.evaluate("() => document.activeElement.matches('#pst-skip-link a')"):
        problems.append(f"{rel}: the first Tab does not reach the skip link, but {page.evaluate(DESCRIBE)}")
    page.keyboard.press("Enter")
    for n in range(count):
        try:
            play_by_keyboard(page, n)
        except Stuck as stuck:
            exercise = page.evaluate(f"(n) => document.querySelectorAll('{SEC}')[n].dataset.ilomoId", n)
            problems.append(f"{rel}, {exercise}: {stuck}")
            page.evaluate(f"(n) => document.querySelectorAll('{SEC}')[n].querySelector('.ilomo-kop, textarea')"
                          "?.focus()", n)  # go on from here with the next exercise
    context.close()
    assert not problems, "\n".join(problems)
