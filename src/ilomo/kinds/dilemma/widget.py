"""Live player for `dilemma` scenarios: situations, choices, meters, feedback and an ending with debrief."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ilomo.widgets import texts
from ilomo.widgets.base import ButtonList, PlayerView, feedback_html, html
from ilomo.widgets.markup import bullets, esc, heading, md


class Meter:
    """One meter: a progress bar labelled with the Dutch name, plus the value as text ("Spanning: 4 van 10")."""

    def __init__(self, spec: Any, label_width: str) -> None:
        self.spec = spec
        self.bar = w.IntProgress(
            value=spec.start,
            min=spec.min,
            max=spec.max,
            description=spec.label,
            style={"description_width": label_width},
            layout=w.Layout(width="auto", flex="0 1 22rem", min_width="8rem"),
        )
        self.text = w.Label(layout=w.Layout(flex="0 0 auto"))
        self.box = w.HBox([self.bar, self.text], layout=w.Layout(align_items="center", flex_flow="row wrap"))

    def show(self, value: int) -> None:
        self.bar.value = value
        self.text.value = texts.METER_TEXT.format(label=self.spec.label, value=value, max=self.spec.max)


class DilemmaView(PlayerView):
    def build(self) -> None:
        specs = self.scenario.meters
        label_width = f"{max((len(m.label) for m in specs), default=0) + 1}ch"  # same width: bars line up
        self.meters = {spec.name: Meter(spec, label_width) for spec in specs}
        self.meters_box = w.VBox([html(heading(3, texts.METERS)), *(m.box for m in self.meters.values())])
        self.feedback = html()
        self.situation_html = html()
        self.signals = html()
        self.choices_heading = html(heading(4, texts.CHOICES))
        self.choices: ButtonList[int] = ButtonList(lambda index: self._act(lambda: self.play.choose(index)))
        self.ending_html = html()

    @property
    def choice_buttons(self) -> list[w.Button]:
        return self.choices.buttons

    def render(self) -> None:
        play = self.play
        for name, meter in self.meters.items():
            meter.show(play.meters[name])
        self.feedback.value = feedback_html(texts.FEEDBACK, [md(play.last_feedback)])
        parts: list[w.Widget] = [self.feedback] if self.feedback.value else []
        if self.meters:
            parts.append(self.meters_box)
        if play.ended:
            self.situation_html.value = self.signals.value = ""
            self.choices.show([])
            self.ending_html.value = self._ending_html()
            parts.append(self.ending_html)
        else:
            situation = play.situation
            self.ending_html.value = ""
            self.situation_html.value = heading(3, situation.title or self.scenario.title) + md(situation.text)
            signals = list(situation.signals or [])
            self.signals.value = heading(4, texts.SIGNALS) + bullets(signals) if signals else ""
            self.choices.show([(index, choice.label) for index, choice in play.choices()])
            parts.append(self.situation_html)
            if signals:
                parts.append(self.signals)
            parts += [self.choices_heading, self.choices.box]
        self.body.children = tuple(parts)
        self.update_nav()

    def _ending_html(self) -> str:
        ending = self.play.ending
        out = heading(3, texts.ENDING.format(title=ending.title)) + md(ending.text)
        debrief = list(getattr(self.scenario, "debrief", None) or [])
        if debrief:
            out += heading(4, texts.DEBRIEF) + bullets(debrief, ordered=True)
        summary = self.play.summary()
        steps = len(summary["path"])
        lines = [texts.STEPS_ONE if steps == 1 else texts.STEPS_MANY.format(n=steps)]
        if practises_leap(self.scenario):  # only LEAP exercises report the LEAP steps used
            leap = list(summary.get("leap_steps") or [])
            lines.append(texts.LEAP_USED.format(steps=", ".join(leap)) if leap else texts.LEAP_NONE)
        return out + heading(4, texts.SUMMARY) + "".join(f"<p>{esc(line)}</p>" for line in lines)


LEAP_TAGS = {"luisteren", "empathie", "akkoord", "partner", "geen-leap"}


def practises_leap(scenario: Any) -> bool:
    """True when some choice carries a LEAP step or `geen-leap` tag."""
    return any(LEAP_TAGS & set(choice.tags or []) for situation in scenario.situations for choice in situation.choices)
