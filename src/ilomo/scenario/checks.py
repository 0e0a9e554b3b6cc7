"""Checks on a validated model that pydantic cannot express and that every kind shares: the id, the take-aways,
unique ids. Each kind's own checks are in ``ilomo/kinds/<kind>/checks.py`` (``Kind.findings`` in the registry)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from .problems import Finding, Loc
from .takeaways import takeaway_ids


def common_findings(sc: Any, stem: str | None) -> list[Finding]:
    """The id equals the file name (when there is one); every take-away exists."""
    found = []
    if stem is not None and sc.id != stem:
        found.append(Finding(("id",), f"id '{sc.id}' moet gelijk zijn aan de bestandsnaam '{stem}'"))
    known = takeaway_ids()
    for i, tid in enumerate(sc.takeaways):
        if tid not in known:
            message = f"onbekende take-away '{tid}' (zie src/ilomo/data/takeaways.yml)"
            found.append(Finding(("takeaways", i), message))
    return found


def duplicate_ids(entries: Iterable[Any], field: str) -> Iterator[Finding]:
    yield from duplicates((((field, i, "id"), e.id) for i, e in enumerate(entries)))


def duplicates(named: Iterable[tuple[Loc, str]], what: str = "id") -> Iterator[Finding]:
    """A Finding at every repeat of an id (the first occurrence is fine)."""
    seen: set[str] = set()
    for loc, name in named:
        if name in seen:
            yield Finding(loc, f"{what} '{name}' komt al eerder voor; {what}s moeten uniek zijn")
        seen.add(name)


def suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return f"; bedoel je '{close[0]}'?" if close else ""
