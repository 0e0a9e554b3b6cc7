"""Model validation with pydantic, its errors translated into Dutch Findings for authors."""

from __future__ import annotations

import difflib
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .model import COMPARISON_PATTERN, ID_PATTERN, MODULE_PATTERN, NON_BLANK_PATTERN
from .problems import Finding, Loc
from .union import KINDS, MODELS, SCENARIO_ADAPTER, Scenario

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


def validate_model(data: dict[str, Any], text: str | None = None) -> tuple[Scenario | None, list[Finding]]:
    """The validated model, or None with a Finding per pydantic error. With the file's `text`, a key that is
    indented into the wrong mapping gets one message with the column it belongs at."""
    try:
        return SCENARIO_ADAPTER.validate_python(data), []
    except ValidationError as err:
        kind = data.get("kind")
        errors = _without_union_tags(err.errors(include_url=False))
        found = [translate(error, kind) for error in errors]
        found = _misplaced_keys(list(dict.fromkeys(found)), data, text)
        found = _misplaced_items(found, data, text, kind)
        return None, _without_typo_echoes(found, kind)


def _misplaced_keys(found: list[Finding], data: dict[str, Any], text: str | None) -> list[Finding]:
    """`endings:` indented into the last situation makes pydantic report two things: 'endings' missing at the
    top and an unknown field 'endings' deeper down. Both are one mistake (the indentation): one Finding at
    the misplaced key that names where it belongs and at which column."""
    missing = {f.loc: f for f in found if f.message.startswith("verplicht veld")}
    merged: dict[Finding, Finding] = {}
    for finding in found:
        if not finding.at_key or not finding.message.startswith("onbekend veld"):
            continue
        name, inside = finding.loc[-1], finding.loc[:-1]
        for depth in range(len(inside) - 1, -1, -1):  # the nearest mapping above that lacks this field
            parent = inside[:depth]
            if (*parent, name) in missing:
                message = _misplaced_message(str(name), parent, inside, data, text)
                merged[missing.pop((*parent, name))] = merged[finding] = Finding(finding.loc, message, at_key=True)
                break
    return list(dict.fromkeys(merged.get(f, f) for f in found))


def _misplaced_message(name: str, parent: Loc, inside: Loc, data: dict[str, Any], text: str | None) -> str:
    where = describe(inside, data)
    home = "het hoofdniveau van het bestand" if not parent else describe(parent, data)
    column, sibling = _key_column(parent, data, text)
    fix = f"zet '{name}:' op kolom {column}" + (f", net als '{sibling}'" if sibling else "") if column else (
        f"laat '{name}:' even ver inspringen als de andere velden van {home}")
    return (f"'{name}' springt te ver in: het staat nu in {where}, maar hoort bij {home}; {fix} "
            "(zolang dit niet klopt, is de rest van het bestand niet helemaal gecontroleerd)")


def _misplaced_items(found: list[Finding], data: dict[str, Any], text: str | None, kind: Any) -> list[Finding]:
    """A list item indented into the list of the item above it (a situation among the choices of the situation
    before it) gives unknown fields and missing fields; report it as the one indentation mistake it is."""
    if kind not in MODELS:
        return found
    groups: dict[Loc, list[Finding]] = {}
    for f in found:
        if (f.at_key and f.message.startswith("onbekend veld")) or f.message.startswith("verplicht veld"):
            groups.setdefault(f.loc[:-1], []).append(f)
    replaced: dict[Finding, Finding] = {}
    for item, group in groups.items():
        unknown = [str(f.loc[-1]) for f in group if f.at_key]
        if len(unknown) < 2 or not item or not isinstance(item[-1], int):
            continue
        for depth in range(len(item) - 3, -1, -1):  # the nearest list above the one the item is in
            home = item[: depth + 1]
            if not isinstance(home[-1], str) or not isinstance(item[depth + 1], int):
                continue
            if set(unknown) <= set(_fields_at(MODELS[kind], home)):
                message = _misplaced_item_message(item, home, unknown, data, text)
                for f in group:
                    replaced[f] = Finding(item, message)
                break
    return list(dict.fromkeys(replaced.get(f, f) for f in found))


def _misplaced_item_message(item: Loc, home: Loc, unknown: list[str], data: dict[str, Any], text: str | None) -> str:
    noun = ITEM_NOUNS.get(str(home[-1]), "onderdeel")
    column = None
    if text is not None:
        from .loader import LoadError, parse_round_trip
        from .positions import locate

        try:
            column = locate(parse_round_trip(text, ""), (*home, 0))[1] - 2  # the dash before the first item
        except LoadError:
            column = None
    fix = (f"zet het streepje op kolom {column}, net als bij de andere" if column and column > 0
           else "laat het even ver inspringen als de andere")  # fmt: skip
    return (f"dit lijkt een {noun} (met {', '.join(unknown)}), maar het staat in {describe(item[:-1], data)}: het "
            f"springt te ver in; {fix} onderdelen van '{home[-1]}' (zolang dit niet klopt, is de rest van het "
            "bestand niet helemaal gecontroleerd)")  # fmt: skip


def describe(loc: Loc, data: Any) -> str:
    """A place in the file in words: "situatie 's1'", "'choices' van situatie 's1'", "keuze 2 van situatie 's1'"."""
    words, node = [], data
    for i, part in enumerate(loc):
        node = node[part] if isinstance(node, (dict, list)) and _has(node, part) else None
        if isinstance(part, int):
            field = str(loc[i - 1]) if i else ""
            named = node.get("id") if isinstance(node, dict) else None
            noun = ITEM_NOUNS.get(field, f"onderdeel van '{field}'")
            words.append(f"{noun} '{named}'" if isinstance(named, str) else f"{noun} {part + 1}")
        elif i == len(loc) - 1:
            words.append(f"'{part}'")
    return " van ".join(reversed(words)) or "het hoofdniveau van het bestand"


ITEM_NOUNS = {"situations": "situatie", "endings": "einde", "choices": "keuze", "meters": "meter",
              "items": "item", "categories": "categorie", "questions": "vraag", "options": "antwoord",
              "perspectives": "perspectief", "sources": "bron", "next": "tak"}  # fmt: skip


def _has(node: Any, part: str | int) -> bool:
    return part in node if isinstance(node, dict) else isinstance(part, int) and 0 <= part < len(node)


def _key_column(parent: Loc, data: dict[str, Any], text: str | None) -> tuple[int | None, str | None]:
    """(column, name) of a key that is correctly placed in the mapping at `parent`."""
    node: Any = data
    for part in parent:
        node = node[part] if isinstance(node, (dict, list)) and _has(node, part) else None
    if text is None or not isinstance(node, dict) or not node:
        return None, None
    from .loader import LoadError, parse_round_trip
    from .positions import locate

    sibling = next(iter(node))
    try:
        return locate(parse_round_trip(text, ""), (*parent, sibling), at_key=True)[1], str(sibling)
    except LoadError:
        return None, None


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
        return Finding(("kind",), f"onbekende soort '{tag}'; kies {', '.join(KINDS[:-1])} of {KINDS[-1]}")
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
        if kind == "string_type" and isinstance(value, dict) and len(value) == 1:  # `- Waarom: leg uit`
            message += "; staat er ': ' in de tekst? Zet de tekst dan tussen aanhalingstekens"
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
