"""The session log: the room's votes and the path it took, one JSON file per session, on this computer only.

What is stored: counts per option, option indexes and labels, ids and titles from the scenario, timestamps.
Never names or other personal data. The folder is ``~/.ilomo/sessies/`` unless ``ILOMO_SESSIONS`` says
otherwise. Every save writes a temporary file in the same folder and moves it into place (``os.replace``),
so a crash never leaves half a file. The room's position is saved after every step.

A session survives a reload: the folder's ``lopende-sessie.json`` names the running session's file, and a new
kernel (a reloaded Voilà page, a restarted JupyterLab kernel) continues that file when it was saved less than
``RESUME_HOURS`` ago, instead of starting a new one. ``SessionLog.start_over()`` ends it ("Nieuwe sessie").

File format (``"v": 1``)::

    {"v": 1, "started": iso, "updated": iso, "seed": the room's shuffle seed (optional), "exercises": [exercise, ...]}
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
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ilomo.atomic import write_atomic
from ilomo.kinds import KINDS, Kind

ENV = "ILOMO_SESSIONS"
VERSION = 1
PREFIX = "sessie-"
RUNNING = "lopende-sessie.json"  # {"file": name of the running session's file}
RESUME_HOURS = 12
MAX_COUNT = 100_000  # votes for one option
BY_MAJORITY, BY_TRAINER = "meerderheid", "trainer"


def sessions_dir() -> Path:
    """``$ILOMO_SESSIONS``, else ``~/.ilomo/sessies``."""
    configured = os.environ.get(ENV, "").strip()
    return Path(configured).expanduser() if configured else Path.home() / ".ilomo" / "sessies"


def now() -> str:
    """Local time with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


class SessionLog:
    """One session: created empty, written to its own file from the first vote on.

    ``resumed`` is True when it continues a running session's file (``resume``).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else sessions_dir()
        self.path: Path | None = None
        self.resumed = False
        self.continuing: dict[str, dict[str, Any]] = {}  # scenario id -> the run a new view continues
        self._listeners: list[Callable[[], None]] = []
        self.data: dict[str, Any] = self._empty()

    @staticmethod
    def _empty() -> dict[str, Any]:
        started = now()
        return {"v": VERSION, "started": started, "updated": started, "exercises": []}

    @classmethod
    def resume(cls, folder: Path | None = None) -> SessionLog:
        """The running session of the folder when there is one (saved in the last ``RESUME_HOURS``), else new."""
        session = cls(folder)
        path = running_file(session.folder)
        if path is not None:
            try:
                data = load(path)
                updated = datetime.fromisoformat(data.get("updated") or data["started"])
                age = datetime.now().astimezone() - updated
            except (ValueError, KeyError, TypeError):
                return session  # a bad file is never continued (nor overwritten: the new one gets a new name)
            if age <= timedelta(hours=RESUME_HOURS):
                session.data, session.path, session.resumed = data, path, True
        return session

    def start_over(self) -> None:
        """End this session ("Nieuwe sessie"): the file stays as it is, the next vote starts a new file.

        Views that show this session hear it through ``on_start_over``.
        """
        _forget_running(self.folder, self.path)
        self.data, self.path, self.resumed = self._empty(), None, False
        self.continuing.clear()
        for listener in list(self._listeners):
            listener()

    @property
    def shuffle_seed(self) -> int | None:
        """The room's one shuffle seed for this session (kept in the file: after a reload A is still A)."""
        seed = self.data.get("seed")
        return seed if _is_seed(seed) else None

    @shuffle_seed.setter
    def shuffle_seed(self, seed: int) -> None:
        self.data["seed"] = seed

    def on_start_over(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def entry(self, scenario_id: str) -> dict[str, Any] | None:
        """The entry of this scenario, or None when the room has not played it in this session."""
        return next((e for e in self.data["exercises"] if e.get("scenario") == scenario_id), None)

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
        pointer = self.folder / RUNNING
        if running_file(self.folder) != self.path:
            write_atomic(pointer, json.dumps({"file": self.path.name}) + "\n")
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

    A new view continues the scenario's last run in this session (``ilomo.room.resume`` replays it in the
    engine first); ``Opnieuw`` starts a new run at the next step; ``Terug`` removes the last step.
    """

    def __init__(self, log: SessionLog, scenario: Any) -> None:
        self.log = log
        self.scenario = scenario
        self.run: dict[str, Any] | None = log.continuing.pop(scenario.id, None)

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
    """The session of this kernel: on first use the running session of the folder, else a new one."""
    global _current
    if _current is None:
        _current = SessionLog.resume()
    return _current


def new_session(folder: Path | None = None) -> SessionLog:
    """Start a new session for later players (the next vote goes to a new file)."""
    global _current
    if _current is not None:
        _current.start_over()
    _forget_running(folder if folder is not None else sessions_dir())
    _current = SessionLog(folder)
    return _current


def running_file(folder: Path | None = None) -> Path | None:
    """The running session's file named by ``lopende-sessie.json``, when that file is there."""
    from ilomo.inputs import SESSION, load_json, read_text

    folder = folder if folder is not None else sessions_dir()
    pointer = folder / RUNNING
    if not pointer.exists():
        return None
    try:  # under the input policy: a FIFO or a huge file here must not hang a reloading kernel
        name = load_json(read_text(pointer, SESSION), SESSION, str(pointer))["file"]
    except (ValueError, KeyError, TypeError):  # InputRefused is a ValueError
        return None
    if not isinstance(name, str) or Path(name).name != name or not name.startswith(PREFIX):
        return None
    path = folder / name
    return path if path.is_file() else None


