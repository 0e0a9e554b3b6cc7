"""Learning-track pages (book/leerlijnen/): the total self-study time they show is the sum of their modules'
``self_study_minutes``, and each module's "Hierna" follows the route of the track."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from ilomo.content.modules import TRACKS, load_module, next_in_track, track_self_study_minutes

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
TOTAL = re.compile(r"\*\*Zelfstudie:\*\* in totaal ongeveer (\d+) minuten")


@pytest.mark.parametrize("track", TRACKS)
def test_track_page_shows_the_total_self_study_time(track: str) -> None:
    text = (ROOT / "book" / "leerlijnen" / f"{track}.md").read_text(encoding="utf-8")
    shown = [int(m) for m in TOTAL.findall(text)]
    assert shown == [track_self_study_minutes(NOTEBOOKS)[track]]


def test_total_is_the_sum_of_the_modules(tmp_path: Path) -> None:
    """Changing one module's time changes its tracks' totals (the total is computed, not written down)."""
    for path in NOTEBOOKS.glob("0[1-9]-*.ipynb"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before = track_self_study_minutes(tmp_path)
    module_02 = next(tmp_path.glob("02-*.ipynb"))
    minutes = load_module(module_02).self_study_minutes
    module_02.write_text(
        module_02.read_text(encoding="utf-8").replace(
            f'"self_study_minutes": {minutes}', f'"self_study_minutes": {minutes + 10}'
        ),
        encoding="utf-8",
    )
    after = track_self_study_minutes(tmp_path)
    assert after["asiel-en-migratie"] == before["asiel-en-migratie"] + 10
    assert after["energietransitie"] == before["energietransitie"]


def test_route_order_matches_the_track_pages() -> None:
    """The next module in a track is the next one listed in the route on the track page."""
    for track in TRACKS:
        text = (ROOT / "book" / "leerlijnen" / f"{track}.md").read_text(encoding="utf-8")
        route = [f"{int(n):02d}" for n in re.findall(r"^\d+\. \[Module (\d+):", text, re.MULTILINE)]
        assert route, f"no route found on the {track} page"
        for here, there in itertools.pairwise(route):
            assert next_in_track(NOTEBOOKS, int(here), track).startswith(there)
        assert next_in_track(NOTEBOOKS, int(route[-1]), track) == track
