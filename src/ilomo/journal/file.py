"""The journal file on the learner's own computer: `FileJournal`, a `ReflectionStore` backed by one JSON file.

Default file ``~/.ilomo/journal.json``; the environment variable ``ILOMO_JOURNAL`` names another file. Every change is
a read-merge-write under a lock (``filelock`` on ``journal.json.lock``), so two notebooks writing at once lose
nothing. The write is atomic (``ilomo.atomic.write_atomic``): an interruption leaves the old journal intact.
The file is read under the input policy (``ilomo.inputs.JOURNAL``). A journal that cannot be read (damaged, too big,
too deep, not UTF-8) is never overwritten: it is moved aside to ``journal.json.kapot-<time>`` and `FileJournal.notice`
explains that in plain Dutch (the live player shows it; it is logged too). Lone surrogates (which no UTF-8 file can
hold) are replaced by U+FFFD, and the notice says how many. A journal path that is no regular file (a folder, a
pipe) or cannot be read is left alone: `JournalError`. A journal never grows past the policy's size: the change
that would make it too big is refused (`JournalError`) and nothing is written.

While the book is built (``ILOMO_GEEN_JOURNAL`` is set by ilomo's Sphinx extension) `default_store` gives a
`MemoryStore`: executing the notebooks must never read a private journal into the published pages.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from ilomo import inputs
from ilomo.atomic import write_atomic
from ilomo.inputs.json_guard import text_length
from ilomo.inputs.policy import number
from ilomo.journal.format import (
    JournalError,
    clean_text,
    dumps,
    entry_key,
    filled,
    now_iso,
    read_journal,
    replaced_note,
)
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
        self.notice: str | None = None  # plain Dutch, set when a damaged journal was moved aside or text replaced
        self.moved_aside: Path | None = None  # where a damaged journal went

    def __repr__(self) -> str:
        return f"<FileJournal {str(self.path)!r}>"

    # ReflectionStore

    def save(self, scenario_id: str, question_id: str, text: str, module: str | None = None) -> None:
        """Store one answer (a blank text removes it)."""
        key = entry_key(scenario_id, question_id)
        text, replaced = clean_text(text)
        if replaced:
            self.notice = f"In je antwoord: {replaced_note(replaced)}"

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
            info = self.path.stat()
        except FileNotFoundError:
            return {}
        except OSError as err:
            raise JournalError(f"Kan je reflectiebestand {self.path} niet lezen: {err.strerror or err}.") from None
        if not stat.S_ISREG(info.st_mode):
            kind = "een map" if stat.S_ISDIR(info.st_mode) else "geen gewoon bestand"
            raise JournalError(f"Je reflectiebestand {self.path} is {kind}. ILOMO leest en schrijft er niets in. "
                               f"Kies een ander bestand met {ENV} of --journal.")
        if not os.access(self.path, os.R_OK):
            raise JournalError(f"Je mag je reflectiebestand {self.path} niet lezen. Er is niets veranderd.")
        try:
            journal = read_journal(self.path)
        except (inputs.InputRefused, JournalError) as err:
            self._move_aside(err)
            return {}
        if journal.replaced:
            self.notice = f"In je reflectiebestand: {replaced_note(journal.replaced)}"
        return journal.entries

    def _move_aside(self, err: Exception) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.kapot-{stamp}")
        n = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.kapot-{stamp}-{n}")
            n += 1
        os.replace(self.path, aside)
        self.moved_aside = aside
        reason = err.message if isinstance(err, inputs.InputRefused) else str(err).rstrip(".")
        self.notice = (
            f"Je reflectiebestand was beschadigd en kon niet worden gelezen ({reason}). "
            f"ILOMO heeft het niet overschreven, maar bewaard als {aside}. "
            f"Je begint met een leeg bestand. Je oude antwoorden staan nog in dat bewaarde bestand."
        )
        logger.warning("%s (%s)", self.notice, err)

    def _write(self, entries: Mapping[str, Mapping[str, str]]) -> None:
        for key, entry in entries.items():  # what the policy would refuse on the next read is never written
            length = text_length(entry["text"])
            if length > inputs.JOURNAL.max_text:
                raise JournalError(f"Het antwoord '{key}' is te lang om te bewaren: {number(length)} tekens, hoogstens "
                                   f"{number(inputs.JOURNAL.max_text)}.")
        text, _ = clean_text(dumps(entries))  # a lone surrogate can only stand in a text; UTF-8 cannot hold it
        size = len(text.encode("utf-8"))
        if size > inputs.JOURNAL.max_bytes:
            raise JournalError(f"Je reflectiebestand zou te groot worden: {inputs.size_text(size)}, hoogstens "
                               f"{inputs.size_text(inputs.JOURNAL.max_bytes)}.")
        write_atomic(self.path, text)

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
