"""Scenario files: models, loading and validation, and the play engine (no Jupyter imports).

See docs/scenario-format.md for the contract.
"""

from .engine import DilemmaPlay, KnowledgePlay, Placement, Play, ReflectionPlay, SortPlay, StellingPlay, start
from .finder import ScenarioNotFound, find, find_path, scenarios_dir
from .model import Dilemma, Reflectie, Scenario, Sortering, Stelling
from .problems import Problem, ScenarioInvalid
from .validate import load, validate_paths, validate_text

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
