"""The players in the real DOM: what is on screen matches the Python engine, keyboard-only use, layout."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.static.static_helpers import (
    FIXTURES,
    dilemma_paths,
    load_scenario,
    md_text,
    scenario_paths,
    words,
)

pytestmark = pytest.mark.browser
ALL = scenario_paths()
SEC = "section.ilomo-oefening"

SCREEN = """() => {
  const r = document.querySelector("section.ilomo-oefening"), q = (s) => r.querySelector(s);
  const head = [...r.querySelectorAll(".ilomo-stap .ilomo-kop")].pop();
  return {
    heading: head ? head.innerText : null,
    focused: !!head && document.activeElement === head,
    buttons: [...r.querySelectorAll(".ilomo-stap [role=group] button")]
      .map((b) => (b.querySelector(".ilomo-label") || b).innerText),
    meters: [...r.querySelectorAll(".ilomo-meter span")].map((s) => s.textContent),
    values: [...r.querySelectorAll(".ilomo-meter meter")].map((m) => m.value),
    feedback: q(".ilomo-feedback").innerText,
    stage: q(".ilomo-stap").innerText,
    status: q(".ilomo-status").innerText,
    note: q(".ilomo-melding").innerText,
    back: !q(".ilomo-terug").disabled,
  };
}"""


def screen(page: Any) -> dict[str, Any]:
    return page.evaluate(SCREEN)


def stored(page: Any, scenario_id: str) -> Any:
    raw = page.evaluate("(k) => localStorage.getItem(k)", f"ilomo:v1:progress:{scenario_id}")
    return None if raw is None else json.loads(raw)


def open_exercise(tab: Any, site: Any, sc: Any) -> Any:
    tab.page.goto(site.page(f"{sc.id}.html", [sc]))
    tab.page.wait_for_selector(f"{SEC} .ilomo-speler")
    return tab.page


def meter_texts(sc: Any, meters: dict[str, int]) -> list[str]:
    """The meters shown while playing: the visible ones (hidden meters only show at the ending)."""
    return [f"{m.label}: {meters[m.name]} van {m.max}" for m in sc.meters if not m.hidden]


def check_dilemma_screen(page: Any, sc: Any, play: Any, moved: bool) -> None:
    shown = screen(page)
    assert shown["meters"] == meter_texts(sc, play.meters)
    assert shown["values"] == [play.meters[m.name] for m in sc.meters if not m.hidden]
    if play.ended:
        stage = words(shown["stage"])
        assert shown["heading"] == f"Einde: {play.ending.title}"
        assert md_text(play.ending.text) in stage
        for q in sc.debrief:
            assert md_text(q) in stage
        for m in play.meter_report():  # every meter by meaning; hidden ones under "Wat je pas nu ziet"
            assert f"{m['label']}: {m['start']} werd {m['end']} ({m['verdict']})" in stage
        assert ("Wat je pas nu ziet" in stage) == any(m.hidden for m in sc.meters)
        for part in (play.ending.gained, play.ending.cost):
            if part:
                assert md_text(part) in stage
        if sc.advice:  # the learner's route beside the advised one, with why
            assert "Jouw route en de geadviseerde route" in stage and md_text(sc.advice) in stage
        assert shown["buttons"] == []
    else:
        assert shown["heading"] == (play.situation.title or sc.title)
        assert md_text(play.situation.text) in words(shown["stage"])
        assert shown["buttons"] == [c.label for _, c in play.ordered_choices()]
    if moved:
        last = play.transcript()[-2 if play.ended else -1]
        assert words(shown["feedback"]).startswith(words(f"Je koos: {last['label']}"))
        assert md_text(last["feedback"]) in words(shown["feedback"])
        assert shown["focused"], "focus must move to the new heading"
    assert shown["back"] == bool(play.path)


def click_choice(page: Any, play: Any, index: int) -> None:
    position = play.choice_order().index(index)
    page.locator(f"{SEC} .ilomo-stap [role=group] button").nth(position).click()


def demo_paths(sc: Any) -> list[list[int]]:
    """A complete path to every ending that can be reached (at most three)."""
    _, complete = dilemma_paths(sc)
    by_ending: dict[str, list[int]] = {}
    from tests.static.static_helpers import _replay

    for path in complete:
        by_ending.setdefault(_replay(sc, path).ending.id, path)
    return list(by_ending.values())[:3]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_click_through_matches_engine(tab: Any, site: Any, path: Any) -> None:
    from ilomo.kinds.dilemma.contract import practises_leap
    from ilomo.scenario import start

    sc = load_scenario(path)
    page = open_exercise(tab, site, sc)
    play = start(sc, stored(page, sc.id)["seed"]) if sc.kind != "reflectie" else start(sc)
    if sc.kind == "dilemma":
        for walk in demo_paths(sc):
            page.locator(f"{SEC} .ilomo-opnieuw").click()
            play.restart()
            check_dilemma_screen(page, sc, play, moved=False)
            for index in walk:
                click_choice(page, play, index)
                play.choose(index)
                check_dilemma_screen(page, sc, play, moved=True)
            summary = words(screen(page)["stage"])
            assert f"Je maakte {len(walk)} keuze" in summary
            steps = play.summary()["leap_steps"]
            if practises_leap(sc):
                used = f"LEAP-stappen die je gebruikte: {', '.join(steps)}." if steps else "geen LEAP-stappen"
                assert used in summary
            else:
                assert "LEAP" not in summary
            assert stored(page, sc.id) == {**play.state(), "finished": True}
        page.locator(f"{SEC} .ilomo-terug").click()
        play.back()
        check_dilemma_screen(page, sc, play, moved=True)
    elif sc.kind == "sortering":
        sort_through(page, sc, play)
    elif sc.kind == "stelling":
        option = sc.options[-1]
        page.get_by_role("button", name=option.label, exact=True).click()
        play.answer(option.id)
        shown = screen(page)
        assert shown["focused"] and shown["heading"] == "Andere kijken op de stelling"
        assert f"Jouw antwoord: {option.label}." in shown["feedback"]
        for p in sc.perspectives:
            assert words(p.title) in words(shown["stage"]) and md_text(p.text) in words(shown["stage"])
        for q in sc.questions:
            assert words(q) in words(shown["stage"])
        assert stored(page, sc.id) == {**play.state(), "finished": True}
    elif sc.kind == "kennisvraag":
        check_through(page, sc, play)
    else:
        reflect_through(page, sc, play)


def check_through(page: Any, sc: Any, play: Any) -> None:
    """Every question: the options in the learner's order; the right ones ticked; the explanations shown."""
    for n, q in enumerate(sc.questions):
        shown = screen(page)
        assert shown["heading"] == f"Vraag {n + 1} van {len(sc.questions)}"
        assert md_text(q.question) in words(shown["stage"])
        labels = page.locator(f"{SEC} .ilomo-optie label").all_inner_texts()
        assert labels == [q.options[i].label for i in play.option_order(q.id)]
        page.locator(f"{SEC} .ilomo-controleer").click()  # nothing ticked: a message, no step
        assert "Kies eerst een antwoord." in page.locator(f"{SEC} .ilomo-stap").inner_text()
        for o in q.options:
            if o.correct:
                page.locator(f"{SEC} .ilomo-optie", has_text=o.label).locator("input").check()
        page.locator(f"{SEC} .ilomo-controleer").click()
        play.answer(q.id, [q.options[i].id for i in play.option_order(q.id) if q.options[i].correct])
        shown = screen(page)
        assert words(shown["feedback"]).startswith("Goed.")
        for o in q.options:
            assert md_text(o.explanation) in words(shown["feedback"])
        assert shown["focused"]
    assert screen(page)["heading"] == f"Klaar! Je had {len(sc.questions)} van de {len(sc.questions)} vragen goed."
    assert stored(page, sc.id) == {**play.state(), "finished": True}


