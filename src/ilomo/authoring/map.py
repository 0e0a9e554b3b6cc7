"""The map of a dilemma as inline SVG, drawn here (no third-party script): situations and endings in layers by
their distance from the start, arrows for every choice and branch, the advised route highlighted and the
branches that depend on a hidden meter dashed and labelled.

Hand-written because the layout is one breadth-first search and the drawing a few dozen elements; a graph
library (graphviz) would add a system dependency for authors.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from html import escape

from ilomo.scenario.model import Dilemma

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 150, 40, 24, 56, 16
END = "einde"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    advised: bool  # an advised choice (the advised route)
    hidden: str | None  # the condition on a hidden meter this branch depends on, in words


def edges(sc: Dilemma) -> list[Edge]:
    """One edge per choice or branch; `next: einde` leads to every ending (the first whose condition holds)."""
    hidden = {m.name for m in sc.meters if m.hidden}
    found: dict[tuple[str, str], Edge] = {}
    for situation in sc.situations:
        for choice in situation.choices:
            for branch in choice.branches:
                on_hidden = {k: v for k, v in (branch.when or {}).items() if k in hidden}
                words = ", ".join(f"{k} {v.strip()}" for k, v in on_hidden.items()) or None
                targets = [e.id for e in sc.endings] if branch.to == END else [branch.to]
                for target in targets:  # two choices to one place: one arrow that keeps both marks
                    old = found.get((situation.id, target))
                    found[(situation.id, target)] = Edge(situation.id, target,
                                                         choice.advised or (old is not None and old.advised),
                                                         words or (old.hidden if old else None))  # fmt: skip
    return list(found.values())


def layers(sc: Dilemma, all_edges: list[Edge]) -> tuple[list[list[str]], set[str]]:
    """Situations by breadth-first distance from the start, then the situations the start cannot reach, then
    all endings in one bottom row (so that every arrow to an ending points down). Also returns the nodes the
    start cannot reach."""
    out: dict[str, list[str]] = {}
    for edge in all_edges:
        out.setdefault(edge.source, []).append(edge.target)
    depth = {sc.start: 0}
    queue = deque([sc.start])
    while queue:
        node = queue.popleft()
        for target in out.get(node, []):
            if target not in depth:
                depth[target] = depth[node] + 1
                queue.append(target)
    situations = [s.id for s in sc.situations]
    rows: list[list[str]] = [[] for _ in range(max((depth[s] for s in situations if s in depth), default=0) + 1)]
    lost = [s for s in situations if s not in depth]
    for node in situations:
        if node in depth:
            rows[depth[node]].append(node)
    unreachable = set(lost) | {e.id for e in sc.endings if e.id not in depth}
    return [*rows, *([lost] if lost else []), [e.id for e in sc.endings]], unreachable


def svg(sc: Dilemma) -> str:
    """The map as an accessible inline <svg> (title and description; the text version has the full story)."""
    all_edges = edges(sc)
    rows, unreachable = layers(sc, all_edges)
    endings = {e.id for e in sc.endings}
    advised_end = next((e.id for e in sc.endings if e.advised), None)
    width = max(len(row) for row in rows) * (BOX_W + GAP_X) - GAP_X + 2 * PAD + BOX_W  # room for loops back
    height = len(rows) * (BOX_H + GAP_Y) + 2 * PAD  # room below the last row for its curves
    place: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        row_w = len(row) * (BOX_W + GAP_X) - GAP_X
        for c, node in enumerate(row):
            place[node] = (PAD + (width - 2 * PAD - row_w) / 2 + c * (BOX_W + GAP_X), PAD + r * (BOX_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ilomo-kaart" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="kaart-titel kaart-uitleg">',
        '<title id="kaart-titel">Kaart van het dilemma</title>',
        f'<desc id="kaart-uitleg">{len(sc.situations)} situaties en {len(sc.endings)} eindes, in lagen vanaf de '
        "start. Dikke pijlen: de geadviseerde route. Gestippelde pijlen: een tak die afhangt van een verborgen "
        "meter.</desc>",
        '<defs><marker id="pijl" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="kaart-pijlpunt"/></marker></defs>',
    ]
    for edge in all_edges:
        if edge.source not in place or edge.target not in place:
            continue
        (x1, y1), (x2, y2) = place[edge.source], place[edge.target]
        path, (lx, ly) = _route(x1, y1, x2, y2)
        classes = ["kaart-pijl"] + (["geadviseerd"] if edge.advised else []) + (["verborgen"] if edge.hidden else [])
        label = f"{edge.source} naar {edge.target}" + (" (geadviseerd)" if edge.advised else "")
        label += f" (alleen als {edge.hidden}; verborgen meter)" if edge.hidden else ""
        parts.append(f'<g class="{" ".join(classes)}"><title>{escape(label)}</title>'
                     f'<path d="{path}" marker-end="url(#pijl)"/>')  # fmt: skip
        if edge.hidden:
            parts.append(f'<text x="{lx:.0f}" y="{ly:.0f}" class="kaart-voorwaarde">{escape(edge.hidden)}</text>')
        parts.append("</g>")
    for node, (x, y) in place.items():
        classes = ["kaart-knoop", "einde" if node in endings else "situatie"]
        classes += ["start"] if node == sc.start else []
        classes += ["geadviseerd"] if node == advised_end else []
        classes += ["onbereikbaar"] if node in unreachable else []
        what = "einde" if node in endings else "situatie"
        extra = (" (start)" if node == sc.start else "") + (" (geadviseerd einde)" if node == advised_end else "")
        extra += " (onbereikbaar)" if node in unreachable else ""
        parts.append(f'<g class="{" ".join(classes)}" data-id="{escape(node)}"><title>{what} {escape(node)}{extra}'
                     f'</title><rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" '
                     f'rx="{BOX_H / 2 if node in endings else 6:.0f}"/>'
                     f'<text x="{x + BOX_W / 2:.0f}" y="{y + BOX_H / 2 + 5:.0f}">{escape(_short(node))}'
                     "</text></g>")  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def _route(x1: float, y1: float, x2: float, y2: float) -> tuple[str, tuple[float, float]]:
    """SVG path of an arrow between two boxes, and a point for its label: down to a lower layer, a curve below
    the row within a layer, and up (a loop back) from the top of one box to the bottom of the other."""
    if y2 > y1:
        a, b = (x1 + BOX_W / 2, y1 + BOX_H), (x2 + BOX_W / 2, y2)
        label = (a[0] + (b[0] - a[0]) * 0.3 + 6, a[1] + (b[1] - a[1]) * 0.3)  # near the start: less crowded
        return f"M{a[0]:.0f},{a[1]:.0f} L{b[0]:.0f},{b[1]:.0f}", label
    if y2 == y1:
        a, b = (x1 + BOX_W / 2, y1 + BOX_H), (x2 + BOX_W / 2, y2 + BOX_H)
        dip = y1 + BOX_H + GAP_Y * 0.8
        return (f"M{a[0]:.0f},{a[1]:.0f} Q{(a[0] + b[0]) / 2:.0f},{dip:.0f} {b[0]:.0f},{b[1]:.0f}",
                ((a[0] + b[0]) / 2, y1 + BOX_H + GAP_Y * 0.45))  # fmt: skip
    a, b = (x1 + BOX_W / 2, y1), (x2 + BOX_W / 2, y2 + BOX_H)
    bend = max(x1, x2) + BOX_W + GAP_X / 2
    return (f"M{a[0]:.0f},{a[1]:.0f} Q{bend:.0f},{(a[1] + b[1]) / 2:.0f} {b[0]:.0f},{b[1]:.0f}",
            (bend - GAP_X, (a[1] + b[1]) / 2))  # fmt: skip


def _short(node: str, limit: int = 20) -> str:
    return node if len(node) <= limit else node[: limit - 1] + "…"
