"""The play semantics of docs/scenario-format.md, one rule per test."""

from __future__ import annotations

import json

import pytest

from ilomo.scenario import DilemmaPlay, ReflectionPlay, SortPlay, StellingPlay, find, start
from tests.scenario.scenario_helpers import choice, dilemma, ending, meter, scenario, situation


@pytest.fixture
def sc():
    """a -(0)-> b -(0)-> einde; a -(1, once)-> a; a -(2, requires contact>=7)-> goed; b -(1)-> slecht."""
    return dilemma(
        [
            situation(
                "a",
                choice("b", "verder", effects={"contact": 2, "spanning": -1}, tags=["luisteren", "vrij"]),
                choice("a", "koffie", effects={"spanning": -3}, once=True, tags=["empathie"]),
                choice("goed", "snel", requires={"contact": ">= 7"}, tags=["akkoord"]),
            ),
            situation(
                "b",
                choice("einde", "afronden", effects={"contact": 1}, tags=["luisteren", "partner"]),
                choice("slecht", "weg"),
            ),
        ],
        [
            ending("goed", condition={"contact": ">= 8"}),
            ending("midden", condition={"spanning": "<= 3"}),
            ending("slecht"),
        ],
        [meter("contact", 0, 10, 5), meter("spanning", 0, 10, 4)],
        takeaways=["s7-1"],
    )


def indexes(play: DilemmaPlay) -> list[int]:
    return [i for i, _ in play.choices()]


def test_start_state(sc):
    play = start(sc)
    assert isinstance(play, DilemmaPlay)
    assert play.situation.id == "a" and play.ending is None and not play.ended and not play.finished
    assert play.meters == {"contact": 5, "spanning": 4}
    assert play.path == [] and play.used == set() and play.last_feedback is None
    assert play.title == "Test"  # a situation without a title shows the scenario's


def test_choose_applies_effects_moves_and_keeps_feedback(sc):
    play = start(sc)
    play.choose(0)
    assert play.situation.id == "b"
    assert play.meters == {"contact": 7, "spanning": 3}
    assert play.last_feedback == "feedback verder"
    assert play.path == [0]


def test_requires_hides_choice_and_original_indexes_are_kept(sc):
    play = start(sc)
    assert indexes(play) == [0, 1]  # contact 5: "snel" (index 2) needs >= 7
    play.choose(1)
    assert indexes(play) == [0]  # "koffie" (once) is gone; "verder" keeps index 0
    faster = dilemma(
        [situation("a", choice("e", requires={"m": "> 5"}), choice("e"), choice("e", requires={"m": "< 9"}))],
        [ending("e")],
        [meter("m", start=7)],
    )
    assert [(i, c.label) for i, c in start(faster).choices()] == [(0, "naar e"), (1, "naar e"), (2, "naar e")]
    low = faster.model_copy(update={"meters": [faster.meters[0].model_copy(update={"start": 3})]})
    assert indexes(start(low)) == [1, 2]


@pytest.mark.parametrize(
    ("comparison", "holds"),
    [(">= 5", True), (">= 6", False), ("<= 5", True), ("<= 4", False), ("> 4", True), ("> 5", False),
     ("< 6", True), ("< 5", False), ("== 5", True), ("== 4", False), ("!= 4", True), ("!= 5", False),
     ("  >=-1 ", True)],
)  # fmt: skip
def test_comparisons(comparison, holds):
    sc = dilemma([situation("a", choice("e"), choice("e", requires={"m": comparison}))], [ending("e")], [meter("m")])
    assert indexes(start(sc)) == ([0, 1] if holds else [0])


def test_all_comparisons_must_hold():
    sc = dilemma(
        [situation("a", choice("e"), choice("e", requires={"m": ">= 5", "n": "< 5"}))],
        [ending("e")],
        [meter("m", start=5), meter("n", start=5)],
    )
    assert indexes(start(sc)) == [0]


