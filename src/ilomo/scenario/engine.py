"""Playing an exercise: the reference semantics of docs/scenario-format.md ("Play semantics").

Every play is deterministic: its state follows from the scenario and its `path` alone, which is why
`back()` and `restore()` simply replay the path.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from . import conditions, shuffle
from .model import (
    Category,
    Choice,
    Dilemma,
    Ending,
    Item,
    Kennisvraag,
    KnowledgeQuestion,
    Option,
    Reflectie,
    Scenario,
    Situation,
    Sortering,
    Stelling,
)
from .tags import leap_steps

LEAP_STEPS = leap_steps()  # the one tag list: src/ilomo/data/tags.yml
STATE_VERSION = 2
RESTORABLE_VERSIONS = (1, 2)  # a v1 state (no seed) restores with a fresh seed
P = TypeVar("P", bound="Play")


class Play(ABC):
    """What every play has: path, back/restart, transcript, state/restore and summary."""

    kind: ClassVar[str]

    def __init__(self, sc: Any, seed: int | None = None) -> None:
        """`seed`: the learner's unsigned 32-bit shuffle seed (drawn when not given; kept by restart/back)."""
        if seed is not None and not shuffle.is_seed(seed):
            raise ValueError(f"a seed is an unsigned 32-bit integer, not {seed!r}")
        self.sc = sc
        self.seed: int = shuffle.new_seed() if seed is None else seed
        self.restart()

    # -- to implement per kind -------------------------------------------------------------------
    @abstractmethod
    def restart(self) -> None: ...

    @property
    @abstractmethod
    def finished(self) -> bool: ...

    @property
    @abstractmethod
    def path(self) -> list[Any]: ...

    @abstractmethod
    def _step(self, step: Any) -> None:
        """Replay one path entry; ValueError when it is not possible (anymore)."""

    @abstractmethod
    def transcript(self) -> list[dict[str, Any]]: ...

    # -- shared ----------------------------------------------------------------------------------
    def back(self) -> None:
        """Undo the last step by replaying the path without it (nothing happens at the start)."""
        path = self.path[:-1]
        self.restart()
        for step in path:
            self._step(step)

    def state(self) -> dict[str, Any]:
        return {"v": STATE_VERSION, "id": self.sc.id, "kind": self.kind, "path": list(self.path), "seed": self.seed}

    @classmethod
    def restore(cls: type[P], sc: Any, state: dict[str, Any]) -> tuple[P, bool]:
        """(play, lost): replays the saved path; stops at the first step that is no longer possible.

        A v2 state keeps its seed (the same choice order); a v1 state gets a fresh one."""
        if not isinstance(state, dict) or state.get("v") not in RESTORABLE_VERSIONS:
            raise ValueError(f"unsupported saved state: {state!r}")
        seed = state.get("seed") if state["v"] >= 2 else None
        if state["v"] >= 2 and not shuffle.is_seed(seed):
            raise ValueError(f"saved state has no valid seed: {seed!r}")
        if state.get("id") != sc.id or state.get("kind") != cls.kind or sc.kind != cls.kind:
            raise ValueError(f"saved state of {state.get('kind')} {state.get('id')!r}, not {cls.kind} {sc.id!r}")
        path = state.get("path")
        if not isinstance(path, list):
            raise ValueError("saved state has no path list")
        play = cls(sc, seed=seed)
        for step in path:
            try:
                play._step(step)
            except (ValueError, RuntimeError):
                return play, True
        return play, False

    def summary(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "meters": {},
            "leap_steps": [],
            "takeaways": list(self.sc.takeaways),
            "ending": None,
        }


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


@dataclass(frozen=True)
class Placement:
    item: str
    category: str
    correct: bool


class SortPlay(Play):
    kind = "sortering"
    sc: Sortering

    def restart(self) -> None:
        self.placements: list[Placement] = []
        self.last_feedback: str | None = None

    @property
    def path(self) -> list[str]:
        return [p.category for p in self.placements]

    @property
    def current_item(self) -> Item | None:
        """The first item not placed yet."""
        items = self.sc.items
        return items[len(self.placements)] if len(self.placements) < len(items) else None

    @property
    def finished(self) -> bool:
        return self.current_item is None

    @property
    def score(self) -> int:
        return sum(p.correct for p in self.placements)

    def category(self, category_id: str) -> Category:
        for category in self.sc.categories:
            if category.id == category_id:
                return category
        raise ValueError(f"unknown category {category_id!r}")

    def place(self, item_id: str, category_id: str) -> bool:
        """Place the current item; returns whether that was correct."""
        item = self.current_item
        if item is None or item.id != item_id:
            raise ValueError(f"item {item_id!r} is not the current item")
        self.category(category_id)
        placement = Placement(item.id, category_id, category_id == item.category)
        self.placements.append(placement)
        self.last_feedback = item.feedback
        return placement.correct

    def _step(self, step: Any) -> None:
        item = self.current_item
        if item is None or not isinstance(step, str):
            raise ValueError("no such placement")
        self.place(item.id, step)

    def transcript(self) -> list[dict[str, Any]]:
        return [{"item": p.item, "placed": p.category, "correct": p.correct} for p in self.placements]


