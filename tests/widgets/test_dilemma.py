"""The live dilemma player shows exactly what the reference engine's state implies."""

from __future__ import annotations

import random

import ipywidgets as w
import pytest

from ilomo import texts
from ilomo.player import Player, play
from ilomo.scenario import load, start
from ilomo.widgets.markup import md
from tests.widgets.widget_helpers import DATA, buttons, click, text

PATH = DATA / "test-dilemma.yml"
LONG = "Ik vraag wat de brief met hem doet. Dit is een lang label dat over meerdere regels moet kunnen lopen"


@pytest.fixture
def player() -> Player:
    return play(PATH)


def choice_labels(player: Player) -> list[str]:
    return [b.description for b in player.view.choice_buttons]


def meter_texts(player: Player) -> dict[str, str]:
    return {name: m.text.value for name, m in player.view.meters.items()}


def test_start_screen(player: Player) -> None:
    shown = text(player)
    assert "Een brief die niet aankomt" in player.view.title.value
    assert texts.FICTIEF in shown
    assert "<strong>balie</strong>" in player.view.intro.value
    assert "<h3>Aan de balie</h3>" in player.view.situation_html.value
    assert "Hij praat steeds harder." in shown and texts.SIGNALS in shown
    assert texts.FEEDBACK not in shown  # no choice made yet
    # `requires: spanning >= 6` does not hold at the start: two choices, not three
    assert len(choice_labels(player)) == 2
    assert choice_labels(player)[0].startswith(LONG)
    assert "Ik bel meteen de beveiliging." not in buttons(player)
    assert buttons(player)[texts.BACK].disabled and buttons(player)[texts.RESTART].disabled
    assert "Verslag MAST-dag 2025" in shown


def test_meters_show_value_and_text(player: Player) -> None:
    bars = {name: m.bar for name, m in player.view.meters.items()}
    assert isinstance(bars["spanning"], w.IntProgress)
    assert (bars["spanning"].description, bars["spanning"].min, bars["spanning"].max) == ("Spanning", 0, 10)
    assert meter_texts(player) == {"contact": "Contact: 5 van 10", "spanning": "Spanning: 4 van 10"}
    click(player, "Ik zeg dat hij een nummer moet trekken.")
    assert (bars["contact"].value, bars["spanning"].value) == (2, 7)
    assert meter_texts(player) == {"contact": "Contact: 2 van 10", "spanning": "Spanning: 7 van 10"}


def test_choice_buttons_are_labelled_and_wrap(player: Player) -> None:
    for button in player.view.choice_buttons:
        assert button.tooltip == button.description
        assert (button.layout.width, button.layout.height) == ("auto", "auto")
        assert "ilomo-choice" in button._dom_classes
    for button in (player.view.back_button, player.view.restart_button):
        assert button.tooltip


def test_feedback_and_next_situation(player: Player) -> None:
    player.view.choice_buttons[0].click()
    assert player.view.feedback.value.endswith(md("Je laat hem eerst *vertellen*."))
    assert "<em>vertellen</em>" in player.view.feedback.value
    assert "<h3>Een brief die niet aankomt</h3>" in player.view.situation_html.value  # default title
    assert "Hij vertelt dat zijn uitkering stopt." in text(player)
    # contact is now 7: `requires: contact < 6` hides the third choice
    assert choice_labels(player) == [
        "Ik vat samen wat ik hoor.",
        "Ik stel voor om samen de brief te lezen.",
        "Ik vraag hem even te wachten.",
    ]
    assert not buttons(player)[texts.BACK].disabled


def test_requires_shows_choice_when_it_holds(player: Player) -> None:
    player.view.choice_buttons[0].click()  # spanning 3
    click(player, "Ik vraag hem even te wachten.")  # spanning 6, back at the counter
    assert "<h3>Aan de balie</h3>" in player.view.situation_html.value
    assert choice_labels(player)[-1] == "Ik bel meteen de beveiliging."
    click(player, "Ik bel meteen de beveiliging.")
    assert player.play.ending.id == "goed-contact"  # contact 7 >= 6 after `einde`


def test_once_choice_disappears(player: Player) -> None:
    click(player, "Ik zeg dat hij een nummer moet trekken.")
    assert "Ik vat samen wat ik hoor." in choice_labels(player)
    assert "Ik zeg dat ik er niets aan kan doen." in choice_labels(player)  # contact 2 < 6
    click(player, "Ik vat samen wat ik hoor.")
    assert "Ik vat samen wat ik hoor." not in choice_labels(player)
    assert player.view.feedback.value.endswith(md("Hij knikt."))


def test_back_and_restart(player: Player) -> None:
    click(player, "Ik zeg dat hij een nummer moet trekken.")
    click(player, "Ik vat samen wat ik hoor.")
    click(player, texts.BACK)
    assert "Ik vat samen wat ik hoor." in choice_labels(player)  # once is undone too
    assert player.view.feedback.value.endswith(md("Hij voelt zich niet gehoord."))
    assert meter_texts(player)["contact"] == "Contact: 2 van 10"
    click(player, texts.RESTART)
    assert player.play.state()["path"] == []
    assert meter_texts(player) == {"contact": "Contact: 5 van 10", "spanning": "Spanning: 4 van 10"}
    assert player.view.feedback.value == ""
    assert "<h3>Aan de balie</h3>" in player.view.situation_html.value
    assert buttons(player)[texts.BACK].disabled


