"""Module 07 'Contact maken en houden': what its brief asks beyond the general module standard."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ilomo.content.modules import load_module, sentences, session_takeaways
from ilomo.scenario import Dilemma, load, start

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "07-contact-maken-en-houden.ipynb"
LEAP = {"luisteren", "empathie", "akkoord", "partner", "geen-leap"}


@pytest.fixture(scope="module")
def dilemma() -> Dilemma:
    sc = load(ROOT / "scenarios" / "07-leap-balie.yml")
    assert isinstance(sc, Dilemma)
    return sc


def _sentence_count(text: str) -> int:
    return len(sentences(text))


def test_dilemma_size_and_meters(dilemma: Dilemma) -> None:
    assert dilemma.fictief
    assert "verzonnen" not in dilemma.intro  # the player shows the fictional-case note (fictief: true)
    assert len(dilemma.situations) >= 8
    assert len(dilemma.endings) >= 3
    assert {("contact", 0, 10), ("spanning", 0, 10)} <= {(m.name, m.min, m.max) for m in dilemma.meters}
    assert any(m.hidden for m in dilemma.meters)  # trust shows only at the ending
    assert any(e.condition for e in dilemma.endings)
    choices = [c for s in dilemma.situations for c in s.choices]
    assert any(c.next == "einde" for c in choices)
    assert any(c.requires for c in choices) and any(c.once for c in choices)
    assert dilemma.debrief
    assert set(dilemma.takeaways) == {"s7-1", "s7-2", "s7-3"}


def test_every_choice_has_one_leap_tag_and_feedback_of_two_sentences(dilemma: Dilemma) -> None:
    for situation in dilemma.situations:
        for choice in situation.choices:
            assert len(LEAP & set(choice.tags)) == 1, (situation.id, choice.label)
            assert _sentence_count(choice.feedback) >= 2, (situation.id, choice.label)


def test_threat_path_rewards_following_protocol(dilemma: Dilemma) -> None:
    threats = [s for s in dilemma.situations if any("protocol" in c.tags for c in s.choices)]
    assert len(threats) == 1
    [protocol] = [c for c in threats[0].choices if "protocol" in c.tags]
    assert "geen-leap" in protocol.tags
    assert protocol.advised
    ending = next(e for e in dilemma.endings if e.id == protocol.next)
    assert "veilig" in ending.gained
    assert all(c.next != ending.id for c in threats[0].choices if c is not protocol)


def _all_paths(dilemma: Dilemma) -> list[tuple[list[int], str]]:
    """Every complete play (list of choice indexes, ending id), found by replaying the engine."""
    done: list[tuple[list[int], str]] = []
    todo: list[list[int]] = [[]]
    while todo:
        path = todo.pop()
        play = start(dilemma)
        for index in path:
            play.choose(index)
        if play.ended:
            done.append((path, play.ending.id))
            continue
        options = play.choices()
        assert options, f"dead end after {path}"
        todo += [[*path, index] for index, _ in options]
    return done


def test_every_path_has_three_decisions_and_every_ending_is_reachable(dilemma: Dilemma) -> None:
    paths = _all_paths(dilemma)
    assert min(len(path) for path, _ in paths) >= 3
    assert {ending for _, ending in paths} == {e.id for e in dilemma.endings}


def test_sortering_covers_every_leap_step() -> None:
    sc = load(ROOT / "scenarios" / "07-leap-sorteren.yml")
    assert len(sc.items) >= 12
    assert {c.id for c in sc.categories} == LEAP
    assert {i.category for i in sc.items} == LEAP
    assert all(i.feedback.strip() for i in sc.items)


def test_stelling_and_reflectie() -> None:
    stelling = load(ROOT / "scenarios" / "07-stelling-neutraal.yml")
    assert stelling.statement == "Als ambtenaar ben je neutraal in een gesprek."
    assert len(stelling.perspectives) >= 3 and len(stelling.questions) >= 2
    assert stelling.takeaways == ["s7-3"]
    reflectie = load(ROOT / "scenarios" / "07-reflectie.yml")
    assert len(reflectie.questions) >= 3 and all(q.hint for q in reflectie.questions)


def test_notebook_language_is_plain() -> None:
    """Begrijpelijke taal: average under 14 words per sentence, none over 25."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    found = [
        s for c in nb["cells"] if c["cell_type"] == "markdown" for s in sentences("".join(c["source"]), tables=False)
    ]
    lengths = [len(s.split()) for s in found]
    assert sum(lengths) / len(lengths) < 14
    assert max(lengths) <= 25


def test_notebook_quotes_takeaways_and_is_honest_about_leap() -> None:
    module = load_module(NOTEBOOK)
    text = " ".join(module.section_text["Take-aways"].split())
    for tid, quote in session_takeaways()[7].items():
        assert f"**{tid}**: *{quote}" in text
    core = module.section_text["Kernideeën"]
    assert "geestelijke gezondheidszorg en uit het bedrijfsleven" in core
    assert "geregistreerd merk van het LEAP Institute" in core
    assert re.search(r"protocol", core)
