"""Helpers for the quality gates: which built pages have exercises, and how to play them to the end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SEC = "section.ilomo-oefening"
MOUNTED = f"() => [...document.querySelectorAll('{SEC}')].every((s) => s.querySelector('.ilomo-speler'))"

# For exercise n on the page: the positions of the choice buttons to press, one per step, along the shortest path to
# an ending (breadth-first over the page's own engine, window.ILOMO.engine); null for a reflection (text boxes).
PLAN = """(n) => {
  const sec = document.querySelectorAll('section.ilomo-oefening')[n];
  const sc = JSON.parse(sec.querySelector('script.ilomo-data').textContent);
  if (sc.kind === 'reflectie') return null;
  if (sc.kind === 'kennisvraag') return sc.questions.map(() => 0); // tick the first option shown, then check
  // The player's own seed (kept with its progress), so the positions follow the order this learner sees.
  let seed;
  try { seed = (JSON.parse(localStorage.getItem('ilomo:v1:progress:' + sc.id)) || {}).seed; } catch (x) { /* none */ }
  const engine = () => window.ILOMO.engine(sc, seed);
  const replay = (path) => { const e = engine(); path.forEach((i) => e.choose(i)); return e; };
  const key = (e) => JSON.stringify([e.situation, e.meters, [...(e.used || [])].sort()]);
  const queue = [[]], seen = new Set();
  while (queue.length && seen.size < 20000) {
    const path = queue.shift(), e = replay(path);
    if (e.finished) {
      const steps = [], f = engine();
      for (const i of path) {
        steps.push((f.shown ? f.shown() : f.choices()).findIndex(([j]) => j === i));
        f.choose(i);
      }
      return steps;
    }
    const k = sc.kind === 'dilemma' ? key(e) : path.length;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const [i] of e.choices()) queue.push(path.concat([i]));
  }
  throw new Error('no way to the end of ' + sc.id);
}"""

# Play exercise n one step (or answer one question), by DOM clicks; returns false when it is finished.
STEP = """([n, position]) => {
  const sec = document.querySelectorAll('section.ilomo-oefening')[n];
  const boxes = [...sec.querySelectorAll('.ilomo-speler textarea')];
  if (boxes.length) {
    const empty = boxes.find((b) => !b.value.trim());
    if (!empty) return false;
    empty.value = 'Mijn antwoord op deze vraag.';
    empty.dispatchEvent(new Event('input', {bubbles: true}));
    return true;
  }
  const check = sec.querySelector('.ilomo-speler .ilomo-controleer');
  if (check) { // kennisvraag: tick the option at this position, then check the answer
    sec.querySelectorAll('.ilomo-speler .ilomo-optie input')[position].click();
    check.click();
    return true;
  }
  const buttons = sec.querySelectorAll('.ilomo-speler .ilomo-keuzes button');
  if (!buttons.length) return false;
  buttons[position].click();
  return true;
}"""

COUNT = f"() => document.querySelectorAll('{SEC}').length"
FINISHED = f"""(n) => {{
  const sec = document.querySelectorAll('{SEC}')[n];
  const boxes = [...sec.querySelectorAll('.ilomo-speler textarea')];
  return boxes.length ? boxes.every((b) => b.value.trim())
    : !sec.querySelector('.ilomo-speler .ilomo-keuzes button, .ilomo-speler .ilomo-controleer');
}}"""

# Storage that refuses everything, as in a browser that blocks site data (cookies) for the site.
STORAGE_BLOCKED = """(() => {
  const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  for (const name of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(window, name, {configurable: true, get: refuse});
  }
})();"""


ROOT = Path(__file__).resolve().parents[2]


def pages_meant_to_have_exercises() -> list[str]:
    """Every module notebook and every learning track, as built pages (relative paths). The gates run once per page
    (pytest-xdist can share them out); `test_the_gates_see_every_page_with_exercises` checks this list against the
    built site, so a page with exercises somewhere else is not left out silently."""
    notebooks = [f"notebooks/{p.stem}.html" for p in (ROOT / "notebooks").glob("*.ipynb")]
    tracks = [f"book/leerlijnen/{p.stem}.html" for p in (ROOT / "book" / "leerlijnen").glob("*.md")]
    return sorted(notebooks + tracks)


def exercise_pages(html: Path) -> list[str]:
    """Built pages (relative paths) with at least one exercise."""
    return sorted(
        str(p.relative_to(html))
        for p in html.rglob("*.html")
        if "_static" not in p.parts and 'class="ilomo-oefening"' in p.read_text(encoding="utf-8")
    )


def open_page(page: Any, url: str) -> int:
    """Open a page, wait until every player is mounted; returns the number of exercises."""
    page.goto(url)
    page.wait_for_function(MOUNTED)
    return page.evaluate(COUNT)


def play_to_end(page: Any, n: int) -> None:
    """Start exercise n again, then finish it along its shortest path (by clicks; test_keyboard plays by keyboard)."""
    page.evaluate(f"(n) => document.querySelectorAll('{SEC}')[n].querySelector('.ilomo-opnieuw').click()", n)
    plan = page.evaluate(PLAN, n)
    for position in plan or [0] * 50:
        if not page.evaluate(STEP, [n, position]):
            break
    assert page.evaluate(FINISHED, n), f"exercise {n} did not finish"
