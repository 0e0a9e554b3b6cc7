"""Small text helpers shared by the guards: positions and lone surrogates."""

from __future__ import annotations

import re

from .policy import InputRefused

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def position(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    before = data[:offset]
    return before.count(newline) + 1, offset - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]


def check_surrogates(text: str, name: str) -> None:
    """Refuse text with a lone surrogate (it cannot be written as UTF-8)."""
    found = SURROGATE.search(text)
    if found:
        raise InputRefused(name, "ongeldig teken (een losse surrogaat, U+D800-U+DFFF) in de tekst",
                           *position(text, found.start()))


def replace_surrogates(text: str) -> tuple[str, int]:
    """(text with every lone surrogate replaced by U+FFFD, how many were replaced)."""
    return SURROGATE.subn(REPLACEMENT, text)
