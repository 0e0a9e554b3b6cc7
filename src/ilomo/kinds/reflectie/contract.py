"""The reflectie's part of the player contract (docs/player-contract.md, "reflectie")."""

from __future__ import annotations

from typing import Any


def compile_reflectie(sc: Any, c: Any) -> dict[str, Any]:
    return {
        "questions": [
            {"id": q.id, "prompt": c.md(q.prompt, f"questions.{q.id}.prompt"),
             "hint": c.md(q.hint, f"questions.{q.id}.hint")}
            for q in sc.questions
        ],
    }  # fmt: skip
