"""Progress in localStorage: restored after reload, cleared by "Opnieuw beginnen", and the player keeps
working (with a notice, without page errors) when storage is blocked, full or holds garbage."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.static.static_helpers import FIXTURES, load_scenario

pytestmark = pytest.mark.browser
SEC = "section.ilomo-oefening"
NOT_SAVED = "Je voortgang wordt niet bewaard in deze browser."
KEY = "ilomo:v1:progress:"
BLOCKED = """Object.defineProperty(window, "localStorage", { configurable: true,
  get() { throw new DOMException("Toegang geweigerd", "SecurityError"); } });"""
FULL = """Storage.prototype.setItem = function () { throw new DOMException("Vol", "QuotaExceededError"); };"""


def fixture(name: str) -> Any:
    return load_scenario(FIXTURES / f"{name}.yml")


def open_page(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{SEC} .ilomo-speler")


def heading(page: Any) -> str:
    return page.locator(f"{SEC} .ilomo-stap .ilomo-kop").last.inner_text()


def note(page: Any) -> str:
    return page.locator(f"{SEC} .ilomo-melding").inner_text()


def choose(page: Any, label: str) -> None:
    page.locator(f"{SEC} [role=group] button", has_text=label).first.click()


def stored(page: Any, key: str) -> Any:
    return page.evaluate("(k) => localStorage.getItem(k)", key)


def put(page: Any, key: str, value: str) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])


def test_dilemma_progress_survives_reload(tab: Any, site: Any) -> None:
    from ilomo.scenario import start

    sc, page = fixture("proef-dilemma"), tab.page
    open_page(page, site.page("opslag.html", [sc]))
    assert note(page) == ""
    choose(page, "Ik zeg dat hij rustig moet blijven.")
    choose(page, "Ik bied excuses aan en luister.")
    play = start(sc, json.loads(stored(page, KEY + sc.id))["seed"])
    play.choose(1)
    play.choose(0)
    assert json.loads(stored(page, KEY + sc.id)) == {**play.state(), "finished": False}
    page.reload()
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert heading(page) == sc.title  # situation `vraag` has no title of its own
    assert note(page) == "Je gaat verder waar je was gebleven."
    assert page.locator(f"{SEC} .ilomo-meter span").all_inner_texts() == ["Contact: 4 van 10", "Spanning: 5 van 10"]
    page.locator(f"{SEC} .ilomo-terug").click()
    assert heading(page) == "Het wordt onrustig"
    choose(page, "Ik vraag de beveiliging om hulp.")
    assert heading(page) == "Einde: Het contact is weg"
    assert json.loads(stored(page, KEY + sc.id))["finished"] is True
    seed = json.loads(stored(page, KEY + sc.id))["seed"]
    page.locator(f"{SEC} .ilomo-opnieuw").click()
    after = json.loads(stored(page, KEY + sc.id))  # a new start with the same seed: the same order
    assert (after["path"], after["finished"], after["seed"]) == ([], False, seed)
    assert heading(page) == "Aan de balie"


ORDERS = """() => [...document.querySelectorAll("section.ilomo-oefening")].map((s) =>
  [...s.querySelectorAll(".ilomo-stap [role=group] button")].map((b) => b.innerText))"""


def test_two_learners_see_their_own_order_which_survives_reload(make_tab: Any, site: Any) -> None:
    """Every dilemma on one page, in two browser contexts (two learners): the choice order differs in at
    least one situation (all equal by chance: below 1 in 10^12); a reload keeps each learner's order."""
    from tests.static.static_helpers import SCENARIOS

    dilemmas = [s for s in map(load_scenario, sorted(SCENARIOS.glob("*.yml"))) if s.kind == "dilemma"]
    url = site.page("volgorde.html", dilemmas)
    orders = []
    for _ in range(2):
        page = make_tab().page
        open_page(page, url)
        first = page.evaluate(ORDERS)
        page.reload()
        page.wait_for_selector(f"{SEC} .ilomo-speler")
        assert page.evaluate(ORDERS) == first, "the same learner sees the same order after a reload"
        orders.append(first)
    assert all(sorted(a) == sorted(b) for a, b in zip(*orders, strict=True))  # the same choices
    assert orders[0] != orders[1], "two learners see a different order in at least one situation"


