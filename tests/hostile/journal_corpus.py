"""The shared hostile-input corpus of the journal importers: the files in ``tests/hostile/journal/`` with their
expected outcome in ``expected.json``, plus big files made at test time (never stored). Both importers run every
case: ``ilomo journal import`` (test_journal_inputs.py) and the site's "Zet een back-up terug" in Chromium
(test_journal_site_import.py).

An outcome is ``{"outcome": "refuse", "message": fragment}`` (both importers show the fragment, compared without
regard to case) or ``{"outcome": "accept", "answers": n, "replaced": m}`` (n answers added to an empty journal, m
lone surrogates replaced by U+FFFD and said so).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ilomo.inputs import JOURNAL

CORPUS = Path(__file__).parent / "journal"
TOO_BIG = "het bestand is te groot voor een reflectiebestand: hoogstens 4,0 MB (dit bestand: {})"


@dataclass(frozen=True)
class Case:
    path: Path
    expect: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def stored_cases() -> list[Case]:
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    return [Case(CORPUS / name, expect) for name, expect in sorted(expected.items())]


def _entries(texts: dict[str, str]) -> bytes:
    return json.dumps({"version": 1, "entries": {k: {"text": t} for k, t in texts.items()}}).encode()


def made_cases(folder: Path) -> list[Case]:
    """The big and deep files, written into ``folder`` (a few MB in all but the sparse 50 MB file)."""
    limit = JOURNAL.max_text
    refuse = lambda message: {"outcome": "refuse", "message": message}  # noqa: E731
    accept = lambda answers: {"outcome": "accept", "answers": answers, "replaced": 0}  # noqa: E731
    emoji = json.dumps({"version": 1, "entries": {"a/b": {"text": "\U0001f600" * (limit // 2 + 1)}}},
                       ensure_ascii=False).encode()
    cases = {
        "deep-200000.json": (b"[" * 200_000 + b"]" * 200_000, refuse("te diep genest: meer dan 8 niveaus")),
        "digits-5000.json": (b'{"version": ' + b"7" * 5000 + b', "entries": {}}',
                             refuse("een getal is te lang (5.000 cijfers)")),
        "answer-8mb.json": (_entries({"a/b": "x" * 8_000_000}), refuse(TOO_BIG.format("8,0 MB"))),
        "text-too-long.json": (_entries({"a/b": "a" * (limit + 1)}),
                               refuse("een tekst is te lang: 100.001 tekens, hoogstens 100.000")),
        # 😀 is one character in Python and two in JavaScript: both count as JavaScript does.
        "emoji-too-long.json": (emoji, refuse("een tekst is te lang: 100.002 tekens, hoogstens 100.000")),
        "text-at-limit.json": (_entries({"a/b": "a" * limit}), accept(1)),
        "almost-4mb.json": (_entries({f"a/v{n}": "b" * limit for n in range(39)}), accept(39)),
    }
    made = []
    for name, (data, expect) in cases.items():
        (folder / name).write_bytes(data)
        made.append(Case(folder / name, expect))
    huge = folder / "file-50mb.json"
    with huge.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk; refused by its size before reading
        handle.truncate(50_000_000)
    made.append(Case(huge, refuse(TOO_BIG.format("50,0 MB"))))
    return made
