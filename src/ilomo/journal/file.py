"""The reflection journal: answers to reflection questions, in one JSON file on the learner's own computer.

The file has the same shape as the site's "Mijn reflecties" JSON export, so a journal moves both ways between
a live notebook and the browser::

    {"version": 1, "exported": iso (optional),
     "entries": {"<scenario id>/<question id>": {"text": str, "updated": iso, "module": "07"}}}

``updated`` is UTC with milliseconds and a ``Z`` (what JavaScript's ``toISOString`` writes). A blank answer
removes the entry.

`FileJournal` implements `ilomo.reflection_store.ReflectionStore`. Default file ``~/.ilomo/journal.json``; the
environment variable ``ILOMO_JOURNAL`` names another file. Every change is a read-merge-write under a lock
(``fcntl.flock`` on ``journal.json.lock``; where there is no ``fcntl``, an exclusively created lock file), so two
notebooks writing at once lose nothing. The write goes to a temporary file in the same folder, is flushed to disk
(``fsync``) and then moved into place with ``os.replace``: an interruption leaves the old journal intact.
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
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from ilomo.reflection_store import MemoryStore, ReflectionStore

__all__ = [
    "BOTH_SEPARATOR",
    "ENV",
    "ENV_NO_JOURNAL",
    "VERSION",
    "Conflict",
    "FileJournal",
    "JournalError",
    "MergeReport",
    "default_path",
    "default_store",
    "entry_key",
    "merge_entries",
    "now_iso",
    "parse_journal",
    "to_markdown",
]

ENV = "ILOMO_JOURNAL"
ENV_NO_JOURNAL = "ILOMO_GEEN_JOURNAL"
VERSION = 1
# "Bewaar allebei" joins two versions of one answer with this line (the site's import does the same).
BOTH_SEPARATOR = "\n\n--- Andere versie ---\n\n"
LOCK_TIMEOUT = 30.0  # seconds to wait for another writer
STALE_LOCK = 60.0  # seconds after which a portable lock file is taken to be left behind by a crash

logger = logging.getLogger("ilomo.journal")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class JournalError(Exception):
    """A journal file or import file that ILOMO cannot use; the message is plain Dutch for the learner."""


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


def now_iso() -> str:
    """Now in UTC as JavaScript's ``Date.toISOString()`` writes it: ``2026-03-03T13:32:05.123Z``."""
    stamp = datetime.now(timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def entry_key(scenario_id: str, question_id: str) -> str:
    return f"{scenario_id}/{question_id}"


def _filled(text: str) -> bool:
    return bool(text.strip())


# ---------------------------------------------------------------------------------------------------------
# The file format


def parse_journal(data: Any) -> dict[str, dict[str, str]]:
    """The entries of a journal (or an export of the site); raises `JournalError` naming the first problem."""
    if not isinstance(data, dict) or "entries" not in data or "version" not in data:
        raise JournalError("Dit is geen ILOMO-reflectiebestand: 'version' en 'entries' ontbreken.")
    if data["version"] != VERSION:
        raise JournalError(f"Deze versie van het bestand ken ik niet: {data['version']!r}. Ik ken alleen versie 1.")
    entries = data["entries"]
    if not isinstance(entries, dict):
        raise JournalError("In dit bestand is 'entries' geen lijst van antwoorden.")
    out: dict[str, dict[str, str]] = {}
    for key, entry in entries.items():
        scenario, _, question = str(key).partition("/")
        if not (_ID.match(scenario) and _ID.match(question)):
            raise JournalError(f"Het antwoord '{key}' heeft geen geldige naam (oefening/vraag).")
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise JournalError(f"Het antwoord '{key}' heeft geen tekst.")
        for name in ("updated", "module"):
            if not isinstance(entry.get(name, ""), str):
                raise JournalError(f"Bij het antwoord '{key}' is '{name}' geen tekst.")
        if _filled(entry["text"]):
            out[key] = {"text": entry["text"], "updated": entry.get("updated", ""), "module": entry.get("module", "")}
    return out


def dumps(entries: Mapping[str, Mapping[str, str]], exported: bool = False) -> str:
    data: dict[str, Any] = {"version": VERSION}
    if exported:
        data["exported"] = now_iso()
    data["entries"] = {k: dict(entries[k]) for k in sorted(entries)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------------------
# Merging (the same rules as the site's import)


@dataclass(frozen=True)
class Conflict:
    """One question answered differently here (``mine``) and in the imported file (``theirs``)."""

    key: str
    mine: Mapping[str, str]
    theirs: Mapping[str, str]


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)  # key -> "mijn" | "bestand" | "allebei"


CHOICES = ("mijn", "bestand", "allebei")


def _same(mine: str, theirs: str) -> bool:
    """Equal, or already kept as one of the versions of a "Bewaar allebei"."""
    return mine == theirs or theirs in mine.split(BOTH_SEPARATOR)


def merge_entries(
    mine: dict[str, dict[str, str]],
    theirs: Mapping[str, Mapping[str, str]],
    choose: Callable[[Conflict], str] | str = "mijn",
) -> MergeReport:
    """Merge ``theirs`` into ``mine`` (in place). New answers are added; a question answered differently is a
    conflict, resolved by ``choose``: "mijn" keeps this side, "bestand" takes the file's, "allebei" keeps both
    texts one after the other. Nothing is overwritten without that choice."""
    report = MergeReport()
    for key in sorted(theirs):
        other = dict(theirs[key])
        if not _filled(other.get("text", "")):
            continue
        if key not in mine:
            mine[key] = other
            report.added.append(key)
        elif _same(mine[key]["text"], other["text"]):
            report.same.append(key)
        else:
            conflict = Conflict(key, dict(mine[key]), other)
            report.conflicts.append(conflict)
            choice = choose(conflict) if callable(choose) else choose
            if choice not in CHOICES:
                raise ValueError(f"onbekende keuze: {choice!r}")
            report.choices[key] = choice
            if choice == "bestand":
                mine[key] = other
            elif choice == "allebei":
                mine[key] = {
                    "text": mine[key]["text"] + BOTH_SEPARATOR + other["text"],
                    "updated": now_iso(),
                    "module": mine[key].get("module") or other.get("module", ""),
                }
    return report


# ---------------------------------------------------------------------------------------------------------
# Markdown export


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def dutch_time(iso: str) -> str:
    """``2026-03-03T13:32:05.123Z`` -> "3 maart 2026 om 14:32" (local time); the raw text when unreadable."""
    value = parse_time(iso)
    if value is None:
        return iso
    local = value.astimezone()
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year} om {local:%H:%M}"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip("\n").splitlines())


