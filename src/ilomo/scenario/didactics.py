"""Didactic warnings: what makes a dilemma a quiz (docs/scenario-format.md, "Didactische waarschuwingen").

A learner who sees through a dilemma in two clicks learns nothing. These checks find the patterns that
give the answer away: a choice that wins on every meter, choices that all lead to the same place, a fixed
clicking rule that reaches the advised ending, the advised choice being the longest label, and a case
too small to weigh anything. Each warning says what the author can change. They run only on a dilemma
without errors; `ilomo validate --strict` makes them count as errors.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from ilomo.kinds.dilemma.model import Choice, Dilemma, Situation
from ilomo.kinds.dilemma.play import DilemmaPlay, Walk, advised_index, walk

from .problems import Finding

DOMINANT_SHARE = 0.25  # at most this share of the situations may have a dominant choice
LONGEST_SHARE = 0.5  # the advised choice may be the longest label in at most half of the situations
MIN_SITUATIONS, MIN_ENDINGS, MIN_DECISIONS = 8, 3, 3


def warnings(sc: Dilemma) -> list[Finding]:
    """Every didactic warning of a valid dilemma."""
    return [
        *_format2(sc),
        *dominant(sc),
        *same_next(sc),
        *fixed_rules(sc),
        *longest_advised(sc),
        *size(sc),
    ]


def _warn(loc: tuple, message: str, at_key: bool = False) -> Finding:
    return Finding(loc, message, at_key=at_key, warning=True)


def _format2(sc: Dilemma) -> list[Finding]:
    """Format 2 asks every ending what went well and what it cost, and one ending marked advised."""
    found = []
    for k, e in enumerate(sc.endings):
        missing = [name for name in ("gained", "cost") if getattr(e, name) is None]
        if missing:
            what = " en ".join(missing)
            message = (f"einde '{e.id}' heeft geen {what}: schrijf op wat er goed ging (gained) en wat het kostte "
                       "(cost), zodat geen einde alleen goed of fout is")  # fmt: skip
            found.append(_warn(("endings", k, "id"), message))
    if not any(e.advised for e in sc.endings):
        message = ("geen einde is advised: markeer het einde dat het advies van de sessie volgt met advised: true, "
                   "de keuzes op die route met advised: true, en leg in advice uit waarom")  # fmt: skip
        found.append(_warn(("endings",), message, at_key=True))
    return found


# -- 1. dominant ---------------------------------------------------------------------------------


def _scores(sc: Dilemma, choice: Choice) -> list[int]:
    """The choice's effect on every meter (hidden ones included), positive = better."""
    return [choice.effects.get(m.name, 0) * (1 if m.better == "higher" else -1) for m in sc.meters]


def _dominant_choice(sc: Dilemma, situation: Situation) -> tuple[int, str] | None:
    """(index, a meter it wins on) of a choice at least as good as every other on every meter and strictly
    better than each other on some meter."""
    scores = [_scores(sc, c) for c in situation.choices]
    for j, mine in enumerate(scores):
        others = [s for k, s in enumerate(scores) if k != j]
        if others and all(all(a >= b for a, b in zip(mine, o, strict=True)) and mine != o for o in others):
            wins = next(m for m, a, *rest in zip(sc.meters, mine, *others, strict=True) if any(a > b for b in rest))
            return j, wins.label
    return None


def dominant(sc: Dilemma) -> list[Finding]:
    hits = []
    for i, situation in enumerate(sc.situations):
        found = _dominant_choice(sc, situation) if len(situation.choices) > 1 else None
        if found:
            hits.append((i, *found))
    if len(hits) <= DOMINANT_SHARE * len(sc.situations):
        return []
    share = f"{len(hits)} van {len(sc.situations)} situaties; hoogstens een kwart mag"
    found = []
    for i, j, meter in hits:
        label = sc.situations[i].choices[j].label
        message = (f"keuze '{label}' is op elke meter minstens zo goed als de andere keuzes (en beter op '{meter}'), "
                   f"dus de meters verraden het antwoord ({share}); maak een andere keuze beter op een (verborgen) "
                   "meter, of laat deze keuze iets kosten")  # fmt: skip
        found.append(_warn(("situations", i, "choices", j, "label"), message))
    return found


# -- 2. same next ----------------------------------------------------------------------------------


def same_next(sc: Dilemma) -> list[Finding]:
    """Every choice leads to the same situation or ending (`einde` and branches depend on the meters)."""
    found = []
    for i, situation in enumerate(sc.situations):
        targets = {c.next if isinstance(c.next, str) else None for c in situation.choices}
        if len(situation.choices) > 1 and len(targets) == 1 and None not in targets and "einde" not in targets:
            (target,) = targets
            message = (f"elke keuze in situatie '{situation.id}' leidt naar '{target}', dus de keuze maakt voor het "
                       "verloop niets uit; laat minstens één keuze naar een andere situatie leiden, of gebruik een tak "
                       "met when op een (verborgen) meter")  # fmt: skip
            found.append(_warn(("situations", i, "id"), message))
    return found


# -- 3. fixed rules --------------------------------------------------------------------------------

Rule = Callable[[DilemmaPlay], "int | None"]


def _first(play: DilemmaPlay) -> int | None:
    return play.choices()[0][0] if play.choices() else None


def _last(play: DilemmaPlay) -> int | None:
    return play.choices()[-1][0] if play.choices() else None


def _longest(play: DilemmaPlay) -> int | None:
    choices = play.choices()
    return max(choices, key=lambda ic: (len(ic[1].label), -ic[0]))[0] if choices else None


