"""Exercises as part of the page on a phone, in light and dark mode: no output frame, nothing under the sticky
header after a choice, a focus ring only for keyboard users, and previous/next links that fit."""

from __future__ import annotations

import pytest

from tests.gates.gate_helpers import MOUNTED

MODULE = "notebooks/07-contact-maken-en-houden.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DILEMMA = "section.ilomo-oefening[data-ilomo-kind='dilemma']"


@pytest.fixture(params=["light", "dark"])
def phone(request, browser, site_url: str):
    context = browser.new_context(**PHONE, color_scheme=request.param)
    page = context.new_page()
    page.goto(f"{site_url}/{MODULE}")
    page.wait_for_function(MOUNTED, timeout=5000)
    yield page
    context.close()


def test_no_frame_around_an_exercise(phone) -> None:
    frame = phone.evaluate(f"""() => {{
        const box = getComputedStyle(document.querySelector("{DILEMMA}").parentElement);
        return [box.paddingLeft, box.backgroundColor];
    }}""")
    assert frame == ["0px", "rgba(0, 0, 0, 0)"]


def test_after_a_tap_the_next_step_is_below_the_header_without_a_focus_ring(phone) -> None:
    choice = phone.locator(f"{DILEMMA} .ilomo-speler .ilomo-keuzes button").first
    choice.scroll_into_view_if_needed()
    choice.tap()
    phone.wait_for_timeout(600)  # the player scrolls smoothly
    state = phone.evaluate("""() => {
        const focused = document.activeElement;
        const header = document.querySelector('.bd-header-article').getBoundingClientRect();
        const style = getComputedStyle(focused);
        return {top: focused.getBoundingClientRect().top, header: header.bottom, tag: focused.tagName,
                outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth)};
    }""")
    assert state["tag"].startswith("H"), state  # the player moved focus to the new step's heading
    assert state["top"] >= state["header"] - 1, f"the sticky header covers the new step: {state}"
    assert state["outline"] == 0, "a tap left a focus ring on the heading"


def test_keyboard_focus_is_visible(phone) -> None:
    phone.locator(f"{DILEMMA} .ilomo-speler .ilomo-keuzes button").first.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_timeout(600)
    width = phone.evaluate("() => parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert width >= 2


def test_previous_and_next_fit_on_a_phone(phone) -> None:
    links = phone.locator(".prev-next-area a")
    assert links.count() == 2
    boxes = [links.nth(i).bounding_box() for i in range(2)]
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes), boxes
    first, second = sorted(boxes, key=lambda b: b["y"])
    assert first["y"] + first["height"] <= second["y"], "the previous and next links overlap"
    titles = phone.locator(".prev-next-area .prev-next-title").all_inner_texts()
    assert all(t.strip() for t in titles)
    assert not phone.locator("#pst-back-to-top").is_visible()
