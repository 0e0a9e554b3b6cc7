"""The limits per kind of input, and the refusal every guard raises."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one kind of input may be. Sizes in bytes (file) and characters (one text value)."""

    what: str  # Dutch noun used in messages: "scenario", "reflectiebestand", ...
    max_bytes: int
    max_depth: int
    max_text: int  # the longest single text value
    max_aliases: int = 0  # YAML aliases (*name); 0 = none allowed
    max_nodes: int = 200_000  # values after expanding aliases
    max_digits: int = 30  # a number with more digits is refused (Python refuses > 4300 with a traceback)
    surrogates: str = "refuse"  # lone surrogates in JSON texts: "refuse", or "replace" by U+FFFD (counted)


# A scenario of 1,000 situations is about 300 KB; a Markdown field of 10,000 characters renders in well
# under a second even in markdown-it's worst cases (emphasis runs), see bench/.
SCENARIO = Limits("scenario", max_bytes=2_000_000, max_depth=24, max_text=10_000, max_aliases=200)
# The site's journal: the browser's localStorage holds about 5 MB per site; the JS importer gets the same numbers
# (`browser_limits`, embedded in the journal page). Lone surrogates are replaced, so a backup of the site (where
# JavaScript strings may hold them) always imports in the CLI and the other way round.
JOURNAL = Limits("reflectiebestand", max_bytes=4_000_000, max_depth=8, max_text=100_000, surrogates="replace")
SESSION = Limits("sessiebestand", max_bytes=4_000_000, max_depth=12, max_text=10_000)
# A module notebook is committed without outputs (about 100 KB); widget state in its metadata nests a little.
NOTEBOOK = Limits("notebook", max_bytes=10_000_000, max_depth=32, max_text=1_000_000)
SOURCES = Limits("bronnenbestand", max_bytes=2_000_000, max_depth=12, max_text=10_000, max_aliases=50)


class InputRefused(ValueError):
    """An input file refused before or while parsing; `str()` is `path:line:column: message`."""

    def __init__(self, path: str, message: str, line: int = 1, column: int = 1) -> None:
        self.path, self.message, self.line, self.column = path, message, line, column
        super().__init__(f"{path}:{line}:{column}: {message}")


def number(n: int) -> str:
    """An integer the Dutch way: 200.000."""
    return f"{n:,}".replace(",", ".")


def size_text(n: int) -> str:
    """A size for people: '512 bytes', '3,2 kB', '4,0 MB' (Dutch decimal comma; halves round up, in integers, as
    the site's importer rounds them)."""
    if n < 1000:
        return f"{n} bytes"
    unit, name = (1_000_000, "MB") if n >= 1_000_000 else (1000, "kB")
    tenths = (n * 10 + unit // 2) // unit
    return f"{tenths // 10},{tenths % 10} {name}"


def browser_limits(limits: Limits) -> dict[str, object]:
    """The numbers the site's importer needs (ilomo-journal.js), from the same policy as the CLI."""
    return {"what": limits.what, "maxBytes": limits.max_bytes, "maxDepth": limits.max_depth,
            "maxText": limits.max_text, "maxDigits": limits.max_digits, "surrogates": limits.surrogates}