def _best_visible(play: DilemmaPlay) -> int | None:
    """The best immediate change on the visible meters (clamped, `better` applied); ties: first as written."""
    meters = {m.name: m for m in play.sc.meters if not m.hidden}

    def gain(choice: Choice) -> int:
        total = 0
        for name, delta in choice.effects.items():
            m = meters.get(name)
            if m is not None:
                change = min(max(play.meters[name] + delta, m.min), m.max) - play.meters[name]
                total += change if m.better == "higher" else -change
        return total

    choices = play.choices()
    return max(choices, key=lambda ic: (gain(ic[1]), -ic[0]))[0] if choices else None


RULES: dict[str, tuple[Rule, str]] = {
    "altijd de eerste keuze (zoals geschreven)": (
        _first, "zet de geadviseerde keuze niet overal op deze route als eerste"),
    "altijd de laatste keuze (zoals geschreven)": (
        _last, "zet de geadviseerde keuze niet overal op deze route als laatste"),
    "altijd de langste keuze": (
        _longest, "maak op deze route ook eens een andere keuze de langste, of schrijf de geadviseerde korter"),
    "altijd de keuze met de beste directe winst op de zichtbare meters": (
        _best_visible, "laat de geadviseerde keuze op deze route ook eens iets kosten op een zichtbare meter, "
        "en laat de winst pas op een verborgen meter zien"),
}  # fmt: skip


def rule_walks(sc: Dilemma) -> dict[str, Walk]:
    """Each fixed rule played with the engine (a walk stops on a loop)."""
    return {name: walk(sc, rule) for name, (rule, _) in RULES.items()}


def fixed_rules(sc: Dilemma) -> list[Finding]:
    advised = next((e.id for e in sc.endings if e.advised), None)
    if advised is None:
        return []
    start = next(i for i, s in enumerate(sc.situations) if s.id == sc.start)
    found = []
    for name, played in rule_walks(sc).items():
        if played.ending == advised:
            route = " → ".join([*(s for s, _ in played.steps), advised])
            message = (f"wie {name} kiest, komt bij het geadviseerde einde '{advised}' (route: {route}); "
                       f"{RULES[name][1]}")  # fmt: skip
            found.append(_warn(("situations", start, "id"), message))
    return found


# -- 4. longest advised ----------------------------------------------------------------------------


def longest_advised(sc: Dilemma) -> list[Finding]:
    counted, hits = 0, []
    for i, situation in enumerate(sc.situations):
        j = advised_index(situation)
        if j is None or len(situation.choices) < 2:
            continue
        counted += 1
        mine = len(situation.choices[j].label)
        if all(mine >= len(c.label) for k, c in enumerate(situation.choices) if k != j):
            hits.append((i, j))
    if not counted or len(hits) <= LONGEST_SHARE * counted:
        return []
    message = (f"de geadviseerde keuze is hier de langste, en dat is zo in {len(hits)} van {counted} situaties met "
               "een geadviseerde keuze: wie steeds de langste kiest, kiest goed; schrijf de geadviseerde keuze korter "
               "of de andere keuzes even zorgvuldig uit")  # fmt: skip
    return [_warn(("situations", i, "choices", j, "label"), message) for i, j in hits]


# -- 5. size ---------------------------------------------------------------------------------------


def fewest_decisions(sc: Dilemma) -> tuple[int, list[str]] | None:
    """(decisions, route) of the route from the start to an ending with the fewest decisions (situations
    with more than one choice), over the structure: every branch target, `einde` to every ending. The route
    lists its situations and then the ending (or `einde`)."""
    index = {s.id: s for s in sc.situations}
    endings = {e.id for e in sc.endings}
    best: dict[str, int] = {sc.start: 0}
    parent: dict[str, str | None] = {sc.start: None}
    queue: deque[str] = deque([sc.start])
    result: tuple[int, str, str] | None = None
    while queue:  # 0-1 breadth-first search: a decision costs 1, a single choice 0
        sid = queue.popleft()
        situation = index[sid]
        cost = best[sid] + (len(situation.choices) > 1)
        for choice in situation.choices:
            for branch in choice.branches:
                if branch.to == "einde" or branch.to in endings:
                    if result is None or cost < result[0]:
                        result = (cost, sid, branch.to)
                elif cost < best.get(branch.to, cost + 1):
                    best[branch.to], parent[branch.to] = cost, sid
                    (queue.append if cost > best[sid] else queue.appendleft)(branch.to)
    if result is None:
        return None
    route, at = [], result[1]
    while at is not None:
        route.append(at)
        at = parent[at]
    return result[0], [*route[::-1], result[2]]


def size(sc: Dilemma) -> list[Finding]:
    found = []
    if len(sc.situations) < MIN_SITUATIONS:
        message = (f"dit dilemma heeft {len(sc.situations)} situaties; geef het er minstens {MIN_SITUATIONS}, zodat "
                   "gevolgen later kunnen terugkomen")  # fmt: skip
        found.append(_warn(("situations",), message, at_key=True))
    if len(sc.endings) < MIN_ENDINGS:
        message = (f"dit dilemma heeft {len(sc.endings)} eindes; geef het er minstens {MIN_ENDINGS}, met elk een "
                   "andere afweging")  # fmt: skip
        found.append(_warn(("endings",), message, at_key=True))
    shortest = fewest_decisions(sc)
    if shortest and shortest[0] < MIN_DECISIONS:
        start = next(i for i, s in enumerate(sc.situations) if s.id == sc.start)
        message = (f"de kortste route ({' → '.join(shortest[1])}) telt maar {shortest[0]} "
                   f"{'beslissing' if shortest[0] == 1 else 'beslissingen'}; laat elke route naar een einde langs "
                   f"minstens {MIN_DECISIONS} situaties met meer dan één keuze gaan")  # fmt: skip
        found.append(_warn(("situations", start, "id"), message))
    return found
