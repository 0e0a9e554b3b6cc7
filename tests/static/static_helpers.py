"""Helpers for the static-player tests: scenarios, test pages, operation sequences and the Python runner."""

from __future__ import annotations

import html
import random
import re
from collections import deque
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ilomo.static import ASSETS, exercise_html, player_files

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
FIXTURES = HERE / "fixtures"
SCENARIOS = ROOT / "scenarios"
KINDS = ("dilemma", "sortering", "stelling", "reflectie", "kennisvraag")
Ops = list[list[Any]]


# ---------------------------------------------------------------------------------------------------------
# Scenarios

@cache
def load_scenario(path: Path) -> Any:
    """The pydantic scenario (frozen, so shared)."""
    from ilomo.scenario import load

    return load(path)


def scenario_paths() -> list[Path]:
    """The real scenarios (scenarios/*.yml) and this suite's fixtures."""
    return sorted(SCENARIOS.glob("*.yml")) + sorted(FIXTURES.glob("*.yml"))


def data(scenario: Any) -> dict[str, Any]:
    return scenario.model_dump(mode="json") if hasattr(scenario, "model_dump") else dict(scenario)


# ---------------------------------------------------------------------------------------------------------
# Test pages

def page_html(sections: list[str], title: str = "ILOMO test") -> str:
    """A standalone page like the book's: ilomo.css, the print stylesheet, deferred ilomo.js and every kind's script,
    nothing external."""
    scripts = "".join(f'<script defer src="{name}"></script>' for name in player_files() if name.endswith(".js"))
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{html.escape(title)}</title><link rel="icon" href="data:,">'
        f'<link rel="stylesheet" href="ilomo.css"><link rel="stylesheet" media="print" href="ilomo-print.css">'
        f'{scripts}</head>'
        f'<body><main><h1>{html.escape(title)}</h1>{"".join(sections)}</main></body></html>'
    )


def write_page(root: Path, name: str, scenarios: list[Any]) -> str:
    (root / name).write_text(page_html([exercise_html(s) for s in scenarios]), encoding="utf-8")
    return name


def copy_assets(root: Path) -> None:
    for name, content in player_files().items():
        (root / name).write_bytes(content)
    (root / "ilomo-print.css").write_bytes((ASSETS / "ilomo-print.css").read_bytes())


def words(text: str) -> str:
    """Collapse whitespace, for comparing rendered text."""
    return " ".join(text.split())


def md_text(markdown: str) -> str:
    """The visible text of author Markdown as the Python renderer produces it."""
    from ilomo.static import markdown_html

    return words(html.unescape(re.sub(r"<[^>]+>", "", markdown_html(markdown))))


# ---------------------------------------------------------------------------------------------------------
# Running operation sequences on the Python engine (the reference)

def apply(play: Any, op: list[Any], scenario: Any) -> tuple[Any, dict[str, Any]]:
    """One operation on a Python play; an unavailable step (ValueError) gives ok=False."""
    name, *args = op
    ok, ret, lost = True, None, None
    try:
        if name == "choose":
            play.choose(args[0])
        elif name == "place":
            ret = play.place(args[0], args[1])
        elif name in ("answer", "write"):
            play.answer(*args)
        elif name == "back":
            play.back()
        elif name == "restart":
            play.restart()
        elif name == "restore":
            play, lost = type(play).restore(scenario, args[0])
    except ValueError:
        ok = False
    return play, {"ok": ok, "ret": ret, "lost": lost}


SEED = 2026
"""The learner seed of the parity runs (both engines get it; restores bring their own)."""
SUMMARY_KEYS = ("path", "meters", "leap_steps", "takeaways", "ending")
"""The summary fields the JS engine reports (the rest is the players' debrief, checked on screen)."""


