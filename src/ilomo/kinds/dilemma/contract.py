"""The dilemma's part of the player contract (docs/player-contract.md, "dilemma")."""

from __future__ import annotations

from typing import Any

from ilomo.scenario.tags import leap_steps, no_leap

LEAP_STEPS = leap_steps()  # the one tag list: src/ilomo/data/tags.yml
LEAP_TAGS = {*LEAP_STEPS, no_leap()}


def practises_leap(scenario: Any) -> bool:
    """True when some choice carries a LEAP step or `geen-leap` tag (only then players report LEAP steps)."""
    return any(LEAP_TAGS & set(c.tags or []) for s in scenario.situations for c in s.choices)


def branches(choice: Any, c: Any) -> list[dict[str, Any]]:
    """``next`` as a branch list (a plain id is one branch without condition): the first whose ``when`` holds
    after the effects wins; when none holds, the last (the engine's rule)."""
    return [{"to": b.to, "when": c.conditions(b.when)} for b in choice.branches]


def advised_route(scenario: Any) -> dict[str, Any] | None:
    """The advised route as the engine walks it: ``{"steps": [{situation, choice}], "ending": id}``; None when
    the scenario advises nothing or the route does not reach an ending."""
    from ilomo.kinds.dilemma.play import advised_walk

    if not any(ch.advised for s in scenario.situations for ch in s.choices):
        return None
    walk = advised_walk(scenario)
    if walk.ending is None:
        return None
    return {"steps": [{"situation": s, "choice": i} for s, i in walk.steps], "ending": walk.ending}


def compile_dilemma(sc: Any, c: Any) -> dict[str, Any]:
    meters = [
        {"name": m.name, "label": m.label, "min": m.min, "max": m.max, "start": m.start,
         "better": m.better, "hidden": m.hidden}
        for m in sc.meters
    ]  # fmt: skip
    situations = []
    for s in sc.situations:
        choices = [
            {
                "label": ch.label,
                "feedback": c.md(ch.feedback, f"situations.{s.id}.choices[{i}].feedback"),
                "effects": dict(ch.effects),
                "requires": c.conditions(ch.requires),
                "once": ch.once,
                "next": branches(ch, c),
                "leap": [t for t in ch.tags if t in LEAP_STEPS],
                "advised": ch.advised,
            }
            for i, ch in enumerate(s.choices)
        ]
        situations.append({
            "id": s.id, "title": s.title or sc.title, "text": c.md(s.text, f"situations.{s.id}.text"),
            "signals": list(s.signals), "shuffle": s.shuffle, "choices": choices,
        })  # fmt: skip
    endings = [
        {"id": e.id, "title": e.title, "text": c.md(e.text, f"endings.{e.id}.text"),
         "gained": c.md(e.gained, f"endings.{e.id}.gained"),
         "cost": c.md(e.cost, f"endings.{e.id}.cost"),
         "advised": e.advised, "condition": c.conditions(e.condition)}
        for e in sc.endings
    ]  # fmt: skip
    return {
        "start": sc.start,
        "meters": meters,
        "situations": situations,
        "endings": endings,
        "debrief": [c.md(q, f"debrief[{i}]") for i, q in enumerate(sc.debrief)],
        "advice": c.md(sc.advice, "advice"),
        "advised_route": advised_route(sc),
        "leap": practises_leap(sc),
    }