def test_clamping_at_max_and_min():
    sc = dilemma(
        [situation("a", choice("a", effects={"m": 100}), choice("a", effects={"m": -100}), choice("e"))],
        [ending("e")],
        [meter("m", 2, 6, 4)],
    )
    play = start(sc)
    play.choose(0)
    assert play.meters == {"m": 6}
    play.choose(1)
    assert play.meters == {"m": 2}
    assert [step["meters"] for step in play.transcript()] == [{"m": 6}, {"m": 2}]


def test_once_choice_disappears_and_back_brings_it_back(sc):
    play = start(sc)
    play.choose(1)
    assert play.situation.id == "a" and play.used == {"a#1"}
    assert indexes(play) == [0]
    play.back()
    assert indexes(play) == [0, 1] and play.used == set()


def test_einde_selects_first_ending_whose_condition_holds_after_effects(sc):
    play = start(sc)
    play.choose(0)  # contact 7, spanning 3
    play.choose(0)  # contact 8 -> "goed" (first), though "midden" holds too
    assert play.ending.id == "goed" and play.ended and play.finished

    play = start(sc)
    play.choose(1)  # spanning 1
    play.choose(0)  # contact 7, spanning 0
    play.choose(0)  # contact 8 -> still "goed" first
    assert play.ending.id == "goed"


def test_einde_falls_through_to_ending_without_condition():
    sc = dilemma(
        [situation("a", choice("einde", effects={"m": -5}))],
        [ending("hoog", condition={"m": ">= 5"}), ending("rest")],
        [meter("m", start=5)],
    )
    play = start(sc)
    play.choose(0)
    assert play.ending.id == "rest"


def test_direct_ending_ignores_its_condition(sc):
    play = start(sc)
    play.choose(0)
    play.choose(1)
    assert play.ending.id == "slecht"
    play.back()
    play.choose(0)
    assert play.ending.id == "goed"
    assert play.title == "einde goed"


def test_no_choices_at_an_ending(sc):
    play = start(sc)
    play.choose(0)
    play.choose(1)
    assert play.choices() == []
    with pytest.raises(ValueError):
        play.choose(0)


@pytest.mark.parametrize("index", [2, 3, -1, True, "0", None, 0.0])
def test_unavailable_choice_raises_and_changes_nothing(sc, index):
    play = start(sc)
    with pytest.raises(ValueError):
        play.choose(index)
    assert play.path == [] and play.meters == {"contact": 5, "spanning": 4}


def test_used_once_choice_raises(sc):
    play = start(sc)
    play.choose(1)
    with pytest.raises(ValueError):
        play.choose(1)


def test_back_replays_the_path_and_does_nothing_at_the_start(sc):
    play = start(sc)
    play.back()
    assert play.path == [] and play.situation.id == "a"
    play.choose(1)
    play.choose(0)
    play.choose(0)
    play.back()
    assert play.path == [1, 0] and play.situation.id == "b" and play.ending is None
    assert play.meters == {"contact": 7, "spanning": 0}
    assert play.last_feedback == "feedback verder"
    play.back()
    play.back()
    assert play.path == [] and play.last_feedback is None and play.transcript() == []


def test_restart(sc):
    play = start(sc)
    play.choose(1)
    play.choose(0)
    play.restart()
    assert play.path == [] and play.used == set() and play.situation.id == "a"
    assert play.meters == {"contact": 5, "spanning": 4} and play.transcript() == []


def test_transcript_format_and_determinism(sc):
    def run():
        play = start(sc)
        for index in (1, 0, 0):
            play.choose(index)
        return play.transcript()

    first = run()
    assert first == run()
    assert json.loads(json.dumps(first)) == first
    assert first == [
        {"situation": "a", "choice": 1, "label": "koffie", "feedback": "feedback koffie",
         "meters": {"contact": 5, "spanning": 1}},
        {"situation": "a", "choice": 0, "label": "verder", "feedback": "feedback verder",
         "meters": {"contact": 7, "spanning": 0}},
        {"situation": "b", "choice": 0, "label": "afronden", "feedback": "feedback afronden",
         "meters": {"contact": 8, "spanning": 0}},
        {"ending": "goed"},
    ]  # fmt: skip


