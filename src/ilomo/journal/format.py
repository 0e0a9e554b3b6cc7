"""The journal file format: the same JSON as the site's "Mijn reflecties" export, so answers move both ways::

    {"version": 1, "exported": iso (optional),
     "entries": {"<scenario id>/<question id>": {"text": str, "updated": iso, "module": "07"}}}

``updated`` is UTC with milliseconds and a ``Z`` (what JavaScript's ``toISOString`` writes). A blank answer is no
answer. `parse_journal` checks a file with the pydantic model `JournalFile` and names the first problem in plain Dutch
(the same rules as the site's import in ``ilomo-journal.js``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import BaseModel, StrictStr, StringConstraints, ValidationError

VERSION = 1
# "Bewaar allebei" joins two versions of one answer with this line (the site's import does the same).
BOTH_SEPARATOR = "\n\n--- Andere versie ---\n\n"
ID = r"[a-z0-9][a-z0-9-]*"
Key = Annotated[str, StringConstraints(pattern=rf"^{ID}/{ID}$")]


class JournalError(Exception):
    """A journal file or import file that ILOMO cannot use; the message is plain Dutch for the learner."""


class Entry(BaseModel):
    text: StrictStr
    updated: StrictStr = ""
    module: StrictStr = ""


class JournalFile(BaseModel):
    version: Literal[1]
    exported: StrictStr | None = None
    entries: dict[Key, Entry]


def _dutch(error: Mapping[str, Any]) -> str:
    """The first pydantic error of a journal as the learner reads it."""
    loc = error["loc"]
    if loc[0] == "version":
        return f"Deze versie van het bestand ken ik niet: {error['input']!r}. Ik ken alleen versie {VERSION}."
    if loc[0] == "exported":
        return "In dit bestand is 'exported' geen tekst."
    if len(loc) == 1:
        return "In dit bestand is 'entries' geen lijst van antwoorden."
    key = loc[1]
    if len(loc) > 2 and loc[2] == "[key]":
        return f"Het antwoord '{key}' heeft geen geldige naam (oefening/vraag)."
    if len(loc) == 2 or loc[2] == "text":
        return f"Het antwoord '{key}' heeft geen tekst."
    return f"Bij het antwoord '{key}' is '{loc[2]}' geen tekst."


def parse_journal(data: Any) -> dict[str, dict[str, str]]:
    """The entries of a journal (or an export of the site); raises `JournalError` naming the first problem."""
    if not isinstance(data, dict) or "entries" not in data or "version" not in data:
        raise JournalError("Dit is geen ILOMO-reflectiebestand: 'version' en 'entries' ontbreken.")
    try:
        journal = JournalFile.model_validate(data)
    except ValidationError as err:
        raise JournalError(_dutch(err.errors()[0])) from None
    return {key: entry.model_dump() for key, entry in journal.entries.items() if filled(entry.text)}


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
    return bool(text.strip())
