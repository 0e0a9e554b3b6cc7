"""The session summary in Markdown, for the session report: per exercise the room's path and splits.

Each kind writes its own section (``ilomo/kinds/<kind>/report.py``, ``Kind.report``) with the helpers here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from ilomo.kinds import UnknownKind, kind_of
from ilomo.room import log, texts
from ilomo.room.tally import Split, letter


def cell(text: object) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def line(text: object) -> str:
    """Text on one line (headings and sentences of the report)."""
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


def split_table(header: str, options: Sequence[dict[str, Any]]) -> list[str]:
    """A table of the votes per option (letter, label, votes, percent) with the total."""
    split = Split.of([o["votes"] for o in options])
    rows = [f"| {header} | {texts.REPORT_VOTES} | {texts.REPORT_PERCENT} |", "|---|---:|---:|"]
    rows += [
        f"| {letter(i)}. {cell(o['label'])} | {o['votes']} | {split.percent(i)}% |" for i, o in enumerate(options)
    ]
    rows.append(f"| {texts.REPORT_TOTAL} | {split.total} | |")
    return rows


def how(step: dict[str, Any], position: int) -> str:
    """How the room's choice was made: by majority, or by the trainer (after a tie or not)."""
    split = Split.of([o["votes"] for o in step["options"]])
    if step["by"] == log.BY_MAJORITY:
        return texts.REPORT_BY_MAJORITY.format(votes=split.counts[position], total=split.total)
    return texts.REPORT_BY_TRAINER_TIE if split.tie else texts.REPORT_BY_TRAINER


def _section(kind: str) -> Callable[[dict[str, Any]], list[str]] | None:
    """The kind's report section (``Kind.report``), None for a kind without one or an unknown kind."""
    try:
        return kind_of(kind).report_section()
    except UnknownKind:
        return None


def markdown(data: dict[str, Any]) -> str:
    """The Markdown summary of one session (the data of a session file)."""
    lines = _header(data)
    shown = [(e, _section(e["kind"])) for e in data["exercises"] if e.get("runs") or e.get("rounds")]
    shown = [(entry, section) for entry, section in shown if section]
    if not shown:
        lines += [texts.REPORT_NOTHING, ""]
    for entry, section in shown:
        kind = kind_of(entry["kind"]).label
        lines += [f"## {line(entry['title'])}", ""]
        lines += [texts.REPORT_ID.format(kind=kind, id=entry["scenario"], module=entry["module"]), ""]
        lines += section(entry)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["cell", "how", "line", "markdown", "split_table"]
