"""Hostile and careless files for ``ilomo journal import`` and ``export``, and for the journal file itself: every one
is refused with the message the shared corpus gives (or imported with replaced characters said so), with exit code 1,
nothing changed and no traceback; an unreadable journal is moved aside once with one notice. FIFOs and devices never
make the command wait."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ilomo.cli import main
from ilomo.journal import FileJournal
from ilomo.journal.format import replaced_note

from .journal_corpus import Case, made_cases, stored_cases

pytestmark = pytest.mark.timeout(60)
CLI = "import sys; from ilomo.cli import main; sys.exit(main(sys.argv[1:]))"
MINE = {"version": 1, "entries": {"x/y": {"text": "Mijn eigen antwoord.", "updated": "", "module": ""}}}


def journal_with_one_answer(folder: Path) -> Path:
    path = folder / "journal.json"
    path.write_text(json.dumps(MINE), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_import(case: Case, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = journal_with_one_answer(folder)
    before = journal.read_bytes()
    code, out, err = run(capsys, "journal", "import", str(case.path), "--journal", str(journal), "--conflict", "mijn")
    if case.expect["outcome"] == "refuse":
        assert code == 1, (case.name, out, err)
        [line] = err.splitlines()
        assert line.startswith(f"ilomo journal: {case.path}") and line.endswith("Er is niets veranderd."), line
        assert case.expect["message"].lower() in line.lower(), (case.name, line)
        assert journal.read_bytes() == before  # nothing changed
    else:
        assert code == 0, (case.name, err)
        assert f"{case.expect['answers']} toegevoegd, 0 al hetzelfde" in out
        note = replaced_note(case.expect["replaced"])
        assert err == (f"In {case.path}: {note}\n" if note else ""), (case.name, err)
        entries = FileJournal(journal).entries()
        assert len(entries) == 1 + case.expect["answers"] and entries["x/y"]["text"] == "Mijn eigen antwoord."
        assert not any(0xD800 <= ord(c) <= 0xDFFF for e in entries.values() for c in e["text"])


@pytest.mark.parametrize("case", stored_cases(), ids=lambda c: c.name)
def test_stored_corpus_file(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_import(case, tmp_path, capsys)


def test_made_corpus_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "made").mkdir()
    for case in made_cases(tmp_path / "made"):
        check_import(case, tmp_path, capsys)


@pytest.mark.parametrize(("what", "message"), [
    ("fifo", "dit is een pipe (FIFO), geen gewoon bestand"),
    ("device", "dit is een apparaat, geen gewoon bestand"),
    ("folder", "dit is een map, geen bestand"),
    ("loop", "de snelkoppeling (symlink) verwijst naar zichzelf (een lus)"),
    ("missing", "het bestand bestaat niet"),
])
def test_import_file_that_is_no_regular_file(tmp_path: Path, what: str, message: str) -> None:
    """Run as a command, so a hang would fail on the subprocess's timeout instead of blocking the test run."""
    path = tmp_path / "backup.json"
    if what == "fifo":
        os.mkfifo(path)
    elif what == "device":
        path.symlink_to("/dev/zero")
    elif what == "folder":
        path.mkdir()
    elif what == "loop":
        path.symlink_to(path)
    journal = journal_with_one_answer(tmp_path)
    proc = subprocess.run([sys.executable, "-c", CLI, "journal", "import", str(path), "--journal", str(journal)],
                          capture_output=True, text=True, timeout=30, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert proc.returncode == 1
    assert proc.stderr == f"ilomo journal: {path}:1:1: {message}. Er is niets veranderd.\n"
    assert json.loads(journal.read_text(encoding="utf-8")) == MINE


def test_wrong_command_line_is_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "journal", "import")
    assert code == 2 and "BESTAND" in err


# The journal file itself: bytes that cannot be read are moved aside (kept byte for byte), with one notice.
DAMAGED = {
    "deep": (b"[" * 200_000, "te diep genest: meer dan 8 niveaus"),
    "digits": (b'{"version": ' + b"9" * 5000 + b', "entries": {}}', "een getal is te lang (5.000 cijfers)"),
    "raw-surrogate": (b'{"version": 1, "entries": {"a/b": {"text": "\xed\xa0\x80"}}}',
                      "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8"),
    "infinity": (b'{"version": 1, "entries": {"a/b": {"text": "x", "updated": Infinity}}}',
                 "'Infinity' is geen geldig getal in dit bestand"),
    "version-true": (b'{"version": true, "entries": {}}', "Deze versie van het bestand ken ik niet"),
    "too-big": (b" " * 4_000_001, "het bestand is te groot voor een reflectiebestand"),
}


