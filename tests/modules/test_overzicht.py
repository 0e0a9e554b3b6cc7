"""Module 06's overview builder (ilomo-overzicht.js): its embedded data is the fictional signal log, and in a
browser the overview changes when the learner chooses which signals count.

Run ``python -m tests.modules.test_overzicht`` to rewrite the data in the script after changing the CSV.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "src" / "ilomo" / "sphinxext" / "static" / "ilomo-overzicht.js"
CSV = ROOT / "data" / "signalen-fictief.csv"
NOTEBOOK = ROOT / "notebooks" / "06-lokaal-beeld.ipynb"
_DATA = re.compile(r"(/\* DATA START \*/\n\s*const DATA = )(.*?)(;\n\s*/\* DATA END \*/)", re.S)
KINDS = ["vraag", "zorg", "klacht", "oproep tot actie", "incident"]
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def csv_rows() -> list[list[int]]:
    """Each signal as [month since 2023-01, theme, kind, source] (indexes into the lists of `data_from_csv`)."""
    lines = [line for line in CSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    records = list(csv.DictReader(lines))
    themes = sorted({r["thema"] for r in records})
    sources = sorted({r["bron"] for r in records})
    rows = []
    for r in records:
        year, month = int(r["datum"][:4]), int(r["datum"][5:7])
        rows.append([(year - 2023) * 12 + month - 1, themes.index(r["thema"]), KINDS.index(r["soort"]),
                     sources.index(r["bron"])])
    return rows


def data_from_csv() -> dict:
    """The script's DATA: the signals as one string, four base-36 digits per signal (a third of the size of a JSON
    list of lists, and this script is part of module 06's page weight)."""
    lines = [line for line in CSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    records = list(csv.DictReader(lines))
    rows = csv_rows()
    assert all(0 <= n < 36 for row in rows for n in row), "a value does not fit one base-36 digit"
    signals = "".join(DIGITS[n] for row in rows for n in row)
    return {"themes": sorted({r["thema"] for r in records}), "kinds": KINDS,
            "sources": sorted({r["bron"] for r in records}), "start": "2023-01", "signals": signals}


def script_data() -> dict:
    match = _DATA.search(SCRIPT.read_text(encoding="utf-8"))
    assert match, "the DATA markers are missing in ilomo-overzicht.js"
    return json.loads(match.group(2))


def test_script_data_is_the_csv() -> None:
    assert script_data() == data_from_csv()


def test_the_module_page_loads_the_script_and_has_the_place() -> None:
    text = NOTEBOOK.read_text(encoding="utf-8")
    assert 'id=\\"06-overzicht-maken\\"' in text and "ilomo-overzicht.js" in text


@pytest.mark.timeout(60)
def test_choosing_signals_changes_the_overview(tmp_path: Path, browser) -> None:
    page_file = tmp_path / "overzicht.html"
    page_file.write_text(
        '<!doctype html><html lang="nl"><body><div class="ilomo-overzicht" id="06-overzicht-maken"></div>'
        f'<script src="{SCRIPT.as_uri()}"></script></body></html>',
        encoding="utf-8",
    )
    page = browser.new_page()  # the session's Chromium (tests/conftest.py): one Playwright per test run
    try:
        page.set_default_timeout(10_000)
        page.goto(page_file.as_uri())
        summary = page.locator(".ilomo-overzicht-samenvatting")
        total = len(csv_rows())
        assert summary.inner_text().startswith(f"Je telt {total} van de {total} signalen, in 5 thema's.")
        page.get_by_label("vraag", exact=True).uncheck()  # keyboard-usable native checkboxes with labels
        after = summary.inner_text()
        questions = sum(1 for r in csv_rows() if r[2] == 0)
        assert after.startswith(f"Je telt {total - questions} van de {total} signalen")
        page.get_by_label("Opvang asielzoekers").uncheck()
        assert "in 4 thema's" in summary.inner_text()
        assert page.locator("tbody tr").count() == 4
        assert page.locator("tbody th", has_text="Opvang asielzoekers").count() == 0
    finally:
        page.close()


if __name__ == "__main__":
    text = SCRIPT.read_text(encoding="utf-8")
    new = _DATA.sub(lambda m: m.group(1) + json.dumps(data_from_csv(), ensure_ascii=False) + m.group(3), text)
    SCRIPT.write_text(new, encoding="utf-8")
    print(f"data rewritten in {SCRIPT}")
