"""The stelling's checks after the model validated: unique option ids."""

from __future__ import annotations

from ilomo.kinds.stelling.model import Stelling
from ilomo.scenario.checks import duplicate_ids
from ilomo.scenario.problems import Finding, Note


def findings(sc: Stelling, name: str, note: Note) -> list[Finding]:
    return list(duplicate_ids(sc.options, "options"))
