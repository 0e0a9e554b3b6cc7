"""The JSON Schema of scenario files, generated from the models (committed as scenarios/schema.json).

Regenerate with `ilomo validate --write-schema` or `python -m ilomo.scenario.schema [OUT]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .finder import REPO_SCENARIOS
from .model import SCENARIO_ADAPTER

SCHEMA_FILE = REPO_SCENARIOS / "schema.json"


def json_schema() -> dict[str, Any]:
    schema = SCENARIO_ADAPTER.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ILOMO-oefening",
        "description": "Een oefening (dilemma, sortering, stelling, reflectie of kennisvraag); "
        "zie docs/scenario-format.md.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path | None = None) -> Path:
    path = path or SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
