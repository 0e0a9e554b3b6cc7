"""The dilemma's play: choices change meters and lead to situations and endings; the advised walk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ilomo.kinds.dilemma.model import Choice, Dilemma, Ending, Situation
from ilomo.scenario import conditions, shuffle
from ilomo.scenario.engine import Play
from ilomo.scenario.tags import leap_steps

LEAP_STEPS = leap_steps()  # the one tag list: src/ilomo/data/tags.yml

class DilemmaPlay(Play):
    kind = "dilemma"
    sc: Dilemma

    def __init__(self, sc: Dilemma, seed: int | None = None) -> None:
        self._situations = {s.id: s for s in sc.situations}
        self._ranges = {m.name: (m.min, m.max) for m in sc.meters}
        self._requires = {
            (s.id, i): conditions.compile_conditions(c.requires) for s in sc.situations for i, c in enumerate(s.choices)
        }
        self._conditions = [conditions.compile_conditions(e.condition) for e in sc.endings]
        self._branches = {
            (s.id, i): [(conditions.compile_conditions(b.when or {}), b.to) for b in c.branches]
            for s in sc.situations
            for i, c in enumerate(s.choices)
        }
        super().__init__(sc, seed)

    def restart(self) -> None:
        self.situation: Situation | None = self._situations[self.sc.start]
        self.ending: Ending | None = None
        self.meters: dict[str, int] = {m.name: m.start for m in self.sc.meters}
        self.used: set[str] = set()
        self.last_feedback: str | None = None
        self._path: list[int] = []
        self._log: list[dict[str, Any]] = []

    @property
    def path(self) -> list[int]:
        return self._path

    @property
    def ended(self) -> bool:
        return self.ending is not None

    @property
    def finished(self) -> bool:
        return self.ended

    @property
    def title(self) -> str:
        """The heading to show: the situation's, the ending's or the scenario's title."""
        if self.ending:
            return self.ending.title
        return (self.situation and self.situation.title) or self.sc.title

    def _available(self, index: int, choice: Choice) -> bool:
        assert self.situation is not None
        if choice.once and f"{self.situation.id}#{index}" in self.used:
            return False
        return conditions.holds(self._requires[self.situation.id, index], self.meters)

    def choices(self) -> list[tuple[int, Choice]]:
        """The available choices with their original index; none at an ending."""
        if self.situation is None:
            return []
        return [(i, c) for i, c in enumerate(self.situation.choices) if self._available(i, c)]

    def choice_order(self) -> list[int]:
        """The original indexes of the available choices in the order this learner sees them
        (`shuffle: false`: as written)."""
        if self.situation is None:
            return []
        available = {i for i, _ in self.choices()}
        written = range(len(self.situation.choices))
        shown = shuffle.order(self.seed, self.situation.id, len(written)) if self.situation.shuffle else written
        return [i for i in shown if i in available]

    def ordered_choices(self) -> list[tuple[int, Choice]]:
        """`choices()` in the learner's order, each with its original index."""
        available = dict(self.choices())
        return [(i, available[i]) for i in self.choice_order()]

    def choose(self, index: int) -> None:
        available = dict(self.choices())
        if not isinstance(index, int) or isinstance(index, bool) or index not in available:
            raise ValueError(f"choice {index!r} is not available here")
        assert self.situation is not None
        choice = available[index]
        meters = dict(self.meters)
        for name, delta in choice.effects.items():
            low, high = self._ranges[name]
            meters[name] = min(max(meters[name] + delta, low), high)
        situation, ending = self._target(self._branch(self.situation.id, index, meters), meters)
        self._path.append(index)
        if choice.once:
            self.used.add(f"{self.situation.id}#{index}")
        self._log.append(
            {"situation": self.situation.id, "choice": index, "label": choice.label,
             "feedback": choice.feedback, "meters": dict(meters)}
        )  # fmt: skip
        self.meters, self.situation, self.ending = meters, situation, ending
        self.last_feedback = choice.feedback

    def _branch(self, situation_id: str, index: int, meters: dict[str, int]) -> str:
        """The `to` of the first branch whose `when` holds after the effects (hidden meters included)."""
        branches = self._branches[situation_id, index]
        return next((to for tests, to in branches if conditions.holds(tests, meters)), branches[-1][1])

    def _target(self, target: str, meters: dict[str, int]) -> tuple[Situation | None, Ending | None]:
        if target in self._situations:
            return self._situations[target], None
        for ending, tests in zip(self.sc.endings, self._conditions, strict=True):
            if target == ending.id or (target == "einde" and conditions.holds(tests, meters)):
                return None, ending
        raise RuntimeError(f"no ending for next: {target} with {meters} (the validator reports this)")

    def _step(self, step: Any) -> None:
        self.choose(step)

    def transcript(self) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self._log] + ([{"ending": self.ending.id}] if self.ending else [])

    def leap_steps(self) -> list[str]:
        """The LEAP steps among the chosen choices' tags, in order of first use."""
        steps: list[str] = []
        for entry in self._log:
            situation = self._situations[entry["situation"]]
            for tag in situation.choices[entry["choice"]].tags:
                if tag in LEAP_STEPS and tag not in steps:
                    steps.append(tag)
        return steps

    def meter_report(self) -> list[dict[str, Any]]:
        """Every meter from start to now, with whether that is better or worse (`better` applied)."""
        report = []
        for m in self.sc.meters:
            end = self.meters[m.name]
            change = (end - m.start) * (1 if m.better == "higher" else -1)
            verdict = "beter" if change > 0 else "slechter" if change < 0 else "gelijk"
            report.append({"name": m.name, "label": m.label, "hidden": m.hidden, "start": m.start, "end": end,
                           "better": m.better, "verdict": verdict})  # fmt: skip
        return report

    def route(self) -> list[dict[str, Any]]:
        """The learner's steps beside the advised choice in the same situation (None where none is marked)."""
        steps = []
        for entry in self._log:
            advised = advised_index(self._situations[entry["situation"]])
            label = None if advised is None else self._situations[entry["situation"]].choices[advised].label
            steps.append({"situation": entry["situation"], "choice": entry["choice"], "label": entry["label"],
                          "advised": advised, "advised_label": label})  # fmt: skip
        return steps

    def summary(self) -> dict[str, Any]:
        report = self.meter_report()
        advised = advised_walk(self.sc)
        return {
            **super().summary(),
            "meters": dict(self.meters),
            "leap_steps": self.leap_steps(),
            "ending": self.ending.id if self.ending else None,
            "meter_report": report,
            "hidden_meters": [m for m in report if m["hidden"]],
            "gained": self.ending.gained if self.ending else None,
            "cost": self.ending.cost if self.ending else None,
            "ending_advised": bool(self.ending and self.ending.advised),
            "advice": self.sc.advice,
            "route": self.route(),
            "advised_route": [
                {"situation": s, "choice": i, "label": self._situations[s].choices[i].label} for s, i in advised.steps
            ],
            "advised_ending": advised.ending,
        }


