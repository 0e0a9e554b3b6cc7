"""The assets themselves: size budget, and no dangerous or networked APIs in ilomo.js."""

from __future__ import annotations

import re

import pytest

from ilomo.static import ASSETS

JS = (ASSETS / "ilomo.js").read_text(encoding="utf-8")
CSS = (ASSETS / "ilomo.css").read_text(encoding="utf-8")


def test_size_budget() -> None:
    size = (ASSETS / "ilomo.js").stat().st_size + (ASSETS / "ilomo.css").stat().st_size
    # 40 KB since the contract player (kennisvraag, shuffling, meters by meaning, the route beside the advice).
    assert size <= 40 * 1024, f"ilomo.js + ilomo.css = {size} bytes, budget 40 KB"


@pytest.mark.parametrize("pattern", [r"innerHTML", r"outerHTML", r"insertAdjacentHTML", r"document\.write",
                                     r"\beval\s*\(", r"new\s+Function", r"setTimeout\s*\(\s*['\"]", r"\bfetch\s*\(",
                                     r"XMLHttpRequest", r"WebSocket", r"sendBeacon", r"\bimport\s*\(", r"https?://"])
def test_no_dangerous_or_networked_js(pattern: str) -> None:
    assert not re.search(pattern, JS), pattern


def test_css_loads_nothing_external() -> None:
    assert not re.search(r"@import|url\s*\(", CSS)


def test_css_respects_reduced_motion_and_focus() -> None:
    assert "prefers-reduced-motion: reduce" in CSS and ":focus-visible" in CSS
