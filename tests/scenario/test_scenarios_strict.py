"""The gate of issue 15: every scenario the project ships passes `ilomo validate --strict` (no didactic warning:
no dominant choice beyond a quarter of the situations, no same-next situations, no fixed rule that reaches the
advised ending, the advised choice not mostly the longest, at least 8 situations / 3 endings / 3 decisions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilomo.cli import main
from ilomo.scenario import validate_paths

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
pytestmark = pytest.mark.timeout(120)


def test_every_shipped_scenario_passes_strict() -> None:
    problems = validate_paths([SCENARIOS], warnings=True)
    assert [str(p) for p in problems] == []


def test_the_command_exits_0_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(SCENARIOS)]) == 0
    assert capsys.readouterr().out.endswith("bestanden in orde\n")
