"""The JSON Schema is generated from the models, and every scenario in the repository is valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ilomo.scenario import ScenarioNotFound, find, find_path, scenarios_dir, validate_paths
from ilomo.scenario.finder import REPO_SCENARIOS
from ilomo.scenario.loader import parse_fast
from ilomo.scenario.schema import SCHEMA_FILE, json_schema, schema_text

SCENARIOS = sorted(REPO_SCENARIOS.glob("*.yml"))
SCHEMA = json_schema()


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "scenarios/schema.json is out of date; regenerate it with `ilomo validate --write-schema` "
        "or `python -m ilomo.scenario.schema`"
    )


def test_schema_is_a_valid_json_schema_with_dutch_descriptions():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$defs"]["Choice"]["properties"]["once"]["description"].startswith("true: de keuze")
    assert schema["$defs"]["Choice"]["additionalProperties"] is False


def test_there_are_scenarios():
    assert any(p.stem == "demo-gesprek" for p in SCENARIOS)


@pytest.fixture(scope="module")
def folder_problems() -> list[str]:
    """One validation of the whole folder (also catches scenario ids used twice)."""
    return [str(p) for p in validate_paths([REPO_SCENARIOS])]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario_is_valid(path, folder_problems):
    assert [p for p in folder_problems if p.startswith(f"{path}:")] == []
    data = json.loads(json.dumps(parse_fast(path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(data, SCHEMA)  # the schema authors use in their editor agrees


def test_the_whole_folder_is_valid(folder_problems):
    assert folder_problems == []


def test_find_searches_env_then_nearest_scenarios_then_the_repository(tmp_path, monkeypatch):
    own, nearest = tmp_path / "eigen", tmp_path / "project" / "scenarios"
    own.mkdir()
    nearest.mkdir(parents=True)
    (tmp_path / "project" / "diep").mkdir()
    text = (REPO_SCENARIOS / "demo-gesprek.yml").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path / "project" / "diep")
    monkeypatch.delenv("ILOMO_SCENARIOS", raising=False)
    assert find_path("demo-gesprek") == REPO_SCENARIOS / "demo-gesprek.yml"
    assert scenarios_dir() == nearest
    (nearest / "demo-gesprek.yml").write_text(text, encoding="utf-8")
    assert find_path("demo-gesprek") == nearest / "demo-gesprek.yml"
    monkeypatch.setenv("ILOMO_SCENARIOS", str(own))
    (own / "demo-gesprek.yml").write_text(text.replace("Een bezorgde", "Eigen"), encoding="utf-8")
    assert find("demo-gesprek").title.startswith("Eigen")
    assert scenarios_dir() == own


def test_find_names_the_id_and_the_folders_searched(tmp_path, monkeypatch):
    monkeypatch.setenv("ILOMO_SCENARIOS", str(tmp_path / "weg"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ScenarioNotFound) as err:
        find("bestaat-niet")
    message = str(err.value)
    assert message.startswith("scenario 'bestaat-niet' niet gevonden; gezocht in: ")
    assert f"{tmp_path / 'weg'} (bestaat niet)" in message and str(REPO_SCENARIOS) in message
    with pytest.raises(ScenarioNotFound):
        find("../scenarios/demo-gesprek")


def test_repository_folder_is_found_from_the_source_location():
    assert Path(__file__).resolve().parents[2] / "scenarios" == REPO_SCENARIOS
