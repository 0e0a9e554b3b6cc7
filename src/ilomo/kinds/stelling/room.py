"""A stelling in the room: count the options before and after the discussion, and show both splits side by side.

The room has no single answer, so the engine's ``answer()`` is not used; the options come from the scenario.
"""

from __future__ import annotations

import ipywidgets as w

from ilomo.kinds.stelling.widget import StellingView
from ilomo.room import texts
from ilomo.room.base import RoomMixin
from ilomo.room.votes import VoteTally


class RoomStellingView(RoomMixin, StellingView):
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
