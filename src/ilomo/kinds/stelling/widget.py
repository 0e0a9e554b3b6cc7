"""Live player for `stelling` scenarios: a statement, an answer, then perspectives and questions."""

from __future__ import annotations

import ipywidgets as w

from ilomo import texts
from ilomo.widgets.base import ButtonList, PlayerView, html
from ilomo.widgets.markup import bullets, esc, heading


class StellingView(PlayerView):
    def build(self) -> None:
        self.labels = {o.id: o.label for o in self.scenario.options}
        statement = f"<blockquote><p>{esc(self.contract['statement'])}</p></blockquote>"
        self.statement = html(heading(3, texts.STATEMENT) + statement)
        self.question = html(heading(4, texts.STATEMENT_QUESTION))
        self.choices: ButtonList[str] = ButtonList(
            lambda option_id: self._act(lambda: self.play.answer(option_id)),
            tooltip=lambda label: texts.OPTION_TIP.format(label=label),
        )
        self.answer = html()
        perspectives = "".join(heading(4, p["title"]) + p["text"] for p in self.contract["perspectives"])
        self.perspectives = html(heading(3, texts.PERSPECTIVES) + perspectives)
        self.questions = html(heading(3, texts.QUESTIONS) + bullets(self.scenario.questions, ordered=True))

    @property
    def option_buttons(self) -> list[w.Button]:
        return self.choices.buttons

    def render(self) -> None:
        chosen = self.play.chosen
        parts: list[w.Widget] = [self.statement]
        if chosen is None:
            self.answer.value = ""
            self.choices.show([(o.id, o.label) for o in self.scenario.options])
            parts += [self.question, self.choices.box]
        else:
            self.choices.show([])
            label = self.labels[chosen]
            self.answer.value = f"<p><strong>{esc(texts.YOUR_ANSWER.format(label=label))}</strong></p>"
            parts += [self.answer, self.perspectives, self.questions]
        self.body.children = tuple(parts)
        self.update_nav()
