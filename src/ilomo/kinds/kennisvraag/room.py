"""A kennisvraag in the room: per question the room votes per option (lettered in the session's order), then
the trainer shows the answers with every explanation. The votes go to the session log (counts only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ilomo import texts as player_texts
from ilomo.kinds.kennisvraag.widget import explanations_html
from ilomo.room import texts
from ilomo.room.base import RoomMixin
from ilomo.room.votes import VoteTally, options_html
from ilomo.widgets.base import PlayerView, html
from ilomo.widgets.markup import heading


class RoomKnowledgeView(RoomMixin, PlayerView):
    def phone_question(self) -> str:
        from ilomo.room.phones.panel import html_text

        return html_text(self.question["question"])

    def phone_tallies(self, key: Callable[..., Callable[[], str]]) -> list[tuple[Any, Callable[[], str]]]:
        return [(getattr(self, "tally", None), key(lambda: self.number))]

    has_nav = False

    def build(self) -> None:
        self.number = 0
        self.revealed = False
        self.counter = html()
        self.prompt = html()
        self.options = html()
        self.tally = VoteTally()
        self.tally.on_change(self._save)
        self.answers = html()
        button = {"layout": w.Layout(width="auto", height="auto")}
        self.reveal = w.Button(description=player_texts.CHECK_SUBMIT, button_style="primary", **button)
        self.previous = w.Button(description=texts.PREVIOUS, **button)
        self.next = w.Button(description=player_texts.CHECK_NEXT, **button)
        self.reveal.on_click(lambda _: self._show(True))
        self.previous.on_click(lambda _: self.go(-1))
        self.next.on_click(lambda _: self.go(1))
        self.buttons = w.HBox([self.previous, self.reveal, self.next], layout=w.Layout(margin="12px 0"))
        self.tally.show([self.question["options"][i]["label"] for i in self.order()])

    @property
    def question(self) -> dict:
        return self.contract["questions"][self.number]

    def order(self) -> list[int]:
        return self.play.option_order(self.question["id"])

    def _save(self) -> None:
        entry = self.session.exercise(self.scenario, questions={})
        ids = [self.question["options"][i]["id"] for i in self.order()]
        entry["questions"][self.question["id"]] = dict(zip(ids, self.tally.counts, strict=True))
        self.session.save()

    def _show(self, on: bool) -> None:
        self.revealed = on
        self.render()

    def go(self, delta: int) -> None:
        self.number = min(max(self.number + delta, 0), len(self.contract["questions"]) - 1)
        self.revealed = False
        self.tally.show([self.question["options"][i]["label"] for i in self.order()])
        self.render()

    def render(self) -> None:
        q, order = self.question, self.order()
        total = len(self.contract["questions"])
        labels = [q["options"][i]["label"] for i in order]
        self.counter.value = heading(3, player_texts.CHECK_PROGRESS.format(n=self.number + 1, total=total))
        self.prompt.value = f'<div class="ilomo-prompt">{q["question"]}</div>'
        self.options.value = options_html(labels)
        self.answers.value = explanations_html(q, order, []) if self.revealed else ""
        self.previous.disabled = self.number == 0
        self.next.disabled = self.number == total - 1
        self.reveal.disabled = self.revealed
        stage = [self.counter, self.prompt, self.tally.ballot_row]  # options with letters, bars and counts
        if self.revealed:
            stage.append(self.answers)
        self.show(stage, [self.tally.controls, self.buttons])
