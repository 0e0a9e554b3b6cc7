"""A session that survives: a new kernel (a reloaded page) continues the running session where the room was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from ilomo import texts as player_texts
from ilomo.player import Player, play
from ilomo.room import log, resume, texts
from tests.conftest import ROOT
from tests.trainer.room_helpers import session_data, vote
from tests.widgets.widget_helpers import DATA, buttons, click, text

DILEMMA = DATA / "test-dilemma.yml"


def reload() -> None:
    """What a reloaded Voilà page does: a new kernel, with no session in memory."""
    log.reset()


def two_steps() -> Player:
    player = play(DILEMMA, trainer=True)
    vote(player.view.tally, [10, 2])
    click(player, texts.GO_MAJORITY)
    vote(player.view.tally, [5, 0, 1])
    click(player, texts.GO_MAJORITY)  # "Ik vat samen": back to "vraag", once
    return player


def test_a_reload_continues_the_dilemma_where_the_room_was(sessions: Path) -> None:
    before = two_steps()
    reload()
    after = play(DILEMMA, trainer=True)
    assert after.play.path == before.play.path == [0, 0]
    assert after.play.meters == before.play.meters
    shown = text(after)
    assert "Verder waar de zaal was. De zaal had 2 stappen gezet." in shown
    assert "Hij vertelt dat zijn uitkering stopt." in shown and "De zaal koos A: Ik vat samen wat ik hoor." in shown
    vote(after.view.tally, [7, 0])  # "Ik vat samen" is gone (once): "samen de brief lezen" is A now
    click(after, texts.GO_MAJORITY)
    assert len(log.session_files()) == 1  # one file per session, never a new one per reload
    [run] = session_data(sessions)["exercises"][0]["runs"]
    assert [s["choice"] for s in run["steps"]] == [0, 0, 1] and run["ending"]["id"] == "goed-contact"
    reload()
    ended = play(DILEMMA, trainer=True)
    assert ended.play.ended and "De route van de zaal" in text(ended)


def test_the_choices_keep_their_letters_after_a_reload(sessions: Path) -> None:
    """The room draws one shuffle seed per session: a reload shows the same order, so A is still A."""
    from ilomo.scenario.shuffle import order

    seed = next(s for s in range(1, 10_000) if order(s, "vraag", 4)[:2] != [0, 1])  # a seed that reorders
    log.current().shuffle_seed = seed
    player = play(DILEMMA, trainer=True)
    assert player.play.seed == seed
    vote(player.view.tally, [10, 2])
    click(player, texts.GO_MAJORITY)
    letters = [c.label for _, c in player.play.ordered_choices()]
    assert session_data(sessions)["seed"] == seed
    reload()
    again = play(DILEMMA, trainer=True)
    assert again.play.seed == seed and [c.label for _, c in again.play.ordered_choices()] == letters


def test_back_after_a_reload_undoes_the_logged_step(sessions: Path) -> None:
    two_steps()
    reload()
    player = play(DILEMMA, trainer=True)
    click(player, player_texts.BACK)
    assert player.play.path == [0]
    assert [f.value for f in player.view.tally.fields] == [5, 0, 1]
    assert len(session_data(sessions)["exercises"][0]["runs"][0]["steps"]) == 1


def test_start_a_new_session_instead(sessions: Path) -> None:
    two_steps()
    reload()
    player = play(DILEMMA, trainer=True)
    stelling = play(DATA / "test-stelling.yml", trainer=True)
    click(player, resume.START_OVER)
    assert player.play.path == [] and "Verder waar de zaal was" not in text(player)
    assert "Aan de balie" in text(player) and resume.START_OVER not in buttons(stelling)
    [old] = log.session_files()
    kept = old.read_text()
    vote(player.view.tally, [1, 0])
    click(player, texts.GO_MAJORITY)
    files = log.session_files()
    assert len(files) == 2 and old.read_text() == kept  # the old session stays as it was
    reload()
    again = play(DILEMMA, trainer=True)
    assert again.play.path == [0]  # the new session is the running one now


def test_stelling_rounds_come_back(sessions: Path) -> None:
    player = play(DATA / "test-stelling.yml", trainer=True)
    vote(player.view.before, [10, 4, 6])
    click(player, texts.TO_DISCUSSION)
    vote(player.view.after, [5, 3, 12])
    reload()
    again = play(DATA / "test-stelling.yml", trainer=True)
    view = again.view
    assert view.discussing and view.before.counts == [10, 4, 6] and view.after.counts == [5, 3, 12]
    assert "Verder waar de zaal was. De stemmen van de zaal staan er weer." in text(again)


def test_sortering_continues_at_the_next_card(sessions: Path) -> None:
    player = play(DATA / "test-sortering.yml", trainer=True)
    vote(player.view.tally, [2, 9, 1])
    click(player, texts.GO_MAJORITY)
    reload()
    again = play(DATA / "test-sortering.yml", trainer=True)
    assert "Kaart 2 van 3" in text(again) and "Tot nu toe: 1 van 1 goed." in text(again)


def test_an_old_session_is_not_continued(sessions: Path) -> None:
    two_steps()
    [path] = log.session_files()
    data = json.loads(path.read_text())
    data["updated"] = "2020-01-01T09:00:00+01:00"
    path.write_text(json.dumps(data))
    reload()
    player = play(DILEMMA, trainer=True)
    assert player.play.path == [] and "Verder waar de zaal was" not in text(player)


def test_a_route_that_no_longer_fits_starts_a_new_run(sessions: Path) -> None:
    two_steps()
    [path] = log.session_files()
    data = json.loads(path.read_text())
    data["exercises"][0]["runs"][0]["steps"][1]["situation"] = "weg"  # the author renamed a situation
    path.write_text(json.dumps(data))
    reload()
    player = play(DILEMMA, trainer=True)
    assert player.play.path == []
    vote(player.view.tally, [0, 4])
    click(player, texts.GO_MAJORITY)
    assert [len(r["steps"]) for r in session_data(sessions)["exercises"][0]["runs"]] == [2, 1]


def test_a_damaged_running_session_is_left_alone(sessions: Path) -> None:
    two_steps()
    [path] = log.session_files()
    path.write_text('{"v": 1, "exercises": [1]}')
    reload()
    player = play(DILEMMA, trainer=True)
    assert player.play.path == []
    vote(player.view.tally, [0, 4])
    click(player, texts.GO_MAJORITY)
    assert path.read_text() == '{"v": 1, "exercises": [1]}' and len(log.session_files()) == 2


KILLED = """
import os, signal
from ilomo.player import play
from ilomo.room import texts
from tests.trainer.room_helpers import vote
from tests.widgets.widget_helpers import DATA, click
player = play(DATA / "test-dilemma.yml", trainer=True)
vote(player.view.tally, [10, 2])
click(player, texts.GO_MAJORITY)
vote(player.view.tally, [3, 1, 0])  # the vote being counted when the kernel dies
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_kernel_loses_at_most_the_vote_being_counted(sessions: Path) -> None:
    env = {**os.environ, log.ENV: str(sessions), "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", KILLED], env=env, cwd=ROOT, timeout=60, capture_output=True)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    player = play(DILEMMA, trainer=True)
    assert player.play.path == [0] and "Verder waar de zaal was. De zaal had 1 stap gezet." in text(player)
