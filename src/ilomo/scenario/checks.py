"""Checks on a validated model that pydantic cannot express: ids, references, meters, take-aways."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from . import conditions
from .model import Choice, Dilemma, Kennisvraag, Meter, Reflectie, Scenario, Sortering, Stelling
from .problems import Finding, Loc
from .takeaways import takeaway_ids

RESERVED = "einde"


def common_findings(sc: Scenario, stem: str | None) -> list[Finding]:
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


def kind_findings(sc: Scenario) -> list[Finding]:
    """Reference checks for the kind (for a dilemma: those that block the graph analysis)."""
    if isinstance(sc, Dilemma):
        return list(dilemma_findings(sc))
    if isinstance(sc, Sortering):
        return list(sorting_findings(sc))
    if isinstance(sc, Stelling):
        return list(_duplicate_ids(sc.options, "options"))
    if isinstance(sc, Reflectie):
        return list(_duplicate_ids(sc.questions, "questions"))
    if isinstance(sc, Kennisvraag):
        return list(knowledge_findings(sc))
    return []


def knowledge_findings(sc: Kennisvraag) -> Iterator[Finding]:
    """Unique ids; at least one correct answer, exactly one unless `multiple: true`."""
    yield from _duplicate_ids(sc.questions, "questions")
    for i, q in enumerate(sc.questions):
        yield from _duplicates(((("questions", i, "options", j, "id"), o.id) for j, o in enumerate(q.options)))
        right = sum(o.correct for o in q.options)
        if right == 0:
            yield Finding(("questions", i, "options"), f"vraag '{q.id}' heeft geen goed antwoord; zet bij één "
                          "antwoord correct: true")
        elif right > 1 and not q.multiple:
            yield Finding(("questions", i, "multiple"), f"vraag '{q.id}' heeft {right} goede antwoorden; zet "
                          "multiple: true, of laat er één goed zijn")


def _duplicate_ids(entries: Iterable[Any], field: str) -> Iterator[Finding]:
    yield from _duplicates((((field, i, "id"), e.id) for i, e in enumerate(entries)))


def _duplicates(named: Iterable[tuple[Loc, str]], what: str = "id") -> Iterator[Finding]:
    """A Finding at every repeat of an id (the first occurrence is fine)."""
    seen: set[str] = set()
    for loc, name in named:
        if name in seen:
            yield Finding(loc, f"{what} '{name}' komt al eerder voor; {what}s moeten uniek zijn")
        seen.add(name)


def sorting_findings(sc: Sortering) -> Iterator[Finding]:
    yield from _duplicate_ids(sc.categories, "categories")
    yield from _duplicate_ids(sc.items, "items")
    labels = [c.id for c in sc.categories]
    for i, item in enumerate(sc.items):
        if item.category not in labels:
            message = f"onbekende categorie '{item.category}'; kies uit: {', '.join(labels)}"
            yield Finding(("items", i, "category"), message)


def dilemma_findings(sc: Dilemma) -> Iterator[Finding]:
    """Broken references and meter ranges: while any exists, the graph cannot be analysed."""
    meters = {m.name: m for m in sc.meters}
    yield from _meter_findings(sc.meters)
    nodes = [(("situations", i, "id"), s.id) for i, s in enumerate(sc.situations)]
    nodes += [(("endings", i, "id"), e.id) for i, e in enumerate(sc.endings)]
    yield from _duplicates(nodes)
    for loc, name in nodes:
        if name == RESERVED:
            yield Finding(loc, f"'{RESERVED}' is gereserveerd voor next: {RESERVED}; kies een andere id")
    situations = {s.id for s in sc.situations}
    targets = situations | {e.id for e in sc.endings}
    if sc.start not in situations:
        what = "is een einde, geen situatie" if sc.start in targets else "bestaat niet"
        yield Finding(("start",), f"start '{sc.start}' {what}{_suggest(sc.start, situations)}")
    for i, situation in enumerate(sc.situations):
        for j, choice in enumerate(situation.choices):
            loc: Loc = ("situations", i, "choices", j)
            yield from _branch_findings((*loc, "next"), choice, targets, meters)
            yield from _meter_use((*loc, "effects"), choice.effects, meters)
            yield from _meter_use((*loc, "requires"), choice.requires, meters)
    for i, ending in enumerate(sc.endings):
        yield from _meter_use(("endings", i, "condition"), ending.condition, meters)


def _branch_findings(loc: Loc, choice: Choice, targets: set[str], meters: dict[str, Meter]) -> Iterator[Finding]:
    """Every branch names a situation, an ending or `einde`; only the last branch has no `when`."""
    if isinstance(choice.next, str):
        if choice.next != RESERVED and choice.next not in targets:
            message = f"next '{choice.next}' verwijst naar geen situatie of einde"
            yield Finding(loc, message + _suggest(choice.next, targets | {RESERVED}))
        return
    last = len(choice.next) - 1
    for k, branch in enumerate(choice.next):
        if branch.to != RESERVED and branch.to not in targets:
            message = f"tak naar '{branch.to}' verwijst naar geen situatie of einde"
            yield Finding((*loc, k, "to"), message + _suggest(branch.to, targets | {RESERVED}))
        if k < last and not branch.when:
            message = "alleen de laatste tak mag zonder when; geef deze tak een when of zet hem als laatste"
            yield Finding((*loc, k), message)
        if k == last and branch.when:
            message = (
                "de laatste tak mag geen when hebben (hij geldt als geen andere tak geldt); "
                "haal when weg of voeg een laatste tak zonder when toe"
            )
            yield Finding((*loc, k, "when"), message, at_key=True)
        yield from _meter_use((*loc, k, "when"), branch.when or {}, meters)


def range_findings(sc: Dilemma) -> Iterator[Finding]:
    """Comparisons that no value in the meter's range satisfies (the graph analysis can still run)."""
    meters = {m.name: m for m in sc.meters}
    for i, situation in enumerate(sc.situations):
        for j, choice in enumerate(situation.choices):
            yield from _impossible(("situations", i, "choices", j, "requires"), choice.requires, meters)
            if not isinstance(choice.next, str):
                for k, branch in enumerate(choice.next):
                    yield from _impossible(
                        ("situations", i, "choices", j, "next", k, "when"), branch.when or {}, meters
                    )
    for i, ending in enumerate(sc.endings):
        yield from _impossible(("endings", i, "condition"), ending.condition, meters)


