"""The live statement player: statement, option buttons, then perspectives and questions."""

from __future__ import annotations

import pytest

from ilomo import texts
from ilomo.player import Player, play
from ilomo.scenario import load, start
from tests.widgets.widget_helpers import DATA, buttons, click, text

PATH = DATA / "test-stelling.yml"


@pytest.fixture
def player() -> Player:
    return play(PATH)


def test_before_answer(player: Player) -> None:
    shown = text(player)
    # the statement is plain text (docs/scenario-format.md), as in the static player
    assert "<p>Als ambtenaar ben je neutraal in een gesprek.</p>" in player.view.statement.value
    assert [b.description for b in player.view.option_buttons] == ["Eens", "Neutraal", "Oneens"]  # defaults
    assert player.view.option_buttons[0].tooltip == texts.OPTION_TIP.format(label="Eens")
    assert "Wat zegt de sessie?" not in shown and texts.QUESTIONS not in shown
    assert buttons(player)[texts.BACK].disabled


def test_answer_shows_perspectives_and_questions(player: Player) -> None:
    click(player, "Oneens")
    ref = start(load(PATH))
    ref.answer("oneens")
    assert player.play.transcript() == ref.transcript() == [{"answer": "oneens"}]
    shown = text(player)
    assert texts.YOUR_ANSWER.format(label="Oneens") in shown
    assert "Wat zegt de sessie?" in shown and "Neutraal is niet hetzelfde als afstandelijk." in shown
    assert texts.QUESTIONS in shown and "Wat hielp jou toen?" in shown
    assert player.view.option_buttons == []
    click(player, texts.BACK)
    assert player.play.chosen is None
    assert len(player.view.option_buttons) == 3
    assert "Wat zegt de sessie?" not in text(player)
    click(player, "Eens")
    click(player, texts.RESTART)
    assert player.play.chosen is None and len(player.view.option_buttons) == 3