def _forget_running(folder: Path, path: Path | None = None) -> None:
    """Remove the pointer to the running session (only when it names ``path``, if given)."""
    if path is None or running_file(folder) == path:
        (folder / RUNNING).unlink(missing_ok=True)


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


class BadSession(ValueError):
    """A file that is not a usable session file; the message (Dutch) says what is wrong."""


def load(path: Path) -> dict[str, Any]:
    """A session file's data, read under the project's input policy (``ilomo.inputs``: a regular file, size,
    strict UTF-8, nesting, no Infinity/NaN, no huge numbers, no lone surrogates) and then checked (``check``);
    ``BadSession`` (a ``ValueError``) with a Dutch reason when it is not usable."""
    from ilomo.inputs import SESSION, InputRefused, load_json, read_text

    try:
        data = load_json(read_text(path, SESSION), SESSION, str(path))
    except InputRefused as refusal:
        where = f" (regel {refusal.line}, kolom {refusal.column})" if (refusal.line, refusal.column) != (1, 1) else ""
        raise BadSession(refusal.message + where) from None
    check(data)
    return data


def check(data: Any) -> None:
    """The shape a session file must have to be listed, exported and continued; ``BadSession`` names the fault."""
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise BadSession(f"geen sessiebestand van ILOMO (versie {VERSION})")
    for key in ("started", "updated"):
        value = data.get(key)
        if key == "updated" and value is None:
            continue
        try:
            datetime.fromisoformat(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise BadSession(f"'{key}' is geen tijdstip") from None
    if data.get("seed") is not None and not _is_seed(data["seed"]):
        raise BadSession("'seed' is een geheel getal van 0 tot 2^32")
    exercises = data.get("exercises")
    if not isinstance(exercises, list):
        raise BadSession("'exercises' is geen lijst")
    for n, entry in enumerate(exercises, start=1):
        where = f"oefening {n}"
        _need(entry, dict, where)
        for key in ("scenario", "module", "kind", "title"):
            _need(entry.get(key), str, f"{where}, '{key}'")
        for r, run in enumerate(_optional(entry, "runs", list, where), start=1):
            _need(run, dict, f"{where}, route {r}")
            steps = run.get("steps")
            _need(steps, list, f"{where}, route {r}, 'steps'")
            for s, step in enumerate(steps, start=1):
                _step(step, entry["kind"], f"{where}, route {r}, stap {s}")
            ending = run.get("ending")
            if ending is not None:
                _need(ending, dict, f"{where}, route {r}, 'ending'")
                _need(ending.get("title"), str, f"{where}, route {r}, einde")
        rounds = _optional(entry, "rounds", dict, where)
        if rounds:
            for o, option in enumerate(_optional(entry, "options", list, where), start=1):
                _need(option, dict, f"{where}, antwoord {o}")
                _need(option.get("id"), str, f"{where}, antwoord {o}, 'id'")
                _need(option.get("label"), str, f"{where}, antwoord {o}, 'label'")
            _need(entry.get("statement"), str, f"{where}, 'statement'")
            for name in ("before", "after"):
                counts = rounds.get(name)
                if counts is None and name == "after":
                    continue
                _need(counts, dict, f"{where}, ronde '{name}'")
                for value in counts.values():
                    _count(value, f"{where}, ronde '{name}'")


def _is_seed(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**32


def _step(step: Any, kind: str, where: str) -> None:
    _need(step, dict, where)
    known = KINDS.get(kind)  # an unknown kind's steps get the defaults of `Kind`
    key, required = (known.session_key, known.session_texts) if known else (Kind.session_key, Kind.session_texts)
    options = step.get("options")
    _need(options, list, f"{where}, 'options'")
    if not options:
        raise BadSession(f"{where}: geen antwoorden")
    for option in options:
        _need(option, dict, f"{where}, antwoord")
        _count(option.get("votes"), f"{where}, 'votes'")
        _need(option.get("label"), str, f"{where}, antwoord")
    if step.get(key) not in [option.get(key) for option in options]:
        raise BadSession(f"{where}: de gekozen '{key}' staat niet bij de antwoorden")
    for name in required:
        _need(step.get(name), str, f"{where}, '{name}'")
    if step.get("by") not in (BY_MAJORITY, BY_TRAINER):
        raise BadSession(f"{where}: 'by' is '{BY_MAJORITY}' of '{BY_TRAINER}'")


def _need(value: Any, kind: type, where: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        name = {dict: "een object", list: "een lijst", str: "tekst", int: "een getal"}[kind]
        raise BadSession(f"{where}: moet {name} zijn")


def _optional(entry: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = entry.get(key)
    if value is None:
        return kind()
    _need(value, kind, f"{where}, '{key}'")
    return value


def _count(value: Any, where: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        raise BadSession(f"{where}: een aantal stemmen is een geheel getal van 0 tot {MAX_COUNT}")


__all__ = [
    "BY_MAJORITY",
    "BY_TRAINER",
    "ENV",
    "BadSession",
    "Runs",
    "SessionLog",
    "check",
    "current",
    "load",
    "new_session",
    "reset",
    "running_file",
    "session_files",
    "sessions_dir",
    "write_atomic",
]
