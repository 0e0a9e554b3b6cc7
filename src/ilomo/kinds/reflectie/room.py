"""Reflection in the room: the questions large, one at a time. Nothing is typed and nothing is stored."""

from __future__ import annotations

import ipywidgets as w

from ilomo import texts as player_texts
from ilomo.room import texts
from ilomo.room.base import RoomMixin
from ilomo.widgets.base import PlayerView, html
from ilomo.widgets.markup import esc, heading, unwrap


class RoomReflectionView(RoomMixin, PlayerView):
    has_nav = False

    def build(self) -> None:
        self.number = 0
        self.counter = html()
        self.prompt = html()
        self.hint = html()
        self.note = html(f"<p><em>{esc(texts.ROOM_REFLECTION_NOTE)}</em></p>")
        self.previous = w.Button(description=texts.PREVIOUS, layout=w.Layout(width="auto", height="auto"))
        self.next = w.Button(description=texts.NEXT, layout=w.Layout(width="auto", height="auto"))
        self.previous.on_click(lambda _: self.go(-1))
        self.next.on_click(lambda _: self.go(1))
        self.buttons = w.HBox([self.previous, self.next], layout=w.Layout(margin="12px 0"))

    def go(self, delta: int) -> None:
        self.number = min(max(self.number + delta, 0), len(self.scenario.questions) - 1)
        self.render()

    def render(self) -> None:
        questions = self.scenario.questions
        question = self.contract["questions"][self.number]
        self.counter.value = heading(3, texts.ROOM_QUESTION.format(n=self.number + 1, total=len(questions)))
        self.prompt.value = f'<div class="ilomo-prompt">{question["prompt"]}</div>'
        hint = question["hint"]
        self.hint.value = f"<p><em>{esc(player_texts.HINT)}</em> {unwrap(hint)}</p>" if hint else ""
        self.previous.disabled = self.number == 0
        self.next.disabled = self.number == len(questions) - 1
        self.show([self.counter, self.prompt, *([self.hint] if hint else []), self.note], [self.buttons])


__all__ = ["RoomReflectionView"]
