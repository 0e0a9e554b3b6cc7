"""The kennisvraag kind everywhere an exercise works: model checks, engine, live widget, room view, text version."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ilomo.contract import compile_scenario
from ilomo.player import play
from ilomo.scenario import KnowledgePlay, load, start, validate_text
from ilomo.static import exercise_html

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "widgets" / "data" / "test-kennisvraag.yml"
REAL = ROOT / "scenarios" / "07-check-je-begrip.yml"


def test_engine_scores_answers_and_goes_back() -> None:
    p = start(load(FIXTURE), seed=5)
    assert isinstance(p, KnowledgePlay) and p.current.id == "doel"
    assert p.answer("doel", ["b"]) is True
    with pytest.raises(ValueError):
        p.answer("doel", ["a"])  # once per question
    with pytest.raises(ValueError):
        p.answer("neutraal", [])  # an answer names at least one option
    assert p.answer("neutraal", ["a"]) is False  # one of two correct options is not fully correct
    assert p.finished and p.score == 1
    assert p.transcript() == [{"question": "doel", "answer": ["b"], "correct": True},
                              {"question": "neutraal", "answer": ["a"], "correct": False}]
    p.back()
    assert not p.finished and p.current.id == "neutraal"
    restored, lost = KnowledgePlay.restore(p.sc, p.state())
    assert not lost and restored.transcript() == p.transcript() and restored.seed == 5


def test_single_answer_question_refuses_two_options() -> None:
    p = start(load(FIXTURE))
    with pytest.raises(ValueError):
        p.answer("doel", ["a", "b"])
    with pytest.raises(ValueError):
        p.answer("doel", ["x"])


def test_option_order_is_a_stable_permutation_unless_shuffle_is_off() -> None:
    sc = load(FIXTURE)
    orders = {tuple(start(sc, seed).option_order("doel")) for seed in range(40)}
    assert all(sorted(o) == [0, 1, 2] for o in orders) and len(orders) > 1
    assert start(sc, 1).option_order("doel") == start(sc, 1).option_order("doel")
    assert {tuple(start(sc, seed).option_order("neutraal")) for seed in range(20)} == {(0, 1, 2, 3)}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("      - {id: b, label: Begrip en overeenkomsten vinden., correct: true,",
         "heeft geen goed antwoord"),
        ("    multiple: true\n", "goede antwoorden; zet multiple: true"),
    ],
)
def test_validator_names_a_question_without_a_clear_answer(change: str, message: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    if change.startswith("      - {id: b"):
        text = text.replace(change, change.replace("correct: true", "correct: false"), 1)
    else:
        text = text.replace(change, "", 1)
    problems = validate_text(text, "test-kennisvraag.yml")
    assert any(message in str(p) for p in problems), problems


def test_real_check_is_valid_and_grounded() -> None:
    sc = load(REAL)
    assert sc.kind == "kennisvraag" and len(sc.questions) == 3 and sc.module == "07"
    for q in sc.questions:
        assert 3 <= len(q.options) <= 5
        for o in q.options:
            if o.correct:  # every correct answer names the take-away it comes from
                assert any(f"take-away {t}" in o.explanation for t in sc.takeaways), o.explanation


def test_widget_plays_through() -> None:
    player = play(FIXTURE, seed=2)
    view = player.view
    shown_labels = list(view.single.options)
    assert sorted(shown_labels) == sorted(o.label for o in player.scenario.questions[0].options)
    view.check.click()  # nothing picked: a message, no answer
    assert view.warning.value and player.play.transcript() == []
    view.single.index = shown_labels.index("Begrip en overeenkomsten vinden.")
    view.check.click()
    assert player.play.transcript()[0]["correct"] is True
    assert "Goed antwoord" in view.feedback.value and "jij koos dit" in view.feedback.value
    assert "<em>overtuigen</em>" in view.feedback.value  # explanations as rendered contract HTML
    boxes = {b.description: b for b in view.boxes}
    boxes["Je bent nooit helemaal neutraal."].value = True
    boxes["Je toont begrip voor de ander."].value = True
    view.check.click()
    assert player.play.finished and player.play.score == 2
    assert "Klaar! Je had 2 van de 2 vragen goed." in view.score.value
    view.back_button.click()
    assert not player.play.finished and view.options_box.children


def test_room_votes_per_option_and_reveals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILOMO_SESSIONS", str(tmp_path))
    from ilomo.room import log

    session = log.SessionLog(tmp_path)
    from ilomo.kinds import kind_of

    sc = load(FIXTURE)
    view = kind_of("kennisvraag").room_class()(start(sc), sc, None, session)
    assert [f.description for f in view.tally.fields] == ["A", "B", "C"]
    for field, n in zip(view.tally.fields, [3, 9, 1], strict=True):
        field.value = n
    assert view.answers.value == ""
    view.reveal.click()
    assert "Goed antwoord" in view.answers.value
    saved = session.data["exercises"][0]["questions"]["doel"]
    order = [sc.questions[0].options[i].id for i in view.order()]
    assert saved == dict(zip(order, [3, 9, 1], strict=True))
    view.next.click()
    assert [f.description for f in view.tally.fields] == ["A", "B", "C", "D"] and view.answers.value == ""


def test_text_version_and_contract() -> None:
    sc = load(REAL)
    soup = BeautifulSoup(exercise_html(sc), "html.parser")
    text = " ".join(soup.select_one(".ilomo-tekstversie").get_text(" ").split())
    for q in sc.questions:
        for o in q.options:
            assert " ".join(o.label.split()) in text
    assert text.count("Goed antwoord.") == sum(o.correct for q in sc.questions for o in q.options)
    contract = compile_scenario(sc)
    assert contract["kind"] == "kennisvraag" and "<p>" in contract["questions"][0]["options"][0]["explanation"]
    assert "CHECK_SUBMIT" in contract["texts"]
