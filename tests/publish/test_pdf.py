"""`make pdf`: two PDF handouts per module (participants, trainers), with the module's title and its main exercise
as text; each version holds what it must and nothing it must not, on a reasonable number of pages."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ilomo.publish import HANDOUTS, main, make_pdfs, module_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
MODULES = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb") if not p.name.startswith("00-"))


def norm(text: str) -> str:
    """Comparable text: ligatures unfolded (ﬂ -> fl), quotes plain, Markdown marks and line breaks gone."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def module_meta(notebook: Path) -> dict[str, Any]:
    return json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["ilomo"]


def first_situation(notebook: Path) -> str:
    """The first paragraph of the main exercise: the start situation of the module's first dilemma (or, in a
    module without a dilemma, the first card of its first sortering)."""
    yaml = YAML(typ="safe")
    scenarios = [yaml.load(ROOT / "scenarios" / f"{sid}.yml") for sid in module_meta(notebook)["exercises"]]
    dilemmas = [s for s in scenarios if s["kind"] == "dilemma"]
    if dilemmas:
        sc = dilemmas[0]
        text = next(s for s in sc["situations"] if s["id"] == sc["start"])["text"]
    else:
        text = next(s for s in scenarios if s["kind"] == "sortering")["items"][0]["text"]
    return text.strip().split("\n\n")[0]


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return norm(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


# Reasonable lengths: the longest modules (27 and 29 pages since the dilemmas have at least 8 situations each, all
# printed so that a learner can follow any route on paper) fit in these, and pages are filled (a page break per
# heading, as before, left about half of each page empty).
MAX_PAGES = {"deelnemers": 30, "trainers": 32}
MIN_CHARACTERS_PER_PAGE = 1400


def handout(module_pdfs: list[Path], notebook: Path, version: str) -> Path:
    return next(p for p in module_pdfs if p.name == f"{notebook.stem}-{version}.pdf")


def scenarios_of(notebook: Path) -> list[dict[str, Any]]:
    yaml = YAML(typ="safe")
    return [yaml.load(ROOT / "scenarios" / f"{sid}.yml") for sid in module_meta(notebook)["exercises"]]


def answers(notebook: Path) -> list[str]:
    """Texts only the trainers' handout may hold: feedback on choices and cards, and the debrief questions."""
    found = []
    for sc in scenarios_of(notebook):
        for situation in sc.get("situations") or []:
            found += [c["feedback"] for c in situation.get("choices") or [] if c.get("feedback")]
        found += [i["feedback"] for i in sc.get("items") or [] if i.get("feedback")]
        found += list(sc.get("debrief") or [])
    return [norm(a.strip().split("\n\n")[0])[:60] for a in found if isinstance(a, str) and a.strip()]


def test_there_are_two_pdfs_for_every_module(module_pdfs: list[Path], built_html: Path) -> None:
    assert MODULES, "no module notebooks"
    assert [p.name for p in module_pdfs] == [f"{m.stem}-{h}.pdf" for m in MODULES for h in HANDOUTS]
    assert [p.stem for p in module_pages(built_html)] == [p.stem for p in MODULES]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in module_pdfs)


@pytest.mark.parametrize("version", HANDOUTS)
@pytest.mark.parametrize("notebook", MODULES, ids=lambda p: p.stem[:2])
def test_pdf_holds_the_title_and_the_main_dilemma_as_text(module_pdfs: list[Path], notebook: Path,
                                                           version: str) -> None:
    text = pdf_text(handout(module_pdfs, notebook, version))
    assert norm(module_meta(notebook)["title"]) in text
    assert norm(first_situation(notebook)) in text
    # A handout: the text version of the exercises, not the player's buttons or the page navigation.
    for screen_only in ("Toon de hele oefening als tekst", "Zoeken Ctrl", "Kleurmodus", "Naar de inhoud"):
        assert screen_only not in text


@pytest.mark.parametrize("notebook", MODULES, ids=lambda p: p.stem[:2])
def test_participants_get_questions_and_room_not_answers(module_pdfs: list[Path], notebook: Path) -> None:
    text = pdf_text(handout(module_pdfs, notebook, "deelnemers"))
    hidden = answers(notebook)
    assert hidden, "the module has no feedback or debrief to check"
    assert [a for a in hidden if a in text] == []
    for trainer_only in ("Voor de trainer", "Hoort bij:", "Gevolg:", "Vragen om over na te denken"):
        assert trainer_only not in text
    assert "Jouw antwoord" in text or "Wat kies jij, en waarom?" in text  # room to write
    assert "voor deelnemers" in text  # the footer says which version this is


@pytest.mark.parametrize("notebook", MODULES, ids=lambda p: p.stem[:2])
def test_trainers_get_answers_plan_and_debrief(module_pdfs: list[Path], notebook: Path) -> None:
    text = pdf_text(handout(module_pdfs, notebook, "trainers"))
    shown = answers(notebook)
    assert [a for a in shown if a not in text] == []
    assert "Voor de trainer" in text and "voor trainers" in text
    assert "Jouw antwoord" not in text and "Wat kies jij, en waarom?" not in text
    assert "Daarna: Situatie:" not in text  # the old, hard-to-read "Daarna" line


@pytest.mark.parametrize("version", HANDOUTS)
def test_page_counts_stay_reasonable(module_pdfs: list[Path], version: str) -> None:
    from pypdf import PdfReader

    counts, density = {}, {}
    for pdf in (p for p in module_pdfs if p.name.endswith(f"-{version}.pdf")):
        pages = PdfReader(pdf).pages
        counts[pdf.name] = len(pages)
        density[pdf.name] = sum(len(page.extract_text() or "") for page in pages) // len(pages)
    assert counts and all(2 <= n <= MAX_PAGES[version] for n in counts.values()), counts
    assert all(d >= MIN_CHARACTERS_PER_PAGE for d in density.values()), density


def test_one_module_by_number(built_html: Path, browser: Any, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    make_pdfs(built_html, tmp_path, browser=browser, module="7")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{m.stem}-{h}.pdf" for m in MODULES if m.name[:2] == "07"
                                                         for h in HANDOUTS]
    assert main(["pdf", str(built_html), str(tmp_path), "--module", "42"]) == 1
    assert "module '42' bestaat niet" in capsys.readouterr().err


def test_make_pdf_prints_from_the_built_site() -> None:
    plan = subprocess.run(["make", "-n", "pdf"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "jupyter-book build" in plan and "ilomo publish pdf _build/html _build/pdf" in plan
    assert "--module" not in plan  # all modules
    one = subprocess.run(["make", "-n", "pdf", "MODULE=07"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "ilomo publish pdf _build/html _build/pdf --module 07" in one.stdout
