"""Navigation on a phone (390 px) and a laptop (1280 px), by tap, mouse and keyboard; reflow at 320 px (WCAG 1.4.10).

On a phone the ☰ button opens the site menu and the list button the page contents, each as a modal dialog that a tap
outside or Escape closes again. On a laptop ☰ collapses the menu and brings it back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.test_build import toc_files

MODULE = "notebooks/07-contact-maken-en-houden.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
DIALOGS = {".primary-toggle": "#pst-primary-sidebar-modal", ".secondary-toggle": "#pst-secondary-sidebar-modal"}


def is_open(page, dialog: str) -> bool:
    return page.evaluate("(sel) => document.querySelector(sel).open", dialog)


def visible_tooltips(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('.tooltip')].map((t) => t.textContent.trim())")


@pytest.fixture()
def phone(browser, site_url: str):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/{MODULE}")
    yield page
    context.close()


@pytest.mark.parametrize("button", list(DIALOGS))
def test_phone_opens_and_closes_by_tap(phone, button: str) -> None:
    dialog = DIALOGS[button]
    phone.locator(button).tap()
    phone.wait_for_function("(sel) => document.querySelector(sel).open", arg=dialog, timeout=3000)
    links = phone.locator(f"{dialog} a")
    assert links.count() >= 3 and links.first.is_visible()  # the menu's content moved into the dialog
    box = phone.locator(dialog).bounding_box()
    assert box is not None
    # A tap beside the dialog (on its backdrop) closes it.
    outside_x = box["x"] + box["width"] + 20 if button == ".primary-toggle" else box["x"] - 20
    phone.touchscreen.tap(outside_x, 420)
    phone.wait_for_function("(sel) => !document.querySelector(sel).open", arg=dialog, timeout=3000)
    assert phone.locator(button).is_visible()
    assert visible_tooltips(phone) == []  # no tooltip left over the header buttons


@pytest.mark.parametrize("button", list(DIALOGS))
def test_phone_opens_and_closes_by_keyboard(phone, button: str) -> None:
    dialog = DIALOGS[button]
    phone.locator(button).focus()
    phone.keyboard.press("Enter")
    phone.wait_for_function("(sel) => document.querySelector(sel).open", arg=dialog, timeout=3000)
    in_dialog = phone.evaluate("(sel) => document.querySelector(sel).contains(document.activeElement)", dialog)
    assert in_dialog, "focus did not move into the opened dialog"
    phone.keyboard.press("Tab")
    assert phone.evaluate("(sel) => document.querySelector(sel).contains(document.activeElement)", dialog)
    phone.keyboard.press("Escape")
    phone.wait_for_function("(sel) => !document.querySelector(sel).open", arg=dialog, timeout=3000)
    assert phone.evaluate("(sel) => document.activeElement.matches(sel)", button), "focus did not return to the button"


def test_phone_toggle_buttons_have_dutch_names(phone) -> None:
    names = [phone.locator(b).get_attribute("aria-label") for b in DIALOGS]
    assert names == ["Menu tonen of verbergen", "Inhoud van deze pagina tonen of verbergen"]


def test_laptop_collapses_and_restores_the_menu(browser, site_url: str) -> None:
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(f"{site_url}/{MODULE}")
    sidebar = page.locator("#pst-primary-sidebar")
    content_left = page.locator("#main-content").bounding_box()["x"]
    assert sidebar.is_visible()
    page.locator(".primary-toggle").click()
    page.wait_for_function("() => getComputedStyle(document.querySelector('#pst-primary-sidebar')).opacity === '0'",
                           timeout=3000)
    assert not is_open(page, DIALOGS[".primary-toggle"])  # on a laptop no modal, the page stays usable
    page.wait_for_timeout(400)  # the theme animates the collapse
    assert page.locator("#main-content").bounding_box()["x"] < content_left - 100  # the text moved into the room
    assert not sidebar.is_visible()
    page.locator(".primary-toggle").focus()
    page.keyboard.press("Enter")  # and back, by keyboard
    page.wait_for_function("() => getComputedStyle(document.querySelector('#pst-primary-sidebar')).opacity === '1'",
                           timeout=3000)
    assert sidebar.is_visible()
    assert visible_tooltips(page) == []
    context.close()


def test_every_page_reflows_at_320_px(built_html: Path, site_url: str, browser) -> None:
    """WCAG 1.4.10: at 320 CSS px wide nothing needs horizontal scrolling (wide tables and code scroll in their box)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    pages = [f"{Path(f).with_suffix('')}.html" for f in toc_files()] + ["search.html", "genindex.html"]
    problems = []
    for rel in pages:
        page.goto(f"{site_url}/{rel}")
        wide = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width + 1) return [];
                return [...document.querySelectorAll('body *')].filter((e) => {
                    const r = e.getBoundingClientRect();
                    return r.width && r.right > width + 1 && getComputedStyle(e).position !== 'fixed';
                }).slice(0, 3).map((e) => e.tagName + '.' + [...e.classList].join('.'));
            }"""
        )
        if wide:
            problems.append(f"{rel}: wider than 320 px: {wide}")
    context.close()
    assert len(pages) >= 20
    assert not problems, "\n".join(problems)
