"""The stelling's play: one answer."""

from __future__ import annotations

from typing import Any

from ilomo.kinds.stelling.model import Option, Stelling
from ilomo.scenario.engine import Play


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
