"""Where scenarios live: $ILOMO_SCENARIOS, the nearest `scenarios/` above the working directory, or the
repository's own `scenarios/` folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .model import ID_PATTERN, Scenario
from .validate import load

ENV = "ILOMO_SCENARIOS"
REPO_SCENARIOS = Path(__file__).resolve().parents[3] / "scenarios"  # src/ilomo/scenario -> repo root


class ScenarioNotFound(FileNotFoundError):
    """No `<id>.yml` in any of the folders searched."""


def _candidates() -> list[Path]:
    candidates = [Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p]
    cwd = Path.cwd()
    candidates += [d / "scenarios" for d in (cwd, *cwd.parents) if (d / "scenarios").is_dir()][:1]
    return [*candidates, REPO_SCENARIOS]


def search_dirs() -> list[Path]:
    """The folders `find()` searches, in order (existing ones, without repeats)."""
    seen: dict[Path, Path] = {}
    for d in _candidates():
        if d.is_dir():
            seen.setdefault(d.resolve(), d)
    return list(seen.values())


def scenarios_dir() -> Path | None:
    """The first folder `find()` searches: the default for `ilomo validate`."""
    dirs = search_dirs()
    return dirs[0] if dirs else None


def find_path(scenario_id: str) -> Path:
    """The file `<id>.yml` in the first folder of `search_dirs()` that has it."""
    if re.match(ID_PATTERN, scenario_id):
        for d in search_dirs():
            if (d / f"{scenario_id}.yml").is_file():
                return d / f"{scenario_id}.yml"
    searched = ", ".join(f"{d}" if d.is_dir() else f"{d} (bestaat niet)" for d in _candidates())
    raise ScenarioNotFound(f"scenario '{scenario_id}' niet gevonden; gezocht in: {searched}")


def find(scenario_id: str) -> Scenario:
    """The validated scenario `<id>.yml` from the first folder that has it."""
    return load(find_path(scenario_id))