def test_state_restore_round_trip(sc):
    play = start(sc, seed=4242)
    for index in (1, 0):
        play.choose(index)
    state = json.loads(json.dumps(play.state()))
    assert state == {"v": 2, "id": "test", "kind": "dilemma", "path": [1, 0], "seed": 4242}
    copy, lost = DilemmaPlay.restore(sc, state)
    assert not lost and copy.seed == 4242
    assert copy.transcript() == play.transcript() and copy.used == play.used and copy.meters == play.meters


def test_restore_of_a_changed_scenario_stops_at_the_last_valid_step(sc):
    changed = dilemma(
        [
            situation("a", choice("b"), choice("a", once=True)),
            situation("b", choice("slecht"), choice("einde", requires={"contact": "> 9"})),
        ],
        [ending("slecht")],
        [meter("contact", 0, 10, 5)],
    )
    play, lost = DilemmaPlay.restore(changed, {"v": 1, "id": "test", "kind": "dilemma", "path": [1, 0, 1]})
    assert lost and play.path == [1, 0] and play.situation.id == "b"
    play, lost = DilemmaPlay.restore(changed, {"v": 1, "id": "test", "kind": "dilemma", "path": [2, 0]})
    assert lost and play.path == []
    play, lost = DilemmaPlay.restore(changed, {"v": 1, "id": "test", "kind": "dilemma", "path": ["x"]})
    assert lost and play.path == []


@pytest.mark.parametrize(
    "state",
    [None, {}, {"v": 2, "id": "test", "kind": "dilemma", "path": []}, {"v": 1, "id": "ander", "kind": "dilemma",
     "path": []}, {"v": 1, "id": "test", "kind": "stelling", "path": []}, {"v": 1, "id": "test", "kind": "dilemma"}],
)  # fmt: skip
def test_restore_rejects_a_state_of_something_else(sc, state):
    with pytest.raises(ValueError):
        DilemmaPlay.restore(sc, state)


def test_summary_lists_leap_steps_in_order_of_first_use(sc):
    play = start(sc)
    for index in (1, 0, 0):
        play.choose(index)
    summary = play.summary()
    assert {k: summary[k] for k in ("path", "meters", "leap_steps", "takeaways", "ending")} == {
        "path": [1, 0, 0],
        "meters": {"contact": 8, "spanning": 0},
        "leap_steps": ["empathie", "luisteren", "partner"],
        "takeaways": ["s7-1"],
        "ending": "goed",
    }


def test_a_missing_ending_for_einde_is_an_error_not_a_move():
    sc = dilemma([situation("a", choice("einde"))], [ending("e", condition={"m": "> 5"})], [meter("m")])
    play = start(sc)
    with pytest.raises(RuntimeError):
        play.choose(0)
    assert play.path == [] and play.situation.id == "a"


# -- sortering --------------------------------------------------------------------------------------


@pytest.fixture
def sort_sc():
    return scenario(
        kind="sortering",
        categories=[{"id": "rustig", "label": "Rustig"}, {"id": "warm", "label": "Warm"}],
        items=[
            {"id": "i1", "text": "een", "category": "rustig", "feedback": "f1"},
            {"id": "i2", "text": "twee", "category": "warm", "feedback": "f2"},
        ],
    )


def test_sorting_places_items_in_file_order(sort_sc):
    play = start(sort_sc)
    assert isinstance(play, SortPlay) and play.current_item.id == "i1" and not play.finished
    assert play.place("i1", "rustig") is True
    assert play.last_feedback == "f1" and play.current_item.id == "i2"
    with pytest.raises(ValueError):
        play.place("i1", "warm")  # not the current item
    with pytest.raises(ValueError):
        play.place("i2", "heet")  # no such category
    assert play.place("i2", "rustig") is False
    assert play.finished and play.current_item is None and play.score == 1
    assert play.transcript() == [
        {"item": "i1", "placed": "rustig", "correct": True},
        {"item": "i2", "placed": "rustig", "correct": False},
    ]
    assert play.state() == {"v": 2, "id": "test", "kind": "sortering", "path": ["rustig", "rustig"], "seed": play.seed}
    assert play.category("warm").label == "Warm"
    with pytest.raises(ValueError):
        play.place("i2", "warm")  # finished


