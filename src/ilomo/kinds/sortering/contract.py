"""The sortering's part of the player contract (docs/player-contract.md, "sortering")."""

from __future__ import annotations

from typing import Any


def compile_sortering(sc: Any, c: Any) -> dict[str, Any]:
    return {
        "categories": [{"id": k.id, "label": k.label, "description": k.description} for k in sc.categories],
        "items": [
            {"id": i.id, "text": c.md(i.text, f"items.{i.id}.text"), "category": i.category,
             "feedback": c.md(i.feedback, f"items.{i.id}.feedback")}
            for i in sc.items
        ],
    }  # fmt: skip
