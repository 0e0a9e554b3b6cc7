"""The reflectie's checks after the model validated: unique question ids."""

from __future__ import annotations

from ilomo.kinds.reflectie.model import Reflectie
from ilomo.scenario.checks import duplicate_ids
from ilomo.scenario.problems import Finding, Note


def findings(sc: Reflectie, name: str, note: Note) -> list[Finding]:
    return list(duplicate_ids(sc.questions, "questions"))