def test_sorting_back_restart_and_restore(sort_sc):
    play = start(sort_sc)
    play.place("i1", "warm")
    play.place("i2", "warm")
    play.back()
    assert play.path == ["warm"] and play.score == 0 and play.current_item.id == "i2"
    copy, lost = SortPlay.restore(sort_sc, play.state())
    assert not lost and copy.transcript() == play.transcript()
    changed, lost = SortPlay.restore(sort_sc, {"v": 1, "id": "test", "kind": "sortering", "path": ["warm", "x"]})
    assert lost and changed.path == ["warm"]
    too_long, lost = SortPlay.restore(sort_sc, {"v": 1, "id": "test", "kind": "sortering", "path": ["warm"] * 3})
    assert lost and too_long.finished
    play.restart()
    assert play.path == [] and play.summary()["path"] == []


# -- stelling ---------------------------------------------------------------------------------------


@pytest.fixture
def stelling_sc():
    return scenario(
        kind="stelling",
        statement="Je bent neutraal.",
        perspectives=[{"title": "a", "text": "b"}, {"title": "c", "text": "d"}],
        questions=["Wanneer?"],
    )


def test_stelling(stelling_sc):
    play = start(stelling_sc)
    assert isinstance(play, StellingPlay)
    assert [o.id for o in play.options] == ["eens", "neutraal", "oneens"]  # the default options
    assert not play.finished and play.chosen is None and play.transcript() == []
    with pytest.raises(ValueError):
        play.answer("misschien")
    play.answer("oneens")
    assert play.finished and play.chosen == "oneens" and play.transcript() == [{"answer": "oneens"}]
    with pytest.raises(ValueError):
        play.answer("eens")
    state = play.state()
    assert state["path"] == ["oneens"]
    assert StellingPlay.restore(stelling_sc, state)[0].chosen == "oneens"
    play.back()
    assert play.chosen is None and not play.finished


def test_stelling_restore_with_a_removed_option(stelling_sc):
    play, lost = StellingPlay.restore(stelling_sc, {"v": 1, "id": "test", "kind": "stelling", "path": ["weg"]})
    assert lost and play.chosen is None


# -- reflectie --------------------------------------------------------------------------------------


def test_reflectie():
    sc = scenario(kind="reflectie", questions=[{"id": "q1", "prompt": "Een?"}, {"id": "q2", "prompt": "Twee?"}])
    play = start(sc)
    assert isinstance(play, ReflectionPlay)
    play.answer("q2", "iets")
    play.answer("q1", "   ")
    assert not play.finished
    assert play.transcript() == [{"question": "q1", "answered": False}, {"question": "q2", "answered": True}]
    play.answer("q1", "nu wel")
    assert play.finished and play.answers == {"q2": "iets", "q1": "nu wel"}
    assert play.state() == {"v": 2, "id": "test", "kind": "reflectie", "path": [], "seed": play.seed}
    play.back()
    assert play.answers == {"q2": "iets"}
    with pytest.raises(ValueError):
        play.answer("q3", "x")
    copy, lost = ReflectionPlay.restore(sc, play.state())
    assert not lost and copy.answers == {}  # answers live in the journal, not in the state


def test_demo_scenario_advised_route_reaches_the_advised_ending_and_first_choices_do_not():
    play = start(find("demo-gesprek"))
    while not play.ended:
        play.choose(next(i for i, c in play.choices() if c.advised))
    assert play.ending.id == "samen-verder" and play.ending.advised
    assert play.summary()["leap_steps"] == ["luisteren", "empathie", "akkoord", "partner"]
    first = start(find("demo-gesprek"))
    while not first.ended:
        first.choose(first.choices()[0][0])
    assert not first.ending.advised
