"""What every dilemma player shows at an ending, as HTML from the contract and the engine's play: what went
well and what it cost, the meters by meaning (hidden ones under "Wat je pas nu ziet"), and the learner's route
beside the advised route with the advice. Used by the live widget and the room view (the JS player draws the
same from the same contract)."""

from __future__ import annotations

from typing import Any

from ilomo import texts
from ilomo.widgets.markup import esc, heading, items


def verdict(meter: dict[str, Any], start: int, end: int) -> str:
    """"beter", "slechter" or "gelijk" by the meter's ``better`` direction."""
    if end == start or not meter.get("better"):
        return texts.SAME
    return texts.BETTER if (end > start) == (meter["better"] == "higher") else texts.WORSE


def change_text(meter: dict[str, Any], start: int, end: int) -> str:
    """"−1, beter": a change in words (never colour alone); "" when nothing changed."""
    if end == start:
        return ""
    sign = "+" if end > start else "−"
    return f"{sign}{abs(end - start)}, {verdict(meter, start, end)}"


def meter_list(meters: list[dict[str, Any]], values: dict[str, int]) -> str:
    rows = []
    for m in meters:
        word = verdict(m, m["start"], values[m["name"]])
        cls = {texts.BETTER: "ilomo-beter", texts.WORSE: "ilomo-slechter"}.get(word, "")
        line = texts.METER_CHANGE.format(label=m["label"], start=m["start"], value=values[m["name"]], verdict=word)
        rows.append(f'<span class="{cls}">{esc(line)}</span>')
    return items(rows)


def choice_label(contract: dict[str, Any], situation_id: str, index: int) -> str:
    situation = next(s for s in contract["situations"] if s["id"] == situation_id)
    return f"{situation['title']}: {situation['choices'][index]['label']}"


def ending_html(contract: dict[str, Any], play: Any, level: int = 3) -> str:
    """The ending's title and text, gained and cost, meters by meaning and the routes (before the debrief)."""
    ending = next(e for e in contract["endings"] if e["id"] == play.ending.id)
    out = heading(level, texts.ENDING.format(title=ending["title"])) + ending["text"]
    if ending["gained"]:
        out += heading(level + 1, texts.GAINED) + ending["gained"]
    if ending["cost"]:
        out += heading(level + 1, texts.COST) + ending["cost"]
    shown = [m for m in contract["meters"] if not m["hidden"]]
    hidden = [m for m in contract["meters"] if m["hidden"]]
    if shown:
        out += heading(level + 1, texts.METERS_END) + meter_list(shown, play.meters)
    if hidden:
        out += (heading(level + 1, texts.HIDDEN_METERS) + f"<p>{esc(texts.HIDDEN_METERS_NOTE)}</p>"
                + meter_list(hidden, play.meters))
    return out + routes_html(contract, [(e["situation"], e["choice"]) for e in play.transcript() if "choice" in e],
                             level)


def routes_html(contract: dict[str, Any], steps: list[tuple[str, int]], level: int = 3) -> str:
    """The learner's route beside the advised route, with the advice; "" when the scenario advises nothing."""
    route = contract.get("advised_route")
    if not route:
        return ""
    mine = [choice_label(contract, s, i) for s, i in steps]
    advised = [choice_label(contract, x["situation"], x["choice"]) for x in route["steps"]]
    width = max(len(mine), len(advised))
    mine, advised = mine + [""] * (width - len(mine)), advised + [""] * (width - len(advised))
    rows = "".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td></tr>" for a, b in zip(mine, advised, strict=True))
    same = f"<p>{esc(texts.ROUTE_SAME)}</p>" if mine == advised else ""  # (padded lists: equal when equal)
    table = (f'<table class="ilomo-routes"><thead><tr><th scope="col">{esc(texts.ROUTE_YOURS)}</th>'
             f'<th scope="col">{esc(texts.ROUTE_ADVISED)}</th></tr></thead><tbody>{rows}</tbody></table>')
    advice = heading(level + 1, texts.ADVICE) + contract["advice"] if contract.get("advice") else ""
    return heading(level + 1, texts.ROUTES) + same + table + advice
