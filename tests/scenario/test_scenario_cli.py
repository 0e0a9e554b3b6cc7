"""`ilomo validate`: exit codes 0/1/2 and the output format."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ilomo.cli import main

DEMO = Path(__file__).parent / "fixtures" / "buurthuis.yml"  # a dilemma without errors or warnings
WARNED = Path(__file__).parent / "warnings" / "same-next.yml"
BROKEN = Path(__file__).parent / "broken"
LINE = re.compile(r"^(?P<path>.+\.yml):(?P<line>\d+):(?P<column>\d+): (?P<message>\S.*)$")


def test_valid_file_exits_0(capsys):
    assert main(["validate", str(DEMO)]) == 0
    out, err = capsys.readouterr()
    assert out == "1 bestand in orde\n" and err == ""


def test_problems_exit_1_with_one_line_each(capsys):
    paths = [str(BROKEN / "dead-end.yml"), str(BROKEN / "unknown-field.yml"), str(DEMO)]
    assert main(["validate", *paths]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 3 and all(LINE.match(line) for line in lines)
    assert lines[0] == f"{paths[0]}:16:9: vanuit situatie 'gang' is geen einde bereikbaar"
    assert err == "3 problemen in 2 van 3 bestanden\n"


def test_a_directory_means_its_yml_files(tmp_path, capsys):
    shutil.copy(DEMO, tmp_path)
    (tmp_path / "notities.txt").write_text("geen scenario")
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "1 bestand in orde\n"


def test_default_is_the_scenarios_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "scenarios").mkdir()
    shutil.copy(BROKEN / "bad-module.yml", tmp_path / "scenarios")
    (tmp_path / "sub").mkdir()
    monkeypatch.delenv("ILOMO_SCENARIOS", raising=False)
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{tmp_path / 'scenarios' / 'bad-module.yml'}:5:9: 'module' moet")


@pytest.mark.parametrize("argv", [["validate", "bestaat/niet.yml"], ["validate", str(DEMO), "nee"], [], ["nope"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err


def test_missing_path_is_named(capsys):
    main(["validate", "bestaat/niet.yml"])
    assert capsys.readouterr().err == "ilomo validate: pad bestaat niet: bestaat/niet.yml\n"


def test_write_schema(tmp_path, monkeypatch, capsys):
    target = tmp_path / "schema.json"
    monkeypatch.setattr("ilomo.scenario.schema.SCHEMA_FILE", target)
    assert main(["validate", "--write-schema", str(DEMO)]) == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert capsys.readouterr().out == f"schema geschreven: {target}\n1 bestand in orde\n"


def test_state_cap_note_goes_to_stderr(monkeypatch, capsys):
    monkeypatch.setattr("ilomo.scenario.graph.STATE_CAP", 3)
    assert main(["validate", str(DEMO)]) == 0
    out, err = capsys.readouterr()
    assert out == "1 bestand in orde\n"
    assert err == f"let op: {DEMO}: meer dan 3 toestanden; alleen de structuur is gecontroleerd\n"


def test_warnings_are_printed_but_exit_0(capsys):
    assert main(["validate", str(WARNED)]) == 0
    out, err = capsys.readouterr()
    [line] = out.splitlines()[:-1]
    assert line.startswith(f"{WARNED}:63:9: waarschuwing: elke keuze in situatie 'nazorg' leidt naar 'stilte'")
    assert LINE.match(line) and out.endswith("1 bestand in orde\n")
    assert err == "1 waarschuwing in 1 van 1 bestand\n"


def test_strict_makes_a_warning_exit_1(capsys):
    assert main(["validate", "--strict", str(WARNED), str(DEMO)]) == 1
    out, err = capsys.readouterr()
    assert out.count("waarschuwing:") == 1
    assert err == "1 waarschuwing in 1 van 2 bestanden\n1 probleem in 1 van 2 bestanden\n"
    assert main(["validate", "--strict", str(DEMO)]) == 0
