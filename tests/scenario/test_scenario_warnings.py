"""Didactic warnings: every file in warnings/ is valid but trips the warnings its `# expect:` lines name;
fixtures/buurthuis.yml trips none. Plus the fixed rules one by one, on small dilemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilomo.scenario import load, validate_paths
from ilomo.scenario.didactics import fewest_decisions, fixed_rules, rule_walks
from tests.scenario.scenario_helpers import choice, dilemma, ending, meter, situation
from tests.scenario.test_scenario_broken import expected

HERE = Path(__file__).parent
FILES = sorted((HERE / "warnings").glob("*.yml"))
PASSING = HERE / "fixtures" / "buurthuis.yml"
WARNING_KINDS = ("dominant", "fixed-rule", "longest-advised", "missing-advised", "missing-gained-cost",
                 "same-next", "size", "unknown-tag")  # fmt: skip


def found(path: Path) -> list[str]:
    return [
        f"{p.line}:{p.column}: {'waarschuwing: ' if p.warning else ''}{p.message}"
        for p in validate_paths([path], warnings=True)
    ]


def test_every_warning_has_a_fixture():
    assert [p.stem for p in FILES] == list(WARNING_KINDS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_warning_file(path):
    lines = expected(path)
    assert lines and all(": waarschuwing: " in line for line in lines)
    assert found(path) == lines
    assert validate_paths([path]) == []  # warnings do not make a file invalid...
    assert load(path).id == path.stem  # ...and it still loads


def test_the_passing_fixture_trips_nothing():
    assert found(PASSING) == []


def _chain(first_advised: bool, advised_label: str = "ja") -> object:
    """Three decisions; the advised choice is first or last, and leads to the advised ending."""
    other = "nee, dat doe ik niet"

    def step(sid: str, target: str) -> dict:
        good = choice(target, advised_label, advised=True, effects={"m": -1})
        bad = choice("mis", other, effects={"m": 1})
        return situation(sid, *([good, bad] if first_advised else [bad, good]))

    return dilemma(
        [step("a", "b"), step("b", "c"), step("c", "goed")],
        [ending("goed", advised=True), ending("mis")],
        [meter("m")],
        advice="Daarom.",
    )


@pytest.mark.parametrize(
    ("first_advised", "label", "rule"),
    [
        (True, "ja", "altijd de eerste keuze (zoals geschreven)"),
        (False, "ja", "altijd de laatste keuze (zoals geschreven)"),
        (True, "ja, en ik leg heel zorgvuldig uit waarom", "altijd de langste keuze"),
    ],
)
def test_each_fixed_rule_is_named_when_it_reaches_the_advised_ending(first_advised, label, rule):
    sc = _chain(first_advised, label)
    assert rule_walks(sc)[rule].ending == "goed"
    assert any(f"wie {rule} kiest, komt bij het geadviseerde einde 'goed'" in f.message for f in fixed_rules(sc))


def test_the_visible_meter_rule_applies_better_and_ignores_hidden_meters():
    rule = "altijd de keuze met de beste directe winst op de zichtbare meters"
    rising_tension = _chain(False)  # the advised choice lowers m; m is better higher: that looks like a loss
    assert rule_walks(rising_tension)[rule].ending == "mis"
    sc = dilemma(
        [situation(s, choice("mis", "x", effects={"v": 1}), choice(t, "y", advised=True, effects={"spanning": -1}))
         for s, t in (("a", "b"), ("b", "c"), ("c", "goed"))],
        [ending("goed", advised=True), ending("mis")],
        [meter("spanning", better="lower"), meter("v", hidden=True)],
        advice="Daarom.",
    )  # fmt: skip
    assert rule_walks(sc)[rule].ending == "goed"  # lower tension counts as a gain; the hidden gain does not


def test_a_rule_walk_stops_on_a_loop():
    sc = dilemma(
        [situation("a", choice("b", "heen"), choice("goed", "klaar, dit is de langste keuze", advised=True)),
         situation("b", choice("a", "terug, en dit is nog veel langer"), choice("mis", "weg"))],
        [ending("goed", advised=True), ending("mis")],
        advice="Daarom.",
    )  # fmt: skip
    walked = rule_walks(sc)["altijd de eerste keuze (zoals geschreven)"]
    assert walked.ending is None and walked.stopped == "loop" and walked.steps == [("a", 0), ("b", 0)]


def test_fewest_decisions_counts_only_situations_with_a_real_choice():
    sc = dilemma(
        [
            situation("a", choice("d"), choice("b")),
            situation("b", choice("b2")),
            situation("b2", choice("e")),
            situation("d", choice("e"), choice("e", "ook")),
        ],
        [ending("e")],
    )
    assert fewest_decisions(sc) == (1, ["a", "b", "b2", "e"])  # three steps, but only one decision
