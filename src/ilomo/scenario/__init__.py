"""Scenario files: loading and validation, and starting a play (no Jupyter imports). Each kind's model, play
and checks are in ``ilomo/kinds/<kind>/``; the names below are re-exported so imports do not change.

See docs/scenario-format.md for the contract.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ilomo.kinds.dilemma.model import Dilemma
    from ilomo.kinds.dilemma.play import DilemmaPlay
    from ilomo.kinds.kennisvraag.play import KnowledgePlay
    from ilomo.kinds.reflectie.model import Reflectie
    from ilomo.kinds.reflectie.play import ReflectionPlay
    from ilomo.kinds.sortering.model import Sortering
    from ilomo.kinds.sortering.play import Placement, SortPlay
    from ilomo.kinds.stelling.model import Stelling
    from ilomo.kinds.stelling.play import StellingPlay

    from .engine import Play, start
    from .finder import ScenarioNotFound, find, find_path, scenarios_dir
    from .problems import Problem, ScenarioInvalid
    from .union import Scenario
    from .validate import load, validate_paths, validate_text

# Imported on first use: the kinds' registry imports submodules of this package while it loads.
_HOMES = {
    "Dilemma": "ilomo.kinds.dilemma.model",
    "DilemmaPlay": "ilomo.kinds.dilemma.play",
    "KnowledgePlay": "ilomo.kinds.kennisvraag.play",
    "Placement": "ilomo.kinds.sortering.play",
    "Play": "ilomo.scenario.engine",
    "Problem": "ilomo.scenario.problems",
    "Reflectie": "ilomo.kinds.reflectie.model",
    "ReflectionPlay": "ilomo.kinds.reflectie.play",
    "Scenario": "ilomo.scenario.union",
    "ScenarioInvalid": "ilomo.scenario.problems",
    "ScenarioNotFound": "ilomo.scenario.finder",
    "SortPlay": "ilomo.kinds.sortering.play",
    "Sortering": "ilomo.kinds.sortering.model",
    "Stelling": "ilomo.kinds.stelling.model",
    "StellingPlay": "ilomo.kinds.stelling.play",
    "find": "ilomo.scenario.finder",
    "find_path": "ilomo.scenario.finder",
    "load": "ilomo.scenario.validate",
    "scenarios_dir": "ilomo.scenario.finder",
    "start": "ilomo.scenario.engine",
    "validate_paths": "ilomo.scenario.validate",
    "validate_text": "ilomo.scenario.validate",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)


__all__ = [
    "Dilemma",
    "DilemmaPlay",
    "KnowledgePlay",
    "Placement",
    "Play",
    "Problem",
    "Reflectie",
    "ReflectionPlay",
    "Scenario",
    "ScenarioInvalid",
    "ScenarioNotFound",
    "SortPlay",
    "Sortering",
    "Stelling",
    "StellingPlay",
    "find",
    "find_path",
    "load",
    "scenarios_dir",
    "start",
    "validate_paths",
    "validate_text",
]
