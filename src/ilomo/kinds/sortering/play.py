"""The sortering's play: each item in turn placed in a category."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ilomo.kinds.sortering.model import Category, Item, Sortering
from ilomo.scenario.engine import Play


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
