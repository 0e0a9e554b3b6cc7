"""Property tests: on random dilemmas the graph analysis agrees with a brute-force exploration that
only uses the play engine (restore a path, list the choices, choose, look at the state)."""

from __future__ import annotations

import io
import re
from collections import deque
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from ilomo.scenario import DilemmaPlay, validate_text
from ilomo.scenario.graph import analyse
from ilomo.scenario.model import SCENARIO_ADAPTER
from tests.scenario.scenario_helpers import dilemma_data

OPS = [">=", "<=", ">", "<", "==", "!="]


@st.composite
def dilemmas(draw):
    n_sits, n_ends = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    highs = draw(st.lists(st.integers(1, 3), max_size=2))
    meters = [
        {
            "name": f"m{i}",
            "label": f"M{i}",
            "min": 0,
            "max": hi,
            "start": draw(st.integers(0, hi)),
            "better": draw(st.sampled_from(["higher", "lower"])),
            "hidden": draw(st.booleans()),
        }
        for i, hi in enumerate(highs)
    ]
    names = [m["name"] for m in meters]
    targets = [f"s{i}" for i in range(n_sits)] + [f"e{k}" for k in range(n_ends)] + ["einde", "einde"]

    def tests(min_size: int = 0):
        chosen = draw(st.lists(st.sampled_from(names), unique=True, min_size=min_size)) if names else []
        return {n: f"{draw(st.sampled_from(OPS))} {draw(st.integers(-1, 4))}" for n in chosen}

    once_left = 3  # keeps the state space small enough for the brute force
    situations = []
    for i in range(n_sits):
        choices = []
        for j in range(draw(st.integers(1, 3))):
            once = once_left > 0 and draw(st.booleans())
            once_left -= once
            affected = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
            effects = {n: draw(st.integers(-2, 2)) for n in affected}
            requires = tests() if names and draw(st.integers(0, 3)) == 0 else {}
            nxt = draw(st.sampled_from(targets))
            if names and draw(st.integers(0, 3)) == 0:  # a list of branches on the meters after effects
                nxt = [{"to": draw(st.sampled_from(targets)), "when": tests(1)} for _ in range(draw(st.integers(1, 2)))]
                nxt.append({"to": draw(st.sampled_from(targets))})
            choices.append(
                {"label": f"c{j}" + "x" * draw(st.integers(0, 3)), "next": nxt, "feedback": "f",
                 "effects": effects, "requires": requires, "once": once, "advised": draw(st.booleans())}
            )  # fmt: skip
        situations.append({"id": f"s{i}", "text": "t", "choices": choices})
    endings = [
        {
            "id": f"e{k}",
            "title": "t",
            "text": "t",
            "advised": draw(st.booleans()),
            **({"condition": tests()} if draw(st.integers(0, 2)) else {}),
        }
        for k in range(n_ends)
    ]
    return SCENARIO_ADAPTER.validate_python(dilemma_data(situations, endings, meters))


@dataclass
class Brute:
    """Every reachable state, found by replaying paths through the engine."""

    states: dict = field(default_factory=dict)  # key -> path
    edges: dict = field(default_factory=dict)  # key -> set of successor keys
    blocked: set = field(default_factory=set)  # situations with a state without any choice
    failing: set = field(default_factory=set)  # (situation, index) whose `einde` found no ending
    offered: set = field(default_factory=set)  # (situation, index) available somewhere


def key(play: DilemmaPlay):
    node = play.ending.id if play.ending else play.situation.id
    return node, tuple(sorted(play.meters.items())), frozenset(play.used)


def brute_force(sc) -> Brute:
    b = Brute()
    first = DilemmaPlay(sc)
    b.states[key(first)] = []
    todo = deque([key(first)])
    while todo:
        k = todo.popleft()
        path = b.states[k]
        b.edges[k] = set()
        play, lost = DilemmaPlay.restore(sc, {"v": 1, "id": sc.id, "kind": "dilemma", "path": path})
        assert not lost
        if play.ended:
            continue
        choices = play.choices()
        if not choices:
            b.blocked.add(play.situation.id)
        for index, _ in choices:
            b.offered.add((play.situation.id, index))
            try:
                play.choose(index)
            except RuntimeError:
                b.failing.add((play.situation.id, index))
                continue
            nxt = key(play)
            b.edges[k].add(nxt)
            if nxt not in b.states:
                b.states[nxt] = [*path, index]
                todo.append(nxt)
            play.back()
    return b


