"""The sortering's section of the session report: per round the room's split and placement of every card."""

from __future__ import annotations

from typing import Any

from ilomo.room import texts
from ilomo.room.export import how, line, split_table
from ilomo.room.tally import chosen_position, letter


def section(entry: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for n, run in enumerate(entry.get("runs") or [], start=1):
        lines += [f"### {texts.REPORT_ROUND.format(n=n)}", ""]
        for s, step in enumerate(run["steps"], start=1):
            position = chosen_position(step, "category")
            lines += [f"#### {texts.REPORT_CARD.format(n=s, text=line(step['text']))}", ""]
            lines += [*split_table(texts.REPORT_CATEGORY, step["options"]), ""]
            verdict = texts.REPORT_GOOD if step["correct"] else texts.REPORT_WRONG.format(label=line(step["right"]))
            placed = texts.REPORT_PLACED.format(
                letter=letter(position), label=line(step["label"]), how=how(step, position), verdict=verdict
            )
            lines += [placed, ""]
        score = sum(1 for step in run["steps"] if step["correct"])
        lines += [texts.REPORT_SCORE.format(score=score, total=len(run["steps"])), ""]
    return lines
