"""The kennisvraag's play: every question answered once, with a score."""

from __future__ import annotations

from typing import Any

from ilomo.kinds.kennisvraag.model import Kennisvraag, KnowledgeQuestion
from ilomo.scenario import shuffle
from ilomo.scenario.engine import Play


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
