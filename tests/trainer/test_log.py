"""The session log: where it is written, how (atomically), and what it holds (counts, never names)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from ilomo.player import play
from ilomo.room import log, texts
from tests.trainer.room_helpers import session_data, vote
from tests.widgets.widget_helpers import DATA, click

ALLOWED = {  # every key a session file may have, per level: counts, ids, labels, titles, times
    "session": {"v", "started", "updated", "seed", "exercises"},
    "exercise": {"scenario", "module", "kind", "title", "runs", "statement", "options", "rounds"},
    "run": {"started", "steps", "ending"},
    "step": {"time", "situation", "title", "options", "choice", "label", "by", "item", "text", "category",
             "correct", "right"},
}  # fmt: skip


def test_folder_default_and_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(log.ENV)
    assert log.sessions_dir() == Path.home() / ".ilomo" / "sessies"
    monkeypatch.setenv(log.ENV, str(tmp_path / "elders"))
    assert log.sessions_dir() == tmp_path / "elders"


def test_one_file_per_session(sessions: Path) -> None:
    player = play(DATA / "test-dilemma.yml", trainer=True)
    vote(player.view.tally, [1, 2])
    click(player, texts.GO_MAJORITY)
    [first] = log.session_files()
    assert first.parent == sessions and first.name.startswith("sessie-") and first.suffix == ".json"
    assert stat.S_IMODE(first.stat().st_mode) & 0o077 == 0  # only the trainer's account can read it
    log.new_session()
    player = play(DATA / "test-dilemma.yml", trainer=True)
    vote(player.view.tally, [1, 2])
    click(player, texts.GO_MAJORITY)
    files = log.session_files()
    assert len(files) == 2 and files[0] == first  # same second: a suffix keeps them apart
    assert [json.loads(f.read_text())["v"] for f in files] == [1, 1]


def test_written_atomically(sessions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    player = play(DATA / "test-dilemma.yml", trainer=True)
    vote(player.view.tally, [1, 2])
    click(player, texts.GO_MAJORITY)
    [path] = log.session_files()
    before = path.read_text()
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        replaced.append((os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    vote(player.view.tally, [0, 1, 0, 0])
    click(player, texts.GO_MAJORITY)
    [(source, target)] = replaced
    assert Path(source).parent == sessions and target == os.fspath(path)

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    after = path.read_text()
    with pytest.raises(OSError):
        log.current().save()
    assert path.read_text() == after != before  # the old file is intact
    assert sorted(p.name for p in sessions.iterdir()) == sorted([path.name, log.RUNNING])  # no temporary file


def test_only_counts_ids_labels_and_times(sessions: Path) -> None:
    for name, counts in (("test-dilemma", [2, 7]), ("test-sortering", [1, 5, 0])):
        player = play(DATA / f"{name}.yml", trainer=True)
        vote(player.view.tally, counts)
        click(player, texts.GO_MAJORITY)
    stelling = play(DATA / "test-stelling.yml", trainer=True)
    vote(stelling.view.before, [3, 3, 4])
    data = session_data(sessions)
    assert set(data) <= ALLOWED["session"]
    for entry in data["exercises"]:
        assert set(entry) <= ALLOWED["exercise"]
        for run in entry.get("runs", []):
            assert set(run) <= ALLOWED["run"]
            for step in run["steps"]:
                assert set(step) <= ALLOWED["step"]
    assert [e["scenario"] for e in data["exercises"]] == ["test-dilemma", "test-sortering", "test-stelling"]


def test_load_rejects_other_files(tmp_path: Path) -> None:
    other = tmp_path / "sessie-x.json"
    other.write_text('{"hallo": 1}')
    with pytest.raises(ValueError):
        log.load(other)
    other.write_text("{kapot")
    with pytest.raises(ValueError):
        log.load(other)
