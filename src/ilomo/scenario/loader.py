"""Reading scenario files: bytes -> text -> YAML data; every failure becomes a Problem, never a traceback.

Two parsers: the fast safe loader (C-accelerated when ruamel's clib is installed) for the common case,
and the round-trip loader, whose `.lc` line/column information is needed only to place problems.
Both are ruamel.yaml with the same YAML 1.2 rules, so they read the same values.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .. import inputs
from ..inputs.text import position
from .problems import Problem


class LoadError(Exception):
    """A file that cannot be read as a YAML mapping; carries the one Problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_text(path: Path, name: str) -> str:
    """The file as text under the input policy (regular file, size, strict UTF-8, nesting, aliases);
    LoadError with the one Problem that says why not."""
    try:
        text = inputs.read_text(path, inputs.SCENARIO, name)
        inputs.check_yaml(text, inputs.SCENARIO, name)
    except inputs.InputRefused as err:
        raise LoadError(Problem(name, err.line, err.column, err.message)) from None
    return text


def _yaml(typ: str) -> YAML:
    yaml = YAML(typ=typ, pure=typ == "rt")
    yaml.allow_duplicate_keys = False
    return yaml


_FAST = _yaml("safe")  # uses the C parser when ruamel.yaml.clib is installed
_ROUND_TRIP = _yaml("rt")


def parse_fast(text: str) -> dict[str, Any] | None:
    """Plain data from the fast loader, or None when it is not a clean mapping (the round-trip parse,
    which has positions, then explains why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a reused anchor: valid YAML, nothing for authors
            data = plain(_FAST.load(text))
    except Exception:  # any failure: parse_round_trip reports it with a position
        return None
    return data if isinstance(data, dict) else None


def parse_round_trip(text: str, name: str) -> Any:
    """The round-trip tree (with `.lc` positions); LoadError for syntax errors and non-mappings."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = _ROUND_TRIP.load(text)
    except YAMLError as err:
        raise LoadError(yaml_problem(err, text, name)) from None
    except RecursionError:
        raise LoadError(Problem(name, 1, 1, "het bestand is te diep genest")) from None
    except Exception as err:  # a parser bug on strange input must still not become a traceback
        raise LoadError(Problem(name, 1, 1, f"het bestand kan niet als YAML worden gelezen ({err})")) from None
    if tree is None:
        raise LoadError(Problem(name, 1, 1, "het bestand is leeg"))
    if not isinstance(tree, dict):
        what = "lijst" if isinstance(tree, list) else "losse waarde"
        message = f"het bestand moet velden bevatten (sleutel: waarde), geen {what}"
        lc = getattr(tree, "lc", None)  # a bare tagged value ("!!") has an lc without a position
        line, column = (lc.line + 1, lc.col + 1) if lc is not None and lc.line is not None else (1, 1)
        raise LoadError(Problem(name, line, column, message))
    return tree


def plain(node: Any) -> Any:
    """ruamel's comment-carrying types -> dict, list, str, int, float, bool (what pydantic expects)."""
    if isinstance(node, dict):
        return {plain(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    for kind in (bool, int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node  # None, dates: rejected by the models with a clear message


_DUPLICATE = re.compile(r'found duplicate key "(.*)" with value')
_TRANSLATIONS = (
    ("cannot start any token", "tab gevonden; spring in met spaties"),
    ("mapping values are not allowed", "onverwachte ':'; zet tekst met een dubbele punt tussen aanhalingstekens"),
    ("could not find expected ':'", "':' ontbreekt; schrijf 'sleutel: waarde'"),
    ("expected <block end>", "het inspringen klopt niet"),
    ("found undefined alias", "verwijzing naar een onbekend anker (*naam)"),
    ("expected ',' or ']'", "lijst met [ is niet afgesloten met ]"),
    ("expected ',' or '}'", "mapping met { is niet afgesloten met }"),
    ("another document", "meer dan één YAML-document; een scenario is één document"),
)


def yaml_problem(err: YAMLError, text: str, name: str) -> Problem:
    """A YAML syntax error as a Problem at its mark, in plain Dutch where we know the error."""
    if isinstance(err, ReaderError):
        return Problem(name, *position(text, err.position), f"ongeldig teken {err.character!r} in het bestand")
    if not isinstance(err, MarkedYAMLError):
        return Problem(name, 1, 1, f"YAML-fout: {err}")
    problem, context = err.problem or "", err.context or ""
    mark = err.problem_mark or err.context_mark
    duplicate = _DUPLICATE.search(problem)
    if duplicate:
        message = f"sleutel '{duplicate.group(1)}' komt twee keer voor"
    else:
        detail = f"{problem} ({context})" if context else problem
        message = next((dutch for english, dutch in _TRANSLATIONS if english in problem), f"YAML-fout: {detail}")
    if "quoted scalar" in context:
        message = "aanhalingsteken wordt niet afgesloten"
    if "quoted scalar" in context or "flow" in context:  # point at where the quote or bracket opened
        mark = err.context_mark or mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(name, line, column, message)
