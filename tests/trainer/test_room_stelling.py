"""A stelling in the room: a tally before and after the discussion, both splits side by side, and the log."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilomo import texts as player_texts
from ilomo.kinds.stelling.room import RoomStellingView
from ilomo.player import Player, play
from ilomo.room import texts
from tests.trainer.room_helpers import plain, session_data, vote
from tests.widgets.widget_helpers import DATA, buttons, click, text

PATH = DATA / "test-stelling.yml"


@pytest.fixture
def player() -> Player:
    return play(PATH, trainer=True)


def test_first_round_tallies_the_scenario_options(player: Player) -> None:
    view = player.view
    assert isinstance(view, RoomStellingView)
    assert [f.description for f in view.before.fields] == ["A", "B", "C"]
    assert [f.tooltip for f in view.before.fields] == [
        "Aantal stemmen voor A: Eens", "Aantal stemmen voor B: Neutraal", "Aantal stemmen voor C: Oneens"
    ]  # fmt: skip
    shown = text(player)
    assert "Als ambtenaar ben je neutraal in een gesprek." in shown and texts.ROUND_BEFORE in shown
    assert texts.ROUND_AFTER not in shown and "Wat zegt de sessie?" not in shown  # perspectives come later
    vote(view.before, [10, 4, 6])
    assert plain(view.before.chart.value) == (
        "Eerste ronde: 20 stemmen A 10 stemmen (50%) B 4 stemmen (20%) C 6 stemmen (30%)"
    )
    assert buttons(player)[player_texts.BACK].disabled and not buttons(player)[player_texts.RESTART].disabled


def test_after_the_discussion_both_splits_side_by_side(player: Player, sessions: Path) -> None:
    view = player.view
    vote(view.before, [10, 4, 6])
    click(player, texts.TO_DISCUSSION)
    shown = text(player)
    assert "Wat zegt de sessie?" in shown and "Wanneer merkte jij dat neutraal zijn lastig was?" in shown
    assert view.side_by_side.children[:2] == (view.before.chart, view.after.chart)
    assert view.before.fields[0] not in list(_walk(player))  # the first round's fields are put away
    vote(view.after, [5, 3, 12])
    assert plain(view.after.chart.value).startswith("Na de discussie: 20 stemmen A 5 stemmen (25%)")
    [entry] = session_data(sessions)["exercises"]
    assert entry["kind"] == "stelling" and entry["statement"] == "Als ambtenaar ben je neutraal in een gesprek."
    assert entry["options"] == [
        {"id": "eens", "label": "Eens"}, {"id": "neutraal", "label": "Neutraal"}, {"id": "oneens", "label": "Oneens"}
    ]  # fmt: skip
    assert entry["rounds"] == {
        "before": {"eens": 10, "neutraal": 4, "oneens": 6},
        "after": {"eens": 5, "neutraal": 3, "oneens": 12},
    }


def test_back_to_the_first_round_and_restart(player: Player, sessions: Path) -> None:
    view = player.view
    vote(view.before, [2, 2, 2])
    click(player, texts.TO_DISCUSSION)
    click(player, player_texts.BACK)
    assert not view.discussing and view.before.fields[0] in list(_walk(player))
    assert session_data(sessions)["exercises"][0]["rounds"]["after"] is None
    click(player, player_texts.RESTART)
    assert view.before.counts == [0, 0, 0] and view.after.counts == [0, 0, 0]


def _walk(player: Player) -> list:
    from tests.widgets.widget_helpers import walk

    return list(walk(player.widget))