def advised_index(situation: Situation) -> int | None:
    """The index of the choice marked `advised` (the first, should an author mark more)."""
    return next((i for i, c in enumerate(situation.choices) if c.advised), None)


@dataclass(frozen=True)
class Walk:
    """A play by a fixed rule: its (situation, choice index) steps, the ending reached or why it stopped."""

    steps: list[tuple[str, int]]
    ending: str | None
    stopped: str | None = None  # "no-choice" (the rule picks nothing), "loop", "limit" or "no-ending"
    at: str | None = None  # the situation where it stopped


MAX_WALK = 10_000


def walk(sc: Dilemma, pick: Callable[[DilemmaPlay], int | None]) -> Walk:
    """Play with the engine, `pick` choosing among the available choices (in written order), until an
    ending; stops when `pick` returns None, when a state repeats (a loop) or after MAX_WALK steps."""
    play = DilemmaPlay(sc, seed=0)
    seen: set[tuple] = set()

    def steps() -> list[tuple[str, int]]:
        return [(entry["situation"], entry["choice"]) for entry in play._log]

    while play.situation is not None:
        state = (play.situation.id, tuple(sorted(play.meters.items())), frozenset(play.used))
        stop = "loop" if state in seen else "limit" if len(play.path) >= MAX_WALK else None
        index = None if stop else pick(play)
        if stop or index is None:
            return Walk(steps(), None, stop or "no-choice", play.situation.id)
        seen.add(state)
        try:
            play.choose(index)
        except RuntimeError:  # next: einde without a matching ending (the validator reports it)
            return Walk(steps(), None, "no-ending", play.situation.id)
    return Walk(steps(), play.ending.id if play.ending else None)


def _advised_pick(play: DilemmaPlay) -> int | None:
    assert play.situation is not None
    index = advised_index(play.situation)
    return index if index in dict(play.choices()) else None


def advised_walk(sc: Dilemma) -> Walk:
    """The advised route: from the start, the choice marked `advised` in each situation."""
    return walk(sc, _advised_pick)
