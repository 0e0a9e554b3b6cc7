"""Format 2 in the engine: branching next, hidden meters, the seed, the shuffled choice order, the debrief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilomo.scenario import DilemmaPlay, start
from ilomo.scenario.shuffle import fnv1a32, order
from tests.scenario.make_shuffle_vectors import vectors
from tests.scenario.scenario_helpers import choice, dilemma, ending, meter, situation

VECTORS = Path(__file__).parent / "shuffle_vectors.json"


@pytest.fixture
def sc():
    """a: 0 'praten' (advised, raises hidden trust) or 1 'afwijzen'; both branch on trust to b or c."""
    branches = [{"to": "c", "when": {"vertrouwen": "<= 3"}}, {"to": "b"}]
    return dilemma(
        [
            situation(
                "a",
                choice(branches, "praten", effects={"vertrouwen": 2, "spanning": 1}, advised=True),
                choice(branches, "afwijzen", effects={"vertrouwen": -3, "spanning": -1}),
                choice("b", "wachten"),
            ),
            situation("b", choice("rust", "afronden", advised=True), choice("onrust", "weglopen")),
            situation("c", choice("onrust", "excuses"), choice("rust", "negeren"), shuffle=False),
        ],
        [
            ending("rust", advised=True, gained="Bewoners praten mee.", cost="Het kostte een avond."),
            ending("onrust", gained="Het ging snel.", cost="Bewoners haken af."),
        ],
        [meter("vertrouwen", 0, 10, 5, hidden=True), meter("spanning", 0, 10, 4, better="lower")],
        advice="Blijf in gesprek.",
    )


def test_a_branch_is_chosen_after_the_effects_on_a_hidden_meter(sc):
    play = start(sc)
    play.choose(1)  # vertrouwen 5 -> 2: the first branch holds
    assert play.situation.id == "c"
    play = start(sc)
    play.choose(0)  # vertrouwen 7: the last branch
    assert play.situation.id == "b"


def test_the_summary_shows_hidden_meters_gained_cost_and_the_routes_side_by_side(sc):
    play = start(sc)
    play.choose(1)
    play.choose(1)
    summary = play.summary()
    assert summary["ending"] == "rust" and summary["ending_advised"]
    assert summary["hidden_meters"] == [
        {"name": "vertrouwen", "label": "Vertrouwen", "hidden": True, "start": 5, "end": 2, "better": "higher",
         "verdict": "slechter"}
    ]  # fmt: skip
    spanning = next(m for m in summary["meter_report"] if m["name"] == "spanning")
    assert (spanning["start"], spanning["end"], spanning["verdict"]) == (4, 3, "beter")  # lower is better
    assert (summary["gained"], summary["cost"], summary["advice"]) == (
        "Bewoners praten mee.", "Het kostte een avond.", "Blijf in gesprek.")  # fmt: skip
    assert summary["route"] == [
        {"situation": "a", "choice": 1, "label": "afwijzen", "advised": 0, "advised_label": "praten"},
        {"situation": "c", "choice": 1, "label": "negeren", "advised": None, "advised_label": None},
    ]
    assert summary["advised_route"] == [
        {"situation": "a", "choice": 0, "label": "praten"},
        {"situation": "b", "choice": 0, "label": "afronden"},
    ]
    assert summary["advised_ending"] == "rust"


def test_state_v2_keeps_the_seed_and_so_the_order(sc):
    play = start(sc, seed=7)
    first = play.choice_order()
    copy, lost = DilemmaPlay.restore(sc, json.loads(json.dumps(play.state())))
    assert not lost and copy.seed == 7 and copy.choice_order() == first
    play.choose(0)
    play.back()
    assert play.seed == 7 and play.choice_order() == first


def test_a_v1_state_restores_its_path_with_a_fresh_seed(sc):
    play, lost = DilemmaPlay.restore(sc, {"v": 1, "id": "test", "kind": "dilemma", "path": [0]})
    assert not lost and play.path == [0] and play.situation.id == "b"
    assert 0 <= play.seed < 2**32 and play.state()["v"] == 2


@pytest.mark.parametrize("seed", [-1, 2**32, "1", True, None])
def test_a_v2_state_with_a_bad_seed_is_refused(sc, seed):
    with pytest.raises(ValueError):
        DilemmaPlay.restore(sc, {"v": 2, "id": "test", "kind": "dilemma", "path": [], "seed": seed})


def test_the_order_is_the_shuffle_of_all_indexes_filtered_to_the_available(sc):
    seed = next(s for s in range(100) if order(s, "a", 3) != [0, 1, 2])
    play = start(sc, seed=seed)
    assert play.choice_order() == order(seed, "a", 3)
    assert [c.label for _, c in play.ordered_choices()] == [
        sc.situations[0].choices[i].label for i in order(seed, "a", 3)
    ]
    play.choose(1)
    assert play.situation.id == "c" and play.choice_order() == [0, 1]  # shuffle: false keeps the written order
    assert play.path == [1] and play.transcript()[0]["choice"] == 1  # original indexes


def test_two_learners_see_a_different_order_somewhere(sc):
    orders = {tuple(start(sc, seed=s).choice_order()) for s in range(20)}
    assert len(orders) > 1


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.text(min_size=1, max_size=20), st.integers(0, 12))
def test_shuffle_is_a_stable_permutation(seed, sid, n):
    result = order(seed, sid, n)
    assert sorted(result) == list(range(n))
    assert order(seed, sid, n) == result


def test_fnv1a32_known_values():
    assert fnv1a32("") == 2166136261
    assert fnv1a32("a") == 0xE40C292C  # the published FNV-1a 32 test vector


def test_the_vectors_file_matches_the_algorithm():
    data = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    assert len(data) >= 50 and data == vectors()
    assert any(v["order"] != sorted(v["order"]) for v in data)


def test_a_situation_reached_only_through_a_branch_is_reachable():
    from ilomo.scenario.graph import analyse

    def case(start: int):
        branches = [{"to": "c", "when": {"m": ">= 6"}}, {"to": "e"}]
        return dilemma(
            [situation("a", choice(branches, "x", effects={"m": 1})), situation("c", choice("e"))],
            [ending("e")],
            [meter("m", 0, 10, start)],
        )

    assert analyse(case(5)).unreachable == []
    assert analyse(case(0)).unreachable == ["c"]  # m becomes 1: the branch to c never holds
