"""The reflectie's play: answers kept for the session."""

from __future__ import annotations

from typing import Any

from ilomo.kinds.reflectie.model import Reflectie
from ilomo.scenario.engine import Play


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
