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
from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from .. import inputs
from ..inputs.text import position
from .problems import Problem


class LoadError(Exception):
    """A file that cannot be read as a YAML mapping; carries the one Problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_text(path: Path, name: str) -> str:
    """The file as text under the input policy (regular file, size, strict UTF-8); LoadError with the one
    Problem that says why not. The YAML guard (nesting, aliases, expanded size) is not run here: every
    caller goes on to `validate.check_text`, which runs it once for files and texts alike."""
    try:
        return inputs.read_text(path, inputs.SCENARIO, name)
    except inputs.InputRefused as err:
        raise LoadError(Problem(name, err.line, err.column, err.message)) from None


class _OneTableResolver(VersionedResolver):
    """ruamel's YAML 1.2 resolver, with its table of implicit types looked up once per document.

    The stock resolver asks for the table twice per scalar, and each time works out the YAML version by
    trying the scanner and the serializer of the loader, both missing with the C parser (two exceptions per
    scalar: about a fifth of loading a large scenario). The C parser does not report a `%YAML` directive to
    the resolver, so the version, and with it the table, is the same for the whole document; used only with
    the C parser (the pure parser can switch versions mid-stream).
    """

    @property
    def versioned_resolver(self) -> Any:
        try:
            return self._ilomo_table
        except AttributeError:
            self._ilomo_table: Any = VersionedResolver.versioned_resolver.fget(self)
            return self._ilomo_table


def _yaml(typ: str) -> YAML:
    yaml = YAML(typ=typ, pure=typ == "rt")
    yaml.allow_duplicate_keys = False
    if yaml.Parser is CParser and yaml.Resolver is VersionedResolver:
        yaml.Resolver = _OneTableResolver
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


_PLAIN = frozenset({str, int, float, bool, type(None)})


def plain(node: Any) -> Any:
    """ruamel's comment-carrying types -> dict, list, str, int, float, bool (what pydantic expects)."""
    if type(node) in _PLAIN:  # most values: nothing to convert (the fast loader's are all of this kind)
        return node
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
    colon_in_flow = ("flow" in context and "but got ':'" in problem and err.problem_mark is not None
                     and err.context_mark is not None and err.problem_mark.line == err.context_mark.line)  # fmt: skip
    if colon_in_flow:  # `{title: Let op: lastig}`: the second ': ' ends the key, not the mapping
        message = ("tweede ':' binnen {…} of […]: zet tekst met een dubbele punt tussen aanhalingstekens, "
                   'bijvoorbeeld {title: "Let op: dit is lastig"}')  # fmt: skip
    elif "quoted scalar" in context or "flow" in context or "could not find expected ':'" in problem:
        mark = err.context_mark or mark  # where the quote, bracket or key started, not where the parser noticed
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    placed = indentation(err, text.splitlines(), line) if mark and not duplicate else None
    if placed:
        line, column, message = placed
    return Problem(name, line, column, message)


_BLOCK_HEADER = re.compile(r"^(\s*)(?:- )?([^\s#:][^:#]*):\s*[|>][-+0-9]*\s*(?:#.*)?$")
_KEY_VALUE = re.compile(r"^(\s*(?:- )*)([^\s#:'\"\[{][^:#]*):(?:\s|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def indentation(err: MarkedYAMLError, lines: list[str], line: int) -> tuple[int, int, str] | None:
    """(line, column, message) for the indentation mistakes behind a parser error, which the parser reports
    later or vaguer than they are: a dedented paragraph in a text block (`text: |`), a key indented further
    than the key above it, and a line that is not in step with its mapping. None: no such mistake found."""
    problem = err.problem or ""
    dedented = _dedented_block_line(lines, line - 1)
    if dedented:
        return dedented
    if "mapping values are not allowed" in problem:
        return _over_indented_key(lines, line - 1)
    if "expected <block end>" in problem and err.context_mark is not None:
        expected, here = err.context_mark.column + 1, _indent(lines[line - 1]) + 1 if line <= len(lines) else 0
        if here and here != expected:
            first = lines[err.context_mark.line].strip().removeprefix("- ").split(":")[0]
            message = (f"het inspringen klopt niet: deze regel begint op kolom {here}, maar hoort op kolom {expected}, "
                       f"net als '{first}' op regel {err.context_mark.line + 1}")  # fmt: skip
            return line, here, message
        if here and lines[err.context_mark.line].lstrip().startswith("- "):
            return _key_inside_list(lines, line - 1)
    return None


def _key_inside_list(lines: list[str], error: int) -> tuple[int, int, str] | None:
    """`key:` at the column of a list's dashes: a field cannot stand between the items of a list. It belongs
    next to the key that owns the list."""
    here = _KEY_VALUE.match(lines[error])
    if not here:
        return None
    column = _indent(lines[error])
    owner = next((i for i in range(error - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")
                  and _indent(lines[i]) < column and _KEY_VALUE.match(lines[i])), None)  # fmt: skip
    if owner is None:
        return None
    key, list_key = here.group(2).strip(), _KEY_VALUE.match(lines[owner]).group(2).strip()
    message = (f"'{key}' staat tussen de onderdelen van de lijst '{list_key}' (regel {owner + 1}); zet '{key}:' op "
               f"kolom {_indent(lines[owner]) + 1}, net als '{list_key}'")  # fmt: skip
    return error + 1, column + 1, message


def _dedented_block_line(lines: list[str], error: int) -> tuple[int, int, str] | None:
    """A line inside a text block (`key: |` or `key: >`) indented less than the block's first line ends the
    block early; the parser then complains about the line after it. Find that line."""
    for header in range(min(error, len(lines)) - 1, -1, -1):
        match = _BLOCK_HEADER.match(lines[header])
        if not match:
            continue
        body = [i for i in range(header + 1, min(error + 1, len(lines))) if lines[i].strip()]
        if not body:
            return None
        column = _indent(lines[body[0]])
        for i in body[1:]:
            if _indent(lines[i]) >= column:
                continue
            if _KEY_VALUE.match(lines[i]) or lines[i].lstrip().startswith("-"):
                return None  # the block ended properly; the mistake is elsewhere
            if not lines[i - 1].strip():  # a new paragraph after a blank line, not indented like the text
                key = match.group(2).strip()
                message = (f"deze regel hoort bij de tekst van '{key}' (regel {header + 1}), maar springt minder "
                           f"ver in; zet hem op kolom {column + 1}, net als de regels erboven")  # fmt: skip
                return i + 1, _indent(lines[i]) + 1, message
        return None
    return None


def _over_indented_key(lines: list[str], error: int) -> tuple[int, int, str] | None:
    """`key: value` indented further than the key on the line above reads as more text of that value, so
    the parser stops at its ':'. Name the key and the column it belongs at."""
    if error >= len(lines):
        return None
    here = _KEY_VALUE.match(lines[error])
    above = next((i for i in range(error - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
                 None)  # fmt: skip
    previous = _KEY_VALUE.match(lines[above]) if above is not None else None
    if not here or not previous or len(here.group(1)) <= len(previous.group(1)):
        return None
    expected = len(previous.group(1)) + 1
    key, above_key = here.group(2).strip(), previous.group(2).strip()
    message = (f"'{key}' springt verder in dan '{above_key}' op regel {above + 1}; zet '{key}:' op kolom {expected}, "
               f"net als '{above_key}'")  # fmt: skip
    return error + 1, _indent(lines[error]) + 1, message
