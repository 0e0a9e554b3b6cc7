"""The graph analysis as Findings, each problem once at the most helpful position."""

from __future__ import annotations

from ilomo.kinds.dilemma.model import Dilemma
from ilomo.kinds.dilemma.play import advised_walk

from . import conditions
from .graph import Analysis, Meters
from .problems import Finding, Loc


def describe(names: list[str], meters: Meters) -> str:
    """``contact=0, spanning=10``"""
    return ", ".join(f"{n}={v}" for n, v in zip(names, meters, strict=True))


def _names(ids: list[str]) -> str:
    quoted = [f"'{i}'" for i in ids]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " en " + quoted[-1]


def analysis_findings(sc: Dilemma, a: Analysis) -> list[Finding]:
    sit = {s.id: i for i, s in enumerate(sc.situations)}
    at = {s.id: ("situations", i, "id") for i, s in enumerate(sc.situations)}
    found = [Finding(at[s], f"situatie '{s}' is vanaf de start niet bereikbaar") for s in a.unreachable]
    covered: set[str] = set()
    for sits, example in a.loops:
        where = f" (bij {describe(a.meter_names, example)})" if example else ""
        what = f"situatie '{sits[0]}' is" if len(sits) == 1 else f"situaties {_names(sits)} vormen"
        found.append(Finding(at[sits[0]], f"{what} een lus zonder uitweg{where}: er is geen einde bereikbaar"))
        covered.update(sits)
    for s, (meters, used) in a.no_choice.items():
        where = f" bij {describe(a.meter_names, meters)}" if a.meter_names else ""
        after = " nadat eenmalige keuzes zijn gebruikt" if used else ""
        found.append(Finding(at[s], f"situatie '{s}' biedt geen enkele keuze{where}{after}"))
        covered.add(s)
    for (s, j), meters in a.einde_failures.items():
        message = f"next: einde, maar bij {describe(a.meter_names, meters)} geldt de condition van geen enkel einde"
        found.append(Finding(("situations", sit[s], "choices", j, "next"), message))
        covered.add(s)
    for s in a.dead_end_entries:
        if s not in covered:
            found.append(Finding(at[s], f"vanuit situatie '{s}' is geen einde bereikbaar"))
    for s, j in a.never_available:
        loc: Loc = ("situations", sit[s], "choices", j, "requires")
        if s not in a.no_choice and _possible(sc, sc.situations[sit[s]].choices[j].requires):
            found.append(Finding(loc, "deze keuze wordt nooit aangeboden: requires geldt in geen bereikbare toestand"))
    for k, e in enumerate(sc.endings):
        if e.id in a.unreachable_endings and _possible(sc, e.condition):
            found.append(Finding(("endings", k, "id"), f"einde '{e.id}' wordt door geen enkel pad bereikt"))
    return found


def _possible(sc: Dilemma, tests: dict[str, str]) -> bool:
    """No comparison is impossible within its meter's range (those are reported on their own)."""
    meters = {m.name: m for m in sc.meters}
    return all(conditions.satisfiable(t, meters[m].min, meters[m].max) for m, t in tests.items())


def advised_findings(sc: Dilemma) -> list[Finding]:
    """The advised route: at most one advised choice per situation, exactly one advised ending (with
    `advice`) as soon as anything is marked, and following the advised choices from the start reaches it."""
    found: list[Finding] = []
    marked = False
    for i, situation in enumerate(sc.situations):
        advised = [j for j, c in enumerate(situation.choices) if c.advised]
        marked = marked or bool(advised)
        for j in advised[1:]:
            message = f"situatie '{situation.id}' heeft al een geadviseerde keuze; markeer er hoogstens één met advised"
            found.append(Finding(("situations", i, "choices", j, "advised"), message, at_key=True))
    endings = [k for k, e in enumerate(sc.endings) if e.advised]
    if not marked and not endings:
        return found
    for k in endings[1:]:
        message = (
            f"er is al een geadviseerd einde ('{sc.endings[endings[0]].id}'); markeer precies één einde met advised"
        )
        found.append(Finding(("endings", k, "advised"), message, at_key=True))
    if not endings:
        message = (
            "er zijn geadviseerde keuzes maar geen geadviseerd einde; zet advised: true bij het einde van die route"
        )
        return [*found, Finding(("endings",), message, at_key=True)]
    if sc.advice is None:
        message = "een einde is advised, dus 'advice' is verplicht: leg uit waarom de sessie deze route adviseert"
        found.append(Finding(("endings", endings[0], "advised"), message, at_key=True))
    target = sc.endings[endings[0]].id
    route = advised_walk(sc)
    at = {s.id: i for i, s in enumerate(sc.situations)}
    if route.stopped == "no-choice" and route.at is not None:
        message = (f"situatie '{route.at}' ligt op de geadviseerde route maar heeft geen (beschikbare) keuze met "
                   "advised: true; markeer wat de sessie hier adviseert")  # fmt: skip
        found.append(Finding(("situations", at[route.at], "id"), message))
    elif route.stopped in ("loop", "limit") and route.at is not None:
        message = f"de geadviseerde route komt in situatie '{route.at}' in een lus en bereikt geen einde"
        found.append(Finding(("situations", at[route.at], "id"), message))
    elif not route.stopped and route.ending != target:
        s, j = route.steps[-1]
        message = f"de geadviseerde route eindigt bij '{route.ending}', niet bij het geadviseerde einde '{target}'"
        found.append(Finding(("situations", at[s], "choices", j, "next"), message))
    return found
