"""The journal file format: the same JSON as the site's "Mijn reflecties" export, so answers move both ways::

    {"version": 1, "exported": iso (optional),
     "entries": {"<scenario id>/<question id>": {"text": str, "updated": iso, "module": "07"}}}

``updated`` is UTC with milliseconds and a ``Z`` (what JavaScript's ``toISOString`` writes). A blank answer is no
answer. `read_journal` reads such a file under the input policy (``ilomo.inputs.JOURNAL``: size, nesting, numbers,
lone surrogates replaced by U+FFFD); `parse_journal` checks its shape with the pydantic model `JournalFile` and
names the first problem in plain Dutch. The site's import (``parseBackup`` in ``ilomo-journal.js``) makes the same
checks in the same order with the same messages (``tests/hostile/journal/`` holds both to that).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, StrictStr, ValidationError

from ilomo import inputs
from ilomo.inputs.text import replace_surrogates

VERSION = 1
# "Bewaar allebei" joins two versions of one answer with this line (the site's import does the same).
BOTH_SEPARATOR = "\n\n--- Andere versie ---\n\n"
ID = r"[a-z0-9][a-z0-9-]*"
KEY = re.compile(rf"{ID}/{ID}")
# What JavaScript's String.prototype.trim() removes, so "blank" means the same on the site and here.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
           "\u2028\u2029\u202f\u205f\u3000\ufeff"
VERSION_UNKNOWN = f"Deze versie van het bestand ken ik niet. Ik ken alleen versie {VERSION}."
NOT_A_JOURNAL = "Dit is geen ILOMO-reflectiebestand: 'version' en 'entries' ontbreken."


class JournalError(Exception):
    """A journal file or import file that ILOMO cannot use; the message is plain Dutch for the learner."""


def _key(key: str) -> str:
    if not KEY.fullmatch(key):  # fullmatch: "a/b\n" is no key (a "$" would let the newline through)
        raise ValueError("no key")
    return key


Key = Annotated[str, AfterValidator(_key)]


class Entry(BaseModel):
    text: StrictStr
    updated: StrictStr = ""
    module: StrictStr = ""


class JournalFile(BaseModel):
    version: Literal[1]  # checked strictly first: True and 1.0 are no version 1 (`parse_journal`)
    exported: StrictStr | None = None
    entries: dict[Key, Entry]


def _dutch(error: Mapping[str, Any]) -> str:
    """The first pydantic error of a journal as the learner reads it."""
    loc = error["loc"]
    if loc[0] == "version":
        return VERSION_UNKNOWN
    if loc[0] == "exported":
        return "In dit bestand is 'exported' geen tekst."
    if len(loc) == 1:
        return "In dit bestand is 'entries' geen lijst van antwoorden."
    key = json.dumps(loc[1], ensure_ascii=False)[1:-1]  # on one line: "a/b\n" shows as a/b\n (as the site shows it)
    if len(loc) > 2 and loc[2] == "[key]":
        return f"Het antwoord '{key}' heeft geen geldige naam (oefening/vraag)."
    if len(loc) == 2 or loc[2] == "text":
        return f"Het antwoord '{key}' heeft geen tekst."
    return f"Bij het antwoord '{key}' is '{loc[2]}' geen tekst."


def parse_journal(data: Any) -> dict[str, dict[str, str]]:
    """The entries of a journal (or an export of the site); raises `JournalError` naming the first problem."""
    if not isinstance(data, dict) or "entries" not in data or "version" not in data:
        raise JournalError(NOT_A_JOURNAL)
    if type(data["version"]) is not int or data["version"] != VERSION:  # JSON true and 1.0 are not version 1
        raise JournalError(VERSION_UNKNOWN)
    try:
        journal = JournalFile.model_validate(data)
    except ValidationError as err:
        raise JournalError(_dutch(err.errors()[0])) from None
    return {key: entry.model_dump() for key, entry in journal.entries.items() if filled(entry.text)}


class JournalText:
    """A journal file's text read under the input policy: its entries and how many invalid characters (lone
    surrogates) were replaced by U+FFFD."""

    def __init__(self, entries: dict[str, dict[str, str]], replaced: int) -> None:
        self.entries, self.replaced = entries, replaced


def read_journal(path: str | os.PathLike[str], name: str | None = None) -> JournalText:
    """A journal or backup file under the input policy; `inputs.InputRefused` (regular file, size, UTF-8, nesting,
    numbers, text length) or `JournalError` (its shape) when ILOMO cannot use it."""
    name = name or str(path)
    return parse_text(inputs.decode(inputs.read_bytes(path, inputs.JOURNAL, name), name), name)


def parse_text(text: str, name: str) -> JournalText:
    data, replaced = inputs.load_json_counted(text, inputs.JOURNAL, name)
    return JournalText(parse_journal(data), replaced)


def replaced_note(count: int) -> str:
    """The visible note when lone surrogates were replaced (empty when none)."""
    if not count:
        return ""
    what = "1 ongeldig teken is" if count == 1 else f"{count} ongeldige tekens zijn"
    return f"{what} vervangen door \ufffd."


def clean_text(text: str) -> tuple[str, int]:
    """A text that can be written as UTF-8: lone surrogates replaced by U+FFFD (and how many)."""
    return replace_surrogates(text)


def dumps(entries: Mapping[str, Mapping[str, str]], exported: bool = False) -> str:
    data: dict[str, Any] = {"version": VERSION}
    if exported:
        data["exported"] = now_iso()
    data["entries"] = {k: dict(entries[k]) for k in sorted(entries)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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


def filled(text: str) -> bool:
    return bool(text.strip(JS_SPACE))
