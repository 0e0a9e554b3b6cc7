"""Helpers for the room tests: enter votes, read the chart and the status as plain text."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ilomo.room.votes import VoteTally

_TAGS = re.compile(r"<[^>]+>")


def plain(value: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", value)).split())


def vote(tally: VoteTally, counts: Sequence[int]) -> None:
    """Type the counts into the fields, one by one, as the trainer does."""
    for field, count in zip(tally.fields, counts, strict=True):
        field.value = count


def session_data(folder: Path) -> dict[str, Any]:
    [path] = sorted(folder.glob("sessie-*.json"))
    return json.loads(path.read_text(encoding="utf-8"))