def sort_through(page: Any, sc: Any, play: Any) -> None:
    for n, item in enumerate(sc.items):
        shown = screen(page)
        assert shown["heading"] == f"Kaart {n + 1} van {len(sc.items)}"
        assert md_text(item.text) in words(shown["stage"])
        assert shown["buttons"] == [c.label for c in sc.categories]
        cat = sc.categories[n % len(sc.categories)]
        page.locator(f"{SEC} .ilomo-stap [role=group] button").nth(n % len(sc.categories)).click()
        correct = play.place(item.id, cat.id)
        shown = screen(page)
        right = next(c.label for c in sc.categories if c.id == item.category)
        head = "Goed." if correct else f"Niet goed. Het hoort bij: {right}."
        assert words(shown["feedback"]).startswith(head)
        assert md_text(item.feedback) in words(shown["feedback"])
        assert shown["status"] == f"Score: {play.score} van {n + 1} goed."
        assert shown["focused"]
    assert screen(page)["heading"] == f"Klaar! Je had {play.score} van {len(sc.items)} goed."
    assert stored(page, sc.id) == {**play.state(), "finished": True}


def reflect_through(page: Any, sc: Any, play: Any) -> None:
    page.evaluate("() => { window.seen = []; ILOMO.onReflection((x) => window.seen.push(x)); }")
    boxes = page.locator(f"{SEC} textarea")
    assert boxes.count() == len(sc.questions)
    for n, q in enumerate(sc.questions):
        box = boxes.nth(n)
        label = page.evaluate("(el) => el.getAttribute('aria-labelledby').split(' ').map((id) => "
                              "document.getElementById(id).innerText).join(' ')", box.element_handle())
        assert words(label) == words(f"Vraag {n + 1} {md_text(q.prompt)}")
        if q.hint:
            hint = page.evaluate("(el) => document.getElementById(el.getAttribute('aria-describedby')).innerText",
                                 box.element_handle())
            assert md_text(q.hint) in words(hint)
        box.fill(f"Antwoord {n}")
        play.answer(q.id, f"Antwoord {n}")
    assert screen(page)["status"] == "Je hebt alle vragen beantwoord."
    saved = stored(page, sc.id)
    assert saved == {**play.state(), "seed": saved["seed"], "finished": True, "answers": play.answers}
    seen = page.evaluate("() => window.seen")
    assert seen[-1]["id"] == sc.id and seen[-1]["answers"] == play.answers


