"""Problems found in scenario files, and the exception that carries them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Loc = tuple[str | int, ...]
Note = Callable[[str], None]
"""Where a check says something that is no problem (e.g. that the graph was too large to explore fully)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a scenario file; line and column are 1-based. A `warning` (a didactic one, see
    didactics.py) does not make the file invalid; `ilomo validate --strict` treats it as an error."""

    path: str
    line: int
    column: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {'waarschuwing: ' if self.warning else ''}{self.message}"


@dataclass(frozen=True)
class Finding:
    """A problem before it has a position: `loc` is the path of keys/indexes into the YAML document.

    `at_key` points at the key itself (unknown fields, undefined meters) instead of its value.
    """

    loc: Loc
    message: str
    at_key: bool = False
    warning: bool = False


class ScenarioInvalid(ValueError):
    """Raised by `load()` when a scenario file has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that make a file invalid (not the warnings)."""
    return [p for p in problems if not p.warning]
