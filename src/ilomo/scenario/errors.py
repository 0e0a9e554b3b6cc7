"""Model validation with pydantic, its errors translated into Dutch Findings for authors."""

from __future__ import annotations

import difflib
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .model import (
    COMPARISON_PATTERN,
    ID_PATTERN,
    KINDS,
    MODULE_PATTERN,
    NON_BLANK_PATTERN,
    SCENARIO_ADAPTER,
    Dilemma,
    Reflectie,
    Scenario,
    Sortering,
    Stelling,
)
from .problems import Finding, Loc

MODELS: dict[str, type[BaseModel]] = {
    "dilemma": Dilemma,
    "sortering": Sortering,
    "stelling": Stelling,
    "reflectie": Reflectie,
}
EXAMPLE = 'schrijf bijvoorbeeld ">= 3" (met >=, <=, >, <, == of !=)'
PATTERN_MESSAGES = {
    NON_BLANK_PATTERN: "'{f}' mag niet leeg zijn",
    ID_PATTERN: "{v!r} is geen geldige id: gebruik kleine letters, cijfers en '-', en begin niet met '-'",
    MODULE_PATTERN: '\'module\' moet "01" t/m "09", "leerlijn-…" of "demo" zijn, niet {v!r}',
    COMPARISON_PATTERN: "vergelijking {v!r} klopt niet; " + EXAMPLE,
}
TYPE_MESSAGES = {
    "string_type": "'{f}' moet tekst zijn",
    "int_type": "'{f}' moet een geheel getal zijn",
    "bool_type": "'{f}' moet true of false zijn",
    "list_type": "'{f}' moet een lijst zijn",
    "dict_type": "'{f}' moet velden bevatten (sleutel: waarde)",
    "model_type": "'{f}' moet velden bevatten (sleutel: waarde)",
    "model_attributes_type": "'{f}' moet velden bevatten (sleutel: waarde)",
}


def validate_model(data: dict[str, Any]) -> tuple[Scenario | None, list[Finding]]:
    """The validated model, or None with a Finding per pydantic error."""
    try:
        return SCENARIO_ADAPTER.validate_python(data), []
    except ValidationError as err:
        kind = data.get("kind")
        errors = _without_union_tags(err.errors(include_url=False))
        found = [translate(error, kind) for error in errors]
        return None, _without_typo_echoes(list(dict.fromkeys(found)), kind)


NEXT_TAGS = ("constrained-str", "list[Branch]")


def _without_union_tags(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """`next` is an id or a list of branches: report the errors of the form the author wrote (a list:
    the branch errors; anything else: the id errors), without pydantic's union tag in the loc."""
    kept = []
    for error in errors:
        loc = tuple(error["loc"])
        tag = next((i for i, part in enumerate(loc) if part in NEXT_TAGS), None)
        if tag is None:
            kept.append(error)
            continue
        wrote_list = isinstance(error["input"], list) or tag + 1 < len(loc)
        if (loc[tag] == "list[Branch]") != wrote_list:
            continue
        if loc[tag] == "list[Branch]" and error["type"] == "list_type":
            continue
        kept.append({**error, "loc": loc[:tag] + loc[tag + 1 :]})
    return kept


def _without_typo_echoes(found: list[Finding], kind: Any) -> list[Finding]:
    """A misspelt field (`feedbak`) also makes the real one missing: report only the misspelling."""
    meant = set()
    for finding in found:
        if finding.at_key:
            close = _closest(str(finding.loc[-1]), finding.loc[:-1], kind)
            meant.update({(*finding.loc[:-1], close)} if close else set())
    return [f for f in found if not (f.message.startswith("verplicht veld") and f.loc in meant)]


def translate(error: ErrorDetails, kind: Any) -> Finding:
    """One pydantic error as a Finding; the discriminator tag is dropped from its loc."""
    loc: Loc = tuple(error["loc"])
    if kind in KINDS and loc[:1] == (kind,):
        loc = loc[1:]
    kind_error = _kind_error(error)
    if kind_error:
        return kind_error
    if error["type"] == "extra_forbidden":
        return Finding(loc, _unknown_field(loc, kind), at_key=True)
    if loc[-1:] == ("[key]",) or error["type"] == "invalid_key":
        return Finding(loc[:-1] if loc[-1:] == ("[key]",) else loc, f"veldnaam {error['input']!r} moet tekst zijn")
    return Finding(loc, _message(error, loc))


def _kind_error(error: ErrorDetails) -> Finding | None:
    if error["type"] == "union_tag_not_found":
        return Finding(("kind",), "verplicht veld 'kind' ontbreekt")
    if error["type"] == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag")
        return Finding(("kind",), f"onbekende soort '{tag}'; kies dilemma, sortering, stelling of reflectie")
    return None


def _message(error: ErrorDetails, loc: Loc) -> str:
    kind, value, ctx = error["type"], error["input"], error.get("ctx", {})
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "waarde")
    comparison = len(loc) >= 2 and loc[-2] in ("requires", "condition")
    if kind == "missing":
        hint = (
            "; schrijf better: higher (hoger is beter) of better: lower (lager is beter)" if field == "better" else ""
        )
        return f"verplicht veld '{field}' ontbreekt{hint}"
    if kind == "literal_error":
        return f"'{field}' moet {ctx.get('expected', '').replace(' or ', ' of ')} zijn, niet {value!r}"
    if kind == "string_pattern_mismatch":
        return PATTERN_MESSAGES.get(ctx.get("pattern"), "'{f}' heeft een ongeldige waarde").format(f=field, v=value)
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"'{field}' moet minstens {n} {'onderdeel' if n == 1 else 'onderdelen'} bevatten"
    if kind in TYPE_MESSAGES:
        if value is None:
            return f"'{field}' heeft geen waarde"
        if comparison:
            return f"vergelijking voor '{field}' moet tekst zijn; {EXAMPLE}"
        message = TYPE_MESSAGES[kind].format(f=field)
        if kind == "string_type" and isinstance(value, (int, float, bool)):
            message += "; zet de waarde tussen aanhalingstekens"
        return message
    return f"'{field}': {error['msg']}"


def _unknown_field(loc: Loc, kind: Any) -> str:
    close = _closest(str(loc[-1]), loc[:-1], kind)
    return f"onbekend veld '{loc[-1]}'" + (f"; bedoel je '{close}'?" if close else "")


def _closest(name: str, parent: Loc, kind: Any) -> str | None:
    """The allowed field of the mapping at `parent` that `name` probably means."""
    allowed = _fields_at(MODELS[kind], parent) if kind in MODELS else []
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model found at `loc` (list indexes skipped)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _inner(current.model_fields[part].annotation)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _inner(annotation: Any) -> Any:
    """list[Choice] -> Choice; Text | None -> Text."""
    while get_args(annotation) and get_origin(annotation) is not dict:
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    return annotation