def reach(b: Brute, k) -> set:
    """States reachable from k in one or more steps."""
    seen, todo = set(), list(b.edges[k])
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo.extend(b.edges[s])
    return seen


def verdicts(sc, b: Brute) -> dict:
    ending_ids = {e.id for e in sc.endings}
    situation_states = [k for k in b.states if k[0] not in ending_ids]
    finishing = {k for k in situation_states if any(r[0] in ending_ids for r in reach(b, k))}
    stuck = [k for k in situation_states if k not in finishing]
    loops = set()
    for k in stuck:
        later = reach(b, k)
        if k in later and all(k in reach(b, t) for t in later):  # on a cycle nobody can leave
            loops.add(frozenset(t[0] for t in later))
    reachable = {k[0] for k in situation_states}
    return {
        "unreachable": {s.id for s in sc.situations} - reachable,
        "unreachable_endings": ending_ids - {k[0] for k in b.states},
        "dead_ends": reachable - {k[0] for k in finishing},
        "loops": loops,
        "no_choice": b.blocked,
        "einde_failures": b.failing,
        "never_available": {(s.id, j) for s in sc.situations if s.id in reachable
                            for j in range(len(s.choices))} - b.offered,
    }  # fmt: skip


def analysis_verdicts(sc) -> dict:
    a = analyse(sc)
    assert a.complete
    return {
        "unreachable": set(a.unreachable),
        "unreachable_endings": set(a.unreachable_endings),
        "dead_ends": set(a.dead_ends),
        "loops": {frozenset(sits) for sits, _ in a.loops},
        "no_choice": set(a.no_choice),
        "einde_failures": set(a.einde_failures),
        "never_available": set(a.never_available),
    }


def examples(n: int) -> settings:
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@examples(300)
@given(dilemmas())
def test_analysis_agrees_with_brute_force(sc):
    assert analysis_verdicts(sc) == verdicts(sc, brute_force(sc))


@examples(100)
@given(dilemmas())
def test_structural_fallback_never_claims_too_much(sc):
    """Beyond the cap only the structure is checked; what it reports also holds for the real plays."""
    exact, rough = analyse(sc), analyse(sc, cap=0)
    assert not rough.complete and not rough.no_choice and not rough.einde_failures
    assert set(rough.unreachable) <= set(exact.unreachable)
    assert set(rough.unreachable_endings) <= set(exact.unreachable_endings)
    reachable = {s.id for s in sc.situations} - set(exact.unreachable)
    assert set(rough.dead_ends) & reachable <= set(exact.dead_ends)


def as_yaml(sc) -> str:
    buffer = io.StringIO()
    YAML().dump(sc.model_dump(mode="json", exclude_defaults=True), buffer)
    return buffer.getvalue()


def quoted(message: str) -> set[str]:
    return set(re.findall(r"'([^']+)'", message))


@examples(40)
@given(dilemmas())
def test_validator_messages_match_brute_force(sc):
    v = verdicts(sc, brute_force(sc))
    messages = [p.message for p in validate_text(as_yaml(sc), "test.yml")]
    unreachable = set().union(*(quoted(m) for m in messages if m.endswith("vanaf de start niet bereikbaar")))
    assert unreachable == v["unreachable"]
    loops = {frozenset(quoted(m.split(" een lus")[0])) for m in messages if "lus zonder uitweg" in m}
    assert loops == v["loops"]
    blocked = set().union(*(quoted(m) for m in messages if "biedt geen enkele keuze" in m))
    assert blocked == v["no_choice"]
    assert sum(m.startswith("next: einde, maar") for m in messages) == len(v["einde_failures"])
    ending_messages = [m for m in messages if m.endswith("door geen enkel pad bereikt")]
    assert set().union(*map(quoted, ending_messages)) <= v["unreachable_endings"]
    if not messages:
        assert not any(v.values())


@examples(60)
@given(dilemmas())
def test_didactic_warnings_never_fail_and_rule_walks_end(sc):
    """On any dilemma the warnings are computed (bounded: every rule walk ends, loops included)."""
    from ilomo.scenario.didactics import rule_walks, warnings

    assert all(f.warning for f in warnings(sc))
    for walked in rule_walks(sc).values():
        assert (walked.ending is None) == (walked.stopped is not None)