@pytest.mark.parametrize("command", ["export", "import"])
@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_damaged_journal_is_moved_aside_once_with_one_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str, command: str) -> None:
    data, reason = DAMAGED[damage]
    journal = tmp_path / "journal.json"
    journal.write_bytes(data)
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(MINE), encoding="utf-8")
    args = ["import", str(backup)] if command == "import" else ["export"]
    code, out, err = run(capsys, "journal", *args, "--journal", str(journal))
    [aside] = tmp_path.glob("journal.json.kapot-*")
    assert aside.read_bytes() == data  # nothing saved is lost
    assert err.count("Je reflectiebestand was beschadigd") == 1 and reason in err and str(aside) in err
    if command == "export":
        assert code == 1 and not journal.exists()
    else:
        assert code == 0 and "1 toegevoegd" in out
        assert FileJournal(journal).entries().keys() == {"x/y"}


def test_journal_with_lone_surrogates_is_read_with_them_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A lone surrogate escaped in JSON (as the site's backup writes it) is no damage: shown as U+FFFD, counted."""
    journal = tmp_path / "journal.json"
    journal.write_text('{"version": 1, "entries": {"a/b": {"text": "ja\\ud800nee\\udfff"}}}', encoding="utf-8")
    code, out, err = run(capsys, "journal", "export", "--format", "json", "--journal", str(journal))
    assert code == 0 and err == "In je reflectiebestand: 2 ongeldige tekens zijn vervangen door \ufffd.\n"
    assert json.loads(out)["entries"]["a/b"]["text"] == "ja\ufffdnee\ufffd"
    assert not list(tmp_path.glob("*.kapot-*"))


def test_saving_a_lone_surrogate_writes_a_replacement_instead_of_crashing(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path / "journal.json")
    journal.save("a", "b", "typ\ud83dfout")
    assert journal.entries()["a/b"]["text"] == "typ\ufffdfout"
    assert journal.notice == "In je antwoord: 1 ongeldig teken is vervangen door \ufffd."


@pytest.mark.parametrize("what", ["folder", "fifo"])
def test_journal_path_that_is_no_regular_file_is_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str) -> None:
    journal = tmp_path / "journal.json"
    journal.mkdir() if what == "folder" else os.mkfifo(journal)
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(MINE), encoding="utf-8")
    for argv in (["export"], ["import", str(backup)]):
        code, _, err = run(capsys, "journal", *argv, "--journal", str(journal))
        kind = "een map" if what == "folder" else "geen gewoon bestand"
        assert code == 1 and f"Je reflectiebestand {journal} is {kind}." in err, err
    assert not list(tmp_path.glob("*.kapot-*"))


def test_journal_never_grows_past_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = tmp_path / "journal.json"
    first, second = tmp_path / "een.json", tmp_path / "twee.json"
    for path, prefix in ((first, "a"), (second, "b")):
        entries = {f"{prefix}/v{n}": {"text": "z" * 100_000} for n in range(30)}
        path.write_text(json.dumps({"version": 1, "entries": entries}), encoding="utf-8")
    assert run(capsys, "journal", "import", str(first), "--journal", str(journal))[0] == 0
    before = journal.read_bytes()
    code, _, err = run(capsys, "journal", "import", str(second), "--journal", str(journal))
    assert code == 1 and err.endswith("Je reflectiebestand zou te groot worden: 6,0 MB, hoogstens 4,0 MB. "
                                      "Er is niets veranderd.\n")
    assert journal.read_bytes() == before


def test_export_to_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = journal_with_one_answer(tmp_path)
    code, _, err = run(capsys, "journal", "export", "--journal", str(journal), "--output", str(tmp_path))
    assert code == 1 and err.startswith(f"ilomo journal: kan {tmp_path} niet schrijven: ")


def test_an_answer_longer_than_the_policy_is_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the next read would refuse is refused now: a too-long answer from a notebook, or "allebei" joining two
    long versions; the journal stays as it was."""
    from ilomo.journal import JournalError

    journal = FileJournal(tmp_path / "journal.json")
    journal.save("a", "b", "m" * 60_000)
    before = journal.path.read_bytes()
    with pytest.raises(JournalError, match=r"^Het antwoord 'a/c' is te lang om te bewaren: 100\.001 tekens, "
                                           r"hoogstens 100\.000\.$"):
        journal.save("a", "c", "x" * 100_001)
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({"version": 1, "entries": {"a/b": {"text": "t" * 60_000}}}), encoding="utf-8")
    argv = ["journal", "import", str(backup), "--journal", str(journal.path), "--conflict", "allebei"]
    code, _, err = run(capsys, *argv)
    too_long = "Het antwoord 'a/b' is te lang om te bewaren: 120.025 tekens, hoogstens 100.000. Er is niets veranderd."
    assert code == 1 and err == f"ilomo journal: {too_long}\n"
    assert journal.path.read_bytes() == before


def test_the_site_answer_box_has_the_policy_length() -> None:
    from ilomo.inputs import JOURNAL
    from ilomo.kinds import kind_of

    script = kind_of("reflectie").script_source().read_text("utf-8")
    assert f'maxlength: "{JOURNAL.max_text}" }}); // ilomo.inputs.JOURNAL.max_text' in script
