"""Every trainer test starts with trainer mode off, no current session and its own sessions folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ilomo.room import log, mode


@pytest.fixture(autouse=True)
def sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "sessies"
    monkeypatch.setenv(log.ENV, str(folder))
    monkeypatch.delenv(mode.ENV, raising=False)
    log.reset()
    mode.reset()
    yield folder
    log.reset()
    mode.reset()