def _meter_findings(meters: list[Meter]) -> Iterator[Finding]:
    yield from _duplicates(((("meters", i, "name"), m.name) for i, m in enumerate(meters)), "meter")
    for i, m in enumerate(meters):
        if m.min > m.max:
            yield Finding(("meters", i, "max"), f"max ({m.max}) is kleiner dan min ({m.min})")
        elif not m.min <= m.start <= m.max:
            yield Finding(("meters", i, "start"), f"start ({m.start}) ligt buiten {m.min}..{m.max}")


def _meter_use(loc: Loc, names: Iterable[str], meters: dict[str, Meter]) -> Iterator[Finding]:
    for name in names:
        if name not in meters:
            known = ", ".join(meters) or "geen; voeg ze toe onder meters"
            yield Finding((*loc, name), f"onbekende meter '{name}' (meters: {known})", at_key=True)


def _impossible(loc: Loc, tests: dict[str, str], meters: dict[str, Meter]) -> Iterator[Finding]:
    for name, comparison in tests.items():
        m = meters.get(name)
        if m and m.min <= m.max and not conditions.satisfiable(comparison, m.min, m.max):
            message = f"'{name} {comparison.strip()}' kan nooit gelden: '{name}' loopt van {m.min} tot {m.max}"
            yield Finding((*loc, name), message)


def _suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return f"; bedoel je '{close[0]}'?" if close else ""
