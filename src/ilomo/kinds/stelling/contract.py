"""The stelling's part of the player contract (docs/player-contract.md, "stelling")."""

from __future__ import annotations

from typing import Any


def compile_stelling(sc: Any, c: Any) -> dict[str, Any]:
    return {
        "statement": sc.statement,
        "options": [{"id": o.id, "label": o.label} for o in sc.options],
        "perspectives": [
            {"title": p.title, "text": c.md(p.text, f"perspectives[{i}].text")} for i, p in enumerate(sc.perspectives)
        ],
        "questions": list(sc.questions),
    }
