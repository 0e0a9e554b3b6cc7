"""Hostile and careless content files: the source list (``bronnen.yml``) and module notebooks are read under the
input policy. Each refusal is one Dutch line naming the file, the place and the reason; no traceback, no hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ilomo.cli import main
from ilomo.content.modules import load_module
from ilomo.content.sources import check_sources

pytestmark = pytest.mark.timeout(60)
GOOD_SOURCE = "  - id: een-bron\n    title: T\n    author: A\n    url: https://example.org\n    grade: A\n    note: N\n"


def aliases(n: int) -> bytes:
    anchor = "  - &a {id: x, title: T, author: A, url: 'https://example.org', grade: A, note: N}\n"
    return ("sources:\n" + anchor + "  - *a\n" * n).encode()


SOURCES = {
    "deep": (b"sources: " + b"[" * 30000 + b"]" * 30000, "bronnen.yml:1:21: te diep genest: meer dan 12 niveaus "
                                                    "(lijsten of velden in elkaar)"),
    "aliases": (aliases(51), "bronnen.yml:53:5: te veel verwijzingen (*naam): hoogstens 50"),
    "too-big": (b"# " + b"x" * 2_000_001 + b"\n", "bronnen.yml:1:1: het bestand is te groot voor een bronnenbestand: "
                                                  "hoogstens 2,0 MB (dit bestand: 2,0 MB)"),
    "not-utf8": (b"sources:\n  - id: caf\xe9\n",
                 "bronnen.yml:2:12: het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8"),
    "digits": (b"sources:\n  - year: " + b"2" * 5000 + b"\n",
               "bronnen.yml:2:11: dit getal is te lang (5000 cijfers); gebruik een klein geheel getal"),
    "list": (b"- id: x\n", "bronnen.yml:1:1: het bestand heeft een lijst 'sources' met de bronnen nodig"),
    "syntax": (b"sources: [\n", "bronnen.yml:2:1: geen geldige YAML; ilomo validate legt uit wat er mis is"),
}


@pytest.mark.parametrize("what", sorted(SOURCES))
def test_hostile_source_list_is_one_clear_problem(tmp_path: Path, what: str) -> None:
    data, message = SOURCES[what]
    path = tmp_path / "bronnen.yml"
    path.write_bytes(data)
    assert check_sources(path=path) == [message]


def test_source_list_that_is_a_pipe_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "bronnen.yml"
    os.mkfifo(path)
    assert check_sources(path=path) == ["bronnen.yml:1:1: dit is een pipe (FIFO), geen gewoon bestand"]


def test_a_few_aliases_and_odd_entries_are_reported_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "bronnen.yml"
    path.write_bytes(aliases(1) + b"  - just text\n" + GOOD_SOURCE.encode())
    assert check_sources(path=path) == ["bronnen.yml, bron 2 (x): de id staat er twee keer in",
                                        "bronnen.yml, bron 3: een bron is een lijst van velden (id, title, …)"]


def notebook(metadata: str) -> bytes:
    return ('{"cells": [], "metadata": ' + metadata + ', "nbformat": 4, "nbformat_minor": 5}').encode()


NOTEBOOKS = {
    "deep": (notebook('{"ilomo": ' + "[" * 200_000 + "]" * 200_000 + "}"),
             "kan het notebook niet lezen: te diep genest: meer dan 32 niveaus (regel 1, kolom 67)"),
    "digits": (notebook('{"ilomo": {"module": ' + "1" * 5000 + "}}"),
               "kan het notebook niet lezen: een getal is te lang (5.000 cijfers) (regel 1, kolom 48)"),
    "nan": (notebook('{"ilomo": {"module": NaN}}'),
            "kan het notebook niet lezen: 'NaN' is geen geldig getal in dit bestand (regel 1, kolom 48)"),
    "surrogate": (notebook('{"ilomo": {"title": "\\ud800"}}'),
                  "kan het notebook niet lezen: een tekst bevat een ongeldig teken (een losse surrogaat, "
                  "\\ud800-\\udfff)"),
    "utf16": (notebook("{}").decode().encode("utf-16"),
              "kan het notebook niet lezen: het bestand is UTF-16; sla het op als UTF-8"),
    "not-json": (b"hallo", "kan het notebook niet lezen: geen geldige JSON: hier verwacht ik een waarde"),
}


@pytest.mark.parametrize("what", sorted(NOTEBOOKS))
def test_hostile_notebook_is_refused_with_its_reason(tmp_path: Path, what: str) -> None:
    data, message = NOTEBOOKS[what]
    path = tmp_path / "01-hostile.ipynb"
    path.write_bytes(data)
    with pytest.raises(ValueError) as refused:
        load_module(path)
    assert str(refused.value) == message


def test_ilomo_check_names_a_hostile_notebook_and_a_pipe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "01-diep.ipynb").write_bytes(NOTEBOOKS["deep"][0])
    os.mkfifo(folder / "02-pijp.ipynb")
    (tmp_path / "scenarios").mkdir()
    assert main(["check", str(folder), "--scenarios", str(tmp_path / "scenarios")]) == 1
    out = capsys.readouterr().out
    assert f"{folder / '01-diep.ipynb'}: kan het notebook niet lezen: te diep genest" in out
    pipe = "kan het notebook niet lezen: dit is een pipe (FIFO), geen gewoon bestand"
    assert f"{folder / '02-pijp.ipynb'}: {pipe}" in out


def test_session_plans_and_track_order_skip_a_hostile_notebook(tmp_path: Path) -> None:
    from ilomo.content.modules import next_in_track
    from ilomo.sphinxext.session_plans import module_plans

    (tmp_path / "01-diep.ipynb").write_bytes(NOTEBOOKS["deep"][0])
    os.mkfifo(tmp_path / "02-pijp.ipynb")
    assert module_plans(tmp_path) == []
    assert next_in_track(tmp_path, 0, "energietransitie") == "energietransitie"  # no module of the track is left
