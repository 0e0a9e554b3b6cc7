"""Analysis of a dilemma's reachable state space: (situation, meter values, once-choices used).

`analyse()` explores every state a play can reach (up to a cap) and derives the verdicts the validator
reports: unreachable situations and endings, dead ends, loops with no way out, states without any
available choice, `next: einde` without a matching ending, and choices that are never available.
Beyond the cap it falls back to the structure alone (meters, requires and once ignored).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ilomo.kinds.dilemma.model import Dilemma

from . import conditions

STATE_CAP = 200_000
Meters = tuple[int, ...]


@dataclass
class Graph:
    """States with their situation, meters and successors; `good` states have an edge to an ending."""

    sit: list[int] = field(default_factory=list)
    meters: list[Meters] = field(default_factory=list)
    used: list[int] = field(default_factory=list)
    succ: list[list[int]] = field(default_factory=list)
    good: list[bool] = field(default_factory=list)
    endings: set[int] = field(default_factory=set)  # ending indexes reached
    no_choice: dict[int, int] = field(default_factory=dict)  # situation -> first state without choices
    einde_failures: dict[tuple[int, int], Meters] = field(default_factory=dict)  # (sit, choice) -> meters
    available: set[tuple[int, int]] = field(default_factory=set)  # (sit, choice) ever available


@dataclass
class Analysis:
    complete: bool  # False: the state cap was hit and only the structure was checked
    states: int
    meter_names: list[str]
    unreachable: list[str]  # situation ids, file order
    unreachable_endings: list[str]
    dead_ends: list[str]  # reachable situations from which no reachable state leads to an ending
    dead_end_entries: list[str]  # dead ends entered from a situation that can still finish (or the start)
    loops: list[tuple[list[str], Meters | None]]  # situations of a loop with no way out (+ example state)
    no_choice: dict[str, tuple[Meters, bool]]  # situation -> (meters, once-choices used)
    einde_failures: dict[tuple[str, int], Meters]  # (situation, choice index) -> meters after effects
    never_available: list[tuple[str, int]]  # choices in reachable situations that are never offered


class _Compiled:
    """The dilemma as indexes and tuples, for a fast exploration."""

    def __init__(self, sc: Dilemma) -> None:
        self.names = [m.name for m in sc.meters]
        col = {name: i for i, name in enumerate(self.names)}
        self.lows = [m.min for m in sc.meters]
        self.highs = [m.max for m in sc.meters]
        node = {s.id: i for i, s in enumerate(sc.situations)}
        node.update({e.id: -1 - k for k, e in enumerate(sc.endings)})
        self.start = node[sc.start]
        self.end_tests = [self._tests(e.condition, col) for e in sc.endings]
        once = 0
        self.choices: list[list[tuple]] = []
        for situation in sc.situations:
            row = []
            for j, c in enumerate(situation.choices):
                bit = 1 << once if c.once else 0
                once += c.once
                effects = tuple((col[m], d) for m, d in c.effects.items())
                branches = tuple(
                    (self._tests(b.when or {}, col), None if b.to == "einde" else node[b.to]) for b in c.branches
                )
                row.append((j, self._tests(c.requires, col), effects, branches, bit))
            self.choices.append(row)

    @staticmethod
    def _tests(tests: dict[str, str], col: dict[str, int]) -> tuple:
        return tuple((col[m], op, v) for m, op, v in conditions.compile_conditions(tests))

    def apply(self, meters: Meters, effects: tuple) -> Meters:
        if not effects:
            return meters
        values = list(meters)
        for i, delta in effects:
            values[i] = min(max(values[i] + delta, self.lows[i]), self.highs[i])
        return tuple(values)

    @staticmethod
    def branch(branches: tuple, meters: Meters) -> int | None:
        """The target of the first branch whose `when` holds (the last branch has none)."""
        for tests, target in branches:
            if all(op(meters[i], v) for i, op, v in tests):
                return target
        return branches[-1][1]  # unreachable for validated files; be safe

    def first_ending(self, meters: Meters) -> int | None:
        for k, tests in enumerate(self.end_tests):
            if all(op(meters[i], v) for i, op, v in tests):
                return k
        return None


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: exploring allocates many small acyclic objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def explore(sc: Dilemma, cap: int) -> Graph | None:
    """Breadth-first exploration of every reachable state; None beyond `cap` states."""
    with _no_gc():
        return _explore(sc, cap)


def _explore(sc: Dilemma, cap: int) -> Graph | None:
    """The hot loop: meter updates and `einde` lookups are memoised (few distinct effects and values)."""
    c = _Compiled(sc)
    g = Graph()
    sits, meters_of, used_of, succ, good = g.sit, g.meters, g.used, g.succ, g.good
    start = (c.start, tuple(m.start for m in sc.meters), 0)
    index = {start: 0}
    for column, value in zip((sits, meters_of, used_of, succ, good), (*start, [], False), strict=True):
        column.append(value)
    moved: dict[tuple[tuple, Meters], Meters] = {}
    ending_at: dict[Meters, int | None] = {}
    offered_mask = [0] * len(c.choices)
    n = 0
    while n < len(sits):
        if len(sits) > cap:
            return None
        sit, meters, used, out = sits[n], meters_of[n], used_of[n], succ[n]
        offered = 0
        for j, tests, effects, branches, bit in c.choices[sit]:
            if bit & used or (tests and not all(op(meters[i], v) for i, op, v in tests)):
                continue
            offered |= 1 << j
            after = moved.get((effects, meters))
            if after is None:
                after = moved[effects, meters] = c.apply(meters, effects)
            target = branches[0][1] if len(branches) == 1 else c.branch(branches, after)
            if target is None:
                if after not in ending_at:
                    ending_at[after] = c.first_ending(after)
                ending = ending_at[after]
                if ending is None:
                    g.einde_failures.setdefault((sit, j), after)
                    continue
                target = -1 - ending
            if target < 0:
                g.endings.add(-1 - target)
                good[n] = True
                continue
            key = (target, after, used | bit)
            t = index.get(key)
            if t is None:
                t = index[key] = len(sits)
                sits.append(target)
                meters_of.append(after)
                used_of.append(used | bit)
                succ.append([])
                good.append(False)
            out.append(t)
        if not offered:
            g.no_choice.setdefault(sit, n)
        offered_mask[sit] |= offered
        n += 1
    g.available = {(sit, j) for sit, mask in enumerate(offered_mask) for j in range(mask.bit_length()) if mask >> j & 1}
    return g


def structure(sc: Dilemma) -> Graph:
    """The situation graph alone: one state per situation, every choice an edge, `einde` reaching every
    ending whose condition can hold within the meter ranges."""
    c = _Compiled(sc)
    meters = {m.name: m for m in sc.meters}
    possible = {
        k
        for k, e in enumerate(sc.endings)
        if all(conditions.satisfiable(t, meters[m].min, meters[m].max) for m, t in e.condition.items())
    }
    ends_of = []
    g = Graph()
    for sit, row in enumerate(c.choices):
        targets = [target for _, _, _, branches, _ in row for _, target in branches]
        ends = {-1 - t for t in targets if t is not None and t < 0}
        ends_of.append(ends | possible if None in targets else ends)
        g.sit.append(sit)
        g.meters.append(())
        g.used.append(0)
        g.succ.append([t for t in targets if t is not None and t >= 0])
        g.good.append(bool(ends_of[-1]))
        g.available.update((sit, j) for j, *_ in row)
    g.endings = set().union(*(ends_of[s] for s in _forward(g, c.start)))
    return g


def _forward(g: Graph, start: int) -> set[int]:
    seen, todo = {start}, [start]
    while todo:
        for t in g.succ[todo.pop()]:
            if t not in seen:
                seen.add(t)
                todo.append(t)
    return seen


def _can_finish(g: Graph, states: list[int]) -> list[bool]:
    """Per state: whether some path from it reaches an ending (the least fixpoint from the `good` states).

    Passes in reverse discovery order settle the mostly forward edges at once; should two passes not
    suffice, a breadth-first search backwards over the predecessors finishes the job.
    """
    ok = list(g.good)
    todo = [s for s in reversed(states) if not ok[s]]
    for _ in range(2):
        left = []
        for s in todo:
            for t in g.succ[s]:
                if ok[t]:
                    ok[s] = True
                    break
            else:
                left.append(s)
        if len(left) == len(todo):
            return ok
        todo = left
    preds: dict[int, list[int]] = {}
    for s in todo:
        for t in g.succ[s]:
            preds.setdefault(t, []).append(s)
    queue = deque(s for s in states if ok[s])
    while queue:
        for p in preds.get(queue.popleft(), ()):
            if not ok[p]:
                ok[p] = True
                queue.append(p)
    return ok


def _sccs(nodes: list[int], succ: list[list[int]]) -> list[list[int]]:
    """Strongly connected components (iterative Tarjan) of the subgraph reachable from `nodes`."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    result: list[list[int]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = len(index)
                stack.append(v)
                on_stack.add(v)
            if i < len(succ[v]):
                work.append((v, i + 1))
                w = succ[v][i]
                if w not in index:
                    work.append((w, 0))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return result


