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

from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use (PEP 562): ``import ilomo`` imports only ``store``; the file, its lock and pydantic wait until a
# journal is opened.
_MODULE_OF = {
    **dict.fromkeys(("ENV", "ENV_NO_JOURNAL", "FileJournal", "default_path", "default_store"), "file"),
    **dict.fromkeys(("BOTH_SEPARATOR", "VERSION", "JournalError", "dumps", "entry_key", "now_iso", "parse_journal"),
                    "format"),
    "to_markdown": "markdown",
    **dict.fromkeys(("CHOICES", "Conflict", "MergeReport", "merge_entries"), "merge"),
    **dict.fromkeys(("MemoryStore", "ReflectionStore"), "store"),
}


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'ilomo.journal' has no attribute {name!r}")
    return getattr(importlib.import_module(f"ilomo.journal.{_MODULE_OF[name]}"), name)


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
