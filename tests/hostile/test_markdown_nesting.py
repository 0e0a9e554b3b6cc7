"""A text nested past the renderer's limit is refused by the validator instead of losing its end on the page
(markdown-it silently drops what lies deeper than maxNesting; the static text version and the JS player both show
the one rendering of ilomo.markdown, so they can never disagree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilomo.markdown import TextTooDeep, markdown_html
from ilomo.scenario import validate_paths

pytestmark = pytest.mark.timeout(60)


def nested_list(levels: int) -> str:
    return "\n".join("  " * i + f"- niveau {i}" for i in range(levels))


def stelling(intro: str) -> str:
    body = "\n".join("  " + line for line in intro.splitlines())
    return (f"id: diep\nkind: stelling\ntitle: Diep\nmodule: '01'\nstatement: Test\nintro: |-\n{body}\n"
            "perspectives:\n  - {title: A, text: a}\n  - {title: B, text: b}\nquestions: ['Wat?']\n")


def test_five_levels_render_whole() -> None:
    assert "niveau 4" in markdown_html(nested_list(5))


def test_deeper_lists_are_refused_not_cut() -> None:
    with pytest.raises(TextTooDeep):
        markdown_html(nested_list(16))


def test_the_validator_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "diep.yml"
    path.write_text(stelling(nested_list(16)), encoding="utf-8")
    [problem] = validate_paths([path])
    assert (problem.line, problem.column) == (6, 8)
    assert problem.message.startswith("de tekst is te diep genest (lijsten in lijsten, hoogstens 5 niveaus)")
    path.write_text(stelling(nested_list(5)), encoding="utf-8")
    assert validate_paths([path]) == []
