"""The sortering's checks after the model validated: unique ids, every item's category exists."""

from __future__ import annotations

from collections.abc import Iterator

from ilomo.kinds.sortering.model import Sortering
from ilomo.scenario.checks import duplicate_ids
from ilomo.scenario.problems import Finding, Note


def findings(sc: Sortering, name: str, note: Note) -> list[Finding]:
    return list(sorting_findings(sc))


def sorting_findings(sc: Sortering) -> Iterator[Finding]:
    yield from duplicate_ids(sc.categories, "categories")
    yield from duplicate_ids(sc.items, "items")
    labels = [c.id for c in sc.categories]
    for i, item in enumerate(sc.items):
        if item.category not in labels:
            message = f"onbekende categorie '{item.category}'; kies uit: {', '.join(labels)}"
            yield Finding(("items", i, "category"), message)
