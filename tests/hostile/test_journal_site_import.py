"""The site's "Zet een back-up terug" against the shared hostile corpus (tests/hostile/journal/): in headless
Chromium, on the journal page of a small sphinx.testing site, every file is accepted or refused exactly as
``ilomo journal import`` does it (test_journal_inputs.py), with the same reason. A too-big file gets a message about
its size, and a full browser storage its own message; nothing already saved changes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from ilomo.inputs import JOURNAL, browser_limits
from ilomo.journal.format import replaced_note
from tests.conftest import serve_directory

from .journal_corpus import Case, made_cases, stored_cases

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]
SITE = Path(__file__).parents[1] / "sphinxext" / "sites" / "journal"
KEY = "ilomo:v1:journal"
MINE = {"version": 1, "entries": {"x/y": {"text": "Mijn eigen antwoord.", "updated": "", "module": ""}}}


@pytest.fixture(scope="module")
def journal_page(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Any]:
    """The journal page of the small site, built once, served on a free port of 127.0.0.1."""
    src = Path(shutil.copytree(SITE, tmp_path_factory.mktemp("site") / "journal"))
    app = SphinxTestApp("html", srcdir=src, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    server, url = serve_directory(Path(app.outdir))
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/reflecties.html")
    page.wait_for_selector("input[type=file]")
    yield page, url, errors
    context.close()
    server.shutdown()
    assert not errors, errors


def import_file(page: Any, url: str, path: Path, filler: int = 0) -> tuple[str, dict[str, Any]]:
    """Start from a browser holding one answer (and `filler` characters of other data), import `path`; returns
    the page's message and the journal in storage afterwards."""
    page.evaluate("([key, mine, filler]) => { localStorage.clear(); localStorage.setItem(key, mine); "
                  "if (filler) localStorage.setItem('ander:vulling', 'x'.repeat(filler)); }",
                  [KEY, json.dumps(MINE), filler])
    page.goto(f"{url}/reflecties.html")
    page.set_input_files("input[type=file]", str(path))
    status = page.locator(".ilomo-bericht p")
    status.wait_for()
    return status.inner_text(), json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY))


def check(case: Case, page: Any, url: str) -> None:
    shown, journal = import_file(page, url, case.path)
    if case.expect["outcome"] == "refuse":
        assert shown.startswith("Dit bestand kan ILOMO niet gebruiken. "), (case.name, shown)
        assert case.expect["message"].lower() in shown.lower(), (case.name, shown)
        assert shown.endswith("Er is niets veranderd.")
        assert journal == MINE, case.name
    else:
        answers = case.expect["answers"]
        added = "1 antwoord toegevoegd." if answers == 1 else f"{answers} antwoorden toegevoegd."
        assert shown.startswith(f"De back-up is gelezen. {added} 0 antwoorden waren al hetzelfde."), (case.name, shown)
        note = replaced_note(case.expect["replaced"])
        assert (note in shown) if note else "vervangen" not in shown, (case.name, shown)
        assert len(journal["entries"]) == 1 + answers and journal["entries"]["x/y"] == MINE["entries"]["x/y"]
        assert not any("\ud800" <= c <= "\udfff" for e in journal["entries"].values() for c in e["text"])


def test_the_page_has_the_limits_of_the_cli(journal_page: Any) -> None:
    page, _, _ = journal_page
    limits = page.evaluate("() => JSON.parse(document.getElementById('ilomo-index').textContent).limits")
    assert limits == browser_limits(JOURNAL)


def test_stored_corpus(journal_page: Any) -> None:
    page, url, _ = journal_page
    for case in stored_cases():
        check(case, page, url)


def test_made_corpus(journal_page: Any, tmp_path: Path) -> None:
    page, url, _ = journal_page
    for case in made_cases(tmp_path):
        check(case, page, url)


def test_full_storage_has_its_own_message(journal_page: Any, tmp_path: Path) -> None:
    page, url, _ = journal_page
    [big] = [c for c in made_cases(tmp_path) if c.name == "almost-4mb.json"]
    shown, journal = import_file(page, url, big.path, filler=2_000_000)
    assert shown.startswith("De opslag van ILOMO in deze browser is vol. Er is niets veranderd."), shown
    assert journal == MINE


def test_a_site_backup_with_lone_surrogates_imports_in_the_cli(journal_page: Any, tmp_path: Path) -> None:
    """An answer in the browser that holds a lone surrogate goes into "Download een back-up" as JSON.stringify
    writes it (an escape); `ilomo journal import` takes that backup with the character replaced, and says so."""
    from ilomo.cli import main
    from ilomo.journal import FileJournal

    page, url, _ = journal_page
    page.evaluate("""([key]) => localStorage.setItem(key, JSON.stringify({version: 1,
        entries: {"a/b": {text: "half \\ud800 teken", updated: "", module: ""}}}))""", [KEY])
    page.goto(f"{url}/reflecties.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download een back-up (JSON)").click()
    path = tmp_path / "site.json"
    download.value.save_as(path)
    assert "\\ud800" in path.read_text(encoding="utf-8")
    assert main(["journal", "import", str(path), "--journal", str(tmp_path / "journal.json")]) == 0
    assert FileJournal(tmp_path / "journal.json").entries()["a/b"]["text"] == "half \ufffd teken"


def test_a_cli_export_of_a_damaged_text_imports_on_the_site(journal_page: Any, tmp_path: Path) -> None:
    """The other way: a journal file holding escaped lone surrogates is exported by the CLI with them replaced,
    and the site takes the export whole."""
    from ilomo.cli import main

    page, url, _ = journal_page
    journal = tmp_path / "journal.json"
    text = '{"version": 1, "entries": {"a/b": {"text": "een \\ud800 twee"}, "a/c": {"text": "\U0001f600"}}}'
    journal.write_text(text, encoding="utf-8")
    export = tmp_path / "export.json"
    assert main(["journal", "export", "--format", "json", "--journal", str(journal), "--output", str(export)]) == 0
    shown, stored = import_file(page, url, export)
    assert shown.startswith("De back-up is gelezen. 2 antwoorden toegevoegd."), shown
    assert stored["entries"]["a/b"]["text"] == "een \ufffd twee" and stored["entries"]["a/c"]["text"] == "\U0001f600"


def test_keeping_both_versions_never_makes_an_answer_too_long(journal_page: Any, tmp_path: Path) -> None:
    page, url, _ = journal_page
    mine = {"version": 1, "entries": {"a/b": {"text": "m" * 60_000, "updated": "", "module": ""}}}
    page.evaluate("([key, mine]) => { localStorage.clear(); localStorage.setItem(key, mine); }",
                  [KEY, json.dumps(mine)])
    page.goto(f"{url}/reflecties.html")
    backup = tmp_path / "lang.json"
    backup.write_text(json.dumps({"version": 1, "entries": {"a/b": {"text": "t" * 60_000}}}), encoding="utf-8")
    page.set_input_files("input[type=file]", str(backup))
    page.get_by_label("Bewaar allebei, onder elkaar").check()
    page.get_by_role("button", name="Bewaar mijn keuzes").click()
    shown = page.locator(".ilomo-bericht p").inner_text()
    assert shown == ("Je keuzes zijn bewaard. 0 antwoorden zijn aangepast. Bij a/b passen beide versies samen niet in "
                     "één antwoord (hoogstens 100.000 tekens). Daar staat nog je eigen versie.")
    assert json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY))["entries"] == mine["entries"]
