"""`ilomo.journal.FileJournal`: atomic writes, damaged files kept and reported, concurrent writers, merging, the
Markdown export and the `ilomo journal` command (the same JSON as the site's backup)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from ilomo import atomic, cli
from ilomo import journal as jmod
from ilomo.journal import (
    BOTH_SEPARATOR,
    FileJournal,
    JournalError,
    merge_entries,
    parse_journal,
    to_markdown,
)
from ilomo.journal.format import parse_time
from ilomo.journal.index import default_index
from ilomo.journal.store import MemoryStore, ReflectionStore

ROOT = Path(__file__).resolve().parents[2]

# A backup as the site writes it (ilomo-journal.js): version, exported, entries with text/updated/module.
SITE_BACKUP = {
    "version": 1,
    "exported": "2026-03-03T13:40:00.000Z",
    "entries": {
        "07-reflectie/lastig-gesprek": {"text": "Een buurman was boos.\nIk luisterde eerst.",
                                        "updated": "2026-03-03T13:32:05.123Z", "module": "07"},
        "02-reflectie/wie-bel-je": {"text": "Een bericht in de buurtapp.",
                                        "updated": "2026-03-02T09:00:00.000Z", "module": "02"},
    },
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "journal.json"


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_is_a_reflection_store_and_default_path(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileJournal(path)
    assert isinstance(store, ReflectionStore)
    assert store.load("x") == {}
    assert not path.parent.exists()  # reading an absent journal creates nothing
    store.save("x", "q1", "eerste", module="07")
    store.save("x", "q1", "tweede")
    store.save("y", "q1", "ander")
    assert store.load("x") == {"q1": "tweede"}
    data = read(path)
    assert data["version"] == 1 and set(data["entries"]) == {"x/q1", "y/q1"}
    entry = data["entries"]["x/q1"]
    assert entry["module"] == "07"  # kept from the first save
    assert entry["updated"].endswith("Z") and parse_time(entry["updated"]) is not None
    store.save("x", "q1", "  \n")  # a blank answer removes the entry
    assert store.load("x") == {}
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    assert oct(path.stat().st_mode & 0o777) == "0o600"  # a private file

    monkeypatch.setenv("ILOMO_JOURNAL", str(path))
    assert FileJournal().path == path
    monkeypatch.delenv("ILOMO_JOURNAL")
    monkeypatch.setenv("HOME", "/thuis/ik")
    assert FileJournal().path == Path("/thuis/ik/.ilomo/journal.json")


def test_module_is_looked_up_from_the_scenario(path: Path) -> None:
    store = FileJournal(path)
    store.save("07-reflectie", "lastig-gesprek", "Tekst")
    store.save("bestaat-niet", "q", "Tekst")
    entries = read(path)["entries"]
    assert entries["07-reflectie/lastig-gesprek"]["module"] == "07"
    assert entries["bestaat-niet/q"]["module"] == ""


def test_interrupted_write_leaves_the_old_journal(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileJournal(path)
    store.save("x", "q1", "oud antwoord")
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("stroom uitgevallen")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="stroom"):
        store.save("x", "q1", "nieuw antwoord")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert FileJournal(path).load("x") == {"q1": "oud antwoord"}
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.json", "journal.json.lock"]  # no temp file


@pytest.mark.parametrize("garbage", [b"{kapot", b"", b"\xff\xfe", b"[1, 2]", b'{"version": 2, "entries": {}}',
                                     b'{"version": 1, "entries": {"geen-schuine-streep": {"text": "x"}}}'])
def test_damaged_journal_is_kept_and_reported(path: Path, garbage: bytes, caplog: pytest.LogCaptureFixture) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    store = FileJournal(path)
    with caplog.at_level(logging.WARNING, logger="ilomo.journal"):
        assert store.load("x") == {}
    aside = [p for p in path.parent.iterdir() if p.name.startswith("journal.json.kapot-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert store.notice and "beschadigd" in store.notice and str(aside[0]) in store.notice
    assert any("beschadigd" in r.getMessage() for r in caplog.records)
    store.save("x", "q1", "opnieuw")
    assert store.load("x") == {"q1": "opnieuw"}
    assert aside[0].read_bytes() == garbage  # never overwritten
    path.write_bytes(garbage)  # damaged again in the same second: a second copy, not an overwrite
    FileJournal(path).load("x")
    assert len([p for p in path.parent.iterdir() if p.name.startswith("journal.json.kapot-")]) == 2


def _hammer(path: Path, writer: int, count: int) -> None:
    store = FileJournal(path)
    for n in range(count):
        store.save(f"schrijver-{writer}", f"vraag-{n}", f"antwoord {writer}.{n}", module="07")


def test_threads_lose_nothing(path: Path) -> None:
    threads = [threading.Thread(target=_hammer, args=(path, w, 25)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries = read(path)["entries"]
    assert len(entries) == 6 * 25
    assert entries["schrijver-3/vraag-24"]["text"] == "antwoord 3.24"
    assert not any(p.name.endswith(".tmp") for p in path.parent.iterdir())


WORKER = textwrap.dedent("""
    import sys
    from ilomo import journal
    store = journal.FileJournal(sys.argv[1])
    for n in range(int(sys.argv[3])):
        store.save("proces-" + sys.argv[2], "vraag-%d" % n, "antwoord %s.%d" % (sys.argv[2], n), module="07")
