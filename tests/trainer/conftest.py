"""Every trainer test starts with trainer mode off, no current session and its own sessions folder."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ilomo.room import log, mode
from tests.conftest import ROOT
from tests.trainer.phones_helpers import free_port

ILOMO = Path(sys.executable).with_name("ilomo")


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


@pytest.fixture
def presenting(sessions: Path) -> Iterator[str]:
    """`ilomo present 07` on a free port, as a trainer runs it; yields the printed address."""
    env = {**os.environ, "ILOMO_SESSIONS": str(sessions), "PYTHONWARNINGS": "ignore"}
    env.pop(mode.ENV, None)  # `present` itself must switch trainer mode on
    proc = subprocess.Popen(
        [str(ILOMO), "present", "07", "--port", str(free_port()), "--phones-port", str(free_port(1))],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # its own process group: Voilà and the kernel stop with it
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        line = lines.get(timeout=60)
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line
        assert lines.get(timeout=5).startswith("Stemmen met telefoons: http://127.0.0.1:")
        yield match.group(0)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
