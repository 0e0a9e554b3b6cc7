"""Live player for `sortering` scenarios: place each item in a category, get feedback and a score."""

from __future__ import annotations

import ipywidgets as w

from ilomo import texts
from ilomo.widgets.base import ButtonList, PlayerView, feedback_html, html
from ilomo.widgets.markup import esc, heading


class SortView(PlayerView):
    def build(self) -> None:
        categories = self.scenario.categories
        self.labels = {c.id: c.label for c in categories}
        self.items = {i.id: i for i in self.scenario.items}
        self.rendered_items = {i["id"]: i for i in self.contract["items"]}  # text and feedback as contract HTML
        rows = "".join(
            f"<li><strong>{esc(c.label)}</strong>" + (f": {esc(c.description)}" if c.description else "") + "</li>"
            for c in categories
        )
        self.categories_html = html(heading(3, texts.SORT_CATEGORIES) + f"<ul>{rows}</ul>")
        self.feedback = html()
        self.score = w.Label()
        self.progress = w.Label()
        self.item_html = html()
        self.question = html(heading(4, texts.SORT_QUESTION))
        self.choices: ButtonList[str] = ButtonList(
            self._place, tooltip=lambda label: texts.SORT_CATEGORY_TIP.format(label=label)
        )

    @property
    def category_buttons(self) -> list[w.Button]:
        return self.choices.buttons

    def _place(self, category_id: str) -> None:
        item = self.play.current_item
        if item is not None:
            self._act(lambda: self.play.place(item.id, category_id))

    def render(self) -> None:
        play = self.play
        placed = play.transcript()
        total = len(self.items)
        self.feedback.value = self._feedback_html(placed[-1]) if placed else ""
        parts: list[w.Widget] = [self.categories_html]
        if self.feedback.value:
            parts.append(self.feedback)
        if play.finished:
            self.score.value = texts.SORT_DONE.format(score=play.score, total=total)
            self.choices.show([])
            self.item_html.value = ""
            parts.append(self.score)
        else:
            item = play.current_item
            self.score.value = texts.SORT_SCORE.format(score=play.score, placed=len(placed)) if placed else ""
            self.progress.value = texts.SORT_PROGRESS.format(n=len(placed) + 1, total=total)
            self.item_html.value = f"<blockquote>{self.rendered_items[item.id]['text']}</blockquote>"
            self.choices.show([(c.id, c.label) for c in self.scenario.categories])
            if placed:
                parts.append(self.score)
            parts += [self.progress, self.item_html, self.question, self.choices.box]
        self.body.children = tuple(parts)
        self.update_nav()

    def _feedback_html(self, step: dict) -> str:
        item = self.items[step["item"]]
        verdict = texts.SORT_GOOD if step["correct"] else texts.SORT_WRONG.format(label=self.labels[item.category])
        feedback = self.rendered_items[item.id]["feedback"]
        return feedback_html(texts.FEEDBACK, [f"<p><strong>{esc(verdict)}</strong></p>", feedback])