""")


def test_processes_lose_nothing(path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), str(w), "30"], cwd=ROOT) for w in range(5)]
    assert [p.wait(timeout=120) for p in procs] == [0] * 5
    entries = read(path)["entries"]
    assert len(entries) == 5 * 30
    assert {e["text"] for e in entries.values()} == {f"antwoord {w}.{n}" for w in range(5) for n in range(30)}


def test_a_held_lock_gives_a_dutch_message_and_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    from ilomo.journal import file

    FileJournal(path).save("x", "q", "eerst")
    monkeypatch.setattr(file, "LOCK_TIMEOUT", 0.05)
    with FileLock(path.with_name("journal.json.lock")), pytest.raises(JournalError, match="bezet"):
        FileJournal(path).save("x", "q", "later")  # another writer holds the lock
    assert FileJournal(path).load("x") == {"q": "eerst"}


def test_parse_rejects_what_the_site_rejects() -> None:
    assert parse_journal(SITE_BACKUP) == {k: dict(v) for k, v in SITE_BACKUP["entries"].items()}
    assert parse_journal({"version": 1, "entries": {"a/b": {"text": "  "}}}) == {}  # blank answers are no answers
    def v1(entries: object) -> dict:
        return {"version": 1, "entries": entries}

    for bad, words in [([], "geen ILOMO"), ({"version": 2, "entries": {}}, "versie"), (v1([]), "entries"),
                       (v1({"a": {"text": "x"}}), "naam"), (v1({"a/B": {"text": "x"}}), "naam"),
                       (v1({"a/b": {"tekst": "x"}}), "tekst"), (v1({"a/b": {"text": "x", "updated": 5}}), "updated")]:
        with pytest.raises(JournalError, match=words):
            parse_journal(bad)


def test_merge_adds_keeps_and_never_overwrites_without_a_choice() -> None:
    def e(text: str, module: str = "07") -> dict:
        return {"text": text, "updated": "2026-01-01T00:00:00.000Z", "module": module}

    mine = {"a/q": e("mijn"), "b/q": e("zelfde")}
    theirs = {"a/q": e("hun"), "b/q": e("zelfde"), "c/q": e("nieuw", "02")}
    kept = {k: dict(v) for k, v in mine.items()}
    report = merge_entries(kept, theirs)  # default: keep mine
    assert report.added == ["c/q"] and report.same == ["b/q"] and [c.key for c in report.conflicts] == ["a/q"]
    assert kept["a/q"]["text"] == "mijn" and kept["c/q"]["text"] == "nieuw"
    taken = {k: dict(v) for k, v in mine.items()}
    merge_entries(taken, theirs, "bestand")
    assert taken["a/q"]["text"] == "hun"
    both = {k: dict(v) for k, v in mine.items()}
    merge_entries(both, theirs, lambda c: "allebei")
    assert both["a/q"]["text"] == "mijn" + BOTH_SEPARATOR + "hun"
    again = merge_entries(both, theirs, "allebei")  # importing the same file again changes nothing
    assert again.conflicts == [] and both["a/q"]["text"] == "mijn" + BOTH_SEPARATOR + "hun"


def test_markdown_has_module_headings_prompts_answers_and_dates() -> None:
    text = to_markdown(parse_journal(SITE_BACKUP) | {"weg/vraag": {"text": "los", "updated": "", "module": ""}},
                       default_index())
    assert text.startswith("# Mijn reflecties\n")
    assert text.index("## Module 2: ") < text.index("## Module 7: Contact maken en houden")
    assert "### Jouw lastige gesprekken" in text
    assert "**Vraag 1.** Denk aan een lastig gesprek van de laatste tijd" in text
    assert "> Een buurman was boos.\n> Ik luisterde eerst." in text
    assert "*Bewaard op 3 maart 2026 om " in text
    assert "## Andere antwoorden" in text and "**weg/vraag**" in text
    assert to_markdown({}, {}).endswith("Er zijn nog geen antwoorden.\n")


def test_cli_round_trips_the_site_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "ilomo-reflecties.json"
    backup.write_text(json.dumps(SITE_BACKUP), encoding="utf-8")
    mine = tmp_path / "journal.json"
    assert cli.main(["journal", "import", str(backup), "--journal", str(mine)]) == 0
    assert "2 toegevoegd, 0 al hetzelfde, 0 met een verschil" in capsys.readouterr().out
    out = tmp_path / "terug.json"
    assert cli.main(["journal", "export", "--format", "json", "--output", str(out), "--journal", str(mine)]) == 0
    exported = read(out)
    assert exported["version"] == 1 and exported["exported"].endswith("Z")
    assert exported["entries"] == SITE_BACKUP["entries"]  # text, date and module travel unchanged
    assert cli.main(["journal", "export", "--journal", str(mine)]) == 0
    assert "### Jouw lastige gesprekken" in capsys.readouterr().out


def test_cli_import_reports_conflicts_and_lets_choose(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "journal.json"
    FileJournal(mine).save("07-reflectie", "lastig-gesprek", "Mijn eigen versie.")
    backup = tmp_path / "b.json"
    backup.write_text(json.dumps(SITE_BACKUP), encoding="utf-8")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert cli.main(["journal", "import", str(backup), "--journal", str(mine)]) == 0
    out = capsys.readouterr().out
    assert "verschil bij 07-reflectie/lastig-gesprek: je eigen versie gehouden" in out
    assert "--conflict bestand" in out
    assert FileJournal(mine).load("07-reflectie") == {"lastig-gesprek": "Mijn eigen versie."}
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "a")
    assert cli.main(["journal", "import", str(backup), "--journal", str(mine)]) == 0
    assert FileJournal(mine).load("07-reflectie")["lastig-gesprek"] == (
        "Mijn eigen versie." + BOTH_SEPARATOR + SITE_BACKUP["entries"]["07-reflectie/lastig-gesprek"]["text"])


@pytest.mark.parametrize(("content", "words"), [("{kapot", "slecht.json:1:2: geen geldige JSON"),
                                                ('{"version": 3, "entries": {}}', "versie"),
                                                (None, "bestaat niet")])
def test_cli_import_refuses_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None,
                                       words: str) -> None:
    mine = tmp_path / "journal.json"
    FileJournal(mine).save("x", "q", "blijft")
    before = mine.read_bytes()
    bad = tmp_path / "slecht.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    assert cli.main(["journal", "import", str(bad), "--journal", str(mine)]) == 1
    err = capsys.readouterr().err
    assert words in err and "Er is niets veranderd." in err
    assert mine.read_bytes() == before


def test_cli_export_reports_a_damaged_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "journal.json"
    mine.write_text("{kapot", encoding="utf-8")
    assert cli.main(["journal", "export", "--journal", str(mine)]) == 1
    assert "beschadigd" in capsys.readouterr().err
    left = [p.name for p in tmp_path.iterdir() if p.name != "journal.json.lock"]
    assert len(left) == 1 and left[0].startswith("journal.json.kapot-")


def test_play_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ilomo.player import play

    monkeypatch.setenv("ILOMO_JOURNAL", str(tmp_path / "j.json"))
    monkeypatch.delenv(jmod.ENV_NO_JOURNAL, raising=False)
    player = play("07-reflectie", trainer=False)
    assert isinstance(player.store, FileJournal) and player.store.path == tmp_path / "j.json"
    assert isinstance(play("07-stelling-neutraal", trainer=False).store, MemoryStore)
    assert isinstance(play("07-reflectie", trainer=True).store, MemoryStore)  # the room types nothing
    monkeypatch.setenv(jmod.ENV_NO_JOURNAL, "1")  # the book build: never read a private journal
    assert isinstance(play("07-reflectie", trainer=False).store, MemoryStore)


def test_the_sphinx_extension_turns_the_journal_off_for_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    from ilomo.sphinxext import journal as ext

    monkeypatch.delenv(jmod.ENV_NO_JOURNAL, raising=False)

    class App:
        def __getattr__(self, name: str) -> object:
            return lambda *a, **k: None

    ext.setup(App())  # type: ignore[arg-type]
    assert os.environ[jmod.ENV_NO_JOURNAL] == "1"


def test_widget_shows_the_file_and_a_damaged_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ilomo.player import play

    monkeypatch.delenv(jmod.ENV_NO_JOURNAL, raising=False)
    path = tmp_path / "j.json"
    path.write_text("{kapot", encoding="utf-8")
    player = play("07-reflectie", store=FileJournal(path), trainer=False)
    note = player.view.note.value
    assert "beschadigd" in note and "kapot-" in note and str(path) in note
    player.view.textareas[0].value = "Nieuw antwoord"
    assert FileJournal(path).load("07-reflectie") == {"lastig-gesprek": "Nieuw antwoord"}
    assert player.view.fields["lastig-gesprek"].status.value == "Bewaard."


def test_widget_keeps_working_when_saving_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ilomo.player import play

    store = FileJournal(tmp_path / "j.json")
    player = play("07-reflectie", store=store, trainer=False)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(store, "save", full)
    player.view.textareas[0].value = "Tekst"
    assert "niet bewaard" in player.view.fields["lastig-gesprek"].status.value
    assert player.play.answers["lastig-gesprek"] == "Tekst"


def test_dates_are_dutch_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from ilomo.journal.markdown import dutch_time

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        assert dutch_time("2026-03-03T13:32:05.123Z") == "3 maart 2026 om 14:32"
        assert dutch_time("2026-10-01T08:05:00.000Z") == "1 oktober 2026 om 10:05"  # summer time
        assert dutch_time("gisteren") == "gisteren"
    finally:
        monkeypatch.undo()
        time.tzset()
