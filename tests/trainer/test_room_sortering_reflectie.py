"""Sortering in the room (a tally per card) and reflection in the room (one large question at a time)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from ilomo import texts as player_texts
from ilomo.kinds.reflectie.room import RoomReflectionView
from ilomo.kinds.sortering.room import RoomSortView
from ilomo.player import play
from ilomo.room import texts
from tests.trainer.room_helpers import plain, session_data, vote
from tests.widgets.widget_helpers import DATA, click, text, walk


def test_sortering_tallies_per_card(sessions: Path) -> None:
    player = play(DATA / "test-sortering.yml", trainer=True)
    view = player.view
    assert isinstance(view, RoomSortView)
    assert plain(view.categories_html.value) == (
        "De groepen A. Rustige fase : Er is nog niets aan de hand. B. Warme fase C. Hete fase"
    )
    assert [f.description for f in view.tally.fields] == ["A", "B", "C"]
    assert "In een buurtapp gaan geruchten rond." in text(player) and "Kaart 1 van 3" in text(player)
    vote(view.tally, [2, 9, 1])
    click(player, texts.GO_MAJORITY)
    shown = text(player)
    assert "De zaal koos B: Warme fase (meerderheid)" in shown and "Goed." in shown
    assert "Tot nu toe: 1 van 1 goed." in shown and "Kaart 2 van 3" in shown
    assert view.tally.counts == [0, 0, 0]
    vote(view.tally, [4, 4, 0])  # a tie: the trainer picks
    assert view.decision.majority_button.disabled
    click(player, "Verder met A")
    assert "Niet goed. Het hoort bij: Hete fase." in text(player)
    vote(view.tally, [7, 0, 0])
    click(player, texts.GO_MAJORITY)
    assert "Klaar! De zaal had 2 van de 3 goed." in text(player)
    steps = session_data(sessions)["exercises"][0]["runs"][0]["steps"]
    assert [(s["item"], s["category"], s["correct"], s["by"]) for s in steps] == [
        ("i1", "warm", True, "meerderheid"),
        ("i2", "rustig", False, "trainer"),
        ("i3", "rustig", True, "meerderheid"),
    ]
    assert steps[1]["right"] == "Hete fase"
    assert [o["votes"] for o in steps[1]["options"]] == [4, 4, 0]
    click(player, player_texts.BACK)
    assert view.tally.counts == [7, 0, 0] and len(player.play.placements) == 2


def test_reflection_shows_one_large_question_at_a_time(sessions: Path) -> None:
    player = play(DATA / "test-reflectie.yml", trainer=True)
    view = player.view
    assert isinstance(view, RoomReflectionView)
    questions = view.scenario.questions
    assert not [x for x in walk(player.widget) if isinstance(x, w.Textarea)]  # nothing to type, nothing stored
    assert plain(view.counter.value) == f"Vraag 1 van {len(questions)}"
    assert 'class="ilomo-prompt"' in view.prompt.value
    assert view.previous.disabled and not view.next.disabled
    for n in range(2, len(questions) + 1):
        click(player, texts.NEXT)
        assert plain(view.counter.value) == f"Vraag {n} van {len(questions)}"
    assert view.next.disabled
    click(player, texts.PREVIOUS)
    assert plain(view.counter.value) == f"Vraag {len(questions) - 1} van {len(questions)}"
    assert texts.ROOM_REFLECTION_NOTE in text(player)
    assert not sessions.exists()
