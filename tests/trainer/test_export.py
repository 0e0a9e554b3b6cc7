"""The session summary: exact Markdown for a known session, and the `ilomo session` commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ilomo.cli import main
from ilomo.player import play
from ilomo.room import log, texts
from ilomo.room.export import markdown
from tests.trainer.room_helpers import vote
from tests.widgets.widget_helpers import DATA, click

KNOWN = Path(__file__).parent / "data" / "sessie-20260304-101502.json"
EXPECTED = """# Sessieverslag

- Datum: 4 maart 2026
- Tijd: 10:15 tot 11:38
- Module: 07

Dit verslag bevat alleen aantallen stemmen en de keuzes van de zaal. Er staan geen namen in.

## Een brief die niet aankomt

Dilemma `07-leap-balie`, module 07.

### Route 1

#### Stap 1: Aan de balie

| Keuze | Stemmen | Procent |
|---|---:|---:|
| A. Ik vraag rustig: 'Wat is er met deze brief?' | 12 | 60% |
| B. Ik zeg: 'Ik zie dat u boos bent.' | 5 | 25% |
| C. Ik leg uit dat iedereen \\| moet betalen. | 3 | 15% |
| Totaal | 20 | |

Gekozen: **A. Ik vraag rustig: 'Wat is er met deze brief?'** (meerderheid, 12 van 20 stemmen).

#### Stap 2: Hij vertelt

| Keuze | Stemmen | Procent |
|---|---:|---:|
| A. Ik vat samen wat ik hoor. | 9 | 50% |
| B. Ik zeg dat hij gelijk heeft. | 9 | 50% |
| Totaal | 18 | |

Gekozen: **B. Ik zeg dat hij gelijk heeft.** (keuze van de trainer bij gelijke stand).

Einde: **Het contact blijft**.

### Route 2

#### Stap 1: Aan de balie

| Keuze | Stemmen | Procent |
|---|---:|---:|
| A. Ik vraag rustig: 'Wat is er met deze brief?' | 2 | 10% |
| B. Ik zeg: 'Ik zie dat u boos bent.' | 15 | 75% |
| C. Ik leg uit dat iedereen \\| moet betalen. | 3 | 15% |
| Totaal | 20 | |

Gekozen: **C. Ik leg uit dat iedereen | moet betalen.** (keuze van de trainer).

De zaal kwam niet bij een einde.

## Welke stap is dit?

Sortering `07-leap-sorteren`, module 07.

### Ronde 1

#### Kaart 1: 'Wat is er precies gebeurd met die brief?'

| Groep | Stemmen | Procent |
|---|---:|---:|
| A. Luisteren | 14 | 70% |
| B. Geen LEAP | 6 | 30% |
| Totaal | 20 | |

Geplaatst bij: **A. Luisteren** (meerderheid, 14 van 20 stemmen). Dat is goed.

#### Kaart 2: 'Meneer, dat klopt gewoon niet.'

| Groep | Stemmen | Procent |
|---|---:|---:|
| A. Luisteren | 0 | 0% |
| B. Geen LEAP | 0 | 0% |
| Totaal | 0 | |

Geplaatst bij: **A. Luisteren** (keuze van de trainer). Dat is niet goed: de kaart hoort bij Geen LEAP.

Score: 1 van 2 goed.

## Ben jij neutraal?

Stelling `07-stelling-neutraal`, module 07.

Stelling: *Als ambtenaar ben je neutraal in een gesprek.*

| Antwoord | Eerste ronde | Na de discussie |
|---|---:|---:|
| Eens | 10 (50%) | 5 (25%) |
| Neutraal | 4 (20%) | 3 (15%) |
| Oneens | 6 (30%) | 12 (60%) |
| Totaal | 20 | 20 |
"""


def test_known_session_gives_exact_markdown() -> None:
    assert markdown(log.load(KNOWN)) == EXPECTED


def test_empty_session_says_so() -> None:
    data = {"v": 1, "started": "2026-03-04T10:15:02+01:00", "updated": "2026-03-04T10:15:02+01:00", "exercises": []}
    assert markdown(data) == (
        "# Sessieverslag\n\n- Datum: 4 maart 2026\n- Tijd: 10:15 tot 10:15\n\n"
        f"{texts.REPORT_PRIVACY}\n\n{texts.REPORT_NOTHING}\n"
    )


def test_stelling_without_second_round_has_one_column() -> None:
    data = log.load(KNOWN)
    stelling = data["exercises"][2]
    stelling["rounds"]["after"] = None
    data["exercises"] = [stelling]
    out = markdown(data)
    assert "| Antwoord | Eerste ronde |\n|---|---:|\n| Eens | 10 (50%) |" in out
    assert "Na de discussie" not in out


def test_session_played_with_widgets_exports(sessions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    player = play(DATA / "test-stelling.yml", trainer=True)
    vote(player.view.before, [6, 2, 2])
    click(player, texts.TO_DISCUSSION)
    vote(player.view.after, [3, 3, 4])
    assert main(["session", "export"]) == 0
    out = capsys.readouterr().out
    assert "## Neutraal blijven" in out and "| Eens | 6 (60%) | 3 (30%) |" in out


def test_list_and_export_commands(sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["session", "list"]) == 0
    assert capsys.readouterr().out == f"Nog geen sessies in {sessions}.\n"
    assert main(["session", "export"]) == 1
    assert "Nog geen sessies" in capsys.readouterr().err
    sessions.mkdir()
    shutil.copy(KNOWN, sessions / KNOWN.name)
    newer = sessions / "sessie-20260305-090000.json"
    newer.write_text(KNOWN.read_text().replace("2026-03-04T10:15:02", "2026-03-05T09:00:00"))
    assert main(["session", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "sessie-20260304-101502.json  2026-03-04 10:15  module 07  4 oefeningen",
        "sessie-20260305-090000.json  2026-03-05 09:00  module 07  4 oefeningen",
    ]
    assert main(["session", "export", "--latest"]) == 0
    assert "- Datum: 5 maart 2026" in capsys.readouterr().out
    assert main(["session", "export", KNOWN.name]) == 0  # a name in the sessions folder
    assert capsys.readouterr().out == EXPECTED
    report = tmp_path / "verslag.md"
    assert main(["session", "export", str(KNOWN), "--output", str(report)]) == 0
    assert report.read_text(encoding="utf-8") == EXPECTED
    assert capsys.readouterr().err == f"geschreven: {report}\n"


def test_export_errors(sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["session", "export", str(tmp_path / "weg.json")]) == 1
    assert "bestand niet gevonden" in capsys.readouterr().err
    bad = tmp_path / "kapot.json"
    bad.write_text("{}")
    assert main(["session", "export", str(bad)]) == 1
    assert "geen sessiebestand" in capsys.readouterr().err
    assert main(["session", "export", "--latest", str(bad)]) == 2  # one or the other
