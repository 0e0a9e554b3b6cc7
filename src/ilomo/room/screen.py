"""The projector layout of a room view: the stage that the room reads, and the trainer's panel beside it.

One step must fit on 1280×720 and 1920×1080 without scrolling: the stage holds what the room chose (at the top),
the situation, the options with their letters and the tally with each count beside its bar; the QR code floats
at its right while phones vote. The trainer's panel (vote fields, phone buttons, go on, pick, back) sits in its
own bordered column at the right, sticky, so it stays in view; under 1000 px wide it moves below the stage.
Pure CSS in one scoped ``<style>`` (like ``widgets.base.PLAYER_STYLE``), no JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from ilomo.widgets.markup import esc

TRAINER_HEADING = "Bediening door de trainer"
METER_VALUE = "{value} van {max}"

SCREEN_STYLE = (
    "<style>"
    ".ilomo-room.ilomo-player{max-width:none!important;}"
    ".ilomo-room .ilomo-screen{display:flex;flex-flow:row nowrap;gap:20px;align-items:flex-start;width:100%;}"
    ".ilomo-room .ilomo-stage{flex:1 1 auto;min-width:0;}"
    ".ilomo-room .ilomo-trainer{flex:0 0 300px;position:sticky;top:8px;box-sizing:border-box;"
    "max-height:calc(100vh - 16px);overflow-y:auto;border:2px dashed #6b6b6b;border-radius:8px;padding:6px 8px;"
    "font-size:17px;--jp-widgets-font-size:17px;}"
    ".ilomo-room .ilomo-trainer.widget-vbox>*,.ilomo-room .ilomo-trainer .widget-vbox>*{flex-shrink:0;}"
    ".ilomo-room .ilomo-trainer .widget-html-content,.ilomo-room .ilomo-trainer .jupyter-widget-html-content,"
    ".ilomo-room .ilomo-trainer .widget-label{font-size:17px;line-height:1.35;}"
    ".ilomo-room .ilomo-trainer h4{font-size:19px;margin:.4em 0 .2em;}"
    ".ilomo-room .ilomo-trainer .widget-button,.ilomo-room .ilomo-trainer .jupyter-button{font-size:16px;"
    "min-height:40px;padding:4px 10px;}"
    ".ilomo-room .ilomo-trainer input[type=number]{font-size:22px;height:40px;}"
    ".ilomo-room .ilomo-trainer .widget-text .widget-label{font-size:22px;}"
    ".ilomo-room .ilomo-trainer-title{font-weight:700;text-transform:uppercase;letter-spacing:.06em;margin:0;}"
    ".ilomo-room .ilomo-stage h3{margin:.3em 0 .2em;}"
    ".ilomo-room .ilomo-stage p{margin:.25em 0 .45em;}"
    ".ilomo-room .ilomo-stage ul{margin:.2em 0;}"
    ".ilomo-room .ilomo-stage h4{font-size:22px;margin:.3em 0 .1em;}"
    ".ilomo-room .ilomo-taken{font-size:19px;border-left:6px solid #1f5f99;padding:.1em 0 .1em .8em;"
    "margin:.2em 0 .4em;}"
    ".ilomo-room .ilomo-taken p{margin:.1em 0;}"
    ".ilomo-room .ilomo-join{float:right;margin:0 0 8px 16px;}"
    ".ilomo-room .ilomo-ballot{border-collapse:collapse;width:100%;font-size:24px;line-height:1.3;}"
    ".ilomo-room .ilomo-ballot th{width:1.8em;text-align:left;vertical-align:top;padding:.2em .2em;font-size:28px;}"
    ".ilomo-room .ilomo-ballot td{vertical-align:top;padding:.12em .3em;}"
    ".ilomo-room .ilomo-ballot td.ilomo-track{width:12.5em;padding-top:.35em;}"
    ".ilomo-room .ilomo-ballot caption{text-align:left;font-weight:700;padding:.1em 0;}"
    ".ilomo-room .ilomo-ballot .ilomo-bar{height:.9em;min-width:2px;background:#1f5f99;border-radius:3px;}"
    ".ilomo-room .ilomo-ballot tr.ilomo-top .ilomo-bar{background:#b35900;}"
    ".ilomo-room .ilomo-ballot .ilomo-count{white-space:nowrap;font-size:22px;}"
    ".ilomo-room .ilomo-meters-line{font-size:19px;margin:.2em 0;display:flex;flex-wrap:wrap;align-items:center;}"
    ".ilomo-room ul.ilomo-signals{list-style:none;padding:0;margin:.1em 0 .3em;display:inline;}"
    ".ilomo-room ul.ilomo-signals li{display:inline;}"
    ".ilomo-room ul.ilomo-signals li+li::before{content:' · ';font-weight:700;}"
    ".ilomo-room .ilomo-signals-title{font-weight:700;margin-right:.4em;}"
    ".ilomo-room .ilomo-taken .jp-RenderedHTMLCommon,.ilomo-room .ilomo-taken{font-size:19px;line-height:1.35;}"
    ".ilomo-room .ilomo-meters-line .sr-title{font-weight:700;margin-right:.6em;}"
    "@media (max-height:820px){.ilomo-room{font-size:20px;}"
    ".ilomo-room .ilomo-stage .widget-html-content,.ilomo-room .ilomo-stage .jupyter-widget-html-content"
    "{font-size:20px;line-height:1.4;}"
    ".ilomo-room .ilomo-stage h3{font-size:26px;}.ilomo-room .ilomo-ballot{font-size:21px;}"
    ".ilomo-room .ilomo-stage h4{font-size:20px;}"
    ".ilomo-room .ilomo-ballot th{font-size:24px;}.ilomo-room .ilomo-ballot .ilomo-count{font-size:20px;}}"
    "@media (min-height:1000px) and (min-width:1600px){.ilomo-room{font-size:26px;}"
    ".ilomo-room .ilomo-stage .widget-html-content,.ilomo-room .ilomo-stage .jupyter-widget-html-content"
    "{font-size:26px;line-height:1.4;}"
    ".ilomo-room .ilomo-stage h3{font-size:38px;}.ilomo-room .ilomo-ballot{font-size:28px;}"
    ".ilomo-room .ilomo-ballot th{font-size:32px;}.ilomo-room .ilomo-ballot .ilomo-count{font-size:26px;}"
    ".ilomo-room .ilomo-meters-line,.ilomo-room .ilomo-taken{font-size:24px;}"
    ".ilomo-room .ilomo-trainer{flex-basis:360px;}}"
    "@media (max-width:1000px){.ilomo-room .ilomo-screen{flex-flow:column;}"
    ".ilomo-room .ilomo-trainer{position:static;flex:1 1 auto;width:100%;max-height:none;}}"
    "@media (prefers-color-scheme:dark){.ilomo-room .ilomo-trainer{border-color:#a0a0a0;}}"
    "</style>"
)


def meters_html(specs: Sequence[Any], values: dict[str, int], title: str) -> str:
    """The meters on one line for the projector: name, a small bar and "4 van 10" (the name said once).
    Hidden meters (format 2) are left out: the room sees them only at the ending."""
    items = []
    for spec in specs:
        if getattr(spec, "hidden", False):
            continue
        value = values[spec.name]
        span = max(1, spec.max - spec.min)
        width = round(100 * (value - spec.min) / span)
        items.append(
            f'<span class="ilomo-meter" style="display:inline-flex;align-items:center;gap:.4em;margin-right:1.5em">'
            f"<strong>{esc(spec.label)}</strong>"
            f'<span aria-hidden="true" style="display:inline-block;width:4em;height:.7em;background:#e0e0e0;'
            f'border-radius:3px"><span style="display:block;height:100%;width:{width}%;background:#1f5f99;'
            f'border-radius:3px"></span></span>{esc(METER_VALUE.format(value=value, max=spec.max))}</span>'
        )
    if not items:
        return ""
    return f'<p class="ilomo-meters-line"><span class="sr-title">{esc(title)}</span> {"".join(items)}</p>'


def signals_html(signals: Sequence[str], title: str) -> str:
    """The signals as one compact list on a line or two ("Wat valt je op? Hij praat hard. · …")."""
    from ilomo.widgets.markup import inline

    items = "".join(f"<li>{inline(signal)}</li>" for signal in signals)
    return f'<div><span class="ilomo-signals-title">{esc(title)}</span><ul class="ilomo-signals">{items}</ul></div>'


class Screen:
    """``box``: the stage and the trainer's panel side by side; ``show`` fills both for the current step."""

    def __init__(self) -> None:
        self.stage = w.VBox(layout=w.Layout(width="auto"))
        self.stage.add_class("ilomo-stage")
        self.title = w.HTML(f'<p class="ilomo-trainer-title">{esc(TRAINER_HEADING)}</p>')
        self.controls = w.VBox(layout=w.Layout(width="auto"))
        self.controls.add_class("ilomo-trainer")
        self.style = w.HTML(SCREEN_STYLE, layout=w.Layout(display="none"))  # a <style> needs no box of its own
        self.box = w.HBox([self.style, self.stage, self.controls], layout=w.Layout(width="100%"))
        self.box.add_class("ilomo-screen")

    def show(self, stage: Sequence[w.Widget], controls: Sequence[w.Widget]) -> None:
        self.stage.children = tuple(stage)
        self.controls.children = (self.title, *controls) if controls else ()
        self.controls.layout.display = "flex" if controls else "none"


__all__ = ["SCREEN_STYLE", "TRAINER_HEADING", "Screen", "meters_html", "signals_html"]
