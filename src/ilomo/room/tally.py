"""The split of the room's votes: totals, percentages, the majority and ties (pure, no widgets)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ilomo.room.texts import LETTERS


@dataclass(frozen=True)
class Split:
    """Votes per option, in the order the options are shown."""

    counts: tuple[int, ...]

    @classmethod
    def of(cls, counts: Sequence[int]) -> Split:
        return cls(tuple(max(0, int(c)) for c in counts))

    @property
    def total(self) -> int:
        return sum(self.counts)

    def percent(self, position: int) -> int:
        """Share of the votes, rounded half up (so 2 of 8 is 25 and 1 of 8 is 13); 0 without votes."""
        total = self.total
        return (200 * self.counts[position] + total) // (2 * total) if total else 0

    @property
    def leaders(self) -> list[int]:
        """Positions with the most votes; empty when nobody voted."""
        top = max(self.counts, default=0)
        return [i for i, c in enumerate(self.counts) if c == top] if top else []

    @property
    def majority(self) -> int | None:
        """The one position with the most votes; None without votes or on a tie."""
        leaders = self.leaders
        return leaders[0] if len(leaders) == 1 else None

    @property
    def tie(self) -> bool:
        return len(self.leaders) > 1


def chosen_position(step: dict[str, Any], key: str) -> int:
    """Where the chosen option stood in a logged step (``key``: ``choice`` or ``category``)."""
    return [option[key] for option in step["options"]].index(step[key])


def letter(position: int) -> str:
    """A, B, C, …: how the room names an option."""
    return LETTERS[position] if position < len(LETTERS) else str(position + 1)


__all__ = ["Split", "chosen_position", "letter"]
