"""The book's trainer pages: every module's session plan, generated from the notebooks, and plain Dutch."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ilomo.content.modules import load_module, sentences
from ilomo.sphinxext.session_plans import module_plans, trainer_plan
from tests.conftest import ROOT

MODULES = sorted((ROOT / "notebooks").glob("0[1-9]-*.ipynb"))
TRAINERS = ROOT / "book" / "trainers"


def test_every_module_has_a_plan_with_its_table() -> None:
    plans = module_plans(ROOT / "notebooks")
    assert [p.path for p in plans] == MODULES
    for plan in plans:
        assert "| Minuten |" in plan.body and not plan.body.startswith(":class:")
        assert "sessieplannen.md" not in plan.body  # the link back is left out


def test_plan_is_the_dropdown_body() -> None:
    section = "```{admonition} Voor de trainer\n:class: dropdown tip\n\n**Voorbereiding.** Koffie.\n\nZie [alle](../book/trainers/sessieplannen.md).\n```\n"  # noqa: E501
    assert trainer_plan(section) == "**Voorbereiding.** Koffie."
    assert trainer_plan("Geen blok.") is None


@pytest.mark.parametrize("notebook", MODULES, ids=[m.name for m in MODULES])
def test_trainer_dropdown_links_to_the_plans_page(notebook: Path) -> None:
    text = load_module(notebook).section_text["Voor de trainer"]
    assert "](../book/trainers/sessieplannen.md)" in text


@pytest.mark.slow
def test_directive_builds_the_page_from_the_notebooks(tmp_path: Path) -> None:
    """A small Sphinx project with the directive and the module notebooks (they link to each other's pages in
    "Hierna"): no warnings, every plan there."""
    src = tmp_path / "src"
    (src / "notebooks").mkdir(parents=True)
    (src / "book" / "trainers").mkdir(parents=True)
    (src / "book" / "leerlijnen").mkdir(parents=True)
    for notebook in MODULES:
        shutil.copy(notebook, src / "notebooks" / notebook.name)
    # pages the notebooks link to
    stubs = [page.relative_to(ROOT / "book").with_suffix("").as_posix() for page in (ROOT / "book").glob("*.md")]
    stubs += [f"leerlijnen/{page.stem}" for page in (ROOT / "book" / "leerlijnen").glob("*.md")]
    for stub in stubs:
        (src / "book" / f"{stub}.md").write_text(f"# {stub}\n", encoding="utf-8")
    (src / "book" / "trainers" / "sessieplannen.md").write_text(
        "# Sessieplannen\n\nAlle plannen.\n\n```{sessieplannen}\n```\n", encoding="utf-8"
    )
    pages = ["book/trainers/sessieplannen", *(f"book/{stub}" for stub in stubs)]
    pages += [f"notebooks/{m.stem}" for m in MODULES]
    (src / "index.md").write_text(
        "# Test\n\n```{toctree}\n:hidden:\n\n" + "\n".join(pages) + "\n```\n", encoding="utf-8"
    )
    (src / "conf.py").write_text(
        "extensions = ['myst_nb', 'ilomo.sphinxext.session_plans']\n"
        "nb_execution_mode = 'off'\nmyst_enable_extensions = ['colon_fence']\nsmartquotes = False\n",
        encoding="utf-8",
    )
    # In a subprocess: Sphinx apps made earlier in the same test process leave registry state behind.
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(src), str(tmp_path / "out")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == ""
    page = html.unescape((tmp_path / "out" / "book" / "trainers" / "sessieplannen.html").read_text(encoding="utf-8"))
    for notebook in MODULES:
        module = load_module(notebook)
        assert f"Module {module.session:02d}: {module.title}" in page
        assert f'href="../../notebooks/{notebook.stem}.html"' in page
    assert page.count("<th class=\"head\"><p>Minuten</p></th>") == len(MODULES)


@pytest.mark.parametrize("page", ["index.md", "sessieplannen.md"])
def test_trainer_pages_are_plain(page: str) -> None:
    """Begrijpelijke taal (B1): on average under 14 words a sentence, none over 25."""
    lengths = [len(s.split()) for s in sentences((TRAINERS / page).read_text(encoding="utf-8"))]
    assert lengths and sum(lengths) / len(lengths) < 14
    assert max(lengths) <= 25
