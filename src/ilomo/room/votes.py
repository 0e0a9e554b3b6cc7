"""Vote entry for the room: a number field per option, the split as a bar chart, and the decision.

Pure ipywidgets: ``BoundedIntText`` fields and one ``HTML`` table whose bars are plain ``<div>``s, with the
counts and percentages as text (readable without colour and by a screen reader).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w

from ilomo.room import texts
from ilomo.room.log import BY_MAJORITY
from ilomo.room.tally import Split, chosen_position, letter
from ilomo.widgets.base import html
from ilomo.widgets.markup import esc, heading, inline

MAX_VOTES = 999


def votes_text(n: int) -> str:
    return texts.TOTAL_ONE if n == 1 else texts.TOTAL_MANY.format(n=n)


def options_html(labels: Sequence[str]) -> str:
    """The options as a lettered list (A, B, …) in large type."""
    rows = "".join(
        f'<li><span class="ilomo-letter">{letter(i)}.</span> {inline(label)}</li>' for i, label in enumerate(labels)
    )
    return f'<ul class="ilomo-options" style="list-style:none;padding-left:0">{rows}</ul>'


def chart_html(labels: Sequence[str], split: Split, caption: str = texts.RESULT) -> str:
    """A bar per option: letter, bar, and right beside the bar's end the votes and percentage (a projector shows
    them together; the count is text, so it reads without colour). The leaders' bars stand out."""
    leaders = set(split.leaders)
    rows = []
    for i, label in enumerate(labels):
        count = split.counts[i] if i < len(split.counts) else 0
        percent = split.percent(i)
        top = ' class="ilomo-top"' if i in leaders else ""
        rows.append(
            f'<tr{top}><th scope="row" title="{esc(label)}">{letter(i)}</th>'
            f'<td class="ilomo-track"><div style="display:flex;align-items:center;gap:.5em">'
            f'<div class="ilomo-bar" style="flex:0 0 {0.75 * percent:.2f}%"></div>'
            f'<span class="ilomo-count">{esc(texts.BAR_TEXT.format(votes=votes_text(count), percent=percent))}'
            "</span></div></td></tr>"
        )
    title = f"{caption}: {votes_text(split.total)}"
    return f'<table class="ilomo-bars"><caption>{esc(title)}</caption>{"".join(rows)}</table>'


def ballot_html(labels: Sequence[str], split: Split, caption: str = texts.RESULT) -> str:
    """For the projector: per option its letter, its text and its bar with the count right beside it, in one
    table (the room reads the options and the tally in one place; the count is text, so no colour is needed)."""
    leaders = set(split.leaders)
    rows = []
    for i, label in enumerate(labels):
        count = split.counts[i] if i < len(split.counts) else 0
        percent = split.percent(i)
        top = ' class="ilomo-top"' if i in leaders and split.total else ""
        rows.append(
            f'<tr{top}><th scope="row">{letter(i)}.</th><td>{inline(label)}</td>'
            f'<td class="ilomo-track"><div style="display:flex;align-items:center;gap:.4em">'
            f'<div class="ilomo-bar" style="flex:0 0 {0.3 * percent:.2f}%"></div>'
            f'<span class="ilomo-count">{esc(texts.BAR_TEXT.format(votes=votes_text(count), percent=percent))}'
            "</span></div></td></tr>"
        )
    title = f"{caption}: {votes_text(split.total)}"
    return f'<table class="ilomo-ballot"><caption>{esc(title)}</caption>{"".join(rows)}</table>'


def taken_html(step: dict[str, Any], key: str) -> str:
    """"De zaal koos B: … (meerderheid)" for a logged step."""
    taken = texts.TAKEN.format(letter=letter(chosen_position(step, key)), label=step["label"])
    how = texts.BY_MAJORITY if step["by"] == BY_MAJORITY else texts.BY_TRAINER
    return f"<p><strong>{esc(taken)}</strong> ({esc(how)})</p>"