# ---------------------------------------------------------------------------------------------------------
# Keyboard only

def tab_to(page: Any, predicate: str, arg: Any = None, limit: int = 250) -> None:
    """Press Tab until the focused element satisfies predicate(el, arg)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(arg) => {{ const el = document.activeElement; return !!el && ({predicate}); }}", arg):
            return
    raise AssertionError(f"Tab never reached: {predicate} {arg!r}")


IS_CHOICE = "el.tagName === 'BUTTON' && !!el.closest('[role=group]') && " \
            "((el.querySelector('.ilomo-label') || el).innerText === arg)"
FOCUS_STYLE = """() => { const s = getComputedStyle(document.activeElement);
  return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
FOCUSED_HEADING = "() => document.activeElement.matches('.ilomo-kop') ? document.activeElement.innerText : null"


def press(page: Any, n: int) -> None:
    style, width = page.evaluate(FOCUS_STYLE)
    assert style != "none" and width >= 2, "keyboard focus must be visible"
    page.keyboard.press("Enter" if n % 2 == 0 else "Space")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_keyboard_only(tab: Any, site: Any, path: Any) -> None:
    from ilomo.scenario import start

    sc = load_scenario(path)
    page = open_exercise(tab, site, sc)
    play = start(sc)
    if sc.kind == "dilemma":
        walk = demo_paths(sc)[0]
        for n, index in enumerate(walk):
            label = dict(play.choices())[index].label
            tab_to(page, IS_CHOICE, label)
            press(page, n)
            play.choose(index)
            expected = f"Einde: {play.ending.title}" if play.ended else (play.situation.title or sc.title)
            assert page.evaluate(FOCUSED_HEADING) == expected
        tab_to(page, "el.classList.contains('ilomo-terug')")
        press(page, 0)
        play.back()
        assert page.evaluate(FOCUSED_HEADING) == (play.situation.title or sc.title)
    elif sc.kind == "sortering":
        for n, item in enumerate(sc.items):
            tab_to(page, IS_CHOICE, sc.categories[-1].label)
            press(page, n)
            play.place(item.id, sc.categories[-1].id)
            expected = f"Kaart {n + 2} van {len(sc.items)}" if n + 1 < len(sc.items) else \
                f"Klaar! Je had {play.score} van {len(sc.items)} goed."
            assert page.evaluate(FOCUSED_HEADING) == expected
    elif sc.kind == "stelling":
        tab_to(page, IS_CHOICE, sc.options[0].label)
        press(page, 1)
        assert page.evaluate(FOCUSED_HEADING) == "Andere kijken op de stelling"
    elif sc.kind == "kennisvraag":
        for n in range(len(sc.questions)):
            tab_to(page, "el.tagName === 'INPUT'")
            page.keyboard.press("Space")
            tab_to(page, "el.classList.contains('ilomo-controleer')")
            press(page, n)
            expected = f"Vraag {n + 2} van {len(sc.questions)}" if n + 1 < len(sc.questions) else None
            heading = page.evaluate(FOCUSED_HEADING)
            assert heading == expected if expected else heading.startswith("Klaar!")
    else:
        for n, _ in enumerate(sc.questions):
            tab_to(page, "el.tagName === 'TEXTAREA'")
            page.keyboard.type(f"Mijn antwoord {n}")
        assert screen(page)["status"] == "Je hebt alle vragen beantwoord."
    seed = (stored(page, sc.id) or {}).get("seed")
    tab_to(page, "el.classList.contains('ilomo-opnieuw')")
    press(page, 1)
    after = stored(page, sc.id)  # progress starts again; the learner keeps the seed (the same order)
    assert after["path"] == [] and after["finished"] is False and after["seed"] == seed


# ---------------------------------------------------------------------------------------------------------
# Layout, motion, several exercises on one page, API

@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scroll(make_tab: Any, site: Any, width: int) -> None:
    """320 px wide, and 1280 px at 200 % zoom (= 640 CSS px)."""
    t = make_tab(viewport={"width": width, "height": 800})
    scs = [load_scenario(p) for p in ALL]
    t.page.goto(site.page(f"breed-{width}.html", scs))
    t.page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert t.page.evaluate("() => document.documentElement.scrollWidth") <= width
    t.page.evaluate("() => document.querySelectorAll('details.ilomo-tekst').forEach((d) => { d.open = true; })")
    assert t.page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_reduced_motion(make_tab: Any, site: Any) -> None:
    t = make_tab(reduced_motion="reduce")
    t.page.goto(site.page("motion.html", [load_scenario(FIXTURES / "proef-dilemma.yml")]))
    t.page.wait_for_selector(f"{SEC} .ilomo-speler")
    duration = t.page.evaluate(
        "() => getComputedStyle(document.querySelector('.ilomo-keuzes button')).transitionDuration")
    assert set(duration.replace(" ", "").split(",")) == {"0s"}


def test_many_exercises_on_one_page(tab: Any, site: Any) -> None:
    scs = [load_scenario(p) for p in ALL]
    tab.page.goto(site.page("alles.html", scs))
    tab.page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert tab.page.locator(f"{SEC} .ilomo-speler").count() == len(scs)
    dupes = tab.page.evaluate("""() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i); }""")
    assert dupes == []
    assert tab.page.locator("details.ilomo-tekst > .ilomo-tekstversie").count() == len(scs)
    api = tab.page.evaluate("() => Object.keys(window.ILOMO).sort()")
    assert {"engine", "html", "order", "version", "onReflection", "mount"} <= set(api)


def test_print_opens_text_version(tab: Any, site: Any) -> None:
    tab.page.goto(site.page("print.html", [load_scenario(FIXTURES / "proef-dilemma.yml")]))
    tab.page.wait_for_selector(f"{SEC} .ilomo-speler")
    tab.page.emulate_media(media="print")
    tab.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert tab.page.evaluate("() => document.querySelector('details.ilomo-tekst').open")
    assert not tab.page.locator(f"{SEC} .ilomo-speler").is_visible()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_wcag_aa(tab: Any, site: Any, theme: str) -> None:
    """axe-core (bundled with axe-playwright-python, injected locally) finds no WCAG 2.1 AA problems."""
    import axe_playwright_python.sync_playwright as axe_module
    scs = [load_scenario(p) for p in ALL if p.parent == FIXTURES and "vijandig" not in p.stem]
    for kind in ("dilemma", "sortering", "stelling", "reflectie", "kennisvraag"):  # and a real one of each kind
        scs += [sc for sc in map(load_scenario, ALL) if sc.kind == kind and sc not in scs][:1]
    page = tab.page
    page.goto(site.page(f"axe-{theme}.html", scs))
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    page.evaluate("(t) => { document.documentElement.dataset.theme = t; }", theme)
    axe = axe_module.Axe()

    def check(when: str) -> None:
        result = axe.run(page, context={"include": [[SEC]]}, options={"runOnly": AXE_TAGS})
        assert result.violations_count == 0, f"{when}: {result.generate_report()}"

    check("start")
    sections = page.locator(SEC)
    for n in range(sections.count()):  # steps in every exercise: feedback, meters, scores, endings show
        for _ in range(8):
            section = sections.nth(n)
            first = section.locator(".ilomo-stap [role=group] button").first
            if first.count():
                first.click()
            elif section.locator(".ilomo-controleer").count():  # kennisvraag: tick an option, check it
                section.locator(".ilomo-optie input").first.check()
                section.locator(".ilomo-controleer").click()
    page.evaluate("() => document.querySelectorAll('details.ilomo-tekst').forEach((d) => { d.open = true; })")
    check("after some steps")


@pytest.mark.parametrize("change", [{"format": 99}, {"format": None}, {"kind": "onbekend"}])
def test_unknown_contract_is_refused_with_a_dutch_message(tab: Any, site: Any, change: dict) -> None:
    """A contract this player does not know: a clear message on the page, the text version stays, no errors."""
    from ilomo import texts
    from ilomo.static import exercise_html

    sc = load_scenario(FIXTURES / "proef-dilemma.yml")
    html = exercise_html(sc)
    data = json.loads(html.split('class="ilomo-data">', 1)[1].split("</script>", 1)[0])
    data.update(change)
    body = html.split('class="ilomo-data">', 1)[0] + 'class="ilomo-data">' + json.dumps(data).replace("<", "\\u003c") \
        + "</script>" + html.split("</script>", 1)[1]
    tab.page.goto(site.raw(f"onbekend-{len(str(change))}-{next(iter(change))}.html", body))
    tab.page.wait_for_selector(f"{SEC} [role=alert]")
    assert tab.page.locator(f"{SEC} [role=alert]").inner_text() == texts.CONTRACT_UNKNOWN
    assert tab.page.locator(f"{SEC} .ilomo-speler").count() == 0
    assert tab.page.locator(f"{SEC} .ilomo-tekstversie").is_visible()


def test_player_knows_the_catalogue_refusal_text() -> None:
    from ilomo import texts
    from ilomo.contract import CONTRACT_FORMAT
    from ilomo.static import ASSETS

    js = (ASSETS / "ilomo.js").read_text(encoding="utf-8")
    assert f"const FORMAT = {CONTRACT_FORMAT};" in js
    assert " ".join(texts.CONTRACT_UNKNOWN.split()) in " ".join(js.replace('" +\n    "', "").split())


@pytest.mark.parametrize("width", [320, 390, 490, 640, 1280])
def test_meter_bars_line_up_whatever_the_labels(tab: Any, site: Any, width: int) -> None:
    """Every bar of an exercise starts at the same x and has the same width, on a phone and a laptop."""
    scs = [sc for sc in map(load_scenario, ALL) if sc.kind == "dilemma" and sum(not m.hidden for m in sc.meters) > 1]
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.page.goto(site.page(f"meters-{width}.html", scs))
    tab.page.wait_for_selector(f"{SEC} .ilomo-meters")
    boxes = tab.page.evaluate("""() => [...document.querySelectorAll('.ilomo-meters')].map((g) =>
      [...g.querySelectorAll('meter')].map((m) => { const r = m.getBoundingClientRect();
        return [Math.round(r.x), Math.round(r.width)]; }))""")
    assert boxes and all(len(set(map(tuple, bars))) == 1 for bars in boxes), boxes
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= width
