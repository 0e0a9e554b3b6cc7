"""Where reflection answers go: one small storage interface and an in-memory store.

``ilomo.journal.FileJournal`` is the file-backed store (the default of ``ilomo.play`` for reflection). Players
only talk to ``ReflectionStore``, so swapping the store needs no change in the players.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class ReflectionStore(Protocol):
    """Saves and loads the answers to reflection questions, per scenario."""

    def save(self, scenario_id: str, question_id: str, text: str) -> None:
        """Store ``text`` as the answer to ``question_id`` (replaces an earlier answer)."""
        ...

    def load(self, scenario_id: str) -> dict[str, str]:
        """All stored answers of one scenario: question id -> text (empty dict when none)."""
        ...


class MemoryStore:
    """Keeps answers in memory only: they are gone when the kernel stops."""

    def __init__(self) -> None:
        self._answers: dict[str, dict[str, str]] = {}

    def save(self, scenario_id: str, question_id: str, text: str) -> None:
        self._answers.setdefault(scenario_id, {})[question_id] = text

    def load(self, scenario_id: str) -> dict[str, str]:
        return dict(self._answers.get(scenario_id, {}))


__all__ = ["MemoryStore", "ReflectionStore"]