def to_markdown(entries: Mapping[str, Mapping[str, str]], index: Mapping[str, Any] | None = None) -> str:
    """The journal as a readable Markdown document: per module a heading, per exercise the prompts, answers and
    dates. ``index`` is `ilomo.journal_index.build_index` (titles and prompts); without it ids are shown."""
    index = index or {}
    modules = {m["id"]: m for m in index.get("modules", [])}
    lines = ["# Mijn reflecties", "", f"Gemaakt op {dutch_time(now_iso())}, uit ILOMO.", ""]
    if not entries:
        return "\n".join([*lines, "Er zijn nog geen antwoorden.", ""])
    shown: set[str] = set()
    groups: dict[str, list[tuple[dict[str, Any], list[tuple[int, dict[str, Any], str]]]]] = {}
    for sc in index.get("reflecties", []):
        found = [(n, q, entry_key(sc["id"], q["id"])) for n, q in enumerate(sc["questions"], 1)
                 if entry_key(sc["id"], q["id"]) in entries]
        if found:
            groups.setdefault(sc["module"], []).append((sc, found))
    order = [m["id"] for m in index.get("modules", [])]
    for module_id in sorted(groups, key=lambda m: (order.index(m) if m in order else len(order), m)):
        lines += [f"## {module_label(module_id, modules)}", ""]
        for sc, found in groups[module_id]:
            lines += [f"### {sc['title']}", ""]
            for n, q, key in found:
                entry = entries[key]
                lines += [f"**Vraag {n}.** {' '.join(q['prompt'].split())}", "", _quote(entry["text"]), ""]
                if entry.get("updated"):
                    lines += [f"*Bewaard op {dutch_time(entry['updated'])}.*", ""]
                shown.add(key)
    rest = sorted(set(entries) - shown)
    if rest:
        lines += ["## Andere antwoorden", "", "Bij deze antwoorden vond ILOMO de vraag niet meer.", ""]
        for key in rest:
            entry = entries[key]
            lines += [f"**{key}**", "", _quote(entry["text"]), ""]
            if entry.get("updated"):
                lines += [f"*Bewaard op {dutch_time(entry['updated'])}.*", ""]
    return "\n".join(lines)


def module_label(module_id: str, modules: Mapping[str, Mapping[str, Any]]) -> str:
    if module_id in modules:
        return str(modules[module_id]["label"])
    return f"Module {int(module_id)}" if module_id.isdigit() else (module_id or "Zonder module")


# ---------------------------------------------------------------------------------------------------------
# The file


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
            if not _filled(text):
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
        folder = self.path.parent
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(dumps(entries))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        with contextlib.suppress(OSError):  # make the rename itself durable (not possible on every system)
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        folder = self.path.parent
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = self.path.with_name(self.path.name + ".lock")
        if fcntl is not None:
            with open(lock, "a+b") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        else:
            with _portable_lock(lock.with_name(lock.name + ".excl")):
                yield


_THREADS = threading.Lock()


@contextlib.contextmanager
def _portable_lock(path: Path) -> Iterator[None]:
    """A lock file created with O_EXCL (for systems without fcntl); a file older than STALE_LOCK is removed."""
    with _THREADS:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                break
            except FileExistsError:
                with contextlib.suppress(OSError):
                    if time.time() - path.stat().st_mtime > STALE_LOCK:
                        path.unlink()
                        continue
                if time.monotonic() > deadline:
                    raise JournalError(f"Het reflectiebestand is bezet ({path}). Probeer het zo opnieuw.") from None
                time.sleep(0.01)
        try:
            os.close(fd)
            yield
        finally:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
