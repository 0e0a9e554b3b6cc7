"""The dilemma's checks after the model validated: references, meters, ranges, then the graph analysis.

The graph analysis (``ilomo.scenario.graph``), its verdicts (``verdicts``) and the didactic warnings
(``didactics``) stay in ``ilomo.scenario``: they are large, have their own tests and benchmarks there, and this
module is the one entry point that calls them, so no shared module asks which kind a scenario is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ilomo.kinds.dilemma.model import Choice, Dilemma, Meter
from ilomo.scenario import conditions, didactics, graph, tags, verdicts
from ilomo.scenario.checks import duplicates, suggest
from ilomo.scenario.problems import Finding, Loc, Note

RESERVED = "einde"


def findings(sc: Dilemma, name: str, note: Note) -> list[Finding]:
    """Broken references first; only without them the graph analysis runs (its verdicts in
    ``ilomo.scenario.verdicts``), and only when nothing else is wrong the advised route is checked."""
    blocking = list(dilemma_findings(sc))
    found = blocking + list(range_findings(sc))
    if not blocking:
        analysis = graph.analyse(sc)
        if not analysis.complete:
            note(f"let op: {name}: meer dan {graph.STATE_CAP} toestanden; alleen de structuur is gecontroleerd")
        found += verdicts.analysis_findings(sc, analysis)
        if not found:
            found += verdicts.advised_findings(sc)
    return found


def warnings(sc: Dilemma) -> list[Finding]:
    """Didactic advice that does not make the file invalid: unknown tags and the design warnings."""
    return tags.warnings(sc) + didactics.warnings(sc)


def dilemma_findings(sc: Dilemma) -> Iterator[Finding]:
    """Broken references and meter ranges: while any exists, the graph cannot be analysed."""
    meters = {m.name: m for m in sc.meters}
    yield from _meter_findings(sc.meters)
    nodes = [(("situations", i, "id"), s.id) for i, s in enumerate(sc.situations)]
    nodes += [(("endings", i, "id"), e.id) for i, e in enumerate(sc.endings)]
    yield from duplicates(nodes)
    for loc, name in nodes:
        if name == RESERVED:
            yield Finding(loc, f"'{RESERVED}' is gereserveerd voor next: {RESERVED}; kies een andere id")
    situations = {s.id for s in sc.situations}
    targets = situations | {e.id for e in sc.endings}
    if sc.start not in situations:
        what = "is een einde, geen situatie" if sc.start in targets else "bestaat niet"
        yield Finding(("start",), f"start '{sc.start}' {what}{suggest(sc.start, situations)}")
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
            yield Finding(loc, message + suggest(choice.next, targets | {RESERVED}))
        return
    last = len(choice.next) - 1
    for k, branch in enumerate(choice.next):
        if branch.to != RESERVED and branch.to not in targets:
            message = f"tak naar '{branch.to}' verwijst naar geen situatie of einde"
            yield Finding((*loc, k, "to"), message + suggest(branch.to, targets | {RESERVED}))
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
    yield from duplicates(((("meters", i, "name"), m.name) for i, m in enumerate(meters)), "meter")
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
