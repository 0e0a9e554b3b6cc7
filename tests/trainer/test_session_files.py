"""Careless or hostile session files (issue 20): `ilomo session` names the file and what is wrong, lists every
good file, never shows a traceback, and writes a summary only to a file it can write."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ilomo.cli import main
from ilomo.room import log

KNOWN = Path(__file__).parent / "data" / "sessie-20260304-101502.json"


def variant(change) -> str:
    data = json.loads(KNOWN.read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False)


def stelling(data: dict) -> dict:
    return next(e for e in data["exercises"] if e["kind"] == "stelling")


def dilemma(data: dict) -> dict:
    return next(e for e in data["exercises"] if e["kind"] == "dilemma")


BAD = {
    "rounds-list": (variant(lambda d: stelling(d).update(rounds=[1])), "'rounds': moet een object zijn"),
    "before-list": (variant(lambda d: stelling(d)["rounds"].update(before=[1])), "ronde 'before': moet een object"),
    "votes-infinity": (KNOWN.read_text().replace('"votes": 12', '"votes": Infinity', 1), "'Infinity' is geen geldig"),
    "votes-nan": (KNOWN.read_text().replace('"votes": 12', '"votes": NaN', 1), "'NaN' is geen geldig getal"),
    "votes-negative": (KNOWN.read_text().replace('"votes": 12', '"votes": -3', 1), "een aantal stemmen is"),
    "votes-huge": (KNOWN.read_text().replace('"votes": 12', '"votes": ' + "9" * 5000, 1), "een getal is te lang"),
    "votes-text": (KNOWN.read_text().replace('"votes": 12', '"votes": "12"', 1), "een aantal stemmen is"),
    "deep": ('{"v": 1, "exercises": ' + "[" * 100_000 + "]" * 100_000 + "}", "te diep genest"),
    "surrogate": (KNOWN.read_text().replace('"title": "Een', '"title": "\\ud800Een', 1), "een losse surrogaat"),
    "no-started": (variant(lambda d: d.pop("started")), "'started' is geen tijdstip"),
    "seed-negative": (variant(lambda d: d.update(seed=-1)), "'seed' is een geheel getal"),
    "steps-ints": (variant(lambda d: dilemma(d)["runs"][0].update(steps=[1])), "stap 1: moet een object zijn"),
    "choice-missing": (variant(lambda d: dilemma(d)["runs"][0]["steps"][0].update(choice=99)), "de gekozen 'choice'"),
    "exercises-dict": ('{"v": 1, "started": "2026-03-04T10:15:02+01:00", "exercises": {}}', "'exercises' is geen"),
    "not-json": ("{kapot", "geen geldige JSON: hier verwacht ik een sleutel tussen dubbele aanhalingstekens (regel 1"),
    "latin-1": (None, "geen geldige UTF-8-tekst"),
    "fifo": (None, "een pipe (FIFO), geen gewoon bestand"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_named_with_the_reason(
    name: str, sessions: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text, reason = BAD[name]
    sessions.mkdir()
    shutil.copy(KNOWN, sessions / KNOWN.name)
    bad = sessions / "sessie-20260305-090000.json"
    if name == "fifo":
        os.mkfifo(bad)  # reading it must not hang
    elif text is None:
        bad.write_bytes("{\"v\": 1, \"title\": \"caf\xe9\"}".encode("latin-1"))
    else:
        bad.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = bad.read_bytes() if name != "fifo" else b""
    assert main(["session", "list"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == ["sessie-20260304-101502.json  2026-03-04 10:15  module 07  4 oefeningen"]
    assert f"{bad}: dit sessiebestand is niet te gebruiken: " in err and reason in err, err
    assert "Traceback" not in err
    assert main(["session", "export", str(bad), "--output", str(tmp_path / "v.md")]) == 1
    assert reason in capsys.readouterr().err and not (tmp_path / "v.md").exists()
    assert name == "fifo" or bad.read_bytes() == before  # nothing already saved is lost or changed


def test_every_good_file_is_listed_around_bad_ones(sessions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sessions.mkdir()
    for n, day in enumerate(("04", "05", "06")):
        (sessions / f"sessie-202603{day}-090000.json").write_text(
            KNOWN.read_text().replace("2026-03-04T10:15:02", f"2026-03-{day}T09:00:00")
        )
        (sessions / f"sessie-202603{day}-100000.json").write_text('{"v": 1, "exercises": [1]}' if n else "{")
    assert main(["session", "list"]) == 1
    out, err = capsys.readouterr()
    assert [line.split()[0] for line in out.splitlines()] == [
        "sessie-20260304-090000.json", "sessie-20260305-090000.json", "sessie-20260306-090000.json"
    ]  # fmt: skip
    assert err.count("niet te gebruiken") == 3


def test_export_writes_only_where_it_can(sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    assert main(["session", "export", str(KNOWN), "--output", str(folder)]) == 1
    assert f"{folder} is een map" in capsys.readouterr().err and list(folder.iterdir()) == []
    assert main(["session", "export", str(KNOWN), "--output", str(tmp_path / "weg" / "v.md")]) == 0  # made
    capsys.readouterr()
    locked = Path("/sys") if os.geteuid() == 0 else tmp_path / "alleen-lezen"  # root may write in a 0o500 folder
    if locked != Path("/sys"):
        locked.mkdir()
        locked.chmod(0o500)
    try:
        assert main(["session", "export", str(KNOWN), "--output", str(locked / "v.md")]) == 1
        assert f"kan niet schrijven naar {locked / 'v.md'}: geen toestemming" in capsys.readouterr().err
    finally:
        if locked != Path("/sys"):
            locked.chmod(0o700)


def test_output_below_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "bestand.txt"
    plain.write_text("x")
    assert main(["session", "export", str(KNOWN), "--output", str(plain / "v.md")]) == 1
    assert "een deel van het pad is geen map" in capsys.readouterr().err and plain.read_text() == "x"


def test_a_bad_running_pointer_is_ignored(sessions: Path) -> None:
    sessions.mkdir()
    for pointer in ('{"file": "../../etc/passwd"}', '{"file": 1}', "[", '{"file": "sessie-weg.json"}', "fifo"):
        (sessions / log.RUNNING).unlink(missing_ok=True)
        if pointer == "fifo":
            os.mkfifo(sessions / log.RUNNING)  # must not hang
        else:
            (sessions / log.RUNNING).write_text(pointer)
        assert log.running_file() is None
        assert not log.SessionLog.resume().resumed
