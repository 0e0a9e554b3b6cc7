"""Editor support: the schema carries Dutch descriptions and examples, VS Code maps scenarios/*.yml to it, and
the schema stays in step with the model (tests/scenario/test_scenario_files.py checks the file itself)."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import jsonschema

from ilomo.scenario.finder import REPO_SCENARIOS
from ilomo.scenario.loader import parse_fast
from ilomo.scenario.schema import SCHEMA_FILE, json_schema

REPO = REPO_SCENARIOS.parent
SETTINGS = REPO / ".vscode" / "settings.json"


def properties():
    for name, definition in json_schema()["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            yield name, field, spec


def test_every_field_has_a_dutch_description():
    missing = [f"{n}.{f}" for n, f, spec in properties() if not spec.get("description")]
    assert missing == []


def test_the_main_fields_have_examples_that_the_schema_accepts():
    defs = json_schema()["$defs"]
    for model, field in [("Dilemma", "module"), ("Dilemma", "id"), ("Choice", "next"), ("Choice", "effects"),
                         ("Choice", "tags"), ("Choice", "requires"), ("Branch", "when"), ("Ending", "condition")]:
        spec = defs[model]["properties"][field]
        assert spec.get("examples"), f"{model}.{field} has no examples"
        for example in spec["examples"]:
            jsonschema.validate(example, {**spec, "$defs": defs})


def test_vscode_maps_every_scenario_file_to_the_committed_schema():
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    ((schema, globs),) = settings["yaml.schemas"].items()
    assert (REPO / schema).resolve() == SCHEMA_FILE.resolve()
    scenarios = [p.relative_to(REPO).as_posix() for p in REPO_SCENARIOS.glob("*.yml")]
    assert scenarios and all(any(fnmatch.fnmatch(s, g) for g in globs) for s in scenarios)
    assert settings["[yaml]"]["editor.insertSpaces"] is True  # a tab in YAML is an error


def test_the_starters_pass_the_schema_the_editor_uses():
    from ilomo.authoring.new import kinds, scenario_text

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for kind in kinds():
        jsonschema.validate(parse_fast(scenario_text(kind, "07-x", "07")), schema)


def test_the_schema_file_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(Path(SCHEMA_FILE).read_text(encoding="utf-8")))
