"""The journal file on the learner's own computer: `FileJournal`, a `ReflectionStore` backed by one JSON file.

Default file ``~/.ilomo/journal.json``; the environment variable ``ILOMO_JOURNAL`` names another file. Every change is
a read-merge-write under a lock (``filelock`` on ``journal.json.lock``), so two notebooks writing at once lose
nothing. The write is atomic (``ilomo.atomic.write_atomic``): an interruption leaves the old journal intact.
A journal that cannot be read is never overwritten: it is moved aside to ``journal.json.kapot-<time>`` and
`FileJournal.notice` explains that in plain Dutch (the live player shows it; it is logged too).

While the book is built (``ILOMO_GEEN_JOURNAL`` is set by ilomo's Sphinx extension) `default_store` gives a
`MemoryStore`: executing the notebooks must never read a private journal into the published pages.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from ilomo.atomic import write_atomic
from ilomo.journal.format import JournalError, dumps, entry_key, filled, now_iso, parse_journal
from ilomo.journal.merge import Conflict, MergeReport, merge_entries
from ilomo.journal.store import MemoryStore, ReflectionStore

ENV = "ILOMO_JOURNAL"
# An environment variable, not a setting: the notebook kernels of a book build run in other processes.
ENV_NO_JOURNAL = "ILOMO_GEEN_JOURNAL"
LOCK_TIMEOUT = 30.0  # seconds to wait for another writer

logger = logging.getLogger("ilomo.journal")


def default_path() -> Path:
    """``$ILOMO_JOURNAL``, else ``~/.ilomo/journal.json``."""
    configured = os.environ.get(ENV, "").strip()
    return Path(configured).expanduser() if configured else Path.home() / ".ilomo" / "journal.json"


def default_store(kind: str | None = None) -> ReflectionStore:
    """The store ``ilomo.play`` uses: a `FileJournal` for reflection, a `MemoryStore` otherwise and during a
    book build (where answers would end up in the published widget state)."""
    if kind not in (None, "reflectie") or os.environ.get(ENV_NO_JOURNAL, "").strip():
        return MemoryStore()
    return FileJournal()


@lru_cache(maxsize=256)
def _module_of(scenario_id: str) -> str:
    try:
        from ilomo.scenario import find

        return str(find(scenario_id).module)
    except Exception:  # an unknown or broken scenario: the entry simply has no module
        return ""


class FileJournal:
    """Reflection answers in a JSON file (see the module docstring); safe for several notebooks at once."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.notice: str | None = None  # plain Dutch, set when a damaged journal was moved aside

    def __repr__(self) -> str:
        return f"<FileJournal {str(self.path)!r}>"

    # ReflectionStore

    def save(self, scenario_id: str, question_id: str, text: str, module: str | None = None) -> None:
        """Store one answer (a blank text removes it)."""
        key = entry_key(scenario_id, question_id)

        def change(entries: dict[str, dict[str, str]]) -> None:
            if not filled(text):
                entries.pop(key, None)
                return
            old = entries.get(key, {})
            mod = module if module is not None else (old.get("module") or _module_of(scenario_id))
            entries[key] = {"text": text, "updated": now_iso(), "module": mod}

        self.update(change)

    def load(self, scenario_id: str) -> dict[str, str]:
        prefix = scenario_id + "/"
        return {k[len(prefix):]: e["text"] for k, e in self.entries().items() if k.startswith(prefix)}

    # The whole journal

    def entries(self) -> dict[str, dict[str, str]]:
        if not self.path.exists():  # reading creates nothing: no folder, no lock file
            return {}
        with self._locked():
            return self._read()

    def update(self, change: Callable[[dict[str, dict[str, str]]], Any]) -> Any:
        """Read, change and write the journal under the lock; returns what ``change`` returns."""
        with self._locked():
            entries = self._read()
            result = change(entries)
            self._write(entries)
            return result

    def merge(self, theirs: Mapping[str, Mapping[str, str]],
              choose: Callable[[Conflict], str] | str = "mijn") -> MergeReport:
        return self.update(lambda mine: merge_entries(mine, theirs, choose))

    def export_json(self) -> str:
        return dumps(self.entries(), exported=True)

    # Inside the lock

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        try:
            return parse_journal(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, JournalError) as err:
            self._move_aside(err)
            return {}

    def _move_aside(self, err: Exception) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.kapot-{stamp}")
        n = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.kapot-{stamp}-{n}")
            n += 1
        os.replace(self.path, aside)
        self.notice = (
            f"Je reflectiebestand was beschadigd en kon niet worden gelezen. "
            f"ILOMO heeft het niet overschreven, maar bewaard als {aside}. "
            f"Je begint met een leeg bestand. Je oude antwoorden staan nog in dat bewaarde bestand."
        )
        logger.warning("%s (%s)", self.notice, err)

    def _write(self, entries: Mapping[str, Mapping[str, str]]) -> None:
        write_atomic(self.path, dumps(entries))

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        folder = self.path.parent
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            with FileLock(self.path.with_name(self.path.name + ".lock"), timeout=LOCK_TIMEOUT):
                yield
        except Timeout:
            raise JournalError(f"Het reflectiebestand is bezet ({self.path}). Probeer het zo opnieuw.") from None
