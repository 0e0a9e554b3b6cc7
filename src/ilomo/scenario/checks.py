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
    return found + markdown_findings(sc.model_dump(exclude_defaults=True, by_alias=True))


def markdown_findings(data: Any, loc: tuple = ()) -> list[Finding]:
    """Texts the one Markdown renderer (ilomo.markdown) cannot show whole: too deeply nested lists."""
    from ilomo.markdown import TextTooDeep, markdown_html

    found: list[Finding] = []
    stack: list[tuple[tuple, Any]] = [(loc, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*here, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*here, i), v) for i, v in enumerate(value))
        elif isinstance(value, str) and ("- " in value or value.count("*") > 2 * 6):  # only lists and marks nest
            try:
                markdown_html(value)
            except TextTooDeep as err:
                found.append(Finding(here, str(err)))
    return sorted(found, key=lambda f: [str(x) for x in f.loc])


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
