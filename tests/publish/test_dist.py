"""`make dist`: a versioned zip of the site with a checksum, that works unzipped from disk (file://) offline."""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

import ilomo
from ilomo.publish import make_dist
from tests.conftest import ROOT

MODULE = "notebooks/07-contact-maken-en-houden.html"
RESUMED = "Je gaat verder waar je was gebleven."


def test_zip_is_named_after_the_package_version(site_zip: Path) -> None:
    assert site_zip.name == f"ilomo-site-{ilomo.__version__}.zip"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", ilomo.__version__)


def test_checksum_file_matches_the_zip(site_zip: Path) -> None:
    line = Path(f"{site_zip}.sha256").read_text(encoding="utf-8")
    assert line == f"{hashlib.sha256(site_zip.read_bytes()).hexdigest()}  {site_zip.name}\n"  # sha256sum -c format


def test_zip_holds_the_whole_site_in_one_folder(site_zip: Path, built_html: Path) -> None:
    with zipfile.ZipFile(site_zip) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
    top = site_zip.stem
    assert all(n.startswith(f"{top}/") for n in names)
    needed = ["index.html", "LEESMIJ.txt", "searchindex.js", MODULE, "_static/ilomo.js", "_static/ilomo-print.css"]
    assert [n for n in needed if f"{top}/{n}" not in names] == []
    pages = {p.relative_to(built_html).as_posix() for p in built_html.rglob("*.html")}
    assert pages <= {n.removeprefix(f"{top}/") for n in names}
    assert not [n for n in names if n.endswith(".buildinfo") or "/.doctrees/" in n]


def test_same_site_gives_the_same_zip(site_zip: Path, built_html: Path, tmp_path: Path) -> None:
    again = make_dist(built_html, tmp_path)
    assert again.read_bytes() == site_zip.read_bytes()


def test_make_dist_builds_then_zips_with_the_package_version() -> None:
    plan = subprocess.run(["make", "-n", "dist"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "jupyter-book build" in plan and "ilomo publish dist" in plan


# --- the unzipped site in Chromium, from file:// -------------------------------------------------------------


class Guard:
    """Records requests to anything but file:/data: (and blocks them), console errors and page errors."""

    def __init__(self, context: Any) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        context.route(lambda url: not url.startswith(("file:", "data:", "about:")), self._block)

    def _block(self, route: Any) -> None:
        self.outside.append(route.request.url)
        route.abort()

    def watch(self, page: Any) -> Any:
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        return page


@pytest.fixture()
def offline(browser: Any) -> Any:
    context = browser.new_context()
    guard = Guard(context)
    yield context, guard
    context.close()
    assert guard.outside == [], f"requests to other places: {guard.outside}"
    assert guard.errors == [], f"console or page errors: {guard.errors}"



@pytest.mark.browser
def test_index_opens_from_disk(unzipped_site: Path, offline: Any) -> None:
    context, guard = offline
    page = guard.watch(context.new_page())
    page.goto((unzipped_site / "index.html").as_uri())
    page.wait_for_url(re.compile(r".*/book/intro\.html$"))  # the root page forwards to the start page
    page.wait_for_load_state("load")
    assert "ILOMO" in page.title()
    assert page.locator(".bd-sidebar-primary a[href*='07-contact-maken-en-houden']").count() >= 1


@pytest.mark.browser
def test_exercise_plays_and_keeps_progress_from_disk(unzipped_site: Path, offline: Any) -> None:
    context, guard = offline
    page = guard.watch(context.new_page())
    page.goto((unzipped_site / MODULE).as_uri())
    dilemma = page.locator('section.ilomo-oefening[data-ilomo-kind="dilemma"]').first
    dilemma.locator(".ilomo-speler").wait_for()  # the player mounted: it read the scenario JSON from the page
    scenario_id = dilemma.get_attribute("data-ilomo-id")
    first = dilemma.locator(".ilomo-stap [role=group] button").first
    label = first.inner_text()
    first.click()
    assert label.split("\n")[0] in dilemma.locator(".ilomo-feedback").inner_text()
    saved = page.evaluate("(k) => localStorage.getItem(k)", f"ilomo:v1:progress:{scenario_id}")
    assert saved, "progress was not saved in localStorage from file://"

    again = guard.watch(context.new_page())  # another page of the same unzipped site sees the progress
    again.goto((unzipped_site / MODULE).as_uri())
    resumed = again.locator(f'section.ilomo-oefening[data-ilomo-id="{scenario_id}"]')
    resumed.locator(".ilomo-speler").wait_for()
    assert RESUMED in resumed.locator(".ilomo-melding").inner_text()


@pytest.mark.browser
def test_search_works_from_disk_with_titles_only(unzipped_site: Path, offline: Any) -> None:
    """From file:// the browser blocks fetching result pages, so results show without a summary, without errors."""
    context, guard = offline
    page = guard.watch(context.new_page())
    page.goto((unzipped_site / "book" / "intro.html").as_uri())
    page.keyboard.press("Control+k")  # the header search form submits to search.html
    page.keyboard.type("LEAP")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/search\.html\?q=LEAP"))
    results = page.locator("#search-results ul.search li")
    results.first.wait_for()
    titles = results.all_inner_texts()
    assert any("Contact maken en houden" in t for t in titles)
    page.wait_for_timeout(300)  # room for late summary fetches that would fail
