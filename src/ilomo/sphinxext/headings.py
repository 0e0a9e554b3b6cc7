"""Heading order inside exercises: each exercise's headings continue the page's outline (WCAG 1.3.1).

An exercise is rendered before it knows where it will sit: a notebook cell's output is made by the kernel, which
cannot see the Markdown section around it, so its title was an h2 even under an h3 section ("Oefening 2"). After
Sphinx resolved a page, this step finds every exercise root in the page's raw HTML (``class="ilomo-oefening"`` or an
element with ``data-heading-base``), sets ``data-heading-base`` to the enclosing section's level + 1 and shifts the
root's static headings by the same amount, so the title is h{base} and its parts h{base+1}. The JS player reads
``data-heading-base`` for the headings it draws. ``tests/site/test_headings.py`` checks that no built page skips a
level.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

ROOT = re.compile(
    r'<(?P<tag>section|div)\b(?P<attrs>[^>]*?(?:\bclass="[^"]*\bilomo-oefening\b[^"]*"|\bdata-heading-base="\d*")[^>]*)>'
)
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
TITLE_LEVEL = re.compile(r"<h([1-6])\b")


def section_level(node: nodes.Node) -> int:
    """How many sections enclose `node`: the page title's section is level 1 (h1)."""
    level, parent = 0, node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            level += 1
        parent = parent.parent
    return level


def _set_attribute(attrs: str, name: str, value: str) -> str:
    pattern = re.compile(rf'\s{name}="[^"]*"')
    return pattern.sub(f' {name}="{value}"', attrs) if pattern.search(attrs) else f'{attrs} {name}="{value}"'


def renumber(html: str, base: int) -> str:
    """Give every exercise root in `html` the heading base `base` and shift its headings to match.

    Each root's part runs to the next root (an HTML block holds one exercise, or several one after another)."""
    base = max(1, min(base, 6))
    starts = [m.start() for m in ROOT.finditer(html)]
    if not starts:
        return html
    parts = [html[: starts[0]]]
    for start, end in zip(starts, [*starts[1:], len(html)], strict=True):
        chunk = html[start:end]
        root = ROOT.match(chunk)
        assert root is not None
        first = TITLE_LEVEL.search(chunk, root.end())
        shift = base - int(first.group(1)) if first else 0
        attrs = _set_attribute(root.group("attrs"), "data-heading-base", str(base))
        if "data-ilomo-level=" in attrs:  # the player's older name for the same number
            attrs = _set_attribute(attrs, "data-ilomo-level", str(base))
        body = HEADING_TAG.sub(lambda m, by=shift: f"<{m.group(1)}h{max(1, min(6, int(m.group(2)) + by))}",
                               chunk[root.end():])
        parts.append(f"<{root.group('tag')}{attrs}>{body}")
    return "".join(parts)


def renumber_exercises(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for raw in doctree.findall(nodes.raw):
        if "html" not in raw.get("format", "").split():
            continue
        text = raw.astext()
        if not ROOT.search(text):
            continue
        new = renumber(text, section_level(raw) + 1)
        if new != text:
            raw.children = [nodes.Text(new)]
            raw.rawsource = new


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("doctree-resolved", renumber_exercises)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
