"""The dilemma's section of the session report: per route the room's split and choice at every step."""

from __future__ import annotations

from typing import Any

from ilomo.room import texts
from ilomo.room.export import how, line, split_table
from ilomo.room.tally import chosen_position, letter


def section(entry: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for n, run in enumerate(entry.get("runs") or [], start=1):
        lines += [f"### {texts.REPORT_RUN.format(n=n)}", ""]
        for s, step in enumerate(run["steps"], start=1):
            position = chosen_position(step, "choice")
            lines += [f"#### {texts.REPORT_STEP.format(n=s, title=line(step['title']))}", ""]
            lines += [*split_table(texts.REPORT_CHOICE, step["options"]), ""]
            taken = texts.REPORT_TAKEN.format(
                letter=letter(position), label=line(step["label"]), how=how(step, position)
            )
            lines += [taken, ""]
        ending = run.get("ending")
        lines += [texts.REPORT_ENDING.format(title=line(ending["title"])) if ending else texts.REPORT_NO_ENDING, ""]
    return lines
