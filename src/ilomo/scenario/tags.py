"""The one list of choice tags (``src/ilomo/data/tags.yml``) and the warnings for tags that are not on it.

A misspelt LEAP step (`luisetren`) would otherwise pass silently and drop out of the ending's LEAP summary.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from ruamel.yaml import YAML

from .problems import Finding

if TYPE_CHECKING:  # the dilemma's contract imports this module while the registry loads
    from ilomo.kinds.dilemma.model import Dilemma

TAGS_FILE = "src/ilomo/data/tags.yml"


@lru_cache(maxsize=1)
def _data() -> dict:
    return YAML(typ="safe").load(files("ilomo").joinpath("data", "tags.yml").read_text(encoding="utf-8"))


def leap_steps() -> tuple[str, ...]:
    """The four LEAP steps, in order."""
    return tuple(_data()["leap"])


def no_leap() -> str:
    return str(_data()["no_leap"])


def known_tags() -> tuple[str, ...]:
    """Every known tag: the LEAP steps, geen-leap and the project's free tags."""
    return (*leap_steps(), no_leap(), *_data()["tags"])


def suggestion(tag: str) -> str | None:
    """The known tag that `tag` probably means: a LEAP step first (they matter for the summary)."""
    for pool, cutoff in (((*leap_steps(), no_leap()), 0.7), (known_tags(), 0.8)):
        close = difflib.get_close_matches(tag, pool, n=1, cutoff=cutoff)
        if close:
            return close[0]
    return None


def warnings(sc: Dilemma) -> list[Finding]:
    """A warning for every tag that is not on the list, with a suggestion when it is close to one."""
    known = set(known_tags())
    found = []
    for i, situation in enumerate(sc.situations):
        for j, choice in enumerate(situation.choices):
            for k, tag in enumerate(choice.tags):
                if tag in known:
                    continue
                close = suggestion(tag)
                if close:
                    message = f"onbekende tag '{tag}'; bedoel je '{close}'?"
                else:
                    message = (f"onbekende tag '{tag}'; de LEAP-stappen zijn {', '.join(leap_steps())} en "
                               f"{no_leap()}; een nieuwe tag voeg je toe aan {TAGS_FILE}")  # fmt: skip
                found.append(Finding(("situations", i, "choices", j, "tags", k), message, warning=True))
    return found
