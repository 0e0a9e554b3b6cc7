"""The GitHub Actions workflow: `make test` on every push and pull request, GitHub Pages only from main."""

from __future__ import annotations

import re
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
MAIN_PUSH = {"github.event_name": "push", "github.ref": "refs/heads/main"}
EVENTS = {
    "push to main": MAIN_PUSH,
    "push to a branch": {"github.event_name": "push", "github.ref": "refs/heads/feature"},
    "pull request": {"github.event_name": "pull_request", "github.ref": "refs/pull/1/merge"},
}


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return YAML(typ="safe").load(WORKFLOW)  # YAML 1.2: the key `on` stays a string


def runs(condition: str | None, context: dict[str, str]) -> bool:
    """Evaluate the simple `if:` expressions the workflow uses: `a == 'x' && b == 'y'`."""
    if not condition:
        return True
    terms = [t.strip() for t in condition.removeprefix("${{").removesuffix("}}").split("&&")]
    checks = [re.fullmatch(r"([\w.]+)\s*==\s*'([^']*)'", t) for t in terms]
    assert all(checks), f"unexpected condition: {condition}"
    return all(context.get(m.group(1)) == m.group(2) for m in checks)


def uses(step: dict[str, Any], action: str) -> bool:
    return str(step.get("uses", "")).split("@")[0] == action


def test_triggers_on_push_and_pull_request(workflow: dict[str, Any]) -> None:
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert workflow.get("permissions") == {"contents": "read"}  # jobs ask for more only where needed


def test_test_job_runs_make_test_via_ci_run(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["test"]
    assert job["runs-on"] == "ubuntu-latest"
    steps = job["steps"]
    python = next(s for s in steps if uses(s, "actions/setup-python"))
    assert str(python["with"]["python-version"]) == "3.11"
    node = next(s for s in steps if uses(s, "actions/setup-node"))
    assert str(node["with"]["node-version"]) == "20"
    assert any(uses(s, "actions/checkout") for s in steps)
    commands = [s["run"].strip() for s in steps if "run" in s]
    assert ".ci/run" in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "apt-get install" in ci and "chromium" in ci
    # Only the project's own entry points: what CI does, a laptop does with the same commands.
    assert all(c == ".ci/run" or c.startswith("make ") for c in commands), commands
    for event, context in EVENTS.items():
        active = [s for s in steps if runs(s.get("if"), context)]
        assert any(s.get("run", "").strip() == ".ci/run" for s in active), f"{event}: make test does not run"


def test_pages_artifact_is_the_built_site_and_only_from_main(workflow: dict[str, Any]) -> None:
    steps = workflow["jobs"]["test"]["steps"]
    upload = next(s for s in steps if uses(s, "actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    build = next(s for s in steps if s.get("run", "").strip() == "make book")
    test_step = next(i for i, s in enumerate(steps) if s.get("run", "").strip() == ".ci/run")
    assert test_step < steps.index(build) < steps.index(upload)  # tested first, then built and uploaded
    for event, context in EVENTS.items():
        assert runs(upload.get("if"), context) == (context == MAIN_PUSH), event


def test_deploy_job_publishes_to_pages_only_from_main(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["deploy"]
    assert job["needs"] in ("test", ["test"])
    for event, context in EVENTS.items():
        assert runs(job.get("if"), context) == (context == MAIN_PUSH), event
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in job["environment"]["url"]
    deploy = next(s for s in job["steps"] if uses(s, "actions/deploy-pages"))
    assert deploy["id"] == "deployment"
    assert job["concurrency"]["cancel-in-progress"] is False  # never stop a deployment halfway
    assert all(re.fullmatch(r"actions/[\w-]+@v\d+", s["uses"]) for s in job["steps"] if "uses" in s)


def test_launch_buttons_point_at_this_repository(workflow: dict[str, Any]) -> None:
    env = workflow.get("env", {})
    assert env.get("ILOMO_REPOSITORY") == "${{ github.server_url }}/${{ github.repository }}"