class StellingPlay(Play):
    kind = "stelling"
    sc: Stelling

    def restart(self) -> None:
        self.chosen: str | None = None

    @property
    def options(self) -> list[Option]:
        return list(self.sc.options)

    @property
    def path(self) -> list[str]:
        return [self.chosen] if self.chosen is not None else []

    @property
    def finished(self) -> bool:
        return self.chosen is not None

    def answer(self, option_id: str) -> None:
        if self.finished:
            raise ValueError("already answered; use back() first")
        if option_id not in {o.id for o in self.sc.options}:
            raise ValueError(f"unknown option {option_id!r}")
        self.chosen = option_id

    def _step(self, step: Any) -> None:
        self.answer(step)

    def transcript(self) -> list[dict[str, Any]]:
        return [{"answer": self.chosen}] if self.chosen is not None else []


class ReflectionPlay(Play):
    """Answers are kept here for the session; persisting them is the journal's job (path stays empty)."""

    kind = "reflectie"
    sc: Reflectie

    def restart(self) -> None:
        self.answers: dict[str, str] = {}

    @property
    def path(self) -> list[str]:
        return []

    def _answered(self, question_id: str) -> bool:
        return bool(self.answers.get(question_id, "").strip())

    @property
    def finished(self) -> bool:
        return all(self._answered(q.id) for q in self.sc.questions)

    def answer(self, question_id: str, text: str) -> None:
        if question_id not in {q.id for q in self.sc.questions}:
            raise ValueError(f"unknown question {question_id!r}")
        if not isinstance(text, str):
            raise ValueError("an answer is text")
        self.answers.pop(question_id, None)  # re-answering moves it to the end (for back())
        self.answers[question_id] = text

    def back(self) -> None:
        """Remove the most recent answer."""
        if self.answers:
            self.answers.pop(next(reversed(self.answers)))

    def _step(self, step: Any) -> None:
        raise ValueError("a reflection's path is always empty")

    def transcript(self) -> list[dict[str, Any]]:
        return [{"question": q.id, "answered": self._answered(q.id)} for q in self.sc.questions]


class KnowledgePlay(Play):
    """A knowledge check: each question answered once (in any order) with a list of option ids; the path holds
    ``[question id, [option ids]]`` per answer, so back() removes the last answer."""

    kind = "kennisvraag"
    sc: Kennisvraag

    def restart(self) -> None:
        self._answers: list[tuple[str, list[str], bool]] = []

    @property
    def path(self) -> list[list[Any]]:
        return [[q, list(ids)] for q, ids, _ in self._answers]

    @property
    def finished(self) -> bool:
        return len(self._answers) == len(self.sc.questions)

    @property
    def score(self) -> int:
        """Questions answered fully correct."""
        return sum(ok for _, _, ok in self._answers)

    def question(self, question_id: str) -> KnowledgeQuestion:
        for q in self.sc.questions:
            if q.id == question_id:
                return q
        raise ValueError(f"unknown question {question_id!r}")

    @property
    def current(self) -> KnowledgeQuestion | None:
        """The first question (as written) not answered yet."""
        done = {q for q, _, _ in self._answers}
        return next((q for q in self.sc.questions if q.id not in done), None)

    def option_order(self, question_id: str) -> list[int]:
        """The learner's order of the question's options (`shuffle: false`: as written)."""
        q = self.question(question_id)
        n = len(q.options)
        return shuffle.order(self.seed, q.id, n) if q.shuffle else list(range(n))

    def answer(self, question_id: str, option_ids: list[str]) -> bool:
        """Answer a question once; returns whether the answer is fully correct."""
        q = self.question(question_id)
        if any(done == question_id for done, _, _ in self._answers):
            raise ValueError(f"question {question_id!r} is already answered; use back() first")
        if not isinstance(option_ids, list) or not option_ids or not all(isinstance(o, str) for o in option_ids):
            raise ValueError("an answer is a non-empty list of option ids")
        picked = list(dict.fromkeys(option_ids))
        known = {o.id for o in q.options}
        if not set(picked) <= known or (not q.multiple and len(picked) != 1):
            raise ValueError(f"not a possible answer to {question_id!r}: {option_ids!r}")
        correct = set(picked) == {o.id for o in q.options if o.correct}
        self._answers.append((question_id, picked, correct))
        return correct

    def _step(self, step: Any) -> None:
        if not isinstance(step, list) or len(step) != 2 or not isinstance(step[0], str):
            raise ValueError("no such answer")
        self.answer(step[0], step[1])

    def transcript(self) -> list[dict[str, Any]]:
        return [{"question": q, "answer": list(ids), "correct": ok} for q, ids, ok in self._answers]

    def summary(self) -> dict[str, Any]:
        return {**super().summary(), "score": self.score}


PLAYS: dict[type, type[Play]] = {
    Dilemma: DilemmaPlay,
    Sortering: SortPlay,
    Stelling: StellingPlay,
    Reflectie: ReflectionPlay,
    Kennisvraag: KnowledgePlay,
}


def start(sc: Scenario, seed: int | None = None) -> Play:
    """A fresh play of the scenario: the kind's Play (DilemmaPlay, SortPlay, StellingPlay, ReflectionPlay,
    KnowledgePlay); `seed`: the learner's shuffle seed."""
    return PLAYS[type(sc)](sc, seed)