def _contract_transcript(transcript: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Python transcript as the JS engine reports it: feedback is the contract's rendered HTML."""
    from ilomo.markdown import markdown_html

    return [{**row, "feedback": markdown_html(row["feedback"])} if "feedback" in row else row for row in transcript]


def run_python(scenario: Any, ops: Ops, seed: int = SEED) -> list[dict[str, Any]]:
    """Apply ops to a fresh play; after each op record what the JS runner records too: outcome, state, the
    transcript's length and (dilemma) the learner's choice order after every op; the whole transcript and the
    summary at the end."""
    from ilomo.scenario import start

    play = start(scenario, seed)
    out = []
    for op in ops:
        play, result = apply(play, op, scenario)
        order = play.choice_order() if hasattr(play, "choice_order") else None
        out.append({**result, "n": len(play.transcript()), "state": play.state(), "finished": play.finished,
                    "order": order})
    summary = {k: v for k, v in play.summary().items() if k in SUMMARY_KEYS}
    out[-1].update(transcript=_contract_transcript(play.transcript()), summary=summary)
    return out


JS_RUNNER = """({sc, seqs, seed}) => seqs.map((ops) => {
  let e = ILOMO.engine(sc, seed);
  const order = () => (e.shown ? e.shown().map((x) => x[0]) : null);
  const out = ops.map(([name, ...a]) => {
    let ok = true, ret = null, lost = null;
    if (name === "choose") ok = e.choose(a[0]);
    else if (name === "place") { ret = e.place(a[0], a[1]); ok = ret !== null; if (!ok) ret = null; }
    else if (name === "answer" || name === "write") ok = e.answer(...a);
    else if (name === "back") e.back();
    else if (name === "restart") e.restart();
    else if (name === "restore") {
      const fresh = ILOMO.engine(sc, seed);
      try { lost = fresh.restore(a[0]); e = fresh; } catch (x) { ok = false; }
    }
    return {ok, ret, lost, n: e.transcript().length, state: e.state(), finished: e.finished, order: order()};
  });
  const summary = e.summary(), keys = ["path", "meters", "leap_steps", "takeaways", "ending"];
  Object.assign(out[out.length - 1], {transcript: e.transcript(),
    summary: Object.fromEntries(keys.filter((k) => k in summary).map((k) => [k, summary[k]]))});
  return out;
})"""


# ---------------------------------------------------------------------------------------------------------
# Operation sequences per kind

def _replay(scenario: Any, path: list[int]) -> Any:
    from ilomo.scenario import start

    play = start(scenario)
    for index in path:
        play.choose(index)
    return play


def _key(play: Any) -> tuple:
    where = play.situation.id if play.situation is not None else None
    return where, tuple(sorted(play.meters.items())), tuple(i for i, _ in play.choices())


def dilemma_paths(scenario: Any, max_states: int = 3000) -> tuple[list[list[int]], list[list[int]]]:
    """Breadth-first over distinct states: a shortest path to every (situation, choice) pair, and a shortest
    complete path (to an ending) from every explored state."""
    seen = {_key(_replay(scenario, []))}
    queue: deque[list[int]] = deque([[]])
    covered: dict[tuple[str, int], list[int]] = {}
    complete: list[list[int]] = []
    while queue and len(seen) < max_states:
        path = queue.popleft()
        play = _replay(scenario, path)
        for index, _ in play.choices():
            pair = (play.situation.id, index)
            nxt = [*path, index]
            covered.setdefault(pair, nxt)
            after = _replay(scenario, nxt)
            if after.ended:
                complete.append(nxt)
            elif _key(after) not in seen:
                seen.add(_key(after))
                queue.append(nxt)
    return list(covered.values()), complete


def _invalid_index(scenario: Any, play: Any, rng: random.Random) -> int:
    if play.situation is None:
        return 0
    available = {i for i, _ in play.choices()}
    pool = [i for i in range(len(play.situation.choices) + 2) if i not in available]
    return rng.choice(pool) if pool else -1


def dilemma_ops(scenario: Any, limit: int = 300, seed: int = 7) -> list[Ops]:
    """Every choice at least once, complete paths, and random walks with back/restart/invalid choices."""
    rng = random.Random(seed)
    cover, complete = dilemma_paths(scenario)
    seqs: list[Ops] = [[["choose", i] for i in p] for p in cover]
    seqs += [[["choose", i] for i in p] for p in complete[: max(0, limit // 3)]]
    while len(seqs) < limit:
        play, ops = _replay(scenario, []), []
        for _ in range(rng.randint(1, 30)):
            roll = rng.random()
            if roll < 0.1:
                ops.append(["back"])
                play.back()
            elif roll < 0.13:
                ops.append(["restart"])
                play.restart()
            elif roll < 0.18 or play.ended:
                ops.append(["choose", _invalid_index(scenario, play, rng)])
            else:
                index = rng.choice([i for i, _ in play.choices()])
                ops.append(["choose", index])
                play.choose(index)
        seqs.append(ops)
    return seqs[: max(limit, len(cover))]


def sortering_ops(scenario: Any, limit: int = 300, seed: int = 7) -> list[Ops]:
    rng = random.Random(seed)
    items, cats = [i.id for i in scenario.items], [c.id for c in scenario.categories]
    right = [i.category for i in scenario.items]
    seqs: list[Ops] = []
    for n, item in enumerate(items):  # every (item, category) pair
        for cat in cats:
            seqs.append([["place", items[k], right[k]] for k in range(n)] + [["place", item, cat]])
    from ilomo.scenario import start

    while len(seqs) < limit:
        play, ops = start(scenario), []
        for _ in range(rng.randint(1, len(items) * 2 + 3)):
            roll = rng.random()
            if roll < 0.1:
                op = ["back"]
            elif roll < 0.13:
                op = ["restart"]
            elif roll < 0.2 or play.finished:  # not the current item, or an unknown category
                op = ["place", rng.choice([*items, "onbekend"]), rng.choice([*cats, "onbekend"])]
            else:
                op = ["place", play.current_item.id, rng.choice(cats)]
            ops.append(op)
            apply(play, op, scenario)
        seqs.append(ops)
    return seqs


def stelling_ops(scenario: Any) -> list[Ops]:
    opts = [o.id for o in scenario.options]
    seqs: list[Ops] = [[["answer", o]] for o in opts]
    for a in opts:
        for b in opts:
            seqs += [[["answer", a], ["back"], ["answer", b]], [["answer", a], ["answer", b]],
                     [["answer", a], ["restart"], ["answer", b], ["back"], ["back"]]]
    seqs += [[["answer", "onbekend"]], [["back"]], [["restart"]]]
    return seqs


def reflectie_ops(scenario: Any) -> list[Ops]:
    qs = [q.id for q in scenario.questions]
    texts = ["", "   ", "\n\t", "Mijn antwoord.", " x "]
    seqs: list[Ops] = [[["write", q, t]] for q in qs for t in texts]
    seqs.append([["write", q, "Antwoord"] for q in qs])
    seqs.append([*([["write", q, "Antwoord"] for q in qs]), ["write", qs[0], " "], ["back"], ["restart"]])
    seqs.append([["write", "onbekend", "x"]])
    return seqs


def kennisvraag_ops(scenario: Any, limit: int = 120, seed: int = 7) -> list[Ops]:
    """Every option of every question, out-of-order answers, bad answers, back and restart."""
    rng = random.Random(seed)
    qs = scenario.questions
    seqs: list[Ops] = [[["answer", q.id, [o.id]]] for q in qs for o in q.options]
    seqs += [[["answer", q.id, [o.id for o in q.options if o.correct]]] for q in qs]
    seqs += [[["answer", q.id, []]] for q in qs] + [[["answer", "onbekend", ["a"]]], [["back"]], [["restart"]]]
    while len(seqs) < limit:
        ops: Ops = []
        for _ in range(rng.randint(1, 8)):
            roll = rng.random()
            if roll < 0.15:
                ops.append(["back"])
            elif roll < 0.2:
                ops.append(["restart"])
            else:
                q = rng.choice(qs)
                ids = rng.sample([o.id for o in q.options] + ["onbekend"], rng.randint(1, 3))
                ops.append(["answer", q.id, ids])
        seqs.append(ops)
    return seqs


_OPS: dict[str, list[Ops]] = {}


def ops_for(scenario: Any) -> list[Ops]:
    """The operation sequences for a scenario (computed once per test session)."""
    if scenario.id not in _OPS:
        _OPS[scenario.id] = _ops_for(scenario)
    return _OPS[scenario.id]


def _ops_for(scenario: Any) -> list[Ops]:
    return {"dilemma": dilemma_ops, "sortering": sortering_ops, "stelling": stelling_ops,
            "reflectie": reflectie_ops, "kennisvraag": kennisvraag_ops}[scenario.kind](scenario)


def restore_ops(scenario: Any, states: list[dict[str, Any]]) -> list[Ops]:
    """Restore saved states, also tampered ones (a changed scenario, garbage)."""
    seqs: list[Ops] = []
    for st in states:
        path = list(st.get("path", []))
        bad = 99 if scenario.kind == "dilemma" else "onbekend"
        seqs += [[["restore", st]], [["restore", {**st, "path": [*path, bad]}]],
                 [["restore", {**st, "path": [bad, *path]}]]]
        if path:
            seqs.append([["restore", {**st, "path": [*path[:-1], bad, *path[-1:]]}]])
    if states:  # foreign or garbage states are refused, the play stays as it was
        st = states[0]
        seqs += [[["restore", {**st, "v": 3}]], [["restore", {**st, "seed": -1}]], [["restore", {**st, "seed": "1"}]],
                 [["restore", {**st, "id": "ander"}]],
                 [["restore", {**st, "kind": "onbekend"}]], [["restore", {**st, "path": "0"}]],
                 [["restore", [1, 2]]], [["restore", None]], [["restore", {"v": 1}]]]
    return seqs


def chunks(seq: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]
