"""The reflection journal: one package for everything about a learner's answers to reflection questions.

- ``store``: the `ReflectionStore` interface the players talk to, and `MemoryStore`;
- ``format``: the file format (the site's backup JSON), checked by a pydantic model with Dutch errors;
- ``merge``: merging two journals without overwriting anything unasked;
- ``markdown``: the journal as a readable Markdown document;
- ``file``: `FileJournal`, the journal file with its lock and atomic write;
- ``index``: what the journal page, the track progress and ``ilomo journal export`` know about the book.

The command (``ilomo journal``) is in ``ilomo.cli.journal``; the site's journal page in ``ilomo.sphinxext.journal``
with its browser side in ``sphinxext/static/ilomo-journal.{js,css}``.
"""

from ilomo.journal.file import ENV, ENV_NO_JOURNAL, FileJournal, default_path, default_store
from ilomo.journal.format import BOTH_SEPARATOR, VERSION, JournalError, dumps, entry_key, now_iso, parse_journal
from ilomo.journal.markdown import to_markdown
from ilomo.journal.merge import CHOICES, Conflict, MergeReport, merge_entries
from ilomo.journal.store import MemoryStore, ReflectionStore

__all__ = [
    "BOTH_SEPARATOR",
    "CHOICES",
    "ENV",
    "ENV_NO_JOURNAL",
    "VERSION",
    "Conflict",
    "FileJournal",
    "JournalError",
    "MemoryStore",
    "MergeReport",
    "ReflectionStore",
    "default_path",
    "default_store",
    "dumps",
    "entry_key",
    "merge_entries",
    "now_iso",
    "parse_journal",
    "to_markdown",
]
