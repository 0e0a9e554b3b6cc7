"""`make pdf`: one PDF handout per module, with the module's title and its main exercise as text."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ilomo.publish import module_pages
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


def test_there_is_a_pdf_for_every_module(module_pdfs: list[Path], built_html: Path) -> None:
    assert MODULES, "no module notebooks"
    assert [p.stem for p in module_pdfs] == [p.stem for p in MODULES]
    assert [p.stem for p in module_pages(built_html)] == [p.stem for p in MODULES]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in module_pdfs)


@pytest.mark.parametrize("notebook", MODULES, ids=lambda p: p.stem[:2])
def test_pdf_holds_the_title_and_the_main_dilemma_as_text(module_pdfs: list[Path], notebook: Path) -> None:
    pdf = next(p for p in module_pdfs if p.stem == notebook.stem)
    text = pdf_text(pdf)
    assert norm(module_meta(notebook)["title"]) in text
    assert norm(first_situation(notebook)) in text
    # A handout: the text version of the exercises, not the player's buttons or the page navigation.
    for screen_only in ("Toon de hele oefening als tekst", "Zoeken Ctrl", "Kleurmodus"):
        assert screen_only not in text


def test_make_pdf_prints_from_the_built_site() -> None:
    plan = subprocess.run(["make", "-n", "pdf"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "jupyter-book build" in plan and "ilomo publish pdf _build/html _build/pdf" in plan
