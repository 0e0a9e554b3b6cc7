"""One name per module: the sidebar, the learning-track routes and the progress box all say "Module 7: <title>";
the progress box says what "afgerond" means and which exercises of the next module are still open."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from ilomo.journal.index import module_label
from tests.conftest import ROOT

TRACKS = sorted((ROOT / "book" / "leerlijnen").glob("*.md"))


def labels() -> dict[str, str]:
    """notebooks/NN-slug.html -> "Module N: title", from the notebooks' metadata."""
    out = {}
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if nb.name.startswith("00-"):
            continue
        title = json.loads(nb.read_text(encoding="utf-8"))["metadata"]["ilomo"]["title"]
        out[nb.stem] = module_label(nb.name[:2], title)
    return out


def module_links(soup: BeautifulSoup, within: str) -> dict[str, str]:
    found = {}
    for a in soup.select(f"{within} a[href]"):
        match = re.search(r"notebooks/(\d\d-[a-z0-9-]+)\.html$", a["href"].split("#")[0])
        if match:
            found[match.group(1)] = " ".join(a.get_text().split())
    return found


def test_sidebar_and_routes_use_the_same_module_name(built_html: Path) -> None:
    names = labels()
    assert len(names) >= 9
    page = BeautifulSoup((built_html / "book" / "intro.html").read_text(encoding="utf-8"), "html.parser")
    sidebar = module_links(page, ".bd-docs-nav")
    assert {k: v for k, v in sidebar.items() if not k.startswith("00-")} == names
    assert TRACKS
    for track in TRACKS:
        html = built_html / "book" / "leerlijnen" / f"{track.stem}.html"
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        route = module_links(soup, "article.bd-article")
        assert route, track.name
        assert {k: names[k] for k in route} == route, track.name
        index = json.loads(soup.select_one("#ilomo-index").string)
        assert {f"{m['doc'].split('/')[-1]}": m["label"] for m in index["modules"] if m["doc"]} == names


def test_progress_box_explains_done_and_lists_open_exercises(built_html: Path, site_url: str, browser) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}/book/leerlijnen/energietransitie.html")
    box = page.locator(".ilomo-leerlijn").first
    box.locator(".ilomo-leerlijn-teller").wait_for()
    text = " ".join(box.inner_text().split())
    still_open = box.locator("ul.ilomo-leerlijn-open li").all_inner_texts()
    index = json.loads(page.locator("#ilomo-index").text_content())
    track = next(t for t in index["tracks"] if t["id"] == "energietransitie")
    first = next(m for m in index["modules"] if m["id"] == track["modules"][0])
    page.close()
    assert "Een module is afgerond als je elke oefening ervan tot het einde hebt gedaan." in text
    assert f"Volgende module: {first['label']}." in text
    assert "Nog open in deze module:" in text
    assert still_open == [index["oefeningen"][x] for x in first["exercises"]]
