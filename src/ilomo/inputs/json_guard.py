"""JSON read under the input policy: nesting measured before parsing, no Infinity/NaN, no huge integers,
no lone surrogates. The browser importer (ilomo-journal.js) applies the same rules to the same test files
(tests/hostile/journal/)."""

from __future__ import annotations

import json
from typing import Any

from .policy import InputRefused, Limits, number
from .text import SURROGATE, position


def nesting(text: str, limit: int) -> int | None:
    """Offset of the first bracket that opens level `limit + 1` (outside strings), or None. Iterative."""
    depth = 0
    in_string = escaped = False
    for offset, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return offset
        elif char in "]}":
            depth -= 1
    return None


def _refuse_constant(name: str):
    def refuse(constant: str) -> Any:
        raise InputRefused(name, f"'{constant}' is geen geldig getal in dit bestand")
    return refuse


def _int(name: str, limits: Limits):
    def parse(literal: str) -> int:
        if len(literal.lstrip("-")) > limits.max_digits:
            raise InputRefused(name, f"een getal is te lang ({len(literal)} cijfers)")
        return int(literal)
    return parse


def loads(text: str, limits: Limits, name: str) -> Any:
    """Parsed JSON, or InputRefused with the position where that can be known."""
    deep = nesting(text, limits.max_depth)
    if deep is not None:
        raise InputRefused(name, f"te diep genest: meer dan {limits.max_depth} niveaus", *position(text, deep))
    try:
        data = json.loads(text, parse_constant=_refuse_constant(name), parse_int=_int(name, limits))
    except json.JSONDecodeError as err:
        raise InputRefused(name, f"geen geldige JSON: {_dutch(err.msg)}", err.lineno, err.colno) from None
    except RecursionError:  # pragma: no cover - nesting() caught it
        raise InputRefused(name, f"te diep genest: meer dan {limits.max_depth} niveaus") from None
    _check_strings(data, limits, name)
    return data


_MESSAGES = {
    "Expecting value": "hier verwacht ik een waarde",
    "Expecting property name enclosed in double quotes": "hier verwacht ik een sleutel tussen dubbele aanhalingstekens",
    "Expecting ',' delimiter": "hier ontbreekt een komma",
    "Expecting ':' delimiter": "hier ontbreekt een dubbele punt",
    "Unterminated string starting at": "een tekst wordt niet afgesloten met \"",
    "Extra data": "na het einde staat nog meer tekst",
    "Invalid control character at": "een ongeldig teken in een tekst",
    "Invalid \\escape": "een ongeldige \\-code in een tekst",
}


def _dutch(message: str) -> str:
    return next((dutch for english, dutch in _MESSAGES.items() if message.startswith(english)), message)


def _check_strings(data: Any, limits: Limits, name: str) -> None:
    """Refuse over-long texts and lone surrogates anywhere in keys or values (iteratively)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            if len(item) > limits.max_text:
                raise InputRefused(name, f"een tekst is te lang: {number(len(item))} tekens, hoogstens "
                                         f"{number(limits.max_text)}")
            if SURROGATE.search(item):
                raise InputRefused(name, "een tekst bevat een ongeldig teken (een losse surrogaat, \\ud800-\\udfff)")
