"""Helpers for the widget tests: walk the shown widget tree, read its text, click buttons by label."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as w

from ilomo.player import Player

DATA = Path(__file__).parent / "data"
_TAGS = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<style>.*?</style>", re.S)


def walk(widget: w.Widget) -> Iterator[w.Widget]:
    """Every widget that is shown, depth first (hidden widgets are not in the tree)."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def html_values(player: Player) -> list[str]:
    return [x.value for x in walk(player.widget) if isinstance(x, w.HTML)]


def text(player: Player) -> str:
    """What a reader sees: HTML text without tags, labels, button and field labels, one per line."""
    out: list[str] = []
    for x in walk(player.widget):
        if isinstance(x, w.HTML):
            out.append(html.unescape(_TAGS.sub(" ", _STYLE.sub("", x.value))))
        elif isinstance(x, w.Label | w.Button):
            out.append(x.value if isinstance(x, w.Label) else x.description)
        elif isinstance(x, w.IntProgress):
            out.append(f"{x.description}={x.value}")
    return " ".join(" ".join(out).split())


def buttons(player: Player) -> dict[str, w.Button]:
    """Shown buttons by label."""
    return {x.description: x for x in walk(player.widget) if isinstance(x, w.Button)}


def click(player: Player, label: str) -> None:
    button = buttons(player)[label]
    assert not button.disabled, f"{label!r} is disabled"
    button.click()
