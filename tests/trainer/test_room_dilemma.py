"""A dilemma played by the room: vote entry, the chart, majority, the trainer's pick, ties, back and the log."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as w
import pytest

import ilomo
from ilomo import texts as player_texts
from ilomo.kinds.dilemma.room import RoomDilemmaView
from ilomo.kinds.dilemma.widget import DilemmaView
from ilomo.player import Player, play
from ilomo.room import log, texts
from tests.trainer.room_helpers import plain, session_data, vote
from tests.widgets.widget_helpers import DATA, buttons, click, text

PATH = DATA / "test-dilemma.yml"
FIRST = "Ik vraag wat de brief met hem doet. Dit is een lang label dat over meerdere regels moet kunnen lopen als het scherm smal is."  # noqa: E501


@pytest.fixture
def player() -> Player:
    return play(PATH, trainer=True)


def test_trainer_switch_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(play(PATH).view, DilemmaView) and not isinstance(play(PATH).view, RoomDilemmaView)
    ilomo.trainer()
    assert isinstance(play(PATH).view, RoomDilemmaView)
    assert not isinstance(play(PATH, trainer=False).view, RoomDilemmaView)  # per call wins
    ilomo.trainer(False)
    monkeypatch.setenv("ILOMO_TRAINER", "1")
    assert not isinstance(play(PATH).view, RoomDilemmaView)  # an explicit trainer(False) wins over the env
    from ilomo.room import mode

    mode.reset()
    assert isinstance(play(PATH).view, RoomDilemmaView)
    assert "trainer" in ilomo.__all__


def test_room_view_is_large_and_has_no_icons(player: Player) -> None:
    root = player.widget
    assert "ilomo-room" in root._dom_classes and "ilomo-player" in root._dom_classes
    first = root.children[0]
    assert isinstance(first, w.HTML) and first.value.startswith("<style>.ilomo-room")
    assert first.value.count("<style>") == 1 and "font-size:22px" in first.value
    assert player.view.back_button.icon == "" and player.view.restart_button.icon == ""
    # the mime bundle still has the static HTML for the book
    assert "text/html" in player._repr_mimebundle_()


def test_vote_entry_per_available_choice(player: Player) -> None:
    view = player.view
    fields = view.tally.fields
    # `requires: spanning >= 6` does not hold at the start: two choices, A and B
    assert [f.description for f in fields] == ["A", "B"]
    assert all(isinstance(f, w.BoundedIntText) and (f.min, f.value) == (0, 0) for f in fields)
    assert fields[0].tooltip == f"Aantal stemmen voor A: {FIRST}"
    shown = plain(view.tally.ballot.value)  # on the stage: letter, option, bar and count in one table
    second = "Ik zeg dat hij een nummer moet trekken."
    assert shown == f"Uitslag: 0 stemmen A. {FIRST} 0 stemmen (0%) B. {second} 0 stemmen (0%)"
    assert plain(view.decision.status.value) == texts.NO_VOTES
    assert view.decision.majority_button.disabled
    assert [b.description for b in view.decision.pick_buttons] == ["Verder met A", "Verder met B"]
    assert "Hoeveel mensen kiezen wat?" in text(player)


def test_chart_shows_counts_and_percentages(player: Player) -> None:
    view = player.view
    vote(view.tally, [12, 8])
    chart = plain(view.tally.chart.value)
    assert chart == "Uitslag: 20 stemmen A 12 stemmen (60%) B 8 stemmen (40%)"
    bars = re.findall(r'class="ilomo-bar" style="flex:0 0 ([\d.]+)%"', view.tally.chart.value)
    assert bars == ["45.00", "30.00"]  # in proportion (60 : 40), leaving room for the count beside the bar
    assert view.tally.chart.value.count('class="ilomo-top"') == 1
    assert plain(view.decision.status.value) == f"De meeste stemmen: A. {FIRST}"
    assert not view.decision.majority_button.disabled
    vote(view.tally, [1, 0])
    assert plain(view.tally.chart.value).startswith("Uitslag: 1 stem A 1 stem (100%)")


def test_continue_with_majority(player: Player, sessions: Path) -> None:
    view = player.view
    vote(view.tally, [3, 9])
    click(player, texts.GO_MAJORITY)
    assert player.play.path == [1]
    assert "Hij vertelt dat zijn uitkering stopt." in text(player)
    assert plain(view.feedback.value).startswith(  # at the top of the stage
        "De zaal koos B: Ik zeg dat hij een nummer moet trekken. (meerderheid) Hij voelt zich"
    )
    assert view.screen.stage.children[0] is view.feedback
    # the next situation starts with empty fields for its own choices (contact 2: four choices)
    assert [f.value for f in view.tally.fields] == [0, 0, 0, 0]
    assert [f.description for f in view.tally.fields] == ["A", "B", "C", "D"]
    [run] = session_data(sessions)["exercises"][0]["runs"]
    [step] = run["steps"]
    assert {k: step[k] for k in ("situation", "title", "choice", "label", "by")} == {
        "situation": "balie",
        "title": "Aan de balie",
        "choice": 1,
        "label": "Ik zeg dat hij een nummer moet trekken.",
        "by": "meerderheid",
    }
    assert step["options"] == [
        {"choice": 0, "label": FIRST, "votes": 3},
        {"choice": 1, "label": "Ik zeg dat hij een nummer moet trekken.", "votes": 9},
    ]


def test_trainer_overrides_the_majority(player: Player, sessions: Path) -> None:
    vote(player.view.tally, [3, 9])
    click(player, "Verder met A")
    assert player.play.path == [0]
    assert "(keuze van de trainer)" in plain(player.view.feedback.value)
    step = session_data(sessions)["exercises"][0]["runs"][0]["steps"][0]
    assert (step["choice"], step["by"]) == (0, "trainer")


def test_tie_is_explained_and_needs_the_trainer(player: Player) -> None:
    view = player.view
    vote(view.tally, [6, 6])
    assert view.decision.majority_button.disabled
    assert plain(view.decision.status.value) == (
        "Gelijke stand: A en B hebben allebei 6 stemmen. Kies zelf hoe de zaal verder gaat."
    )
    assert 'class="ilomo-top"' in view.tally.chart.value.split("<tr", 2)[2]  # both leaders stand out
    view.decision.majority_button.click()  # disabled in the browser; does nothing here either
    assert player.play.path == []
    click(player, "Verder met B")
    assert player.play.path == [1]


def test_tie_between_three() -> None:
    from ilomo.room.tally import Split
    from ilomo.room.votes import Decision

    reason = Decision.reason(Split.of([2, 2, 2, 1]), ["a", "b", "c", "d"])
    assert reason == "Gelijke stand: A, B en C hebben elk 2 stemmen. Kies zelf hoe de zaal verder gaat."


def test_original_indexes_are_kept_when_choices_are_hidden(player: Player, sessions: Path) -> None:
    vote(player.view.tally, [10, 0])
    click(player, texts.GO_MAJORITY)  # contact 7, spanning 3: "Ik zeg dat ik er niets aan kan doen." is hidden
    labels = [plain("<tr" + x.split("</td>")[0]) for x in player.view.tally.ballot.value.split("<tr")[1:]]
    assert labels == ["A. Ik vat samen wat ik hoor.", "B. Ik stel voor om samen de brief te lezen.",
                      "C. Ik vraag hem even te wachten."]  # fmt: skip
    vote(player.view.tally, [0, 1, 7])
    click(player, texts.GO_MAJORITY)
    assert player.play.path == [0, 2]
    step = session_data(sessions)["exercises"][0]["runs"][0]["steps"][1]
    assert [o["choice"] for o in step["options"]] == [0, 1, 2] and step["choice"] == 2


def test_back_restores_the_counts_and_undoes_the_log(player: Player, sessions: Path) -> None:
    vote(player.view.tally, [4, 5])
    click(player, texts.GO_MAJORITY)
    vote(player.view.tally, [1, 1, 1, 1])
    click(player, "Verder met C")
    assert len(session_data(sessions)["exercises"][0]["runs"][0]["steps"]) == 2
    click(player, player_texts.BACK)
    assert player.play.path == [1]
    assert [f.value for f in player.view.tally.fields] == [1, 1, 1, 1]  # the counts of the undone step
    assert len(session_data(sessions)["exercises"][0]["runs"][0]["steps"]) == 1
    click(player, player_texts.BACK)
    assert player.play.path == []
    assert [f.value for f in player.view.tally.fields] == [4, 5]
    assert session_data(sessions)["exercises"][0]["runs"] == []  # an emptied run is dropped


def test_ending_shows_the_route_and_restart_starts_a_new_run(player: Player, sessions: Path) -> None:
    vote(player.view.tally, [10, 2])
    click(player, texts.GO_MAJORITY)
    vote(player.view.tally, [1, 9, 0])
    click(player, texts.GO_MAJORITY)  # "Ik stel voor om samen de brief te lezen." -> einde
    assert player.play.ended
    ending = plain(player.view.ending_html.value)
    assert ending.startswith("Einde: Het contact blijft Jullie gaan samen verder.")
    assert (
        "De route van de zaal Aan de balie — A. Ik vraag wat de brief met hem doet." in ending
        and "(10 van 12 stemmen, meerderheid) Een brief die niet aankomt — B. Ik stel voor om samen de brief te"
        " lezen. (9 van 10 stemmen, meerderheid)" in ending
    )  # a title ending in "?" reads well too: "Wie heeft er gelijk? — B. …"
    assert "LEAP-stappen op deze route: luisteren, akkoord, partner." in ending
    assert not [b for b in buttons(player) if b.startswith("Verder met")]
    run = session_data(sessions)["exercises"][0]["runs"][0]
    assert run["ending"] == {"id": "goed-contact", "title": "Het contact blijft"}
    click(player, player_texts.RESTART)
    assert player.play.path == [] and [f.value for f in player.view.tally.fields] == [0, 0]
    vote(player.view.tally, [0, 3])
    click(player, texts.GO_MAJORITY)
    runs = session_data(sessions)["exercises"][0]["runs"]
    assert [len(r["steps"]) for r in runs] == [2, 1]
    assert runs[1]["ending"] is None


def test_a_second_player_of_one_scenario_continues_the_room_s_run(sessions: Path) -> None:
    first = play(PATH, trainer=True)
    vote(first.view.tally, [1, 0])
    click(first, texts.GO_MAJORITY)
    second = play(PATH, trainer=True)  # the cell run again
    assert second.play.path == first.play.path == [0]
    vote(second.view.tally, [0, 1, 0])
    click(second, texts.GO_MAJORITY)
    data = session_data(sessions)
    assert len(data["exercises"]) == 1 and [len(r["steps"]) for r in data["exercises"][0]["runs"]] == [2]


def test_nothing_is_written_before_the_first_vote(sessions: Path) -> None:
    player = play(PATH, trainer=True)
    vote(player.view.tally, [3, 1])
    assert not sessions.exists()
    assert log.current().path is None
