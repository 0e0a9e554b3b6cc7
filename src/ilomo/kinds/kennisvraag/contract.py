"""The kennisvraag's part of the player contract (docs/player-contract.md, "kennisvraag")."""

from __future__ import annotations

from typing import Any


def compile_kennisvraag(sc: Any, c: Any) -> dict[str, Any]:
    return {
        "questions": [
            {
                "id": q.id,
                "question": c.md(q.question, f"questions.{q.id}.question"),
                "multiple": q.multiple,
                "shuffle": q.shuffle,
                "options": [
                    {"id": o.id, "label": o.label, "correct": o.correct,
                     "explanation": c.md(o.explanation, f"questions.{q.id}.options.{o.id}.explanation")}
                    for o in q.options
                ],
            }
            for q in sc.questions
        ],
    }
