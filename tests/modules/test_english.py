"""Clear language: no English word from ilomo.content.language.ENGLISH_WORDS on a learner page without its Dutch
alternative. A module page is its notebook's Markdown plus the texts of the exercises played on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from ilomo.content.language import ENGLISH_WORDS, report, score_text, unexplained_english
from ilomo.content.modules import load_module

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "notebooks").glob("0[1-9]-*.ipynb"))
BOOK_PAGES = [p for p in sorted((ROOT / "book").glob("*.md")) if p.name != "auteurs.md"]
BOOK_PAGES += sorted((ROOT / "book" / "leerlijnen").glob("*.md"))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def module_page_text(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    parts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    for sid in load_module(notebook).exercises:
        scenario = ROOT / "scenarios" / f"{sid}.yml"
        if scenario.is_file():
            parts += _strings(YAML(typ="safe").load(scenario.read_text(encoding="utf-8")))
    return "\n".join(parts)


@pytest.mark.parametrize("notebook", MODULES, ids=[m.name for m in MODULES])
def test_module_pages_explain_every_english_word(notebook: Path) -> None:
    assert unexplained_english(module_page_text(notebook)) == []


@pytest.mark.parametrize("page", BOOK_PAGES, ids=[p.name for p in BOOK_PAGES])
def test_book_pages_explain_every_english_word(page: Path) -> None:
    assert unexplained_english(page.read_text(encoding="utf-8")) == []


def test_an_unexplained_word_is_found_and_an_explained_one_is_not() -> None:
    assert unexplained_english("Maak Screenshots van het gesprek.") == [("screenshot", "schermafbeelding")]
    assert unexplained_english("Een pilot is een proef op kleine schaal.") == []
    assert unexplained_english("De keynote ging over pilotprojecten.") == []  # only whole words count
    assert all(alt and alt == alt.lower() for alt in ENGLISH_WORDS.values())


def test_the_report_lists_english_words_with_what_to_say_instead() -> None:
    page = score_text("oefening.html", ["Vraag het aan de privacy officer. Hij zegt nee."])
    assert page.english == (("privacy officer", "privacyfunctionaris"),)
    text = report([page])
    assert "Engelse woorden zonder uitleg" in text
    assert "- oefening.html: 'privacy officer' (zeg: 'privacyfunctionaris')" in text
    assert "Engelse woorden" not in report([score_text("goed.html", ["De gemeente belt terug."])])
