"""Merging two journals: the same rules as the site's import. Nothing is overwritten without a choice."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ilomo.journal.format import BOTH_SEPARATOR, filled, now_iso


@dataclass(frozen=True)
class Conflict:
    """One question answered differently here (``mine``) and in the imported file (``theirs``)."""

    key: str
    mine: Mapping[str, str]
    theirs: Mapping[str, str]


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)  # key -> "mijn" | "bestand" | "allebei"


CHOICES = ("mijn", "bestand", "allebei")


def _same(mine: str, theirs: str) -> bool:
    """Equal, or already kept as one of the versions of a "Bewaar allebei"."""
    return mine == theirs or theirs in mine.split(BOTH_SEPARATOR)


def merge_entries(
    mine: dict[str, dict[str, str]],
    theirs: Mapping[str, Mapping[str, str]],
    choose: Callable[[Conflict], str] | str = "mijn",
) -> MergeReport:
    """Merge ``theirs`` into ``mine`` (in place). New answers are added; a question answered differently is a
    conflict, resolved by ``choose``: "mijn" keeps this side, "bestand" takes the file's, "allebei" keeps both
    texts one after the other. Nothing is overwritten without that choice."""
    report = MergeReport()
    for key in sorted(theirs):
        other = dict(theirs[key])
        if not filled(other.get("text", "")):
            continue
        if key not in mine:
            mine[key] = other
            report.added.append(key)
        elif _same(mine[key]["text"], other["text"]):
            report.same.append(key)
        else:
            conflict = Conflict(key, dict(mine[key]), other)
            report.conflicts.append(conflict)
            choice = choose(conflict) if callable(choose) else choose
            if choice not in CHOICES:
                raise ValueError(f"onbekende keuze: {choice!r}")
            report.choices[key] = choice
            if choice == "bestand":
                mine[key] = other
            elif choice == "allebei":
                mine[key] = {
                    "text": mine[key]["text"] + BOTH_SEPARATOR + other["text"],
                    "updated": now_iso(),
                    "module": mine[key].get("module") or other.get("module", ""),
                }
    return report
