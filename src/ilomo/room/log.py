"""The session log: the room's votes and the path it took, one JSON file per session, on this computer only.

What is stored: counts per option, option indexes and labels, ids and titles from the scenario, timestamps.
Never names or other personal data. The folder is ``~/.ilomo/sessies/`` unless ``ILOMO_SESSIONS`` says
otherwise. Every save writes a temporary file in the same folder and moves it into place (``os.replace``),
so a crash never leaves half a file.

File format (``"v": 1``)::

    {"v": 1, "started": iso, "updated": iso, "exercises": [exercise, ...]}
    exercise: {"scenario", "module", "kind", "title", ...}
      dilemma/sortering: "runs": [{"started": iso, "steps": [step, ...], "ending": {"id", "title"} | null}]
        dilemma step:   {"time", "situation", "title", "options": [{"choice", "label", "votes"}],
                         "choice", "label", "by": "meerderheid" | "trainer"}
        sortering step: {"time", "item", "text", "options": [{"category", "label", "votes"}],
                         "category", "label", "correct", "right" (the right group's label), "by"}
      stelling: "statement", "options": [{"id", "label"}], "rounds": {"before": {id: n}, "after": {id: n} | null}
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from ilomo.atomic import write_atomic

ENV = "ILOMO_SESSIONS"
VERSION = 1
PREFIX = "sessie-"
BY_MAJORITY, BY_TRAINER = "meerderheid", "trainer"


def sessions_dir() -> Path:
    """``$ILOMO_SESSIONS``, else ``~/.ilomo/sessies``."""
    configured = os.environ.get(ENV, "").strip()
    return Path(configured).expanduser() if configured else Path.home() / ".ilomo" / "sessies"


def now() -> str:
    """Local time with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


class SessionLog:
    """One session: created empty, written to its own file from the first vote on."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else sessions_dir()
        self.path: Path | None = None
        started = now()
        self.data: dict[str, Any] = {"v": VERSION, "started": started, "updated": started, "exercises": []}

    def exercise(self, scenario: Any, **fields: Any) -> dict[str, Any]:
        """The entry of this scenario (added on first use); ``fields`` fill a new entry."""
        for entry in self.data["exercises"]:
            if entry["scenario"] == scenario.id:
                return entry
        entry = {"scenario": scenario.id, "module": scenario.module, "kind": scenario.kind, "title": scenario.title}
        entry.update(fields)
        self.data["exercises"].append(entry)
        return entry

    def save(self) -> Path:
        """Write the whole session (atomically) and return the file."""
        self.data["updated"] = now()
        if self.path is None:
            self.path = self._new_path()
        write_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=1) + "\n")
        return self.path

    def _new_path(self) -> Path:
        stamp = datetime.fromisoformat(self.data["started"]).strftime("%Y%m%d-%H%M%S")
        path, n = self.folder / f"{PREFIX}{stamp}.json", 1
        while path.exists():
            n += 1
            path = self.folder / f"{PREFIX}{stamp}-{n}.json"
        return path


class Runs:
    """The runs (routes) of one dilemma or sortering through one view; the log mirrors the engine's path.

    A new view or ``Opnieuw`` starts a new run at the next step; ``Terug`` removes the last step.
    """

    def __init__(self, log: SessionLog, scenario: Any) -> None:
        self.log = log
        self.scenario = scenario
        self.run: dict[str, Any] | None = None

    def step(self, step: dict[str, Any], ending: Any = None) -> None:
        """Add a step; ``ending``: the engine's ``Ending`` when this step ended the run. One save."""
        if self.run is None:
            self.run = {"started": now(), "steps": [], "ending": None}
            self.log.exercise(self.scenario, runs=[])["runs"].append(self.run)
        self.run["steps"].append({"time": now(), **step})
        if ending is not None:
            self.run["ending"] = {"id": ending.id, "title": ending.title}
        self.log.save()

    def undo(self) -> dict[str, Any] | None:
        """Remove the last step (and the ending); returns it. An emptied run is dropped."""
        if self.run is None or not self.run["steps"]:
            return None
        last = self.run["steps"].pop()
        self.run["ending"] = None
        if not self.run["steps"]:
            self.log.exercise(self.scenario)["runs"].remove(self.run)
            self.run = None
        self.log.save()
        return last

    def new_run(self) -> None:
        self.run = None


_current: SessionLog | None = None


def current() -> SessionLog:
    """The session of this kernel (started on first use)."""
    global _current
    if _current is None:
        _current = SessionLog()
    return _current


def new_session(folder: Path | None = None) -> SessionLog:
    """Start a new session for later players (the next vote goes to a new file)."""
    global _current
    _current = SessionLog(folder)
    return _current


def reset() -> None:
    """Forget the current session (for tests)."""
    global _current
    _current = None


def session_files(folder: Path | None = None) -> list[Path]:
    """The session files in the folder, oldest first."""
    folder = folder if folder is not None else sessions_dir()
    return sorted(folder.glob(f"{PREFIX}*.json"), key=_order) if folder.is_dir() else []


def _order(path: Path) -> tuple[str, int]:
    """``sessie-<date>-<time>[-n]``: by time, then by n (a second session in the same second)."""
    parts = path.stem.split("-")
    if len(parts) > 3 and parts[-1].isdigit():
        return "-".join(parts[:-1]), int(parts[-1])
    return path.stem, 1


def load(path: Path) -> dict[str, Any]:
    """A session file's data; ``ValueError`` when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(str(err)) from None
    if not isinstance(data, dict) or data.get("v") != VERSION or not isinstance(data.get("exercises"), list):
        raise ValueError(f"{path}: no ILOMO session (version {VERSION})")
    return data


__all__ = [
    "BY_MAJORITY",
    "BY_TRAINER",
    "ENV",
    "Runs",
    "SessionLog",
    "current",
    "load",
    "new_session",
    "reset",
    "session_files",
    "sessions_dir",
    "write_atomic",
]