def _trap_loops(g: Graph, stuck: list[int]) -> list[list[int]]:
    """Components nobody can leave that contain a cycle: loops with no way out."""
    loops = []
    for component in _sccs(stuck, g.succ):
        members = set(component)
        closed = all(t in members for s in component for t in g.succ[s])
        cyclic = len(component) > 1 or component[0] in g.succ[component[0]]
        if closed and cyclic:
            loops.append(sorted(component))
    return loops


def analyse(sc: Dilemma, cap: int | None = None) -> Analysis:
    """Explore the reachable states (or, beyond `cap` states, the structure) and derive the verdicts."""
    g = explore(sc, STATE_CAP if cap is None else cap)
    complete = g is not None
    if g is None:
        g = structure(sc)
        states = sorted(_forward(g, _Compiled(sc).start))
    else:
        states = list(range(len(g.sit)))
    ok = _can_finish(g, states)
    ids = [s.id for s in sc.situations]
    reachable = {g.sit[s] for s in states}
    finishing = {g.sit[s] for s in states if ok[s]}
    stuck = [s for s in states if not ok[s]]
    dead = reachable - finishing
    loops: dict[tuple[str, ...], Meters | None] = {}
    for loop in _trap_loops(g, stuck):
        sits = sorted({g.sit[s] for s in loop})
        partial = any(sit in finishing for sit in sits)  # the loop traps only in some meter states
        loops.setdefault(tuple(ids[s] for s in sits), g.meters[loop[0]] if partial and sc.meters else None)
    return Analysis(
        complete=complete,
        states=len(states),
        meter_names=[m.name for m in sc.meters],
        unreachable=[ids[s] for s in range(len(ids)) if s not in reachable],
        unreachable_endings=[e.id for k, e in enumerate(sc.endings) if k not in g.endings],
        dead_ends=[ids[s] for s in sorted(dead)],
        dead_end_entries=[ids[s] for s in _entries(g, states, dead, ids.index(sc.start))],
        loops=[(list(k), v) for k, v in loops.items()],
        no_choice={ids[sit]: (g.meters[s], bool(g.used[s])) for sit, s in sorted(g.no_choice.items())},
        einde_failures={(ids[s], j): m for (s, j), m in sorted(g.einde_failures.items())},
        never_available=[
            (ids[s], j)
            for s in sorted(reachable)
            for j in range(len(sc.situations[s].choices))
            if (s, j) not in g.available
        ],
    )


def _entries(g: Graph, states: list[int], dead: set[int], start: int) -> list[int]:
    """Dead-end situations entered from a situation that can still finish, or the start situation."""
    if not dead:
        return []
    entered = {g.sit[t] for s in states if g.sit[s] not in dead for t in g.succ[s]}
    return [s for s in sorted(dead) if s == start or s in entered]
