"""The ``ilomo`` command: one package, one way to add a command, and the commands new in it (check, publish)."""

from __future__ import annotations

import pkgutil
import shutil
import zipfile
from pathlib import Path

import pytest

import ilomo.cli
from ilomo.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "modules" / "fixtures"


def test_every_command_module_is_registered_and_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    modules = {m.name for m in pkgutil.iter_modules(ilomo.cli.__path__) if not m.name.startswith("_")
               and hasattr(__import__(f"ilomo.cli.{m.name}", fromlist=["register"]), "register")}
    assert modules == set(COMMANDS)
    assert main(["--help"]) == 0
    listed = capsys.readouterr().out
    for command in ("validate", "check", "journal", "session", "present", "publish"):
        assert command in listed
    assert build_parser().parse_args(["publish", "dist"]).run.__module__ == "ilomo.cli.publish"


def test_check_passes_a_module_that_keeps_the_standard(capsys: pytest.CaptureFixture[str]) -> None:
    notebook = FIXTURES / "07-geldig.ipynb"
    assert main(["check", str(notebook), "--scenarios", str(FIXTURES / "scenarios")]) == 0
    assert capsys.readouterr().out == "1 module in orde\n"


def test_check_names_the_file_and_the_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "07-geldig.ipynb", tmp_path)
    shutil.copy(FIXTURES / "07-met-uitvoer.ipynb", tmp_path)
    assert main(["check", str(tmp_path), "--scenarios", str(FIXTURES / "scenarios")]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines and all(line.startswith(str(tmp_path / "07-met-uitvoer.ipynb") + ": ") for line in lines)
    assert err == f"{len(lines)} {'probleem' if len(lines) == 1 else 'problemen'} in 2 modules\n"


def test_check_without_a_path_takes_the_nearest_notebooks_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notebooks").mkdir()
    shutil.copy(FIXTURES / "07-geldig.ipynb", tmp_path / "notebooks")
    shutil.copytree(FIXTURES / "scenarios", tmp_path / "scenarios")
    (tmp_path / "sub").mkdir()
    monkeypatch.delenv("ILOMO_SCENARIOS", raising=False)
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "1 module in orde\n"
    assert main(["check", str(tmp_path / "weg")]) == 2
    assert "pad bestaat niet" in capsys.readouterr().err


def test_publish_dist_zips_the_built_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "_build" / "html"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<p>Hallo</p>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["publish", "dist"]) == 0  # the defaults: _build/html and dist/ in the working directory
    archive = Path(capsys.readouterr().out.splitlines()[0])
    with zipfile.ZipFile(tmp_path / archive) as zf:
        assert any(name.endswith("/index.html") for name in zf.namelist())
    shutil.rmtree(site)
    assert main(["publish", "dist"]) == 1
    assert "build the site first" in capsys.readouterr().err
