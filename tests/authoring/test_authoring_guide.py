"""book/auteurs.md: the dilemma skeleton is valid and only too small, and every documented mistake gives exactly
the message the page shows (a ```yaml block followed by a ```text block with the validator's output)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from ilomo.scenario.loader import parse_fast
from ilomo.scenario.validate import check_text

GUIDE = Path(__file__).resolve().parents[2] / "book" / "auteurs.md"


def fences(section: str) -> list[tuple[str, str]]:
    """(info, content) of the fenced blocks under the H3 `section` (up to the next heading of level 2 or 3)."""
    tokens = MarkdownIt("commonmark").parse(GUIDE.read_text(encoding="utf-8"))
    found, inside = [], False
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            inside = tokens[i + 1].content == section
        elif inside and token.type == "fence":
            found.append((token.info.strip(), token.content))
    return found


def run(text: str) -> list[str]:
    """What `ilomo validate --strict` prints for the file `<id>.yml`: problems, or "1 bestand in orde"."""
    data = parse_fast(text) or {}
    name = f"{data.get('id', re.search(r'^id: (.+)$', text, re.M).group(1))}.yml"
    _, problems = check_text(text, name, name[:-4], note=lambda _: None, warnings=True)
    return [str(p) for p in problems] or ["1 bestand in orde"]


MISTAKES = [(yaml, text) for (info, yaml), (next_info, text) in zip(fences("Veelgemaakte fouten"),
            fences("Veelgemaakte fouten")[1:], strict=False) if info == "yaml" and next_info == "text"]  # fmt: skip


def test_the_page_documents_the_mistakes_of_issue_19():
    assert len(MISTAKES) >= 6
    shown = "\n".join(text for _, text in MISTAKES)
    for message in ("tussen aanhalingstekens", "tweede ':' binnen {…}", "springt minder ver in",
                    "springt te ver in", "bedoel je 'luisteren'?", "1 bestand in orde"):  # fmt: skip
        assert message in shown


@pytest.mark.parametrize(("yaml", "shown"), MISTAKES, ids=lambda v: v.splitlines()[0][:40])
def test_each_documented_mistake_gives_the_message_shown(yaml, shown):
    expected = shown.strip().splitlines()
    found = run(yaml)
    errors = [line for line in found if ": waarschuwing: " not in line]
    if any(": waarschuwing: " in line for line in expected):  # warnings: the ones shown are among those found
        assert errors == ["1 bestand in orde"] or errors == []
        assert set(expected) <= set(found)
    else:
        assert found == expected


def test_the_skeleton_is_valid_and_only_too_small():
    ((info, skeleton),) = fences("Een dilemma om te kopiëren")
    assert info == "yaml" and 35 <= len(skeleton.splitlines()) <= 45
    found = run(skeleton)
    assert len(found) == 2 and all(": waarschuwing: " in line for line in found)
    assert "geef het er minstens 8" in found[0] and "minstens 3 situaties met meer dan één keuze" in found[1]


def test_the_walk_through_names_every_command():
    text = GUIDE.read_text(encoding="utf-8")
    walk = text[text.index("### Van nieuw tot boek") : text.index("### Echte dilemma's schrijven")]
    for command in ("ilomo new", "ilomo preview", "ilomo validate --strict", "ilomo check", "make book"):
        assert command in walk


def test_every_didactic_warning_is_explained():
    from ilomo.scenario import didactics

    text = GUIDE.read_text(encoding="utf-8")
    rules = text[text.index("### Echte dilemma's schrijven") : text.index("### Veelgemaakte fouten")]
    assert str(didactics.MIN_SITUATIONS) in rules and str(didactics.MIN_ENDINGS) in rules
    for words in ("op elke meter de beste", "dezelfde plek", "vaste regel", "de langste", "te klein", "gained",
                  "advised", "onbekende tag", "een kwart"):  # fmt: skip
        assert words in rules


def test_the_walk_through_names_every_kind_of_the_registry():
    from ilomo.authoring.new import kinds

    text = GUIDE.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "De soorten zijn" in line)
    assert sorted(re.findall(r"`([a-z]+)`", line)) == sorted(kinds())
