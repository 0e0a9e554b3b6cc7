"""The projector screen: one step of module 07's dilemma fits on 1280×720 and 1920×1080 without scrolling, the
counts sit beside their bars, the type is big, the trainer's panel is apart and in view, and after a step the
room's choice and the new situation are at the top.

Screenshots for docs/img: ILOMO_SCREENSHOTS=docs/img pytest tests/trainer/test_screen.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

SIZES = [(1280, 720), (1920, 1080)]
TO_STAGE = "el => el.scrollIntoView({block: 'start'})"


def inside(box: dict | None, width: int, height: int) -> bool:
    return box is not None and box["x"] >= -1 and box["y"] >= -1 and box["x"] + box["width"] <= width + 1 \
        and box["y"] + box["height"] <= height + 1  # fmt: skip (a pixel of rounding either way)


@pytest.mark.browser
@pytest.mark.slow
def test_one_step_fits_the_projector(browser: object, presenting: str) -> None:
    shots = os.environ.get("ILOMO_SCREENSHOTS")
    for width, height in SIZES:
        context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(presenting)
        room = page.locator(".ilomo-room", has=page.locator("h2", has_text="Een brief die niet aankomt"))
        stage = room.locator(".ilomo-stage")
        stage.locator("h3", has_text="Aan de balie").wait_for(timeout=60_000)
        stage.evaluate(TO_STAGE)
        page.wait_for_timeout(200)
        assert inside(stage.bounding_box(), width, height), (width, height, stage.bounding_box())
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # no sideways scrolling
        trainer = room.locator(".ilomo-trainer")
        assert inside(trainer.get_by_role("button", name="Verder met de meerderheid").bounding_box(), width, height)
        assert inside(trainer.locator("input[type=number]").first.bounding_box(), width, height)
        assert stage.locator("input, button").count() == 0  # the controls are the trainer's, not on the stage
        rows = stage.locator("table.ilomo-ballot tr")
        assert rows.count() == 4 and rows.nth(0).locator("th").inner_text() == "A."
        size = float(stage.locator("table.ilomo-ballot").evaluate("t => getComputedStyle(t).fontSize")[:-2])
        text = float(stage.locator("h3 + p").first.evaluate(
            "p => getComputedStyle(p).fontSize")[:-2])  # fmt: skip
        assert size >= 20 and text >= 20

        fields = trainer.locator("input[type=number]")
        for n, count in enumerate([12, 5, 3, 0]):
            fields.nth(n).fill(str(count))
        fields.nth(3).press("Tab")
        stage.get_by_text("12 stemmen (60%)").wait_for()
        for n in range(4):  # the count right beside its bar
            bar = rows.nth(n).locator(".ilomo-bar").bounding_box()
            count = rows.nth(n).locator(".ilomo-count").bounding_box()
            assert bar and count and 0 <= count["x"] - (bar["x"] + bar["width"]) <= 24
        if shots:
            page.screenshot(path=str(ROOT / shots / f"zaal-{width}x{height}.png"))
        trainer.get_by_role("button", name="Stemmen met telefoons").click()  # the QR code joins the stage
        stage.locator(".ilomo-join svg").wait_for()
        if shots:
            page.screenshot(path=str(ROOT / shots / f"zaal-{width}x{height}-telefoons.png"))
        assert inside(stage.bounding_box(), width, height), ("phones", width, height, stage.bounding_box())
        assert inside(stage.locator(".ilomo-join").bounding_box(), width, height)
        trainer.get_by_role("button", name="Telefoons uit").click()
        stage.locator(".ilomo-join").wait_for(state="hidden")
        for n, count in enumerate([12, 5, 3, 0]):  # typed again: the closed vote kept its own counts
            fields.nth(n).fill(str(count))
        fields.nth(3).press("Tab")
        stage.get_by_text("12 stemmen (60%)").wait_for()
        trainer.get_by_role("button", name="Verder met de meerderheid").click()
        taken = stage.get_by_text("De zaal koos A:")
        taken.wait_for()
        if shots:
            page.screenshot(path=str(ROOT / shots / f"zaal-{width}x{height}-na-stap.png"))
        assert inside(taken.bounding_box(), width, height)  # what the room chose, at the top, without scrolling
        assert inside(stage.locator("h3").last.bounding_box(), width, height)  # the new situation, in view
        assert inside(stage.bounding_box(), width, height)
        trainer.get_by_role("button", name="Terug").click()  # leave the session as it was for the next size
        stage.locator("h3", has_text="Aan de balie").wait_for()
        context.close()


def test_screenshots_are_in_the_docs() -> None:
    for width, height in SIZES:
        assert (ROOT / "docs" / "img" / f"zaal-{width}x{height}.png").is_file()
    assert Path(ROOT / "docs" / "img").is_dir()


def test_meters_say_their_name_once_and_hide_hidden_ones() -> None:
    from types import SimpleNamespace

    from ilomo.room.screen import meters_html
    from tests.trainer.room_helpers import plain

    specs = [SimpleNamespace(name="contact", label="Contact", min=0, max=10),
             SimpleNamespace(name="spanning", label="Spanning", min=0, max=10),
             SimpleNamespace(name="vertrouwen", label="Vertrouwen", min=0, max=10, hidden=True)]  # fmt: skip
    line = plain(meters_html(specs, {"contact": 4, "spanning": 7, "vertrouwen": 2}, "Hoe staat het ervoor?"))
    assert line == "Hoe staat het ervoor? Contact 4 van 10 Spanning 7 van 10"


def test_the_route_names_each_choice_and_who_chose_it() -> None:
    from ilomo.room import texts

    line = texts.ROUTE_STEP.format(title="Wie heeft er gelijk?", letter="B", label="Allebei een beetje.",
                                   votes=4, total=20, how=texts.BY_TRAINER)  # fmt: skip
    assert line == "Wie heeft er gelijk? — B. Allebei een beetje. (4 van 20 stemmen, keuze van de trainer)"
