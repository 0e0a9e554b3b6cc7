"""JSON read under the input policy. Before parsing, one scan of the text (`scan`) refuses what JSON parsers
disagree on or choke on: nesting deeper than the limit, the constants Infinity/NaN (Python accepts them, browsers
do not) and numbers with more digits than the limit (Python refuses > 4300 with a traceback, browsers round them to
Infinity). After parsing, every text is measured and its lone surrogates (``"\\ud800"``, which no UTF-8 file can
hold) are refused or, where the policy says so (`Limits.surrogates`), replaced by U+FFFD and counted.

The site's importer (``sphinxext/static/ilomo-journal.js``, ``scanJson``) makes the same scan in the same order with
the same messages; the shared files under ``tests/hostile/journal/`` hold both to that.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .policy import InputRefused, Limits, number
from .text import SURROGATE, position, replace_surrogates

# The tokens that matter outside strings. A string runs to its closing quote (or to the end of an unterminated
# text); a number is a maximal run of number characters from a '-' or a digit. Anything else is skipped.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|[\[\]{}]|[-0-9][-+0-9.eE]*|Infinity|NaN', re.S)


def scan(text: str, limits: Limits, name: str) -> None:
    """InputRefused (with its position) for the first bracket past the nesting limit, the first Infinity or NaN,
    or the first number with more than `limits.max_digits` digits; strings are skipped. Iterative."""
    depth = 0
    for token in _TOKEN.finditer(text):
        first = token.group()[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise InputRefused(name, f"te diep genest: meer dan {limits.max_depth} niveaus",
                                   *position(text, token.start()))
        elif first in "]}":
            depth -= 1
        elif first in "IN":
            raise InputRefused(name, f"'{token.group()}' is geen geldig getal in dit bestand",
                               *position(text, token.start()))
        else:
            digits = sum(c.isdigit() for c in token.group())
            if digits > limits.max_digits:
                raise InputRefused(name, f"een getal is te lang ({number(digits)} cijfers)",
                                   *position(text, token.start()))


def nesting(text: str, limit: int) -> int | None:
    """Offset of the first bracket that opens level `limit + 1` (outside strings), or None."""
    depth = 0
    for token in _TOKEN.finditer(text):
        first = token.group()[0]
        if first in "[{":
            depth += 1
            if depth > limit:
                return token.start()
        elif first in "]}":
            depth -= 1
    return None


def _refuse_constant(name: str):
    def refuse(constant: str) -> Any:  # pragma: no cover - scan() refused it first
        raise InputRefused(name, f"'{constant}' is geen geldig getal in dit bestand")
    return refuse


def loads_counted(text: str, limits: Limits, name: str) -> tuple[Any, int]:
    """(parsed JSON, how many lone surrogates were replaced by U+FFFD), or InputRefused with the position where
    that can be known. Lone surrogates are refused unless ``limits.surrogates == "replace"``."""
    scan(text, limits, name)
    try:
        data = json.loads(text, parse_constant=_refuse_constant(name))
    except json.JSONDecodeError as err:
        raise InputRefused(name, f"geen geldige JSON: {_dutch(err.msg)}", err.lineno, err.colno) from None
    except (RecursionError, ValueError):  # pragma: no cover - scan() refused it first
        raise InputRefused(name, "geen geldige JSON") from None
    return _clean(data, limits, name)


def loads(text: str, limits: Limits, name: str) -> Any:
    """Parsed JSON (see `loads_counted`)."""
    return loads_counted(text, limits, name)[0]


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


def text_length(text: str) -> int:
    """A text's length as JavaScript counts it (UTF-16 code units), so both importers measure alike."""
    return len(text) + sum(1 for char in text if char > "\uffff")


def _clean(data: Any, limits: Limits, name: str) -> tuple[Any, int]:
    """Refuse over-long texts; refuse or replace lone surrogates in keys and values. Recursive: `scan` has bounded
    the depth."""
    replaced = 0

    def text(value: str) -> str:
        nonlocal replaced
        if SURROGATE.search(value):
            if limits.surrogates != "replace":
                raise InputRefused(name, "een tekst bevat een ongeldig teken (een losse surrogaat, \\ud800-\\udfff)")
            value, count = replace_surrogates(value)
            replaced += count
        if text_length(value) > limits.max_text:
            raise InputRefused(name, f"een tekst is te lang: {number(text_length(value))} tekens, hoogstens "
                                     f"{number(limits.max_text)}")
        return value

    def walk(item: Any) -> Any:
        if isinstance(item, dict):
            return {text(key): walk(value) for key, value in item.items()}
        if isinstance(item, list):
            return [walk(value) for value in item]
        return text(item) if isinstance(item, str) else item

    return walk(data), replaced