def test_ending_with_debrief_and_summary(player: Player) -> None:
    player.view.choice_buttons[0].click()
    click(player, "Ik vat samen wat ik hoor.")
    click(player, "Ik stel voor om samen de brief te lezen.")
    shown = text(player)
    assert player.play.ended and player.play.ending.id == "goed-contact"
    assert texts.ENDING.format(title="Het contact blijft") in shown
    assert "Jullie gaan samen verder." in shown
    assert texts.DEBRIEF in shown and "Wat deed jij anders?" in shown
    assert "<em>lastig</em>" in player.view.ending_html.value
    assert texts.STEPS_MANY.format(n=3) in shown
    assert texts.LEAP_USED.format(steps="luisteren, empathie, akkoord, partner") in shown
    assert player.view.choice_buttons == []
    assert texts.CHOICES not in shown
    assert player.view.feedback.value.endswith(md("Jullie lezen de brief samen."))
    click(player, texts.BACK)
    assert not player.play.ended and "Ik stel voor om samen de brief te lezen." in choice_labels(player)


def test_einde_picks_first_matching_ending_and_no_leap(player: Player) -> None:
    click(player, "Ik zeg dat hij een nummer moet trekken.")
    click(player, "Ik stel voor om samen de brief te lezen.")
    assert player.play.ending.id == "matig"
    click(player, texts.BACK)
    click(player, "Ik zeg dat ik er niets aan kan doen.")
    assert player.play.ending.id == "boos"
    assert texts.STEPS_MANY.format(n=2) in text(player)
    assert texts.LEAP_NONE in text(player)


def assert_matches(player: Player, ref: object) -> None:
    """The widget shows what the reference engine's state implies."""
    view = player.view
    assert player.play.transcript() == ref.transcript()
    assert {n: m.bar.value for n, m in view.meters.items()} == ref.meters
    for name, meter in view.meters.items():
        assert meter.text.value == f"{meter.spec['label']}: {ref.meters[name]} van {meter.spec['max']}"
    if ref.last_feedback:
        assert view.feedback.value.endswith(md(ref.last_feedback))
    else:
        assert view.feedback.value == ""
    if ref.ended:
        assert view.choice_buttons == []
        assert ref.ending.title in view.ending_html.value
    else:
        assert [b.description for b in view.choice_buttons] == [c.label for _, c in ref.ordered_choices()]
        assert ref.situation.text in view.situation_html.value
    assert view.back_button.disabled == (not ref.state()["path"])


@pytest.mark.parametrize("seed", range(12))
def test_random_walk_matches_engine(seed: int) -> None:
    rng = random.Random(seed)
    player = play(PATH)
    ref = start(load(PATH), player.play.seed)
    for _ in range(25):
        options = [b for b in player.view.choice_buttons]
        if options and rng.random() < 0.8:
            k = rng.randrange(len(options))
            ref.choose(ref.ordered_choices()[k][0])
            options[k].click()
        elif rng.random() < 0.85:
            ref.back()
            player.view.back_button.click()
        else:
            ref.restart()
            player.view.restart_button.click()
        assert_matches(player, ref)


def test_dilemma_without_leap_tags_reports_no_leap_steps() -> None:
    """Module 01's dilemma does not practise LEAP, so its ending says nothing about LEAP steps."""
    player = play("01-online-afwegen")
    while not player.play.ended:
        player.view.choice_buttons[0].click()
    shown = text(player)
    assert texts.STEPS_ONE in shown or "keuzes" in shown
    assert "LEAP" not in shown


def test_hidden_meters_only_at_the_ending_with_routes_and_advice() -> None:
    from pathlib import Path

    fixture = Path(__file__).parents[1] / "static" / "fixtures" / "proef-verborgen.yml"
    player = play(fixture, seed=1)
    assert set(player.view.meters) == {"tempo", "spanning"}  # the hidden meter is not shown while playing
    assert "Vertrouwen" not in text(player)
    click(player, "Ik begin meteen met de presentatie.")
    assert player.view.meters["tempo"].change.value == "(+2, beter)"
    click(player, "Zacht")  # vertrouwen 2 <= 3: the hidden meter steers to the other ending
    shown = text(player)
    assert player.play.ending.id == "wantrouwen"
    assert "Wat je pas nu ziet" in shown and "Vertrouwen van bewoners: 5 werd 2 (slechter)" in shown
    assert "Spanning: 5 werd 4 (beter)" in shown  # lower is better: falling tension is worded "beter"
    assert "Wat ging goed" in shown and "Bewoners komen niet meer terug." in shown
    assert "Jouw route en de geadviseerde route" in shown
    assert "De zaal loopt vol: Ik vraag eerst wat mensen willen weten." in shown
    assert "<em>luisteren</em>" in player.view.ending_html.value
