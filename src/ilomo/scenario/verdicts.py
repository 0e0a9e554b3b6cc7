"""The graph analysis as Findings, each problem once at the most helpful position."""

from __future__ import annotations

from . import conditions
from .graph import Analysis, Meters
from .model import Dilemma
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
