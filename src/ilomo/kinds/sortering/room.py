"""A sortering in the room: per card the room votes for a group; the engine places the card and judges it."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ilomo import texts as player_texts
from ilomo.kinds.sortering.widget import SortView
from ilomo.room import log, texts
from ilomo.room.base import RoomMixin
from ilomo.room.votes import Decision, VoteTally, options_html, taken_html
from ilomo.widgets.base import html
from ilomo.widgets.markup import heading


class RoomSortView(RoomMixin, SortView):
    replays_route = True

    @staticmethod
    def replay_step(play: Any, step: dict[str, Any]) -> bool:
        item = play.current_item
        if item is None or item.id != step["item"]:
            return False
        play.place(step["item"], step["category"])
        return True

    def phone_question(self) -> str:
        return self.play.current_item.text if self.play.current_item else ""

    def build(self) -> None:
        super().build()  # categories, feedback, score, progress and card widgets of the live player
        self.question.value = heading(4, texts.ROOM_SORT_QUESTION)
        # The groups as a lettered list (A, B, …), so the room can vote by letter.
        groups = [f"**{c.label}**" + (f": {c.description}" if c.description else "") for c in self.scenario.categories]
        self.categories_html.value = heading(3, player_texts.SORT_CATEGORIES) + options_html(groups)
        self.tally = VoteTally()
        self.tally.show([c.label for c in self.scenario.categories])
        self.decision = Decision(self.tally, self._decide)
        self.taken = html()
        self.runs = log.Runs(self.session, self.scenario)
        self._counts_back: list[int] | None = None

    def _decide(self, position: int, by_majority: bool) -> None:
        item = self.play.current_item
        category = self.scenario.categories[position]
        correct = self.play.place(item.id, category.id)
        self.runs.step(
            {
                "item": item.id,
                "text": item.text,
                "options": [
                    {"category": c.id, "label": c.label, "votes": n}
                    for c, n in zip(self.scenario.categories, self.tally.counts, strict=True)
                ],
                "category": category.id,
                "label": category.label,
                "correct": correct,
                "right": self.labels[item.category],
                "by": log.BY_MAJORITY if by_majority else log.BY_TRAINER,
            }
        )
        self.tally.set_counts([])
        self.render()

    def restarted(self) -> None:
        self.runs.new_run()
        self.tally.set_counts([])

    def went_back(self) -> None:
        last = self.runs.undo()
        self.tally.set_counts([o["votes"] for o in last["options"]] if last else [])

    def render(self) -> None:
        play = self.play
        placed = play.transcript()
        total = len(self.items)
        stage: list[w.Widget] = []
        controls: list[w.Widget] = []
        steps: list[dict[str, Any]] = self.runs.run["steps"] if self.runs.run else []
        if placed and steps:  # what the room chose and whether it was right, at the top
            self.taken.value = taken_html(steps[-1], "category")
            self.feedback.value = self._feedback_html(placed[-1])
            stage += [self.taken, self.feedback]
        if play.finished:
            self.score.value = texts.ROOM_SORT_DONE.format(score=play.score, total=total)
            stage += [self.score, self.categories_html]
        else:
            if placed:
                self.score.value = texts.ROOM_SORT_SCORE.format(score=play.score, placed=len(placed))
                stage.append(self.score)
            self.progress.value = player_texts.SORT_PROGRESS.format(n=len(placed) + 1, total=total)
            card = self.rendered_items[play.current_item.id]["text"]
            self.item_html.value = f'<blockquote class="ilomo-prompt">{card}</blockquote>'
            self.decision.update()
            stage += [self.progress, self.item_html, self.question, self.tally.ballot_row]
            controls += [self.tally.controls, self.decision.box]
        self.show(stage, controls)
        self.update_nav()


__all__ = ["RoomSortView"]
