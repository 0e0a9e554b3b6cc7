"""Live player for `reflectie` scenarios: one text field per question; answers go to the ReflectionStore.

Saving: every change of a field's ``value`` is saved at once. The fields use ``continuous_update=False``, so
a change arrives when the learner leaves the field (Tab or click elsewhere), not on every key. That needs no
extra "Bewaar" button that learners can forget, and a file-backed store is not written on every keystroke.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ilomo import texts
from ilomo.journal.store import MemoryStore
from ilomo.widgets.base import PlayerView, html
from ilomo.widgets.markup import esc, heading, unwrap

logger = logging.getLogger(__name__)
_MARKS = re.compile(r"\*\*|\*|\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """Markdown prompt as one line of plain text (for the placeholder attribute)."""
    return " ".join(_MARKS.sub(lambda m: m.group(1) or "", text).split())


class QuestionField:
    """Prompt, text field, hint and a "Bewaard." status for one question."""

    def __init__(self, number: int, question: Any, value: str, rendered: dict[str, str]) -> None:
        self.question = question
        self.prompt = html(heading(3, texts.QUESTION_LABEL.format(n=number)) + rendered["prompt"])
        self.textarea = w.Textarea(
            value=value,
            description=texts.QUESTION_LABEL.format(n=number),
            placeholder=plain(question.prompt) or texts.ANSWER_PLACEHOLDER,
            tooltip=plain(question.prompt),
            rows=5,
            continuous_update=False,
            layout=w.Layout(width="100%"),
        )
        hint = rendered["hint"]
        self.hint = html(f"<div><em>{esc(texts.HINT)}</em> {unwrap(hint)}</div>" if hint else "")
        self.status = w.Label()
        children = [self.prompt, self.textarea, *([self.hint] if hint else []), self.status]
        self.box = w.VBox(children, layout=w.Layout(width="100%", margin="0 0 12px 0"))


class ReflectionView(PlayerView):
    has_nav = False  # "Opnieuw" would wipe answers the learner wants to keep

    def build(self) -> None:
        self.problem = ""
        try:
            saved = self.store.load(self.scenario.id)
        except Exception as err:  # an unreadable journal file: the learner can still write (and sees why)
            logger.warning("reflecties van %s niet geladen: %s", self.scenario.id, err)
            saved, self.problem = {}, texts.NOT_LOADED.format(reason=err)
        self.fields: dict[str, QuestionField] = {}
        for number, question in enumerate(self.scenario.questions, start=1):
            text = saved.get(question.id, "")
            if text:
                self.play.answer(question.id, text)
            field = QuestionField(number, question, text, self.contract["questions"][number - 1])
            field.textarea.observe(self._saver(question.id), names="value")
            self.fields[question.id] = field
        self.done = html()
        self.note = html()
        self.update_note()

    def update_note(self) -> None:
        """Where the answers go; and a warning when the journal file was damaged (``FileJournal.notice``)."""
        note = texts.MEMORY_ONLY if isinstance(self.store, MemoryStore) else ""
        path = getattr(self.store, "path", None)
        if path is not None:
            note = texts.JOURNAL_FILE.format(path=path)
        warnings = [w for w in (getattr(self.store, "notice", None), self.problem) if w]
        self.note.value = "".join(f"<p><strong>{esc(w)}</strong></p>" for w in warnings) + (
            f"<p><em>{esc(note)}</em></p>" if note else "")

    @property
    def textareas(self) -> list[w.Textarea]:
        return [f.textarea for f in self.fields.values()]

    def _saver(self, question_id: str) -> Callable[[dict], None]:
        def save(change: dict) -> None:
            text = change["new"]
            self.play.answer(question_id, text)
            try:
                self.store.save(self.scenario.id, question_id, text)
            except Exception as err:  # a full disk or a locked file must not break the notebook
                logger.warning("reflectie %s/%s niet bewaard: %s", self.scenario.id, question_id, err)
                self.fields[question_id].status.value = texts.NOT_SAVED.format(reason=err)
            else:
                self.fields[question_id].status.value = texts.SAVED
            self.update_note()
            self.render()

        return save

    def render(self) -> None:
        self.done.value = f"<p><strong>{esc(texts.REFLECTION_DONE)}</strong></p>" if self.play.finished else ""
        parts: list[w.Widget] = [f.box for f in self.fields.values()]
        if self.note.value:
            parts.append(self.note)
        if self.done.value:
            parts.append(self.done)
        self.body.children = tuple(parts)
