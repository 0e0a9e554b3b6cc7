"""ilomo new: a starter of every kind that passes validate --strict and the module standard at once, wired into
the module's notebook; refusals with a clear Dutch message."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from ilomo.authoring.new import kinds, scenario_text
from ilomo.cli import main
from ilomo.content.modules import check_module, load_module
from ilomo.scenario.finder import REPO_SCENARIOS
from ilomo.scenario.validate import check_text

REPO = REPO_SCENARIOS.parent
MODULE = "07"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's notebooks and scenarios to add exercises to."""
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    shutil.copytree(REPO / "scenarios", tmp_path / "scenarios")
    return tmp_path


def new(repo: Path, *args: str) -> int:
    return main(["new", *args, "--scenarios", str(repo / "scenarios"), "--notebooks", str(repo / "notebooks")])


def notebook(repo: Path) -> Path:
    return next((repo / "notebooks").glob(f"{MODULE}-*.ipynb"))


@pytest.mark.parametrize("kind", kinds())
def test_every_starter_is_valid_without_a_single_warning(kind):
    model, problems = check_text(scenario_text(kind, "07-nieuw", "07"), "07-nieuw.yml", "07-nieuw", warnings=True)
    assert model is not None and model.kind == kind
    assert problems == []  # not even a didactic warning: the starter dilemma passes --strict as written


def test_new_exercises_of_every_kind_pass_validate_strict_and_check(repo, capsys):
    before = len(load_module(notebook(repo)).plays())
    ids = [f"{MODULE}-nieuw-{kind}" for kind in kinds()]
    for kind, sid in zip(kinds(), ids, strict=True):
        assert new(repo, kind, sid, "--module", MODULE) == 0
        out = capsys.readouterr().out
        assert f"ilomo preview {sid}" in out
    assert main(["validate", "--strict", *(str(repo / "scenarios" / f"{sid}.yml") for sid in ids)]) == 0
    assert check_module(notebook(repo), repo / "scenarios") == []
    module = load_module(notebook(repo))
    assert [sid for _, sid in module.plays()][before:] == ids
    assert module.exercises[-len(ids) :] == ids


def test_the_notebook_gets_a_heading_a_tagged_cell_and_the_metadata_entry(repo):
    assert new(repo, "dilemma", "07-balie-gesprek", "--module", MODULE, "--titel", "Aan de balie") == 0
    nb = nbformat.read(notebook(repo), as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if c.source == 'ilomo.play("07-balie-gesprek")')
    cell, heading = nb.cells[index], nb.cells[index - 1]
    assert cell.cell_type == "code" and cell.metadata["tags"] == ["remove-input"] and cell.outputs == []
    numbers = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("### ")]
    assert heading.source.startswith(f"### {len(numbers)}. Aan de balie\n\n")
    assert "verzonnen" in heading.source  # the module standard: a fictional case says so above it
    assert nb.metadata["ilomo"]["exercises"][-1] == "07-balie-gesprek"
    nbformat.validate(nb)
    assert "title: Aan de balie" in (repo / "scenarios" / "07-balie-gesprek.yml").read_text(encoding="utf-8")


def test_an_existing_id_is_refused_and_nothing_changes(repo, capsys):
    original = notebook(repo).read_bytes()
    assert new(repo, "stelling", "07-stelling-neutraal", "--module", MODULE) == 1
    err = capsys.readouterr().err
    assert "de id '07-stelling-neutraal' bestaat al" in err and "kies een andere id" in err
    assert notebook(repo).read_bytes() == original


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("dilemma", "10-nieuw", "--module", "10"), "module '10' bestaat niet"),
        (("dilemma", "7-nieuw", "--module", "7"), "geef het nummer met twee cijfers, bijvoorbeeld --module 07"),
        (("quiz", "07-nieuw", "--module", "07"), "onbekende soort 'quiz'; kies uit: dilemma"),
        (("dilemma", "07_Nieuw", "--module", "07"), "'07_Nieuw' is geen geldige id"),
    ],
    ids=["unknown-module", "one-digit-module", "unknown-kind", "bad-id"],
)
def test_refusals(repo, capsys, args, message):
    before = sorted(p.name for p in (repo / "scenarios").iterdir())
    assert new(repo, *args) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (repo / "scenarios").iterdir()) == before


def test_a_module_without_the_setup_cell_gets_one(repo):
    path = notebook(repo)
    nb = nbformat.read(path, as_version=4)
    setup = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() == "import ilomo")
    plays = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.startswith("ilomo.play(")]
    ids = nb.metadata["ilomo"]["exercises"]
    for i in sorted([setup, *plays], reverse=True):
        del nb.cells[i]
    nb.metadata["ilomo"]["exercises"] = []
    nbformat.write(nb, path)
    assert new(repo, "reflectie", "07-nieuw", "--module", MODULE) == 0
    module = load_module(path)
    assert [sid for _, sid in module.plays()] == ["07-nieuw"] and ids
    assert not any("import ilomo" in p for p in check_module(path, repo / "scenarios"))


@pytest.mark.parametrize("title", ["Aan de balie: een gesprek", "'t Loket", "Ja of nee? #1", "07"])
def test_a_title_with_yaml_characters_is_written_so_that_it_reads_back(title):
    model, problems = check_text(scenario_text("stelling", "x", "07", title), "x.yml", "x")
    assert problems == [] and model.title == title


def test_every_kind_brings_its_starter_in_its_own_folder():
    from importlib.resources import files

    for kind in kinds():
        assert files("ilomo").joinpath("kinds", kind, "template.yml").is_file()
