"""The kennisvraag's checks after the model validated: unique ids, the right number of correct answers."""

from __future__ import annotations

from collections.abc import Iterator

from ilomo.kinds.kennisvraag.model import Kennisvraag
from ilomo.scenario.checks import duplicate_ids, duplicates
from ilomo.scenario.problems import Finding, Note


def findings(sc: Kennisvraag, name: str, note: Note) -> list[Finding]:
    return list(knowledge_findings(sc))


def knowledge_findings(sc: Kennisvraag) -> Iterator[Finding]:
    """Unique ids; at least one correct answer, exactly one unless `multiple: true`."""
    yield from duplicate_ids(sc.questions, "questions")
    for i, q in enumerate(sc.questions):
        yield from duplicates(((("questions", i, "options", j, "id"), o.id) for j, o in enumerate(q.options)))
        right = sum(o.correct for o in q.options)
        if right == 0:
            yield Finding(("questions", i, "options"), f"vraag '{q.id}' heeft geen goed antwoord; zet bij één "
                          "antwoord correct: true")
        elif right > 1 and not q.multiple:
            yield Finding(("questions", i, "multiple"), f"vraag '{q.id}' heeft {right} goede antwoorden; zet "
                          "multiple: true, of laat er één goed zijn")
