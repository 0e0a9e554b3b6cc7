"""Building small scenarios in tests (as validated models)."""

from __future__ import annotations

from typing import Any

from ilomo.scenario.model import SCENARIO_ADAPTER


def meter(
    name: str, lo: int = 0, hi: int = 10, start: int = 5, better: str = "higher", **fields: Any
) -> dict[str, Any]:
    return {"name": name, "label": name.title(), "min": lo, "max": hi, "start": start, "better": better, **fields}


def choice(next_: str, label: str = "", **fields: Any) -> dict[str, Any]:
    return {"label": label or f"naar {next_}", "next": next_, "feedback": f"feedback {label or next_}", **fields}


def situation(sid: str, *choices: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"id": sid, "text": f"tekst {sid}", "choices": list(choices), **fields}


def ending(eid: str, **fields: Any) -> dict[str, Any]:
    return {"id": eid, "title": f"einde {eid}", "text": f"tekst {eid}", **fields}


def dilemma_data(situations: list, endings: list, meters: list | None = None, **fields: Any) -> dict[str, Any]:
    return {
        "id": "test",
        "kind": "dilemma",
        "title": "Test",
        "module": "demo",
        "meters": meters or [],
        "start": situations[0]["id"],
        "situations": situations,
        "endings": endings,
        **fields,
    }


def dilemma(situations: list, endings: list, meters: list | None = None, **fields: Any) -> Any:
    return SCENARIO_ADAPTER.validate_python(dilemma_data(situations, endings, meters, **fields))


def scenario(**data: Any) -> Any:
    return SCENARIO_ADAPTER.validate_python({"id": "test", "title": "Test", "module": "demo", **data})
