"""`ilomo.play()`: the right player per kind, and one mime bundle with the widget view and static HTML."""

from __future__ import annotations

import sys

import pytest
from IPython.core.formatters import DisplayFormatter

import ilomo
from ilomo.journal import FileJournal
from ilomo.journal.store import MemoryStore
from ilomo.play import Player, play
from ilomo.widgets import DilemmaView, ReflectionView, SortView, StellingView
from tests.widgets.widget_helpers import DATA

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
KINDS = {"dilemma": DilemmaView, "sortering": SortView, "stelling": StellingView, "reflectie": ReflectionView}


def test_exported_from_package() -> None:
    assert ilomo.play is play
    assert "play" in ilomo.__all__


@pytest.mark.parametrize("kind", KINDS)
def test_right_player_per_kind(kind: str) -> None:
    player = play(DATA / f"test-{kind}.yml")
    assert isinstance(player, Player)
    assert isinstance(player.view, KINDS[kind])
    assert player.widget is player.view.root
    assert player.play.state()["id"] == player.scenario.id
    # Reflection answers go to the journal file by default (ilomo.journal); other kinds keep nothing.
    assert isinstance(player.store, FileJournal if kind == "reflectie" else MemoryStore)


def test_by_id_and_by_string_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILOMO_SCENARIOS", str(DATA))
    assert play("test-stelling").scenario.id == "test-stelling"
    assert play(str(DATA / "test-stelling.yml")).scenario.id == "test-stelling"


@pytest.mark.parametrize("kind", KINDS)
def test_mimebundle_has_widget_view_and_html(kind: str) -> None:
    player = play(DATA / f"test-{kind}.yml")
    bundle = player._repr_mimebundle_()
    assert bundle[WIDGET_MIME]["model_id"] == player.widget.model_id
    assert player.scenario.title in bundle["text/plain"]
    html = bundle["text/html"]
    assert player.scenario.title.split()[0] in html
    if "ilomo.static" in sys.modules or _static_available():
        assert 'class="ilomo-oefening"' in html
    # IPython itself picks up both representations from the one bundle
    data, _ = DisplayFormatter().format(player)
    assert WIDGET_MIME in data and "text/html" in data


def test_fallback_html_without_static(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ilomo.static", None)
    html = play(DATA / "test-dilemma.yml")._repr_mimebundle_()["text/html"]
    assert "ilomo-fallback" in html and "Dit is een verzonnen casus." in html


def _static_available() -> bool:
    try:
        import ilomo.static  # noqa: F401
    except ImportError:
        return False
    return True
