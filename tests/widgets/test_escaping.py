"""Hostile author text never reaches an HTML widget unescaped, for every kind and every step."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest
from ruamel.yaml import YAML

from ilomo.player import Player, play
from tests.widgets.widget_helpers import DATA, html_values, walk

EVIL = ' <script>alert(1)</script> <img src=x onerror="alert(2)"> [klik](javascript:alert(3))'
TEXT_KEYS = {"title", "intro", "text", "label", "feedback", "prompt", "hint", "statement", "note", "description"}
LIST_KEYS = {"signals", "debrief", "questions"}
DANGER = re.compile(r"<\s*(script|img|iframe|svg)|href\s*=\s*[\"']?\s*javascript:|\son\w+\s*=\s*[\"']", re.I)


def poison(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                out[key] = value + EVIL
            elif key in LIST_KEYS and value and isinstance(value[0], str):
                out[key] = [v + EVIL for v in value]
            else:
                out[key] = poison(value)
        return out
    if isinstance(node, list):
        return [poison(v) for v in node]
    return node


def hostile(kind: str, tmp_path: Path) -> Path:
    yaml = YAML(typ="safe")
    data = poison(yaml.load((DATA / f"test-{kind}.yml").read_text(encoding="utf-8")))
    data["fictief"] = True
    data["sources"] = [{"title": "Bron" + EVIL, "url": "javascript:alert(4)", "note": "noot" + EVIL}]
    path = tmp_path / f"{data['id']}.yml"
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return path


def assert_safe(player: Player) -> None:
    for value in html_values(player):
        assert not DANGER.search(value), value
    for widget in walk(player.widget):
        assert not getattr(widget, "description_allow_html", False)


def test_dilemma(tmp_path: Path) -> None:
    player = play(hostile("dilemma", tmp_path))
    assert "&lt;script&gt;" in player.view.title.value
    assert_safe(player)
    for _ in range(10):
        if player.play.ended:
            break
        player.view.choice_buttons[-1].click()
        assert_safe(player)
    assert player.play.ended
    assert "&lt;script&gt;" in player.view.ending_html.value


def test_sortering(tmp_path: Path) -> None:
    player = play(hostile("sortering", tmp_path))
    while not player.play.finished:
        player.view.category_buttons[0].click()
        assert_safe(player)
    assert "&lt;script&gt;" in player.view.feedback.value


def test_stelling(tmp_path: Path) -> None:
    player = play(hostile("stelling", tmp_path))
    assert_safe(player)
    player.view.option_buttons[0].click()
    assert_safe(player)
    assert "&lt;script&gt;" in player.view.perspectives.value


def test_reflectie(tmp_path: Path) -> None:
    player = play(hostile("reflectie", tmp_path))
    for area in player.view.textareas:
        area.value = EVIL
    assert_safe(player)
    assert isinstance(player.view.textareas[0], w.Textarea)


DATA_BLOCK = re.compile(r'<script type="application/json" class="ilomo-data">([^<]*)</script>')


@pytest.mark.parametrize("kind", ["dilemma", "sortering", "stelling", "reflectie"])
def test_book_html_is_escaped(kind: str, tmp_path: Path) -> None:
    """The notebook's text/html (the static player for the book) escapes author text; its JSON cannot break out."""
    html = play(hostile(kind, tmp_path))._repr_mimebundle_()["text/html"]
    assert "&lt;script&gt;" in html
    assert len(DATA_BLOCK.findall(html)) == 1
    assert not DANGER.search(DATA_BLOCK.sub("", html))
