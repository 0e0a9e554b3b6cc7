"""Live player for `dilemma` scenarios: situations, choices in the learner's order, visible meters by meaning,
feedback and an ending with what went well, what it cost, the hidden meters, the routes and the debrief."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ilomo import texts
from ilomo.kinds.dilemma.debrief import change_text, ending_html
from ilomo.widgets.base import ButtonList, PlayerView, feedback_html, html
from ilomo.widgets.markup import bullets, esc, heading, items, unwrap


class Meter:
    """One visible meter: a bar labelled with the Dutch name, the value as text ("Spanning: 4 van 10") and the
    last change in words ("−1, beter"); the bars line up because the labels share one width."""

    def __init__(self, spec: dict[str, Any], label_width: str) -> None:
        self.spec = spec
        self.bar = w.IntProgress(
            value=spec["start"],
            min=spec["min"],
            max=spec["max"],
            description=spec["label"],
            style={"description_width": label_width},
            layout=w.Layout(width="auto", flex="0 1 22rem", min_width="8rem"),
        )
        self.text = w.Label(layout=w.Layout(flex="0 0 auto"))
        self.change = w.Label(layout=w.Layout(flex="0 0 auto"))
        self.box = w.HBox([self.bar, self.text, self.change],
                          layout=w.Layout(align_items="center", flex_flow="row wrap"))

    def show(self, value: int, before: int | None = None) -> None:
        self.bar.value = value
        self.text.value = texts.METER_TEXT.format(label=self.spec["label"], value=value, max=self.spec["max"])
        self.change.value = f"({change_text(self.spec, before, value)})" if before not in (None, value) else ""


class DilemmaView(PlayerView):
    def build(self) -> None:
        visible = [m for m in self.contract["meters"] if not m["hidden"]]
        label_width = f"{max((len(m['label']) for m in visible), default=0) + 1}ch"
        self.meters = {m["name"]: Meter(m, label_width) for m in visible}
        self.meters_box = w.VBox([html(heading(3, texts.METERS)), *(m.box for m in self.meters.values())])
        self.situations = {s["id"]: s for s in self.contract["situations"]}
        self.feedback = html()
        self.situation_html = html()
        self.signals = html()
        self.choices_heading = html(heading(4, texts.CHOICES))
        self.choices: ButtonList[int] = ButtonList(lambda index: self._act(lambda: self.play.choose(index)))
        self.ending_html = html()

    @property
    def choice_buttons(self) -> list[w.Button]:
        return self.choices.buttons

    def last_step(self) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(transcript row, contract choice) of the last choice made, or None at the start."""
        rows = [r for r in self.play.transcript() if "choice" in r]
        if not rows:
            return None
        return rows[-1], self.situations[rows[-1]["situation"]]["choices"][rows[-1]["choice"]]

    def show_meters(self) -> None:
        rows = [r for r in self.play.transcript() if "choice" in r]
        before = rows[-2]["meters"] if len(rows) > 1 else ({m["name"]: m["start"] for m in self.contract["meters"]}
                                                          if rows else {})
        for name, meter in self.meters.items():
            meter.show(self.play.meters[name], before.get(name))

    def render(self) -> None:
        play = self.play
        self.show_meters()
        last = self.last_step()
        self.feedback.value = feedback_html(texts.FEEDBACK, [last[1]["feedback"]]) if last else ""
        parts: list[w.Widget] = [self.feedback] if self.feedback.value else []
        if self.meters:
            parts.append(self.meters_box)
        if play.ended:
            self.situation_html.value = self.signals.value = ""
            self.choices.show([])
            self.ending_html.value = self._ending_html()
            parts.append(self.ending_html)
        else:
            situation = self.situations[play.situation.id]
            self.ending_html.value = ""
            self.situation_html.value = heading(3, situation["title"]) + situation["text"]
            signals = situation["signals"]
            self.signals.value = heading(4, texts.SIGNALS) + bullets(signals) if signals else ""
            self.choices.show([(index, choice.label) for index, choice in play.ordered_choices()])
            parts.append(self.situation_html)
            if signals:
                parts.append(self.signals)
            parts += [self.choices_heading, self.choices.box]
        self.body.children = tuple(parts)
        self.update_nav()

    def _ending_html(self) -> str:
        out = ending_html(self.contract, self.play)
        if self.contract["debrief"]:
            out += heading(4, texts.DEBRIEF) + items(map(unwrap, self.contract["debrief"]), ordered=True)
        summary = self.play.summary()
        steps = len(summary["path"])
        lines = [texts.STEPS_ONE if steps == 1 else texts.STEPS_MANY.format(n=steps)]
        if self.contract["leap"]:  # only LEAP exercises report the LEAP steps used
            leap = list(summary.get("leap_steps") or [])
            lines.append(texts.LEAP_USED.format(steps=", ".join(leap)) if leap else texts.LEAP_NONE)
        return out + heading(4, texts.SUMMARY) + "".join(f"<p>{esc(line)}</p>" for line in lines)
