"""Every widget test gets its own empty reflection journal (``ilomo.play`` writes reflection answers there)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.json"
    monkeypatch.setenv("ILOMO_JOURNAL", str(path))
    monkeypatch.delenv("ILOMO_GEEN_JOURNAL", raising=False)
    return path
