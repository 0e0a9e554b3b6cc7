"""The broken corpus: every file in broken/ is named after its defect and lists its exact problems in
`# expect: line:column: message` header lines. Plus inputs that cannot carry such a header."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilomo.scenario import Problem, ScenarioInvalid, load, validate_paths

BROKEN = Path(__file__).parent / "broken"
FILES = sorted(BROKEN.glob("*.yml"))
PREFIX = "# expect: "


def expected(path: Path) -> list[str]:
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line[len(PREFIX) :] for line in lines if line.startswith(PREFIX)]


def found(path: Path) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in validate_paths([path])]


def test_the_corpus_is_big_enough():
    assert len(FILES) >= 24


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_broken_file(path):
    assert expected(path), f"{path.name} has no '# expect:' lines"
    assert found(path) == expected(path)


@pytest.mark.parametrize("path", FILES[:3], ids=lambda p: p.stem)
def test_load_raises_with_the_same_problems(path):
    with pytest.raises(ScenarioInvalid) as err:
        load(path)
    assert [str(p) for p in err.value.problems] == [f"{path}:{e}" for e in expected(path)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "1:1: het bestand is leeg"),
        (b"\xff\xfei\x00d\x00", "1:1: het bestand is UTF-16; sla het op als UTF-8"),
        (b"\xef\xbb\xbf[1, 2]", "1:1: het bestand moet velden bevatten (sleutel: waarde), geen lijst"),
        (b"a: &x [*x, *x]\n" * 2, "2:1: sleutel 'a' komt twee keer voor"),
        (b"[" * 500, "1:25: te diep genest: meer dan 24 niveaus (lijsten of velden in elkaar)"),
    ],
    ids=["zero-bytes", "utf-16", "utf-8-bom", "reused-anchor", "deep-nesting"],
)
def test_inputs_without_a_header(tmp_path, content, message):
    path = tmp_path / "x.yml"
    path.write_bytes(content)
    assert found(path) == [message]


def test_unreadable_file(tmp_path):
    link = tmp_path / "weg.yml"
    os.symlink(tmp_path / "bestaat-niet", link)
    [problem] = validate_paths([link])
    assert problem == Problem(str(link), 1, 1, "de snelkoppeling (symlink) verwijst naar een bestand dat niet bestaat")


def test_duplicate_scenario_ids_across_files(tmp_path):
    text = (Path(__file__).parents[2] / "scenarios" / "demo-gesprek.yml").read_text()
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "demo-gesprek.yml").write_text(text)
    problems = validate_paths([tmp_path / "a", tmp_path / "b"])
    first, second = tmp_path / "a" / "demo-gesprek.yml", tmp_path / "b" / "demo-gesprek.yml"
    assert [str(p) for p in problems] == [f"{second}:3:5: scenario-id 'demo-gesprek' komt ook voor in {first}"]


YAMLISH = st.text(alphabet="ab1: -[]{},'\"#&*!|>?\n\t\x00é", max_size=120)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.binary(max_size=100), YAMLISH.map(str.encode), YAMLISH.map(lambda t: t.encode("latin-1"))))
def test_no_input_gives_a_traceback(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yml"
        path.write_bytes(content)
        problems = validate_paths([path])
    assert problems and all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)


def test_a_bare_tag_is_reported_not_raised(tmp_path: Path) -> None:
    """Found by hypothesis: '!!' parses to a tagged value without a position."""
    path = tmp_path / "x.yml"
    path.write_bytes(b"!!")
    problems = validate_paths([path])
    assert [(p.line, p.column) for p in problems] == [(1, 1)]