@pytest.mark.parametrize("name", ["proef-sortering", "proef-stelling", "proef-reflectie"])
def test_other_kinds_survive_reload(tab: Any, site: Any, name: str) -> None:
    sc, page = fixture(name), tab.page
    open_page(page, site.page(f"opslag-{name}.html", [sc]))
    boxes = page.locator(f"{SEC} textarea")
    if sc.kind == "sortering":
        choose(page, "Warme fase")
        choose(page, "Hete fase")
    elif sc.kind == "stelling":
        choose(page, "Oneens")
    else:
        boxes.first.fill("Eerste antwoord")
    page.reload()
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    if sc.kind == "sortering":
        assert heading(page) == "Kaart 3 van 5"
        assert page.locator(f"{SEC} .ilomo-status").inner_text() == "Score: 1 van 2 goed."
        assert note(page) == "Je gaat verder waar je was gebleven."
    elif sc.kind == "stelling":
        assert heading(page) == "Andere kijken op de stelling"
        assert "Jouw antwoord: Oneens." in page.locator(f"{SEC} .ilomo-feedback").inner_text()
    else:
        assert boxes.first.input_value() == "Eerste antwoord"
        assert json.loads(stored(page, KEY + sc.id))["answers"] == {"lastig-gesprek": "Eerste antwoord"}


def test_changed_scenario_reports_partial_loss(tab: Any, site: Any) -> None:
    sc, page = fixture("proef-dilemma"), tab.page
    url = site.page("verlies.html", [sc])
    open_page(page, url)
    put(page, KEY + sc.id, json.dumps({"v": 1, "id": sc.id, "kind": "dilemma", "path": [0, 7, 0]}))
    page.reload()
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert note(page) == "Een deel van je voortgang kon niet worden teruggezet. De oefening is veranderd."
    assert heading(page) == sc.title  # after the one valid step
    choose(page, "Ik leg de regels uit.")
    assert heading(page).startswith("Einde: ")


@pytest.mark.parametrize("garbage", ["{kapot", "null", "[1,2]", '{"v": 9}', '"tekst"'])
def test_garbage_in_storage_is_kept_aside(tab: Any, site: Any, garbage: str) -> None:
    sc, page = fixture("proef-dilemma"), tab.page
    open_page(page, site.page("kapot.html", [sc]))
    put(page, KEY + sc.id, garbage)
    page.reload()
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert note(page) == "Je bewaarde voortgang was beschadigd. Je begint opnieuw."
    assert stored(page, KEY + sc.id + ":corrupt") == garbage
    assert heading(page) == "Aan de balie"
    choose(page, "Ik vraag wat de brief met hem doet.")
    assert json.loads(stored(page, KEY + sc.id))["path"] == [0]


def test_foreign_state_is_not_restored(tab: Any, site: Any) -> None:
    sc, page = fixture("proef-dilemma"), tab.page
    open_page(page, site.page("vreemd.html", [sc]))
    put(page, KEY + sc.id, json.dumps({"v": 1, "id": "iets-anders", "kind": "dilemma", "path": [0]}))
    page.reload()
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert heading(page) == "Aan de balie"
    assert "kon niet worden teruggezet" in note(page)


@pytest.mark.parametrize(("script", "when"), [(BLOCKED, "load"), (FULL, "first step")])
def test_blocked_or_full_storage_still_plays(make_tab: Any, site: Any, script: str, when: str) -> None:
    sc = fixture("proef-dilemma")
    t = make_tab(init_script=script)
    open_page(t.page, site.page("geblokkeerd.html", [sc, fixture("proef-reflectie"), fixture("proef-sortering")]))
    first = t.page.locator(SEC).first
    t.page.evaluate("() => { window.events = []; "
                    "document.addEventListener('ilomo:voortgang', (ev) => window.events.push(ev.detail)); }")
    if when == "load":
        assert first.locator(".ilomo-melding").inner_text() == NOT_SAVED
    choose(t.page, "Ik zeg dat hij rustig moet blijven.")
    assert first.locator(".ilomo-melding").inner_text() == NOT_SAVED
    choose(t.page, "Ik vraag de beveiliging om hulp.")
    assert first.locator(".ilomo-stap .ilomo-kop").inner_text() == "Einde: Het contact is weg"
    last = t.page.evaluate("() => window.events[window.events.length - 1]")
    assert last == {"v": 2, "id": sc.id, "kind": "dilemma", "path": [1, 1], "seed": last["seed"], "finished": True}
    first.locator(".ilomo-opnieuw").click()
    assert first.locator(".ilomo-stap .ilomo-kop").inner_text() == "Aan de balie"
    t.page.locator(f"{SEC} textarea").first.fill("Tekst")  # reflection too
    t.page.locator(f"{SEC} [role=group] button").last.click()  # and sorting
    assert t.page.locator(f"{SEC} .ilomo-melding").all_inner_texts() == [NOT_SAVED] * 3