class VoteTally:
    """Number fields (one per option) and a live chart. ``box`` holds both; they can also be placed apart."""

    def __init__(self, title: str = texts.VOTES, caption: str = texts.RESULT) -> None:
        self.caption = caption
        self.title = html(heading(4, title))
        self.fields_box = w.VBox(layout=w.Layout(width="100%", flex_flow="row wrap", align_items="center"))
        self.chart = html()
        self.ballot = html()  # the options with their bars, for the projector's stage (``ballot_html``)
        from ilomo.room.phones.panel import PhonePanel

        self.phones = PhonePanel(self)  # votes from phones fill the fields; typing stays the fallback
        # For the stage: the options with their bars, and while phones vote the QR code beside them.
        self.ballot_row = w.HBox(
            [self.ballot, self.phones.join], layout=w.Layout(width="100%", align_items="flex-start")
        )
        self.ballot.layout = w.Layout(flex="1 1 auto", width="auto", min_width="0")
        self.box = w.VBox([self.title, self.fields_box, self.chart], layout=w.Layout(width="100%"))
        # For the trainer's panel: the heading, the phone buttons and the number fields.
        self.controls = w.VBox([self.title, self.phones.box, self.fields_box], layout=w.Layout(width="100%"))
        self.labels: list[str] = []
        self._pool: list[w.BoundedIntText] = []
        self._listeners: list[Callable[[], None]] = []
        self._quiet = False

    @property
    def fields(self) -> list[w.BoundedIntText]:
        """The fields shown now, in option order."""
        return self._pool[: len(self.labels)]

    @property
    def counts(self) -> list[int]:
        return [f.value or 0 for f in self.fields]

    @property
    def split(self) -> Split:
        return Split.of(self.counts)

    def show(self, labels: Sequence[str], counts: Sequence[int] | None = None) -> None:
        """Fields for these options (fields are reused), filled with ``counts`` or zeros."""
        while len(self._pool) < len(labels):
            field = w.BoundedIntText(
                value=0,
                min=0,
                max=MAX_VOTES,
                continuous_update=True,
                style={"description_width": "2em"},
                layout=w.Layout(width="7em", margin="4px 10px 4px 0"),
            )
            field.observe(self._changed, names="value")
            self._pool.append(field)
        self.labels = list(labels)
        values = list(counts or [])
        self._quiet = True
        try:
            for i, (field, label) in enumerate(zip(self._pool, self.labels, strict=False)):
                field.description = letter(i)
                field.tooltip = texts.VOTES_TIP.format(letter=letter(i), label=label)
                field.value = values[i] if i < len(values) else 0
        finally:
            self._quiet = False
        self.fields_box.children = tuple(self.fields)
        self.redraw()
        self.phones.new_step()

    def receive(self, counts: Sequence[int]) -> None:
        """Counts from the phones: into the fields, then one redraw and one call of each listener."""
        self._quiet = True
        try:
            for field, count in zip(self.fields, counts, strict=False):
                field.value = min(max(0, int(count)), MAX_VOTES)
        finally:
            self._quiet = False
        self._changed({})

    def set_counts(self, counts: Sequence[int]) -> None:
        self.show(self.labels, counts)

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def redraw(self) -> None:
        split = self.split
        self.chart.value = chart_html(self.labels, split, self.caption)
        self.ballot.value = ballot_html(self.labels, split, self.caption)

    def _changed(self, _change: dict) -> None:
        if self._quiet:
            return
        self.redraw()
        for listener in self._listeners:
            listener()


class Decision:
    """"Verder met de meerderheid" and the trainer's own pick, with the reason when there is no majority.

    ``on_decide(position, by_majority)`` gets the position of the option in the tally's order.
    """

    def __init__(self, tally: VoteTally, on_decide: Callable[[int, bool], None]) -> None:
        self.tally = tally
        self._on_decide = on_decide
        self.status = html()
        self.majority_button = w.Button(
            description=texts.GO_MAJORITY,
            tooltip=texts.GO_MAJORITY_TIP,
            button_style="primary",
            layout=w.Layout(width="auto", height="auto", margin="8px 0", align_self="flex-start"),
        )
        self.majority_button.on_click(lambda _: self._majority())
        self.pick_label = html(f"<p>{esc(texts.PICK)}</p>")
        self.pick_box = w.HBox(layout=w.Layout(flex_flow="row wrap", width="100%"))
        self._pool: list[w.Button] = []
        self.box = w.VBox([self.status, self.majority_button, self.pick_label, self.pick_box])
        tally.on_change(self.update)

    @property
    def pick_buttons(self) -> list[w.Button]:
        return self._pool[: len(self.tally.labels)]

    def update(self) -> None:
        """Match the buttons to the tally's options and the status to its split."""
        labels = self.tally.labels
        while len(self._pool) < len(labels):
            button = w.Button(layout=w.Layout(width="auto", height="auto", margin="2px 4px 2px 0"))
            button.on_click(self._picked)
            self._pool.append(button)
        for i, (button, label) in enumerate(zip(self._pool, labels, strict=False)):
            button.description = texts.GO_PICK.format(letter=letter(i))
            button.tooltip = texts.GO_PICK_TIP.format(letter=letter(i), label=label)
        self.pick_box.children = tuple(self.pick_buttons)
        split = self.tally.split
        self.majority_button.disabled = split.majority is None
        self.status.value = f"<p><strong>{esc(self.reason(split, labels))}</strong></p>"

    @staticmethod
    def reason(split: Split, labels: Sequence[str]) -> str:
        """Why the room goes on (or cannot go on) with the majority."""
        if split.majority is not None:
            return texts.MAJORITY.format(letter=letter(split.majority), label=labels[split.majority])
        if not split.tie:
            return texts.NO_VOTES
        leaders = [letter(i) for i in split.leaders]
        names = f"{', '.join(leaders[:-1])} {texts.AND} {leaders[-1]}"
        template = texts.TIE if len(leaders) == 2 else texts.TIE_MANY
        return template.format(letters=names, n=split.counts[split.leaders[0]])

    def _majority(self) -> None:
        position = self.tally.split.majority
        if position is not None:
            self._on_decide(position, True)

    def _picked(self, button: w.Button) -> None:
        position = self._pool.index(button)
        if position < len(self.tally.labels):
            self._on_decide(position, False)


__all__ = ["Decision", "VoteTally", "ballot_html", "chart_html", "options_html", "taken_html", "votes_text"]
