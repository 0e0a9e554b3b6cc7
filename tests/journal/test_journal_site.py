"""The reflection journal and learning-track progress on the built site, in headless Chromium under the site's own
Content-Security-Policy: saving while typing, "Mijn reflecties" (list, Markdown and JSON download, import with
conflicts, erase with confirmation), damaged storage, tracks, and the round trip through `ilomo journal`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ilomo import cli
from ilomo.journal import BOTH_SEPARATOR, FileJournal
from ilomo.journal.index import default_index
from ilomo.static import ASSETS
from tests.site.test_accessibility import axe_violations

pytestmark = pytest.mark.browser

JOURNAL = "ilomo:v1:journal"
TRACK = "ilomo:v1:leerlijn"
PROGRESS = "ilomo:v1:progress:"
MODULE_07 = "notebooks/07-contact-maken-en-houden.html"
MODULE_06 = "notebooks/06-lokaal-beeld.html"
JOURNAL_PAGE = "book/mijn-reflecties.html"
ENERGY = "book/leerlijnen/energietransitie.html"
INTRO = "book/intro.html"
REFLECTIE = "section[data-ilomo-id='07-reflectie']"
INDEX = default_index()
PROMPTS = {f"{r['id']}/{q['id']}": q["prompt"] for r in INDEX["reflecties"] for q in r["questions"]}


class Guard:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def watch(self, page: Any) -> Any:
        page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(str(e)))
        page.on("dialog", lambda d: (self.problems.append("dialog: " + d.message), d.dismiss()))
        return page


@pytest.fixture
def open_page(browser: Any, site_url: str) -> Iterator[Any]:
    """open_page(path, context=None) -> page in a fresh context (or the given one); no request leaves 127.0.0.1,
    no console error, no window.confirm/alert."""
    guard, contexts = Guard(), []

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname in ("127.0.0.1", None):
            r.continue_()
        else:
            guard.problems.append("request: " + r.request.url)
            r.abort()

    def make(path: str, context: Any = None) -> Any:
        if context is None:
            context = browser.new_context(accept_downloads=True)
            context.route("**/*", route)
            contexts.append(context)
        page = guard.watch(context.new_page())
        page.goto(f"{site_url}/{path}")
        return page

    yield make
    for c in contexts:
        c.close()
    assert not guard.problems, guard.problems


def journal(page: Any) -> Any:
    raw = page.evaluate("(k) => localStorage.getItem(k)", JOURNAL)
    return None if raw is None else json.loads(raw)


def put(page: Any, key: str, value: Any) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, text])


def entry(text: str, updated: str = "2026-03-03T13:32:00.000Z", module: str = "07") -> dict[str, str]:
    return {"text": text, "updated": updated, "module": module}


def download(page: Any, label: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------
# Saving while typing


def test_answers_are_saved_while_typing_and_come_back(open_page: Any) -> None:
    page = open_page(MODULE_07)
    page.evaluate("""() => { window.writes = 0; const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'ilomo:v1:journal') window.writes++;
        return set.call(this, k, v); }; }""")
    box = page.locator(f"{REFLECTIE} textarea").first
    box.click()
    page.keyboard.type("Een buurman was boos.", delay=15)
    assert journal(page) is None  # not on every key press ...
    stamp = page.locator(f"{REFLECTIE} .ilomo-opgeslagen")
    stamp.wait_for(state="visible")
    assert re.fullmatch(r"Opgeslagen in deze browser om \d\d:\d\d", stamp.inner_text())
    assert stamp.get_attribute("role") == "status"
    assert page.evaluate("() => window.writes") == 1  # ... but once, ~500 ms after the last one
    saved = journal(page)
    assert saved["version"] == 1
    got = saved["entries"]["07-reflectie/lastig-gesprek"]
    assert got["text"] == "Een buurman was boos." and got["module"] == "07"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", got["updated"])
    page.keyboard.type(" Ik luisterde.", delay=10)
    page.wait_for_timeout(700)
    assert stamp.inner_text() == page.evaluate("() => document.querySelector('.ilomo-opgeslagen').textContent")
    page.reload()
    assert page.locator(f"{REFLECTIE} textarea").first.input_value() == "Een buurman was boos. Ik luisterde."


def test_leaving_the_page_right_after_typing_loses_nothing(open_page: Any) -> None:
    page = open_page(MODULE_07)
    page.locator(f"{REFLECTIE} textarea").nth(1).fill("Snel getypt")
    page.goto(page.url.replace(MODULE_07, JOURNAL_PAGE))  # before the 500 ms: the pagehide flush writes it
    assert journal(page)["entries"]["07-reflectie/gelijk-willen"]["text"] == "Snel getypt"
    assert "Snel getypt" in page.locator(".ilomo-dagboek").inner_text()


def test_the_journal_fills_the_fields_without_progress(open_page: Any) -> None:
    """After an import on another computer there is no progress yet: the journal alone restores the answers."""
    page = open_page(MODULE_07)
    put(page, JOURNAL, {"version": 1, "entries": {"07-reflectie/grens": entry("Bij een dreigement stop ik.")}})
    page.reload()
    assert page.locator(f"{REFLECTIE} textarea").nth(5).input_value() == "Bij een dreigement stop ik."
    progress = json.loads(page.evaluate("(k) => localStorage.getItem(k)", PROGRESS + "07-reflectie"))
    assert progress["answers"] == {"grens": "Bij een dreigement stop ik."}
    page.locator(f"{REFLECTIE} .ilomo-opnieuw").click()  # starting again empties this exercise in the journal too
    page.wait_for_timeout(600)
    assert journal(page)["entries"] == {}
    page.reload()
    assert page.locator(f"{REFLECTIE} textarea").nth(5).input_value() == ""


# ---------------------------------------------------------------------------------------------------------
# Mijn reflecties: list and downloads

SEEDED = {
    "07-reflectie/lastig-gesprek": entry("Een buurman was boos.\nIk luisterde eerst."),
    "07-reflectie/grens": entry("Bij een dreigement stop ik het gesprek.", "2026-03-04T08:05:00.000Z"),
    "02-reflectie/wie-bel-je": entry("De wijkagent.", "2026-03-01T10:00:00.000Z", "02"),
    "oud-scenario/vraag": entry("Een antwoord op een vraag die er niet meer is.", module=""),
}


def test_journal_page_lists_answers_by_module(open_page: Any) -> None:
    page = open_page(JOURNAL_PAGE)
    assert "Je hebt nog geen reflecties geschreven." in page.locator(".ilomo-dagboek").inner_text()
    put(page, JOURNAL, {"version": 1, "entries": SEEDED})
    page.reload()
    root = page.locator(".ilomo-dagboek")
    assert root.locator("h3").all_inner_texts() == [
        "Module 2: Hoe ga je om met maatschappelijke onrust rondom asielopvang?",
        "Module 7: Contact maken en houden", "Andere antwoorden"]
    assert root.locator("h3 a").first.get_attribute("href") == "../notebooks/02-onrust-rond-asielopvang.html"
    text = " ".join(root.inner_text().split())
    assert "Je hebt 4 vragen beantwoord." in text
    assert " ".join(PROMPTS["07-reflectie/grens"].split()) in text
    assert "Een buurman was boos. Ik luisterde eerst." in text
    assert "Bewaard op 4 maart 2026 om" in text
    assert "oud-scenario/vraag" in text


def test_markdown_and_json_downloads(open_page: Any) -> None:
    page = open_page(JOURNAL_PAGE)
    put(page, JOURNAL, {"version": 1, "entries": SEEDED})
    page.reload()
    name, md = download(page, "Download als tekst (Markdown)")
    assert re.fullmatch(r"mijn-reflecties-\d{4}-\d\d-\d\d\.md", name)
    assert md.startswith("# Mijn reflecties\n")
    headings = ["## Module 2: ", "## Module 7: Contact maken en houden", "## Andere antwoorden"]
    assert [md.index(h) for h in headings] == sorted(md.index(h) for h in headings)
    assert "### Jouw lastige gesprekken" in md
    assert f"**Vraag 1.** {' '.join(PROMPTS['07-reflectie/lastig-gesprek'].split())}\n\n> Een buurman was boos.\n" \
           "> Ik luisterde eerst.\n\n*Bewaard op 3 maart 2026 om " in md
    assert "Je antwoorden zijn gedownload als tekstbestand." in page.locator(".ilomo-bericht").inner_text()
    name, raw = download(page, "Download een back-up (JSON)")
    assert re.fullmatch(r"ilomo-reflecties-\d{4}-\d\d-\d\d\.json", name)
    data = json.loads(raw)
    assert data["version"] == 1 and data["exported"].endswith("Z")
    assert data["entries"] == SEEDED


# ---------------------------------------------------------------------------------------------------------
# Import: merge, conflicts, bad files


def test_import_merges_and_asks_per_conflict(open_page: Any, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({"version": 1, "exported": "2026-03-05T10:00:00.000Z", "entries": SEEDED}), "utf-8")
    page = open_page(JOURNAL_PAGE)  # another computer: some answers of its own
    mine = {
        "07-reflectie/lastig-gesprek": entry("Mijn andere versie."),
        "07-reflectie/grens": entry("Hier ook anders."),
        "02-reflectie/wie-bel-je": entry("De wijkagent.", module="02"),  # the same text: no conflict
        "09-reflectie/eigen": entry("Alleen hier.", module="09"),
    }
    put(page, JOURNAL, {"version": 1, "entries": mine})
    page.reload()
    page.get_by_label("Zet een back-up terug (een JSON-bestand):").set_input_files(str(backup))
    say = page.locator(".ilomo-bericht")
    say.filter(has_text="De back-up is gelezen.").wait_for()
    assert say.inner_text() == ("De back-up is gelezen. 1 antwoord toegevoegd. 1 antwoord was al hetzelfde. "
                                "Bij 2 vragen is er een verschil. Kies hieronder wat je wilt bewaren.")
    assert say.get_attribute("role") == "status"
    section = page.locator(".ilomo-verschillen")
    assert page.evaluate("() => document.activeElement.textContent") == "Kies per vraag"
    fields = section.locator("fieldset")
    assert fields.count() == 2
    # Nothing is overwritten before the learner chooses.
    now = journal(page)["entries"]
    assert now["07-reflectie/lastig-gesprek"]["text"] == "Mijn andere versie."
    assert now["oud-scenario/vraag"]["text"] == SEEDED["oud-scenario/vraag"]["text"]  # new answers are added
    first = fields.nth(0)  # sorted by key: 07-reflectie/grens, then 07-reflectie/lastig-gesprek
    assert "Hier ook anders." in first.inner_text() and "Bij een dreigement stop ik het gesprek." in first.inner_text()
    assert first.get_by_label("Houd de versie uit deze browser").is_checked()  # the safe default
    first.get_by_label("Neem de versie uit het bestand").check()
    fields.nth(1).get_by_label("Bewaar allebei, onder elkaar").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Bewaar mijn keuzes").click()
    assert "Je keuzes zijn bewaard. 2 antwoorden zijn aangepast." in say.inner_text()
    assert section.count() == 0
    final = journal(page)["entries"]
    assert final["07-reflectie/grens"]["text"] == SEEDED["07-reflectie/grens"]["text"]
    assert final["07-reflectie/lastig-gesprek"]["text"] == \
        "Mijn andere versie." + BOTH_SEPARATOR + SEEDED["07-reflectie/lastig-gesprek"]["text"]
    assert final["09-reflectie/eigen"]["text"] == "Alleen hier."
    assert len(final) == 5  # 4 of mine + 1 new
    # The same file again: every answer is already there, no question to ask.
    page.get_by_label("Zet een back-up terug (een JSON-bestand):").set_input_files(str(backup))
    say.filter(has_text="0 antwoorden toegevoegd").wait_for()
    assert "verschil" not in say.inner_text() and section.count() == 0


def test_import_can_change_nothing(open_page: Any, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    backup.write_text(json.dumps({"version": 1, "entries": {"07-reflectie/grens": entry("Uit het bestand")}}), "utf-8")
    page = open_page(JOURNAL_PAGE)
    put(page, JOURNAL, {"version": 1, "entries": {"07-reflectie/grens": entry("Van mij")}})
    page.reload()
    page.get_by_label("Zet een back-up terug (een JSON-bestand):").set_input_files(str(backup))
    page.get_by_role("button", name="Niets veranderen").click()
    assert "Er is niets veranderd" in page.locator(".ilomo-bericht").inner_text()
    assert journal(page)["entries"]["07-reflectie/grens"]["text"] == "Van mij"


@pytest.mark.parametrize(("content", "reason"), [
    ("{kapot", "Geen geldige JSON."),
    ('{"version": 2, "entries": {}}', "Deze versie van het bestand ken ik niet."),
    ('{"version": 1, "entries": {"geen-vraag": {"text": "x"}}}', "geen geldige naam"),
    ('{"hallo": 1}', "Dit is geen ILOMO-reflectiebestand: 'version' en 'entries' ontbreken."),
])
def test_a_bad_file_changes_nothing(open_page: Any, tmp_path: Path, content: str, reason: str) -> None:
    bad = tmp_path / "slecht.json"
    bad.write_text(content, encoding="utf-8")
    page = open_page(JOURNAL_PAGE)
    put(page, JOURNAL, {"version": 1, "entries": {"07-reflectie/grens": entry("Van mij")}})
    page.reload()
    page.get_by_label("Zet een back-up terug (een JSON-bestand):").set_input_files(str(bad))
    say = page.locator(".ilomo-bericht")
    say.filter(has_text="niet gebruiken").wait_for()
    assert reason in say.inner_text() and "Er is niets veranderd." in say.inner_text()
    assert journal(page)["entries"] == {"07-reflectie/grens": entry("Van mij")}


# ---------------------------------------------------------------------------------------------------------
# Alles wissen


def test_erase_everything_after_an_in_page_confirmation(open_page: Any) -> None:
    page = open_page(JOURNAL_PAGE)
    put(page, JOURNAL, {"version": 1, "entries": SEEDED})
    put(page, PROGRESS + "07-leap-balie", {"v": 1, "id": "07-leap-balie", "kind": "dilemma", "path": [0]})
    put(page, TRACK, {"v": 1, "id": "energietransitie"})
    put(page, "mode", "dark")  # the theme's own setting is not ILOMO's to erase
    page.reload()
    wipe = page.get_by_role("button", name="Alles wissen")
    confirm = page.locator(".ilomo-bevestig")
    assert confirm.is_hidden()
    wipe.click()
    assert confirm.is_visible() and confirm.get_attribute("role") == "group"
    assert page.evaluate("() => document.activeElement.id") == confirm.get_attribute("aria-labelledby")
    assert "Dit kun je niet ongedaan maken." in confirm.inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Nee, niet wissen").click()
    assert confirm.is_hidden()
    assert page.evaluate("() => document.activeElement.textContent") == "Alles wissen"
    assert journal(page)["entries"] == SEEDED
    wipe.click()
    page.get_by_role("button", name="Ja, wis alles").click()
    assert "Alles is gewist." in page.locator(".ilomo-bericht").inner_text()
    assert page.evaluate("() => document.activeElement.textContent") == "Alles wissen"
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert "mode" in keys and not [k for k in keys if k.startswith("ilomo:")]
    assert "Je hebt nog geen reflecties geschreven." in page.locator(".ilomo-dagboek").inner_text()


# ---------------------------------------------------------------------------------------------------------
# Damaged storage


def test_damaged_journal_is_kept_aside_and_reported(open_page: Any) -> None:
    page = open_page(MODULE_07)
    put(page, JOURNAL, "{kapot")
    page.reload()
    notes = page.locator(f"{REFLECTIE} .ilomo-melding")
    assert notes.inner_text() == "Je bewaarde reflecties waren beschadigd. Kijk op de pagina Mijn reflecties."
    page.locator(f"{REFLECTIE} textarea").first.fill("Nieuw")
    page.locator(f"{REFLECTIE} .ilomo-opgeslagen").wait_for(state="visible")
    assert journal(page)["entries"]["07-reflectie/lastig-gesprek"]["text"] == "Nieuw"
    aside = page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('ilomo:v1:journal:corrupt:'))")
    assert len(aside) == 1 and page.evaluate("(k) => localStorage.getItem(k)", aside[0]) == "{kapot"
    journal_page = open_page(JOURNAL_PAGE, page.context)
    warning = journal_page.locator(".ilomo-waarschuwing")
    assert "beschadigd" in warning.inner_text()
    name, raw = download(journal_page, "Download de beschadigde gegevens")
    assert raw == "{kapot" and name.endswith(".txt")
    journal_page.get_by_role("button", name="Verwijder de beschadigde gegevens").click()
    assert warning.inner_text() == ""
    assert "Nieuw" in journal_page.locator(".ilomo-dagboek").inner_text()


@pytest.mark.parametrize("garbage", ["{kapot", "[1,2]", '{"version": 9}', "null"])
def test_journal_page_survives_garbage(open_page: Any, garbage: str) -> None:
    page = open_page(JOURNAL_PAGE)
    put(page, JOURNAL, garbage)
    page.reload()
    assert "Je hebt nog geen reflecties geschreven." in page.locator(".ilomo-dagboek").inner_text()
    if garbage != "null":  # JSON null is no data at all
        assert "beschadigd" in page.locator(".ilomo-waarschuwing").inner_text()
    assert journal(page) == {"version": 1, "entries": {}}


def test_blocked_storage_is_explained(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script("""Object.defineProperty(window, "localStorage", { configurable: true,
      get() { throw new DOMException("Toegang geweigerd", "SecurityError"); } });""")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}/{JOURNAL_PAGE}")
    assert "Deze browser bewaart niets voor ILOMO." in page.locator(".ilomo-dagboek").inner_text()
    page.goto(f"{site_url}/{ENERGY}")
    assert "0 van 7 modules afgerond." in page.locator(".ilomo-leerlijn").inner_text()
    page.get_by_role("button", name="Kies deze leerlijn").click()
    assert "kan niet worden bewaard" in page.locator(".ilomo-leerlijn-keuze").inner_text()
    context.close()
    assert errors == []


# ---------------------------------------------------------------------------------------------------------
# Learning tracks


def finish(page: Any, module: str, *, but: tuple[str, ...] = ()) -> None:
    """Mark every exercise of a module as finished in the progress state, except `but`."""
    for sid in next(m for m in INDEX["modules"] if m["id"] == module)["exercises"]:
        if sid not in but:
            put(page, PROGRESS + sid, {"v": 1, "id": sid, "kind": "x", "path": [], "finished": True})


def test_choose_a_track_and_follow_progress(open_page: Any) -> None:
    energy = next(t for t in INDEX["tracks"] if t["id"] == "energietransitie")
    assert len(energy["modules"]) == 7
    page = open_page(INTRO)
    box = page.locator(".ilomo-mijn-leerlijn")
    assert "Je hebt nog geen leerlijn gekozen." in box.inner_text()
    assert box.get_by_role("link", name="Energietransitie").get_attribute("href") == "leerlijnen/energietransitie.html"

    page.goto(page.url.replace(INTRO, ENERGY))
    track = page.locator(".ilomo-leerlijn")
    assert "Je hebt nog geen leerlijn gekozen." in track.inner_text()
    assert track.locator(".ilomo-leerlijn-teller").inner_text() == "0 van 7 modules afgerond."
    page.get_by_role("button", name="Kies deze leerlijn").click()
    assert track.locator("[role=status]").inner_text() == "Dit is jouw leerlijn."
    assert json.loads(page.evaluate("(k) => localStorage.getItem(k)", TRACK))["id"] == "energietransitie"
    assert page.get_by_role("button", name="Stop met deze leerlijn").is_visible()
    assert axe_violations(page) == []

    for module in ("01", "03", "05"):
        finish(page, module)
    finish(page, "07", but=("07-reflectie",))  # one exercise short: not done
    page.reload()
    assert track.locator(".ilomo-leerlijn-teller").inner_text() == "3 van 7 modules afgerond."
    assert track.locator("progress").get_attribute("value") == "3"
    assert "Volgende module: Module 6: " in track.inner_text()

    # Module 06 through its pages: two exercises stored as done, the stelling and the reflection played.
    finish(page, "06", but=("06-stelling-twee-jaar", "06-reflectie"))
    page.goto(page.url.replace(ENERGY, MODULE_06))
    stelling = page.locator("section[data-ilomo-id='06-stelling-twee-jaar']")
    stelling.locator("[role=group] button").first.click()
    reflectie = page.locator("section[data-ilomo-id='06-reflectie']")
    boxes = reflectie.locator("textarea")
    for n in range(boxes.count()):
        boxes.nth(n).fill(f"Antwoord {n + 1}")
    assert reflectie.locator(".ilomo-status").inner_text() == "Je hebt alle vragen beantwoord."
    page.goto(page.url.replace(MODULE_06, ENERGY))
    assert track.locator(".ilomo-leerlijn-teller").inner_text() == "4 van 7 modules afgerond."
    page.goto(page.url.replace(ENERGY, INTRO))
    assert " ".join(box.inner_text().split()).startswith("Jouw leerlijn: Energietransitie. 4 van 7 modules afgerond.")
    assert axe_violations(page) == []

    # Another track page shows its own count and which track is chosen.
    page.goto(page.url.replace(INTRO, "book/leerlijnen/asiel-en-migratie.html"))
    other = page.locator(".ilomo-leerlijn")
    assert "Je volgt nu de leerlijn Energietransitie." in other.inner_text()
    assert other.locator(".ilomo-leerlijn-teller").inner_text() == "3 van 8 modules afgerond."  # 01, 05, 06
    page.get_by_role("button", name="Kies deze leerlijn").click()
    page.goto(page.url.replace("book/leerlijnen/asiel-en-migratie.html", INTRO))
    assert "Jouw leerlijn: Asiel en migratie." in box.inner_text()


def test_imported_reflections_count_for_a_track(open_page: Any) -> None:
    page = open_page(ENERGY)
    put(page, TRACK, {"v": 1, "id": "energietransitie"})
    finish(page, "07", but=("07-reflectie",))
    questions = next(r for r in INDEX["reflecties"] if r["id"] == "07-reflectie")["questions"]
    put(page, JOURNAL, {"version": 1, "entries": {f"07-reflectie/{q['id']}": entry("x") for q in questions}})
    page.reload()
    assert page.locator(".ilomo-leerlijn-teller").inner_text() == "1 van 7 modules afgerond."


def test_progress_follows_another_tab(open_page: Any) -> None:
    page = open_page(INTRO)
    put(page, TRACK, {"v": 1, "id": "landelijk-gebied"})
    page.reload()
    other = open_page(ENERGY, page.context)
    finish(other, "01")
    page.locator(".ilomo-mijn-leerlijn").filter(has_text="1 van 7 modules afgerond.").wait_for()


# ---------------------------------------------------------------------------------------------------------
# Which pages load what; round trip with the notebooks


def test_journal_script_only_where_needed(built_html: Path) -> None:
    def loading(script: str) -> set[str]:
        return {str(p.relative_to(built_html)) for p in built_html.rglob("*.html") if "_static" not in p.parts
                and f"_static/{script}" in p.read_text(encoding="utf-8")}

    tracks = {"book/leerlijnen/asiel-en-migratie.html", "book/leerlijnen/energietransitie.html",
              "book/leerlijnen/landelijk-gebied.html"}
    assert loading("ilomo-boek.js") == {"book/mijn-reflecties.html", "book/intro.html", *tracks}
    assert loading("ilomo-leerlijn.js") == {"book/intro.html", *tracks}
    assert loading("ilomo-journal.js") == {"book/mijn-reflecties.html"}
    module = (built_html / MODULE_07).read_text(encoding="utf-8")
    assert "ilomo-journal" not in module and "ilomo-boek" not in module and 'id="ilomo-index"' not in module


@pytest.mark.parametrize("pattern", [r"innerHTML", r"outerHTML", r"insertAdjacentHTML", r"document\.write",
                                     r"\beval\s*\(", r"new\s+Function", r"\bfetch\s*\(", r"XMLHttpRequest",
                                     r"WebSocket", r"sendBeacon", r"https?://", r"window\.confirm|\bconfirm\("])
def test_journal_script_uses_nothing_dangerous(pattern: str) -> None:
    for script in ("ilomo-boek.js", "ilomo-leerlijn.js", "ilomo-journal.js"):
        assert not re.search(pattern, (ASSETS / script).read_text(encoding="utf-8")), (script, pattern)


def test_site_backup_round_trips_through_the_cli(open_page: Any, tmp_path: Path) -> None:
    page = open_page(JOURNAL_PAGE)
    put(page, JOURNAL, {"version": 1, "entries": SEEDED})
    page.reload()
    _, raw = download(page, "Download een back-up (JSON)")
    from_site = tmp_path / "van-de-site.json"
    from_site.write_text(raw, encoding="utf-8")
    notebook = tmp_path / "journal.json"
    FileJournal(notebook).save("09-reflectie", "eigen", "Geschreven in een notebook.", module="09")
    assert cli.main(["journal", "import", str(from_site), "--journal", str(notebook)]) == 0
    assert FileJournal(notebook).load("07-reflectie") == {k.split("/")[1]: v["text"] for k, v in SEEDED.items()
                                                           if k.startswith("07-reflectie/")}
    back = tmp_path / "naar-de-site.json"
    assert cli.main(["journal", "export", "--format", "json", "-o", str(back), "--journal", str(notebook)]) == 0

    fresh = open_page(JOURNAL_PAGE)  # another browser
    fresh.get_by_label("Zet een back-up terug (een JSON-bestand):").set_input_files(str(back))
    fresh.locator(".ilomo-bericht").filter(has_text="5 antwoorden toegevoegd").wait_for()
    entries = journal(fresh)["entries"]
    assert entries == {**SEEDED, "09-reflectie/eigen": entries["09-reflectie/eigen"]}
    assert entries["09-reflectie/eigen"]["text"] == "Geschreven in een notebook."
    assert "Geschreven in een notebook." in fresh.locator(".ilomo-dagboek").inner_text()
    module = open_page(MODULE_07, fresh.context)  # and the exercise shows the imported answers
    assert module.locator(f"{REFLECTIE} textarea").first.input_value() == SEEDED["07-reflectie/lastig-gesprek"]["text"]
