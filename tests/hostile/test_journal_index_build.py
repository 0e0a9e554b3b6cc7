"""The journal index and the sources page are built while the book builds (``ilomo.journal.index``,
``ilomo.sphinxext.sources``): hostile scenario files and notebooks next to good ones are named in a build warning
and skipped; the build finishes, and the good reflection is in the journal page."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from ilomo.journal.index import read_reflections

from .test_scenario_inputs import alias_bomb

pytestmark = pytest.mark.timeout(120)
SITE = Path(__file__).parents[1] / "sphinxext" / "sites" / "journal"
GOOD = """id: 98-reflectie
kind: reflectie
title: Een goede reflectie
module: "98"
questions:
  - id: eerste-vraag
    prompt: Wat neem je mee?
"""
HOSTILE: dict[str, tuple[bytes | None, str]] = {
    "diep.yml": (b"a: " + b"[" * 30000 + b"]" * 30000, "1:27: te diep genest: meer dan 24 niveaus"),
    "bom.yml": (alias_bomb().encode(), "meer dan 200.000 waarden"),
    "cijfers.yml": (b"kind: reflectie\nmodule: " + b"7" * 5000 + b"\n", "2:9: dit getal is te lang (5000 cijfers)"),
    "utf16.yml": ("kind: reflectie\n".encode("utf-16"), "het bestand is UTF-16; sla het op als UTF-8"),
    "kapot.yml": (b"kind: reflectie\ntitle: [niet dicht\n", "geen geldige YAML; ilomo validate legt uit wat er mis is"),
    "pijp.yml": (None, "dit is een pipe (FIFO), geen gewoon bestand"),
    "map.yml": (None, "dit is een map, geen bestand"),
}


def hostile_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "98-reflectie.yml").write_text(GOOD, encoding="utf-8")
    for name, (data, _) in HOSTILE.items():
        if name == "pijp.yml":
            os.mkfifo(folder / name)
        elif name == "map.yml":
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(data or b"")
    return folder


def test_read_reflections_names_each_hostile_file_and_keeps_the_good_one(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path / "scenarios")
    warnings: list[str] = []
    [good] = read_reflections([folder], warnings.append)
    assert good["id"] == "98-reflectie" and good["questions"] == [
        {"id": "eerste-vraag", "prompt": "Wat neem je mee?", "prompt_html": "<p>Wat neem je mee?</p>\n"}
    ]
    assert len(warnings) == len(HOSTILE)
    for name, (_, message) in HOSTILE.items():
        [line] = [w for w in warnings if w.startswith(f"{folder / name}:")]
        assert message in line and line.endswith("(overgeslagen in het overzicht van de reflecties)"), line


def test_the_book_build_survives_hostile_scenarios_and_names_them(tmp_path: Path) -> None:
    src = Path(shutil.copytree(SITE, tmp_path / "site"))
    hostile_folder(src / "scenarios")
    (src / "bronnen.md").write_text("---\norphan: true\n---\n# Bronnen\n\n```{bronnenlijst}\n```\n", encoding="utf-8")
    (src / "notebooks").mkdir()
    deep_notebook = src / "notebooks" / "01-diep.ipynb"
    deep_notebook.write_text('{"cells": [], "metadata": {"ilomo": ' + "[" * 100_000 + "]" * 100_000 + "}}")
    app = SphinxTestApp("html", srcdir=src, freshenv=True)
    try:
        app.build()
        warnings = app.warning.getvalue()  # type: ignore[attr-defined]
        page = (Path(app.outdir) / "reflecties.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    for name, (_, message) in HOSTILE.items():
        for effect in ("overgeslagen in het overzicht van de reflecties", "niet meegeteld in de bronnenlijst"):
            pattern = rf"WARNING: {re.escape(str(src / 'scenarios' / name))}:.*{re.escape(message)}.* \({effect}\)"
            assert re.search(pattern, warnings), (name, effect, warnings)
    deep = "kan het notebook niet lezen: te diep genest: meer dan 32 niveaus"
    for effect in ("overgeslagen in het overzicht van de reflecties", "niet meegeteld in de bronnenlijst"):
        assert re.search(rf"WARNING: {re.escape(str(deep_notebook))}: .*{deep}.*{effect}", warnings), warnings
    data: dict[str, Any] = json.loads(re.search(r'id="ilomo-index">(.*?)</script>', page, re.S).group(1))
    assert "98-reflectie" in {r["id"] for r in data["reflecties"]}
