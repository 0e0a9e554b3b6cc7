"""The stelling's section of the session report: the answers before (and after) the conversation."""

from __future__ import annotations

from typing import Any

from ilomo.room import texts
from ilomo.room.export import cell, line
from ilomo.room.tally import Split


def section(entry: dict[str, Any]) -> list[str]:
    rounds = entry.get("rounds") or {}
    before, after = rounds.get("before") or {}, rounds.get("after")
    options = entry["options"]
    lines = [texts.REPORT_STATEMENT.format(statement=line(entry["statement"])), ""]
    header = f"| {texts.REPORT_ANSWER} | {texts.ROUND_BEFORE} |"
    rule = "|---|---:|"
    if after is not None:
        header, rule = header + f" {texts.ROUND_AFTER} |", rule + "---:|"
    lines += [header, rule]
    columns = [before] + ([after] if after is not None else [])
    splits = [Split.of([col.get(o["id"], 0) for o in options]) for col in columns]
    for i, option in enumerate(options):
        cells = [texts.REPORT_CELL.format(votes=split.counts[i], percent=split.percent(i)) for split in splits]
        lines.append(f"| {cell(option['label'])} | " + " | ".join(cells) + " |")
    lines += [f"| {texts.REPORT_TOTAL} | " + " | ".join(str(s.total) for s in splits) + " |", ""]
    return lines
