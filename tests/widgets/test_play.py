"""`ilomo.play()`: the right player per kind, and one mime bundle with the widget view and static HTML."""

from __future__ import annotations

import pytest
from IPython.core.formatters import DisplayFormatter

import ilomo
from ilomo.journal import FileJournal
from ilomo.journal.store import MemoryStore
from ilomo.kinds.dilemma.widget import DilemmaView
from ilomo.kinds.reflectie.widget import ReflectionView
from ilomo.kinds.sortering.widget import SortView
from ilomo.kinds.stelling.widget import StellingView
from ilomo.player import Player, play
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
    assert 'class="ilomo-oefening"' in html and f'data-ilomo-kind="{kind}"' in html
    # IPython itself picks up both representations from the one bundle
    data, _ = DisplayFormatter().format(player)
    assert WIDGET_MIME in data and "text/html" in data


def test_the_package_attribute_play_is_the_function() -> None:
    """No module shadows the function: the player module is ``ilomo.player``."""
    import importlib

    assert callable(ilomo.play) and ilomo.play.__module__ == "ilomo.player"
    assert importlib.import_module("ilomo.player").play is ilomo.play


def test_seed_gives_the_same_order_and_survives_restore() -> None:
    first, second = play("07-leap-balie", seed=7), play("07-leap-balie", seed=7)
    labels = [b.description for b in first.view.choice_buttons]
    assert labels == [b.description for b in second.view.choice_buttons]
    state = first.play.state()
    assert state["seed"] == 7 and state["v"] == 2
