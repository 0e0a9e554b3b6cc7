"""Validation of scenario files: YAML, models, references and the graph, as positioned Problems."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ilomo.kinds import kind_of

from .. import inputs
from . import checks
from .errors import validate_model
from .loader import LoadError, parse_fast, parse_round_trip, plain, read_text
from .positions import locate
from .problems import Finding, Note, Problem, ScenarioInvalid
from .union import Scenario


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def findings(sc: Scenario, stem: str | None, name: str, note: Note = _stderr) -> list[Finding]:
    """Every check after the model validated: the shared ones, then the kind's own (from the registry)."""
    return checks.common_findings(sc, stem) + kind_of(sc.kind).findings()(sc, name, note)


def check_text(
    text: str, name: str, stem: str | None = None, note: Note = _stderr, warnings: bool = False
) -> tuple[Any, list[Problem]]:
    """(model or None, problems) for a scenario's text; `name` is the path shown in problems and `stem`
    the file name the id must equal (None: not checked). With `warnings`, a valid dilemma also gets its
    didactic warnings (the model is still returned: warnings do not make a file invalid)."""
    try:
        inputs.check_yaml(text, inputs.SCENARIO, name)
    except inputs.InputRefused as err:
        return None, [Problem(name, err.line, err.column, err.message)]
    data, tree = parse_fast(text), None
    try:
        if data is None:
            tree = parse_round_trip(text, name)
            data = plain(tree)
        model, found = validate_model(data, text)
    except LoadError as err:
        return None, [err.problem]
    except RecursionError:
        return None, [Problem(name, 1, 1, "het bestand is te diep genest of verwijst naar zichzelf")]
    if model is not None:
        found = findings(model, stem, name, note)
    if found:
        return None, _place(found, text, tree, name)
    advise = kind_of(model.kind).advice() if warnings else None
    if advise is not None:
        advice = advise(model)
        return model, _place(advice, text, tree, name) if advice else []
    return model, []


def _place(found: list[Finding], text: str, tree: Any, name: str) -> list[Problem]:
    """Findings -> Problems at their line/column (parsing the round-trip tree only now that it is needed)."""
    try:
        tree = tree if tree is not None else parse_round_trip(text, name)
    except LoadError:  # the fast parser read it, so this should not happen; keep the problems anyway
        tree = None
    return sorted({Problem(name, *locate(tree, f.loc, f.at_key), f.message, f.warning) for f in found})


def validate_text(text: str, name: str = "<tekst>", stem: str | None = None) -> list[Problem]:
    """Problems of a scenario given as text (the id is compared with `stem` only when given)."""
    return check_text(text, name, stem)[1]


def check_file(path: str | Path, note: Note = _stderr, warnings: bool = False) -> tuple[Any, list[Problem], str]:
    """(model or None, problems, text) of one file (with `warnings`: also the didactic warnings)."""
    name = str(path)
    try:
        text = read_text(Path(path), name)
    except LoadError as err:
        return None, [err.problem], ""
    model, problems = check_text(text, name, Path(path).stem, note, warnings)
    return model, problems, text


def load(path: str | Path) -> Scenario:
    """The validated scenario; ScenarioInvalid(problems) when the file has problems."""
    model, problems, _ = check_file(path)
    if problems:
        raise ScenarioInvalid(problems)
    return model


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory means its *.yml files (sorted). A directory whose name ends in .yml is
    kept as it is, so that reading it is refused with a message instead of being searched."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.yml")) if p.is_dir() and p.suffix != ".yml" else [p])
    return files


def empty_folders(paths: Iterable[str | Path]) -> list[Problem]:
    """A problem for every folder given that holds no scenario (*.yml): nothing checked is not 'all fine'."""
    return [Problem(str(p), 1, 1, "in deze map staan geen scenario's (.yml-bestanden)")
            for p in map(Path, paths) if p.is_dir() and p.suffix != ".yml" and not any(p.glob("*.yml"))]


def validate_paths(paths: Iterable[str | Path], note: Note = _stderr, warnings: bool = False) -> list[Problem]:
    """Problems of every file (directories: their *.yml), including scenario ids used twice; with
    `warnings` also the didactic warnings of the dilemmas (`Problem.warning`)."""
    paths = list(paths)
    problems: list[Problem] = empty_folders(paths)
    owners: dict[str, str] = {}
    for path in expand(paths):
        model, found, text = check_file(path, note, warnings)
        problems += found
        if model is None:
            continue
        first = owners.setdefault(model.id, str(path))
        if first != str(path):
            line, column = locate(parse_round_trip(text, str(path)), ("id",))
            problems.append(Problem(str(path), line, column, f"scenario-id '{model.id}' komt ook voor in {first}"))
    return problems
