"""The assets themselves: no dangerous or networked APIs in the static player (ilomo.js and every kind's script).

Their size is a budget of `make bench` (bench/run.py), not a test."""

from __future__ import annotations

import re

import pytest

from ilomo.static import player_files

PLAYER = {name: content.decode("utf-8") for name, content in player_files().items()}
CSS = PLAYER["ilomo.css"]


def test_every_kind_has_a_script_that_registers_it() -> None:
    from ilomo.kinds import KINDS

    for name, kind in KINDS.items():
        assert f'window.ILOMO.kind("{name}", ' in PLAYER[kind.script], kind.script


@pytest.mark.parametrize("pattern", [r"innerHTML", r"outerHTML", r"insertAdjacentHTML", r"document\.write",
                                     r"\beval\s*\(", r"new\s+Function", r"setTimeout\s*\(\s*['\"]", r"\bfetch\s*\(",
                                     r"XMLHttpRequest", r"WebSocket", r"sendBeacon", r"\bimport\s*\(", r"https?://"])
def test_no_dangerous_or_networked_js(pattern: str) -> None:
    found = [name for name, text in PLAYER.items() if name.endswith(".js") and re.search(pattern, text)]
    assert not found, f"{pattern} in {found}"


def test_css_loads_nothing_external() -> None:
    assert not re.search(r"@import|url\s*\(", CSS)


def test_css_respects_reduced_motion_and_focus() -> None:
    assert "prefers-reduced-motion: reduce" in CSS and ":focus-visible" in CSS
