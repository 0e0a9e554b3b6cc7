"""A stelling in the room: count the options before and after the discussion, and show both splits side by side.

The room has no single answer, so the engine's ``answer()`` is not used; the options come from the scenario.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ilomo.kinds.stelling.widget import StellingView
from ilomo.room import texts
from ilomo.room.base import RoomMixin
from ilomo.room.resume import RESUMED_ROUNDS
from ilomo.room.votes import VoteTally


class RoomStellingView(RoomMixin, StellingView):
    @classmethod
    def resumes_rounds(cls, entry: dict[str, Any]) -> bool:
        return bool(entry.get("rounds"))

    def restore_rounds(self, entry: dict[str, Any]) -> None:
        """The two rounds' counts, and whether the room was discussing."""
        rounds = entry["rounds"]
        ids = [option.id for option in self.scenario.options]
        before, after = rounds.get("before") or {}, rounds.get("after")
        self.before.set_counts([int(before.get(i, 0)) for i in ids])
        self.after.set_counts([int((after or {}).get(i, 0)) for i in ids])
        self.discussing = after is not None
        self.render()

    def resume_detail(self, steps: int, time: str) -> str:
        return RESUMED_ROUNDS.format(time=time)

    def phone_question(self) -> str:
        return self.scenario.statement

    def phone_tallies(self, key: Callable[..., Callable[[], str]]) -> list[tuple[Any, Callable[[], str]]]:
        return [(getattr(self, "before", None), key("before")), (getattr(self, "after", None), key("after"))]

    def build(self) -> None:
        super().build()  # statement, perspectives and questions of the live player
        options = self.scenario.options
        self.labels = {o.id: o.label for o in options}
        self.before = VoteTally(texts.ROUND_BEFORE, caption=texts.ROUND_BEFORE)
        self.after = VoteTally(texts.ROUND_AFTER, caption=texts.ROUND_AFTER)
        for tally in (self.before, self.after):
            tally.show([o.label for o in options])
            tally.on_change(self._save)
        self.to_discussion = w.Button(
            description=texts.TO_DISCUSSION,
            tooltip=texts.TO_DISCUSSION_TIP,
            button_style="primary",
            layout=w.Layout(width="auto", height="auto", margin="8px 0", align_self="flex-start"),
        )
        self.to_discussion.on_click(lambda _: self._discuss(True))
        self.side_by_side = w.HBox(
            [self.before.chart, self.after.chart], layout=w.Layout(width="100%", flex_flow="row wrap")
        )
        for chart in (self.before.chart, self.after.chart):
            chart.layout = w.Layout(flex="1 1 24rem", margin="0 1rem 0 0")
        self.discussing = False

    def _counts(self, tally: VoteTally) -> dict[str, int]:
        return {o.id: n for o, n in zip(self.scenario.options, tally.counts, strict=True)}

    def _save(self) -> None:
        entry = self.session.exercise(
            self.scenario,
            statement=self.scenario.statement,
            options=[{"id": o.id, "label": o.label} for o in self.scenario.options],
        )
        entry["rounds"] = {
            "before": self._counts(self.before),
            "after": self._counts(self.after) if self.discussing else None,
        }
        self.session.save()
        self.update_nav()

    def _discuss(self, on: bool) -> None:
        self.discussing = on
        self._save()
        self.render()

    # "Terug" goes back to the first round; "Opnieuw" clears both rounds.
    def went_back(self) -> None:
        self.discussing = False
        self._save()

    def restarted(self) -> None:
        self.discussing = False
        for tally in (self.before, self.after):
            tally.set_counts([])

    def render(self) -> None:
        stage: list[w.Widget] = [self.statement]
        if not self.discussing:
            stage.append(self.before.ballot_row)
            controls: list[w.Widget] = [self.before.controls, self.to_discussion]
        else:
            self.side_by_side.children = (self.before.chart, self.after.chart, self.after.phones.join)
            stage += [self.perspectives, self.questions, self.side_by_side]
            controls = [self.after.controls]
        self.show(stage, controls)
        self.update_nav()

    def update_nav(self) -> None:
        self.back_button.disabled = not self.discussing
        self.restart_button.disabled = not (self.discussing or self.before.split.total)


__all__ = ["RoomStellingView"]
