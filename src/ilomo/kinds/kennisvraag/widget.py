"""Live player for `kennisvraag` scenarios: one question at a time, options in the learner's order, "Controleer
je antwoord", then every option's explanation and whether it was right; a score at the end."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ilomo import texts
from ilomo.widgets.base import PlayerView, html
from ilomo.widgets.markup import esc, heading, items


def explanations_html(question: dict[str, Any], order: list[int], picked: list[str]) -> str:
    """Every option in the shown order: right or wrong (in words), whether it was picked, its explanation."""
    rows = []
    for i in order:
        o = question["options"][i]
        verdict = texts.CHECK_IS_RIGHT if o["correct"] else texts.CHECK_IS_WRONG
        mine = f" ({esc(texts.CHECK_YOU_PICKED)})" if o["id"] in picked else ""
        rows.append(f"<p><strong>{esc(verdict)}:</strong> {esc(o['label'])}{mine}</p>{o['explanation']}")
    return items(rows)


class KnowledgeView(PlayerView):
    def build(self) -> None:
        self.questions = {q["id"]: q for q in self.contract["questions"]}
        self.counter = html()
        self.question = html()
        self.how = w.Label()
        self.single = w.RadioButtons(options=[], value=None, layout=w.Layout(width="auto"))
        self.boxes: list[w.Checkbox] = []
        self.options_box = w.VBox(layout=w.Layout(width="100%"))
        self.warning = w.Label()
        self.check = w.Button(description=texts.CHECK_SUBMIT, tooltip=texts.CHECK_SUBMIT, button_style="primary",
                              layout=w.Layout(width="auto", height="auto"))
        self.check.on_click(lambda _: self._submit())
        self.feedback = html()
        self.score = html()
        self._ids: list[str] = []

    def _submit(self) -> None:
        current = self.play.current
        if current is None:
            return
        if current.multiple:
            picked = [i for i, box in zip(self._ids, self.boxes, strict=True) if box.value]
        else:
            picked = [self._ids[self.single.index]] if self.single.index is not None else []
        if not picked:
            self.warning.value = texts.CHECK_NOTHING_PICKED
            return
        self._act(lambda: self.play.answer(current.id, picked))

    def render(self) -> None:
        play = self.play
        self.warning.value = ""
        answers = play.transcript()
        parts: list[w.Widget] = []
        if answers:
            last = answers[-1]
            q = self.questions[last["question"]]
            verdict = texts.CHECK_RIGHT if last["correct"] else texts.CHECK_WRONG
            self.feedback.value = (heading(3, texts.FEEDBACK) + f"<p><strong>{esc(verdict)}</strong></p>"
                                   + explanations_html(q, play.option_order(q["id"]), last["answer"]))
            parts.append(self.feedback)
        else:
            self.feedback.value = ""
        current = play.current
        if current is None:
            self.score.value = heading(3, texts.CHECK_SCORE.format(score=play.score, total=len(self.questions)))
            parts.append(self.score)
        else:
            q = self.questions[current.id]
            order = play.option_order(current.id)
            self._ids = [q["options"][i]["id"] for i in order]
            labels = [q["options"][i]["label"] for i in order]
            self.counter.value = heading(3, texts.CHECK_PROGRESS.format(n=len(answers) + 1, total=len(self.questions)))
            self.question.value = q["question"]
            self.how.value = texts.CHECK_PICK_ALL if q["multiple"] else texts.CHECK_PICK_ONE
            if q["multiple"]:
                self.boxes = [w.Checkbox(value=False, description=label, indent=False,
                                         layout=w.Layout(width="auto")) for label in labels]
                self.options_box.children = tuple(self.boxes)
            else:
                self.single.options = labels
                self.single.value = None
                self.options_box.children = (self.single,)
            parts += [self.counter, self.question, self.how, self.options_box, self.warning, self.check]
        self.body.children = tuple(parts)
        self.update_nav()
