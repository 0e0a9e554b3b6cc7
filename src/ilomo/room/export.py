"""The session summary in Markdown, for the session report: per exercise the room's path and splits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ilomo.room import log, texts
from ilomo.room.tally import Split, chosen_position, letter


def _cell(text: object) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _line(text: object) -> str:
    return " ".join(str(text).split())


def _date(moment: datetime) -> str:
    return f"{moment.day} {texts.MONTHS[moment.month - 1]} {moment.year}"


def _header(data: dict[str, Any]) -> list[str]:
    start = datetime.fromisoformat(data["started"])
    end = datetime.fromisoformat(data.get("updated") or data["started"])
    modules = sorted({e["module"] for e in data["exercises"]})
    lines = [f"# {texts.REPORT_TITLE}", ""]
    lines.append(f"- {texts.REPORT_DATE}: {_date(start)}")
    lines.append(
        f"- {texts.REPORT_TIME}: " + texts.REPORT_TIME_SPAN.format(start=f"{start:%H:%M}", end=f"{end:%H:%M}")
    )
    if modules:
        lines.append(f"- {texts.REPORT_MODULES}: {', '.join(modules)}")
    return [*lines, "", texts.REPORT_PRIVACY, ""]


def _split_table(header: str, options: Sequence[dict[str, Any]]) -> list[str]:
    split = Split.of([o["votes"] for o in options])
    rows = [f"| {header} | {texts.REPORT_VOTES} | {texts.REPORT_PERCENT} |", "|---|---:|---:|"]
    rows += [
        f"| {letter(i)}. {_cell(o['label'])} | {o['votes']} | {split.percent(i)}% |" for i, o in enumerate(options)
    ]
    rows.append(f"| {texts.REPORT_TOTAL} | {split.total} | |")
    return rows


def _how(step: dict[str, Any], position: int) -> str:
    split = Split.of([o["votes"] for o in step["options"]])
    if step["by"] == log.BY_MAJORITY:
        return texts.REPORT_BY_MAJORITY.format(votes=split.counts[position], total=split.total)
    return texts.REPORT_BY_TRAINER_TIE if split.tie else texts.REPORT_BY_TRAINER


def _dilemma(entry: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for n, run in enumerate(entry.get("runs") or [], start=1):
        lines += [f"### {texts.REPORT_RUN.format(n=n)}", ""]
        for s, step in enumerate(run["steps"], start=1):
            position = chosen_position(step, "choice")
            lines += [f"#### {texts.REPORT_STEP.format(n=s, title=_line(step['title']))}", ""]
            lines += [*_split_table(texts.REPORT_CHOICE, step["options"]), ""]
            taken = texts.REPORT_TAKEN.format(
                letter=letter(position), label=_line(step["label"]), how=_how(step, position)
            )
            lines += [taken, ""]
        ending = run.get("ending")
        lines += [texts.REPORT_ENDING.format(title=_line(ending["title"])) if ending else texts.REPORT_NO_ENDING, ""]
    return lines


def _sortering(entry: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for n, run in enumerate(entry.get("runs") or [], start=1):
        lines += [f"### {texts.REPORT_ROUND.format(n=n)}", ""]
        for s, step in enumerate(run["steps"], start=1):
            position = chosen_position(step, "category")
            lines += [f"#### {texts.REPORT_CARD.format(n=s, text=_line(step['text']))}", ""]
            lines += [*_split_table(texts.REPORT_CATEGORY, step["options"]), ""]
            verdict = texts.REPORT_GOOD if step["correct"] else texts.REPORT_WRONG.format(label=_line(step["right"]))
            placed = texts.REPORT_PLACED.format(
                letter=letter(position), label=_line(step["label"]), how=_how(step, position), verdict=verdict
            )
            lines += [placed, ""]
        score = sum(1 for step in run["steps"] if step["correct"])
        lines += [texts.REPORT_SCORE.format(score=score, total=len(run["steps"])), ""]
    return lines


def _stelling(entry: dict[str, Any]) -> list[str]:
    rounds = entry.get("rounds") or {}
    before, after = rounds.get("before") or {}, rounds.get("after")
    options = entry["options"]
    lines = [texts.REPORT_STATEMENT.format(statement=_line(entry["statement"])), ""]
    header = f"| {texts.REPORT_ANSWER} | {texts.ROUND_BEFORE} |"
    rule = "|---|---:|"
    if after is not None:
        header, rule = header + f" {texts.ROUND_AFTER} |", rule + "---:|"
    lines += [header, rule]
    columns = [before] + ([after] if after is not None else [])
    splits = [Split.of([col.get(o["id"], 0) for o in options]) for col in columns]
    for i, option in enumerate(options):
        cells = [texts.REPORT_CELL.format(votes=split.counts[i], percent=split.percent(i)) for split in splits]
        lines.append(f"| {_cell(option['label'])} | " + " | ".join(cells) + " |")
    lines += [f"| {texts.REPORT_TOTAL} | " + " | ".join(str(s.total) for s in splits) + " |", ""]
    return lines


SECTIONS = {"dilemma": _dilemma, "sortering": _sortering, "stelling": _stelling}


def markdown(data: dict[str, Any]) -> str:
    """The Markdown summary of one session (the data of a session file)."""
    lines = _header(data)
    shown = [e for e in data["exercises"] if e["kind"] in SECTIONS and (e.get("runs") or e.get("rounds"))]
    if not shown:
        lines += [texts.REPORT_NOTHING, ""]
    for entry in shown:
        kind = texts.REPORT_KIND.get(entry["kind"], entry["kind"])
        lines += [f"## {_line(entry['title'])}", ""]
        lines += [texts.REPORT_ID.format(kind=kind, id=entry["scenario"], module=entry["module"]), ""]
        lines += SECTIONS[entry["kind"]](entry)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["markdown"]
