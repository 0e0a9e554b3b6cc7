"""The live sorting player: current item, category buttons, feedback, score, Terug/Opnieuw."""

from __future__ import annotations

import random

import pytest

from ilomo import texts
from ilomo.player import Player, play
from ilomo.scenario import load, start
from ilomo.widgets.markup import md
from tests.widgets.widget_helpers import DATA, buttons, click, text

PATH = DATA / "test-sortering.yml"
LABELS = ["Rustige fase", "Warme fase", "Hete fase"]


@pytest.fixture
def player() -> Player:
    return play(PATH)


def test_start_screen(player: Player) -> None:
    shown = text(player)
    assert "Welke fase is dit?" in player.view.title.value
    assert texts.FICTIEF not in shown
    assert "In een buurtapp gaan geruchten rond." in player.view.item_html.value
    assert texts.SORT_PROGRESS.format(n=1, total=3) in shown
    assert "Er is nog niets aan de hand." in shown  # category description
    assert [b.description for b in player.view.category_buttons] == LABELS
    assert all(b.tooltip == texts.SORT_CATEGORY_TIP.format(label=b.description) for b in player.view.category_buttons)
    assert texts.FEEDBACK not in shown
    assert buttons(player)[texts.BACK].disabled


def test_good_and_wrong_feedback_and_score(player: Player) -> None:
    click(player, "Warme fase")
    assert f"<strong>{texts.SORT_GOOD}</strong>" in player.view.feedback.value
    assert player.view.feedback.value.endswith(md("Geruchten zijn een vroeg signaal."))
    assert player.view.score.value == texts.SORT_SCORE.format(score=1, placed=1)
    assert "Er staan 200 mensen voor het gemeentehuis." in player.view.item_html.value
    click(player, "Rustige fase")
    assert texts.SORT_WRONG.format(label="Hete fase") in text(player)
    assert "Dit is een hete fase." in text(player)
    assert player.view.score.value == texts.SORT_SCORE.format(score=1, placed=2)


def test_finish_back_restart(player: Player) -> None:
    for label in ["Warme fase", "Hete fase", "Warme fase"]:
        click(player, label)
    assert player.play.finished
    assert player.view.score.value == texts.SORT_DONE.format(score=2, total=3)
    assert player.view.category_buttons == []
    assert texts.SORT_WRONG.format(label="Rustige fase") in text(player)
    click(player, texts.BACK)
    assert not player.play.finished
    assert "Je drinkt koffie met de wijkagent." in player.view.item_html.value
    assert texts.SORT_GOOD in text(player)  # feedback of the placement that is now the last one
    click(player, texts.RESTART)
    assert player.play.transcript() == []
    assert player.view.feedback.value == "" and player.view.score.value == ""
    assert "In een buurtapp gaan geruchten rond." in player.view.item_html.value


@pytest.mark.parametrize("seed", range(6))
def test_random_walk_matches_engine(seed: int) -> None:
    rng = random.Random(seed)
    scenario = load(PATH)
    player, ref = play(PATH), start(scenario)
    for _ in range(12):
        if not ref.finished and rng.random() < 0.75:
            k = rng.randrange(3)
            ref.place(ref.current_item.id, scenario.categories[k].id)
            player.view.category_buttons[k].click()
        else:
            ref.back()
            player.view.back_button.click()
        assert player.play.transcript() == ref.transcript()
        assert player.play.score == ref.score
        if ref.finished:
            assert player.view.category_buttons == []
        else:
            assert ref.current_item.text in player.view.item_html.value
